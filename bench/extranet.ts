// The extranet on 100,000 numbers, in Debian's Chromium: time from opening the dashboard to its last panel, from
// opening the numbers list to its first page on screen, and from the last keystroke of a partial-digit search to the filtered rows (the search box's 150 ms wait
// included), on PGlite and, when BENCH_DATABASE_URL or the local server answers, on PostgreSQL.
//   npm run build && npx tsx bench/extranet.ts        (BENCH_NUMEROS=100000, BENCH_PGLITE=0, BENCH_POSTGRES=0,
//   BENCH_DETAIL=1 to list the API requests each search made, with their time in the browser)

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { connecter, lancerNavigateur } from "../test/helpers/navigateur.js";
import { cli, lancerServeur } from "../test/helpers/processus.js";

const N = Number(process.env.BENCH_NUMEROS ?? 100_000);
const maintenance = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ADMIN = "mot-de-passe-bench-42";

async function mesurer(nom: string, env: Record<string, string>) {
  const r = cli(["seed-demo", "--numeros", String(N)], env);
  if (r.code !== 0) throw new Error(r.stderr);
  const s = await lancerServeur(env, 120_000);
  const navigateur = await lancerNavigateur();
  try {
    // three rounds, each in a browser context of its own: nothing cached from the round before
    for (let manche = 1; manche <= 3; manche++) {
      const contexte = await navigateur.newContext({
        viewport: { width: 1366, height: 768 },
        locale: "fr-FR",
      });
      const page = await contexte.newPage();
      await connecter(page, s.url, "admin", ADMIN);
      await page.getByTestId("tableau-de-bord").getByText("Numéros par statut").waitFor();
      // the dashboard opened again, until its last panel (the orders waiting) is on screen
      await page.goto(`${s.url}/admin/telephony/#/dids`);
      await page.locator("[data-testid=numero]").first().waitFor();
      const td = performance.now();
      await page.goto(`${s.url}/admin/telephony/#/`);
      await page.getByTestId("tableau-de-bord").getByText("Numéros par statut").waitFor();
      await page.getByTestId("commandes-en-attente").waitFor();
      const tableau = performance.now() - td;
      const t0 = performance.now();
      await page.goto(`${s.url}/admin/telephony/#/dids`);
      await page.locator("[data-testid=numero]").first().waitFor();
      const liste = performance.now() - t0;
      const recherche = page.getByPlaceholder("Numéro, chiffres partiels");
      const motif = "68 53";
      // the API requests the search made, with their time in the browser: what a slow search waited for
      const requetes: string[] = [];
      const noter = (r: import("playwright-core").Request) => {
        const t = r.timing();
        if (r.url().includes("/api/v1/"))
          requetes.push(`${t.responseEnd.toFixed(0)} ms ${r.url().replace(s.url, "")}`);
      };
      page.on("requestfinished", noter);
      const t1 = performance.now();
      await recherche.fill(motif);
      const chiffres = motif.replace(/\D/g, "");
      await page.waitForFunction((c) => {
        const cellules = [...document.querySelectorAll("[data-testid=numero]")];
        return (
          cellules.length > 0 && cellules.every((x) => (x.textContent ?? "").replace(/\D/g, "").includes(c))
        );
      }, chiffres);
      const trouve = performance.now() - t1;
      page.off("requestfinished", noter);
      console.log(
        `${nom.padEnd(10)} ${N} numéros, manche ${manche} : tableau de bord ${tableau.toFixed(0)} ms, première page ${liste.toFixed(0)} ms, recherche « ${motif} » ${trouve.toFixed(0)} ms`,
      );
      if (process.env.BENCH_DETAIL === "1") for (const r of requetes) console.log(`           ${r}`);
      await contexte.close();
    }
  } finally {
    await navigateur.close();
    await s.arreter();
  }
}

if (process.env.BENCH_PGLITE !== "0") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-extranet-"));
  try {
    await mesurer("PGlite", {
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_POSTGRES !== "0") {
  const nomBase = `tel_bench_extranet_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nomBase}`);
  const url = new URL(maintenance);
  url.pathname = `/${nomBase}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-extranet-"));
  try {
    await mesurer("PostgreSQL", {
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN,
      DATABASE_URL: url.toString(),
      LOG_LEVEL: "warn",
    });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${nomBase} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
