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

async function mesurer(nom: string, database: Database) {
  await migrer(database.db);
  await seedReference(database.db);
  await sql`INSERT INTO tel_client (code, nom) SELECT 'BENCH_' || g, 'Bench ' || g FROM generate_series(0, 19) g`.execute(
    database.db,
  );
  await sql`INSERT INTO tel_campaign (client_id, code, nom)
    SELECT c.id, 'CAMP_' || substr(c.code, 7) || '_' || g, 'Campagne ' || g FROM tel_client c, generate_series(0, 4) g
    WHERE c.code LIKE 'BENCH_%'`.execute(database.db);
  for (const type of ["numeros", "affectations"] as const) {
    const t0 = performance.now();
    const r = await importer(database.db, acteurCli(), type, await lireTableau(fichiers[type]));
    const s = (performance.now() - t0) / 1000;
    if (!r.ecrit || r.a_creer !== N)
      throw new Error(`${type}: ${JSON.stringify({ ...r, rejets: r.rejets.slice(0, 3) })}`);
    console.log(
      `${nom.padEnd(10)} ${type.padEnd(13)} ${N} lignes en ${s.toFixed(1)} s : ${Math.round(N / s)} lignes/s`,
    );
  }
  // the ceiling: the same 100,000 numbers written by the database alone (INSERT ... SELECT of copies under other
  // numbers, rolled back), with the table's foreign keys, unique and trigram indexes, and nothing else
  const plafond = await database.db
    .transaction()
    .execute(async (trx) => {
      const t = performance.now();
      await sql`
        INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, client_id, operateur_id, statut_id,
          cout_mensuel, date_acquisition, created_by, modified_by)
        SELECT indicatif_id, '9' || did, '+339' || did, type_id, region_id, client_id, operateur_id, statut_id,
          cout_mensuel, date_acquisition, created_by, modified_by FROM tel_did WHERE did NOT LIKE '9%'`.execute(
        trx,
      );
      throw Object.assign(new Error("annuler"), { ms: performance.now() - t });
    })
    .catch((e: { ms?: number }) => e.ms ?? Number.NaN);
  console.log(
    `${nom.padEnd(10)} plafond : la base seule écrit ${N} numéros (INSERT … SELECT) en ${(plafond / 1000).toFixed(1)} s : ${Math.round(N / (plafond / 1000))} lignes/s`,
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
