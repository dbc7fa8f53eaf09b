// Import benchmark: 100,000 numbers then 100,000 campaign assignments, from CSV files in memory, through the
// same code as `telephony import` (all or nothing, one transaction each), on PGlite and on PostgreSQL. Then, on a
// fresh database, the server itself: routing lookups from another process (their p99) while a 100,000-row file
// is uploaded and imported through the API, against the same lookups while the server is idle, and the server's
// peak memory during the import.
//   npx tsx bench/import.ts        (BENCH_LIGNES=100000, BENCH_DATABASE_URL=postgres://...@127.0.0.1:5432/postgres)

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import { acteurCli, SYSTEME } from "../src/modules/auth/acteur.js";
import { creerCleApi } from "../src/modules/auth/comptes.service.js";
import { importer } from "../src/modules/transfert/import.service.js";
import { lireTableau } from "../src/modules/transfert/lecture.js";
import { chargeRoutage } from "./charge.js";

const N = Number(process.env.BENCH_LIGNES ?? 100_000);
const maintenance = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// numbers across the five geographic zones, 20 clients; one assignment per number across 100 campaigns
const numeros = ["numero;client;operateur;cout_mensuel;date_acquisition"];
const affectations = ["numero;campagne;alias;priorite;date_debut;entrant;sortant"];
for (let i = 0; i < N; i++) {
  const n = `0${1 + (i % 5)}${String(10_000_000 + Math.floor(i / 5)).padStart(8, "0")}`;
  const client = i % 20;
  numeros.push(`${n};BENCH_${client};Orange;1,50;2026-01-${String(1 + (i % 28)).padStart(2, "0")}`);
  affectations.push(`${n};CAMP_${client}_${i % 5};Accueil;1;2026-01-01T00:00:00Z;oui;non`);
}
const fichiers = {
  numeros: Buffer.from(numeros.join("\n")),
  affectations: Buffer.from(affectations.join("\n")),
};

/**
 * What the database alone takes to make the same writes as the import, in set-based statements over rows it
 * already holds (a temporary table), in the state the import finds: the floor under the import, rolled back.
 */
async function plancher(database: Database, type: "numeros" | "affectations"): Promise<number> {
  return database.db
    .transaction()
    .execute(async (trx) => {
      if (type === "numeros") {
        // the rows the import writes for this file: the zone gives the region, the client BENCH_(i % 20)
        await sql`CREATE TEMP TABLE source ON COMMIT DROP AS
          SELECT fr.id AS indicatif_id, g.n AS did, '+33' || g.n AS e164, op.id AS operateur_id, ty.id AS type_id,
            rg.id AS region_id, cl.id AS client_id, st.id AS statut_id, date '2026-01-01' + (g.i % 28) AS acquisition
          FROM (SELECT i, (1 + i % 5)::text || lpad((10000000 + i / 5)::text, 8, '0') AS n
                FROM generate_series(0, ${N - 1}::int) i) g
          JOIN tel_indicatif fr ON fr.code = 'FR' JOIN tel_operateur op ON op.code = 'ORANGE'
          JOIN tel_type_did ty ON ty.code = 'GEO' JOIN tel_statut_did st ON st.code = 'AFFECTE'
          JOIN tel_region rg ON rg.indicatif_id = fr.id AND rg.code = (ARRAY['IDF', 'NOR', 'NES', 'SES', 'SOU'])[1 + g.i % 5]
          JOIN tel_client cl ON cl.code = 'BENCH_' || (g.i % 20)
          ORDER BY g.i`.execute(trx);
        const t = performance.now();
        await sql`
          WITH crees AS (
            INSERT INTO tel_did (indicatif_id, did, did_format_e164, operateur_id, type_id, region_id, client_id,
              statut_id, cout_mensuel, date_acquisition, created_by, modified_by)
            SELECT indicatif_id, did, e164, operateur_id, type_id, region_id, client_id, statut_id, 1.5, acquisition,
              'bench', 'bench' FROM source
            RETURNING id)
          INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif)
          SELECT id, 'CREATION', 'statut', NULL, 'AFFECTE', 'bench', 'Import' FROM crees`.execute(trx);
        throw Object.assign(new Error("annuler"), { ms: performance.now() - t });
      }
      // each number of client BENCH_k assigned to campaign CAMP_k_(k % 5), as in the file
      await sql`CREATE TEMP TABLE source ON COMMIT DROP AS
        SELECT d.id AS did_id, c.id AS campaign_id, c.code FROM tel_did d
        JOIN tel_client cl ON cl.id = d.client_id
        JOIN tel_campaign c ON c.code = 'CAMP_' || substr(cl.code, 7) || '_' || (substr(cl.code, 7)::int % 5)
        ORDER BY d.id`.execute(trx);
      const t = performance.now();
      await sql`
        WITH crees AS (
          INSERT INTO tel_did_virtual (did_id, campaign_id, alias, priorite, date_debut, entrant, sortant)
          SELECT did_id, campaign_id, 'Accueil', 1, '2026-01-01T00:00:00Z', true, false FROM source
          RETURNING did_id, campaign_id)
        INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif)
        SELECT c.did_id, 'AFFECTATION_CAMPAGNE', 'campagne', NULL, s.code, 'bench', 'Import'
        FROM crees c JOIN source s ON s.did_id = c.did_id`.execute(trx);
      await sql`
        WITH cibles AS (
          UPDATE tel_did d SET statut_id = (SELECT id FROM tel_statut_did WHERE code = 'UTILISE'),
            version = d.version + 1, modified_by = 'bench', date_modification = now()
          FROM source s WHERE s.did_id = d.id
          RETURNING d.id)
        INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif)
        SELECT id, 'CHANGEMENT_STATUT', 'statut', 'AFFECTE', 'UTILISE', 'bench', 'Import' FROM cibles`.execute(
        trx,
      );
      throw Object.assign(new Error("annuler"), { ms: performance.now() - t });
    })
    .catch((e: { ms?: number }) => {
      if (e.ms === undefined) throw e;
      return e.ms / 1000;
    })
    .finally(async () => {
      // the rolled-back rows stay in the tables and their indexes until vacuumed: the import would pay for them
      await sql`VACUUM tel_did, tel_did_historique, tel_did_virtual`.execute(database.db);
    });
}

async function mesurer(nom: string, database: Database) {
  await migrer(database.db);
  await seedReference(database.db);
  await sql`INSERT INTO tel_client (code, nom) SELECT 'BENCH_' || g, 'Bench ' || g FROM generate_series(0, 19) g`.execute(
    database.db,
  );
  await sql`INSERT INTO tel_campaign (client_id, code, nom)
    SELECT c.id, 'CAMP_' || substr(c.code, 7) || '_' || g, 'Campagne ' || g FROM tel_client c, generate_series(0, 4) g
    WHERE c.code LIKE 'BENCH_%'`.execute(database.db);
  let total = 0;
  for (const type of ["numeros", "affectations"] as const) {
    const base = await plancher(database, type);
    const t0 = performance.now();
    const r = await importer(database.db, acteurCli(), type, await lireTableau(fichiers[type]));
    const s = (performance.now() - t0) / 1000;
    if (!r.ecrit || r.a_creer !== N)
      throw new Error(`${type}: ${JSON.stringify({ ...r, rejets: r.rejets.slice(0, 3) })}`);
    total += s;
    console.log(
      `${nom.padEnd(10)} ${type.padEnd(13)} ${N} lignes en ${s.toFixed(1)} s : ${Math.round(N / s)} lignes/s` +
        ` | la base seule, mêmes écritures : ${base.toFixed(1)} s, ${Math.round(N / base)} lignes/s` +
        ` | import/base : ${Math.round((100 * base) / s)} %`,
    );
  }
  console.log(
    `${nom.padEnd(10)} ensemble       ${2 * N} lignes en ${total.toFixed(1)} s : ${Math.round((2 * N) / total)} lignes/s`,
  );
  const again = performance.now();
  const r = await importer(database.db, acteurCli(), "numeros", await lireTableau(fichiers.numeros), {
    simulation: true,
  });
  console.log(
    `${nom.padEnd(10)} re-import (dry run) ${N} lignes en ${((performance.now() - again) / 1000).toFixed(1)} s : ${r.inchanges} inchangées`,
  );
}

/** POSTs a CSV from a child process; resolves to the status and the JSON answer. */
async function televerser(url: string, authorization: string, corps: Buffer) {
  const fichier = path.join(os.tmpdir(), `bench-import-${process.pid}.csv`);
  fs.writeFileSync(fichier, corps);
  const script = `const r = await fetch(process.argv[1], { method: "POST", headers: { authorization: process.argv[2], "content-type": "text/csv" }, body: require("node:fs").readFileSync(process.argv[3]) });
    process.stdout.write(JSON.stringify({ status: r.status, corps: await r.json() }));`;
  const enfant = spawn(
    process.execPath,
    ["--input-type=commonjs", "-e", `(async () => { ${script} })()`, url, authorization, fichier],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let sortie = "";
  enfant.stdout?.on("data", (d) => (sortie += d));
  await new Promise((r) => enfant.on("exit", r));
  fs.rmSync(fichier, { force: true });
  return JSON.parse(sortie) as { status: number; corps: unknown };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The server under an import: lookups' p99 while idle, then during a 100,000-number import through the API. */
async function pendantImport(nom: string, database: Database) {
  await migrer(database.db);
  await seedReference(database.db);
  // the file's clients, and one routed number for the lookups
  await sql`INSERT INTO tel_client (code, nom) SELECT 'BENCH_' || g, 'Bench ' || g FROM generate_series(0, 19) g`.execute(
    database.db,
  );
  await sql`INSERT INTO tel_campaign (client_id, code, nom, hermes_id)
    SELECT id, 'ROUTE', 'Route', 'H1' FROM tel_client WHERE code = 'BENCH_0'`.execute(database.db);
  await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, statut_id, client_id, created_by, modified_by)
    SELECT i.id, '199000001', '+33199000001', s.id, c.id, 'bench', 'bench'
    FROM tel_indicatif i, tel_statut_did s, tel_client c WHERE i.code = 'FR' AND s.code = 'UTILISE' AND c.code = 'BENCH_0'`.execute(
    database.db,
  );
  await sql`INSERT INTO tel_did_virtual (did_id, campaign_id, date_debut, entrant, sortant)
    SELECT d.id, c.id, now() - interval '1 day', true, false FROM tel_did d, tel_campaign c
    WHERE d.did = '199000001' AND c.code = 'ROUTE'`.execute(database.db);
  const app = await buildApp({
    database,
    config: loadConfig({
      LOGIN_RATE_PER_MINUTE: "1000",
      SCHEDULER_INTERVAL_SECONDS: "0",
      IMPORT_MAX_MB: "200",
    }),
  });
  const adresse = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    const hermes = await creerCleApi(database.db, SYSTEME, { nom: "bench-hermes", role: "hermes" });
    const gestion = await creerCleApi(database.db, SYSTEME, { nom: "bench-gestion", role: "gestionnaire" });
    const url = `${adresse}/api/v1/routage/entrant/0199000001`;
    const repos = chargeRoutage(url, `Bearer ${hermes.cle}`);
    await new Promise((r) => setTimeout(r, 5000));
    const auRepos = await repos.arreter();

    global.gc?.();
    const memoireAvant = process.memoryUsage().rss;
    let pic = memoireAvant;
    const sonde = setInterval(() => {
      pic = Math.max(pic, process.memoryUsage().rss);
    }, 25);
    const pendant = chargeRoutage(url, `Bearer ${hermes.cle}`);
    const t0 = performance.now();
    // uploaded from another process, as a person or a script would: the server's event loop does not send it
    const r = await televerser(
      `${adresse}/api/v1/imports/numeros`,
      `Bearer ${gestion.cle}`,
      fichiers.numeros,
    );
    const duree = (performance.now() - t0) / 1000;
    const rapport = r.corps as { a_creer: number; ecrit: boolean };
    const sousImport = await pendant.arreter();
    clearInterval(sonde);
    global.gc?.();
    await new Promise((r) => setTimeout(r, 500));
    const memoireApres = process.memoryUsage().rss;
    if (r.status !== 200 || !rapport.ecrit || rapport.a_creer !== N)
      throw new Error(`import par l'API : ${r.status} ${JSON.stringify(rapport).slice(0, 300)}`);
    const mo = (o: number) => `${Math.round(o / 1024 / 1024)} Mio`;
    console.log(
      `${nom.padEnd(10)} routage au repos         : ${auRepos.n} recherches, p50 ${ms(auRepos.p50)}, p99 ${ms(auRepos.p99)}, max ${ms(auRepos.max)} ${JSON.stringify(auRepos.statuts)}`,
    );
    console.log(
      `${nom.padEnd(10)} routage pendant l'import : ${sousImport.n} recherches, p50 ${ms(sousImport.p50)}, p99 ${ms(sousImport.p99)}, max ${ms(sousImport.max)} ${JSON.stringify(sousImport.statuts)} (import de ${N} numéros par l'API en ${duree.toFixed(1)} s)`,
    );
    console.log(
      `${nom.padEnd(10)} mémoire du serveur       : ${mo(memoireAvant)} avant, pic ${mo(pic)} pendant l'import, ${mo(memoireApres)} après`,
    );
  } finally {
    await app.close();
  }
}

if (process.env.BENCH_PGLITE !== "0") {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    if (process.env.BENCH_DEBIT !== "0") {
      const lite = await openDatabase({ dataDir: path.join(dossier, "pglite") });
      try {
        await mesurer("PGlite", lite);
      } finally {
        await lite.close();
      }
    }
    const lite2 = await openDatabase({ dataDir: path.join(dossier, "pglite2") });
    try {
      await pendantImport("PGlite", lite2);
    } finally {
      await lite2.close();
    }
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

const admin = new pg.Client({ connectionString: maintenance });
await admin.connect();
async function surPostgres(travail: (database: Database) => Promise<void>) {
  const nomBase = `tel_bench_import_${randomBytes(3).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${nomBase}`);
  const url = new URL(maintenance);
  url.pathname = `/${nomBase}`;
  const postgres = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await travail(postgres);
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE IF EXISTS ${nomBase} WITH (FORCE)`);
  }
}
try {
  if (process.env.BENCH_DEBIT !== "0") await surPostgres((db) => mesurer("PostgreSQL", db));
  await surPostgres((db) => pendantImport("PostgreSQL", db));
} finally {
  await admin.end();
}
