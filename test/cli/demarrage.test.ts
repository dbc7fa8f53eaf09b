import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION_SCHEMA } from "../../src/db/migrate.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { cli, lancerServeur } from "../helpers/processus.js";

const MOT_DE_PASSE = "mot-de-passe-de-test-42";

async function connexion(url: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "admin", mot_de_passe: MOT_DE_PASSE }),
  });
  expect(r.status).toBe(200);
  const corps = (await r.json()) as { csrf: string };
  const cookies = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie: cookies, csrf: corps.csrf };
}

describe.each(CIBLES)("starting the server as `npm start` does ($nom)", (cible) => {
  let dataDir: string;
  let base: BaseDeTest | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-"));
    env = { DATA_DIR: dataDir, ADMIN_PASSWORD: MOT_DE_PASSE, DATABASE_URL: "" };
    if (cible.nom === "postgres") {
      // an empty database: the server migrates it itself
      base = await ouvrirBaseDeTest(cible, { migrer: false });
      env.DATABASE_URL = base.url as string;
    }
  });
  afterAll(async () => {
    await base?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // how fast it starts is a benchmark's business (bench/), not a timed assertion on a shared CI machine
  it("answers /api/v1/health once started, and keeps data across a restart", async () => {
    const s1 = await lancerServeur(env);
    // stopped whatever happens: a server left running keeps the data folder locked for the next tests
    try {
      const sante = await fetch(`${s1.url}/api/v1/health`);
      expect(sante.status).toBe(200);
      expect(await sante.json()).toMatchObject({
        ok: true,
        base: cible.nom,
        version_migration: VERSION_SCHEMA,
      });
      expect(s1.sortie()).toContain("/admin/telephony");

      const { cookie, csrf } = await connexion(s1.url);
      const cree = await fetch(`${s1.url}/api/v1/dids`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
        body: JSON.stringify({ numero: "01 42 68 53 00", description: "écrit avant redémarrage" }),
      });
      expect(cree.status).toBe(201);
    } finally {
      await s1.arreter();
    }

    const s2 = await lancerServeur(env);
    try {
      const c2 = await connexion(s2.url);
      const liste = await fetch(`${s2.url}/api/v1/dids?q=0142685300`, { headers: { cookie: c2.cookie } });
      const corps = (await liste.json()) as {
        total: number;
        data: Array<{ did_format_e164: string; description: string }>;
      };
      expect(corps.total).toBe(1);
      expect(corps.data[0]).toMatchObject({
        did_format_e164: "+33142685300",
        description: "écrit avant redémarrage",
      });
    } finally {
      await s2.arreter();
    }
  }, 120_000);

  it("refuses to start on a database migrated by a newer version", async () => {
    if (cible.nom === "postgres") {
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_du_futur', now())");
      await c.end();
    } else {
      // PGlite is a single-writer folder: mark it through the CLI-free path, a plain SQL file run by a short script
      const r = cli(["migrate"], env);
      expect(r.code).toBe(0);
      const { openDatabase } = await import("../../src/db/database.js");
      const d = await openDatabase({ dataDir });
      await d.db
        .insertInto("kysely_migration" as never)
        .values({ name: "9999_du_futur", timestamp: new Date().toISOString() } as never)
        .execute();
      await d.close();
    }
    const r = cli(["migrate"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("version plus récente");
    await expect(lancerServeur(env, 20_000)).rejects.toThrow(/version plus récente/);
  });
});

describe.each(CIBLES)("telephony seed-demo then the API ($nom)", (cible) => {
  let dataDir: string;
  let base: BaseDeTest | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-demo-"));
    env = { DATA_DIR: dataDir, ADMIN_PASSWORD: MOT_DE_PASSE, DATABASE_URL: "" };
    if (cible.nom === "postgres") {
      base = await ouvrirBaseDeTest(cible, { migrer: false });
      env.DATABASE_URL = base.url as string;
    }
  });
  afterAll(async () => {
    await base?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loads a living data set readable through the API, and refuses a second load", async () => {
    const r = cli(["seed-demo"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 clients, 15 campagnes, 2000 numéros/);
    expect(cli(["seed-demo"], env).code).toBe(1);

    // routing files of the demo: a dry run shows them, a publication writes them, a second one has nothing to do
    const apercu = cli(["publish", "--dry-run"], env);
    expect(apercu.code, apercu.stderr).toBe(0);
    expect(apercu.stdout).toMatch(/== recept\.ons → .*hermes\/recept\.ons/);
    expect(fs.existsSync(path.join(dataDir, "hermes", "recept.ons"))).toBe(false);
    const publie = cli(["publish", "--motif", "démo"], env);
    expect(publie.stdout).toMatch(/recept\.ons : version 1 publiée/);
    expect(fs.readFileSync(path.join(dataDir, "hermes", "recept.ons"), "utf8")).toMatch(
      /^\+33\d{9};\d+;[A-Z]+-[A-Z]+;CFG-/m,
    );
    expect(cli(["publish"], env).stdout).toContain("Inchangés : recept.ons, S2.ons");

    const s = await lancerServeur(env);
    try {
      const { cookie } = await connexion(s.url);
      const get = async (p: string) => {
        const res = await fetch(`${s.url}/api/v1${p}`, { headers: { cookie } });
        expect(res.status, p).toBe(200);
        return (await res.json()) as { total: number; data: Array<Record<string, unknown>> };
      };
      const compterCommandes = async (statut: string) => {
        const res = await fetch(`${s.url}/api/v1/commandes?statut=${statut}&par_page=1`, {
          headers: { cookie },
        });
        return ((await res.json()) as { total: number }).total;
      };
      expect((await get("/dids?par_page=1")).total).toBe(2000);
      for (const statut of ["COMMANDE", "DISPONIBLE", "AFFECTE", "UTILISE", "RESILIE"]) {
        expect((await get(`/dids?statut=${statut}&par_page=1`)).total, statut).toBeGreaterThan(0);
      }
      // every type, French zone and operator is represented
      for (const t of (await get("/types-did?par_page=200")).data) {
        expect((await get(`/dids?type_id=${t.id}&par_page=1`)).total, String(t.code)).toBeGreaterThan(0);
      }
      const zones = (await get("/regions?par_page=200")).data.filter((r) =>
        ["IDF", "NOR", "NES", "SES", "SOU"].includes(String(r.code)),
      );
      expect(zones).toHaveLength(5);
      for (const r of zones) {
        expect((await get(`/dids?region_id=${r.id}&par_page=1`)).total, String(r.code)).toBeGreaterThan(0);
      }
      for (const o of (await get("/operateurs?par_page=200")).data) {
        expect((await get(`/dids?operateur_id=${o.id}&par_page=1`)).total, String(o.code)).toBeGreaterThan(0);
      }
      for (const s of ["BROUILLON", "SOUMISE", "VALIDEE", "EN_COURS", "LIVREE", "REJETEE", "ANNULEE"]) {
        expect(await compterCommandes(s), s).toBeGreaterThan(0);
      }
      expect((await get("/clients")).total).toBe(5);
      expect((await get("/campagnes")).total).toBe(15);
      expect((await get("/groupements")).total).toBe(15);
      expect((await get("/configs")).total).toBe(5);
      const dids = await get("/dids?statut=UTILISE&par_page=1");
      expect(dids.data[0]).toMatchObject({ statut: "Utilisé", statut_couleur: "#28A745" });
      expect(dids.data[0]?.client).toBeTruthy();
      const histoire = await get(`/dids/${dids.data[0]?.id}/historique`);
      expect(histoire.data.length).toBeGreaterThan(0);
    } finally {
      await s.arreter();
    }
  }, 240_000);
});
