// Import benchmark: 100,000 numbers then 100,000 campaign assignments, from CSV files in memory, through the
// same code as `telephony import` (all or nothing, one transaction each), on PGlite and on PostgreSQL.
//   npx tsx bench/import.ts        (BENCH_LIGNES=100000, BENCH_DATABASE_URL=postgres://...@127.0.0.1:5432/postgres)

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/database.js";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import { acteurCli } from "../src/modules/auth/acteur.js";
import { importer } from "../src/modules/transfert/import.service.js";
import { lireTableau } from "../src/modules/transfert/lecture.js";

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

if (process.env.BENCH_PGLITE !== "0") {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const lite = await openDatabase({ dataDir: path.join(dossier, "pglite") });
  try {
    await mesurer("PGlite", lite);
  } finally {
    await lite.close();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

const nomBase = `tel_bench_import_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client({ connectionString: maintenance });
await admin.connect();
await admin.query(`CREATE DATABASE ${nomBase}`);
const url = new URL(maintenance);
url.pathname = `/${nomBase}`;
const postgres = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
try {
  await mesurer("PostgreSQL", postgres);
} finally {
  await postgres.close();
  await admin.query(`DROP DATABASE IF EXISTS ${nomBase} WITH (FORCE)`);
  await admin.end();
}
