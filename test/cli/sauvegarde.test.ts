import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { sessionApi } from "../helpers/navigateur.js";
import { cli, lancerServeur, MAIN, RACINE } from "../helpers/processus.js";

const ADMIN = "mot-de-passe-admin-42";

/** The CLI without blocking this process: the load loop below keeps running while it works. */
function cliAsync(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...args], { cwd: RACINE, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Row count and checksum of every table, read directly from the database (the server stopped). */
async function empreinte(env: Record<string, string>) {
  const database = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR as string },
  );
  try {
    const tables = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(database.db);
    const resultat: Record<string, string> = {};
    for (const { t } of tables.rows) {
      const r = await sql<{ n: number; somme: string }>`SELECT count(*)::int AS n,
        md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS somme FROM ${sql.table(t)} x`.execute(
        database.db,
      );
      resultat[t] = `${r.rows[0]?.n}:${r.rows[0]?.somme}`;
    }
    return resultat;
  } finally {
    await database.close();
  }
}

describe.each(CIBLES)("telephony backup and restore ($nom)", (cible) => {
  const bases: BaseDeTest[] = [];
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-sauvegarde-"));
  afterAll(async () => {
    for (const b of bases) await b.close();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("backs up while the server serves, and restores an identical database into a wiped one", async () => {
    const env: Record<string, string> = {
      DATA_DIR: path.join(dossier, "data"),
      DATABASE_URL: "",
      ADMIN_PASSWORD: ADMIN,
    };
    if (cible.nom === "postgres") {
      const b = await ouvrirBaseDeTest(cible, { migrer: false });
      bases.push(b);
      env.DATABASE_URL = b.url as string;
    }
    const serveur = await lancerServeur(env, 60_000);
    const fichier = path.join(dossier, cible.nom === "postgres" ? "base.dump" : "base.tar.gz");
    try {
      const admin = await sessionApi(serveur.url, "admin", ADMIN);
      const client = await admin<{ id: number }>("POST", "/clients", { code: "SAUVE", nom: "Client sauvé" });
      const campagne = await admin<{ id: number }>("POST", "/campagnes", {
        client_id: client.id,
        code: "SAUVE-SAV",
        nom: "SAV",
      });
      for (let i = 0; i < 20; i++) {
        const d = await admin<{ id: number }>("POST", "/dids", {
          numero: `01420050${String(i).padStart(2, "0")}`,
          client_id: client.id,
        });
        if (i < 5) await admin("POST", "/affectations", { did_id: d.id, campaign_id: campagne.id });
      }
      const { cle } = await admin<{ cle: string }>("POST", "/cles-api", { nom: "sauvegarde", role: "admin" });

      // requests keep coming while the copy is taken
      let continuer = true;
      let servies = 0;
      const charge = (async () => {
        while (continuer) {
          const r = await fetch(`${serveur.url}/api/v1/dids?q=01420050`, {
            headers: { authorization: `Bearer ${cle}` },
          });
          if (r.status === 200) servies++;
          await r.arrayBuffer();
        }
      })();
      const sauvegarde = await cliAsync(
        ["backup", fichier, ...(cible.nom === "pglite" ? ["--url", serveur.url, "--cle", cle] : [])],
        env,
      );
      continuer = false;
      await charge;
      expect(sauvegarde.code, sauvegarde.stderr).toBe(0);
      expect(sauvegarde.stdout).toContain("Sauvegarde écrite");
      expect(servies).toBeGreaterThan(0);
      // the backup is in the audit log, and the copy holds that record (written before the copy is taken)
      const audit = await admin<{ total: number }>("GET", "/audit?action=SAUVEGARDE");
      expect(audit.total).toBe(1);
    } finally {
      await serveur.arreter();
    }
    const avant = await empreinte(env);
    expect(avant.tel_did).toMatch(/^20:/);

    // the database is lost
    if (cible.nom === "pglite") fs.rmSync(env.DATA_DIR as string, { recursive: true, force: true });
    else {
      const d = await openDatabase({ databaseUrl: env.DATABASE_URL as string });
      await sql`DROP SCHEMA public CASCADE`.execute(d.db);
      await sql`CREATE SCHEMA public`.execute(d.db);
      await d.close();
    }
    const restauration = cli(["restore", fichier], env);
    expect(restauration.code, restauration.stderr).toBe(0);
    expect(await empreinte(env)).toEqual(avant);

    // over a database that holds data: refused, unless --force (the embedded one is kept aside)
    const refus = cli(["restore", fichier], env);
    expect(refus.code).toBe(1);
    expect(refus.stderr).toContain("BASE_NON_VIDE");
    const force = cli(["restore", fichier, "--force"], env);
    expect(force.code, force.stderr).toBe(0);
    expect(await empreinte(env)).toEqual(avant);
    if (cible.nom === "pglite")
      expect(fs.readdirSync(dossier).some((f) => f.startsWith("data.avant-restauration-"))).toBe(true);
    // and the server starts on it
    const redemarre = await lancerServeur(env, 60_000);
    try {
      const r = await fetch(`${redemarre.url}/api/v1/dids?q=01420050`, {
        headers: { cookie: "" },
      });
      expect(r.status).toBe(401);
      const admin = await sessionApi(redemarre.url, "admin", ADMIN);
      expect((await admin<{ total: number }>("GET", "/dids?q=01420050")).total).toBe(20);
    } finally {
      await redemarre.arreter();
    }
  }, 240_000);
});
