// Carrier reconciliation benchmark on PostgreSQL: an inventory of 1,000,000 numbers of one operator against a
// carrier file of 1,000,000 lines (matching, terminated and billed, unknown, price and reference differences), through
// the same code as `telephony rapprochement` and POST /rapprochements. Prints the time, the phases' share and the
// process's peak memory (the file is read in a worker thread of the same process).
//   npx tsx bench/rapprochement.ts     (BENCH_LIGNES=1000000, BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres)

import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import { acteurCli } from "../src/modules/auth/acteur.js";
import { rapprocher } from "../src/modules/rapprochements/rapprochements.service.js";

const N = Number(process.env.BENCH_LIGNES ?? 1_000_000);
const maintenance = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const nom = `tel_bench_rapp_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client({ connectionString: maintenance });
await admin.connect();
await admin.query(`CREATE DATABASE ${nom}`);
const url = new URL(maintenance);
url.pathname = `/${nom}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
try {
  await migrer(database.db);
  await seedReference(database.db);
  const { db } = database;
  let t = performance.now();
  // the inventory: N numbers of SFR at 1.50 a month, one in 50 terminated on 15 October
  await sql`
    INSERT INTO tel_did (indicatif_id, did, did_format_e164, operateur_id, type_id, statut_id, cout_mensuel,
      reference_externe, date_resiliation, created_by, modified_by)
    SELECT fr.id, n, '+33' || n, op.id, ty.id, CASE WHEN i % 50 = 0 THEN res.id ELSE dispo.id END, 1.5,
      'SFR-' || i, CASE WHEN i % 50 = 0 THEN date '2026-10-15' END, 'bench', 'bench'
    FROM (SELECT i, '1' || lpad(i::text, 8, '0') AS n FROM generate_series(0, ${N - 1}::int) i) g
    JOIN tel_indicatif fr ON fr.code = 'FR' JOIN tel_operateur op ON op.code = 'SFR'
    JOIN tel_type_did ty ON ty.code = 'GEO' JOIN tel_statut_did dispo ON dispo.code = 'DISPONIBLE'
    JOIN tel_statut_did res ON res.code = 'RESILIE'`.execute(db);
  await sql`ANALYZE tel_did`.execute(db);
  const inventaire = (performance.now() - t) / 1000;

  // the carrier's file: 99 % of the inventory (one in 100 unbilled), one line in 40 at another price, one in 30
  // with another reference, and 1 % of numbers that are not ours
  const lignes = ["numero;reference;prix;debut;fin"];
  for (let i = 0; lignes.length <= N; i++) {
    if (i % 100 === 99) {
      lignes.push(`02${String(i).padStart(8, "0")};X-${i};2,00;;`);
      continue;
    }
    const prix = i % 40 === 0 ? "1,80" : "1,50";
    const ref = i % 30 === 0 ? `AUTRE-${i}` : `SFR-${i}`;
    lignes.push(`01${String(i).padStart(8, "0")};${ref};${prix};;`);
  }
  const fichier = Buffer.from(lignes.join("\n"));
  const config = loadConfig({ IMPORT_MAX_ROWS: String(N + 10), IMPORT_MAX_MB: "200" });
  const sfr = await db
    .selectFrom("tel_operateur")
    .select("id")
    .where("code", "=", "SFR")
    .executeTakeFirstOrThrow();

  t = performance.now();
  const r = await rapprocher(
    { db, acteur: acteurCli("bench"), maintenant: new Date(), config },
    {
      operateur_id: sfr.id,
      periode: "2026-11",
      nom: "bench.csv",
      contenu: fichier,
      limites: config.importLimites,
    },
  );
  const duree = (performance.now() - t) / 1000;
  const pic = process.resourceUsage().maxRSS / 1024;
  console.log(`inventaire de ${N.toLocaleString("fr-FR")} numéros créé en ${inventaire.toFixed(1)} s`);
  console.log(
    `rapprochement de ${r.lignes_lues.toLocaleString("fr-FR")} lignes (${(fichier.length / 1e6).toFixed(0)} Mo) contre ${N.toLocaleString("fr-FR")} numéros : ${duree.toFixed(1)} s, pic mémoire du processus ${pic.toFixed(0)} Mio`,
  );
  console.log(`  phases (ms) : ${JSON.stringify(r.phases)}`);
  for (const c of r.classes)
    console.log(
      `  ${c.classe.padEnd(22)} ${String(c.n).padStart(9)}  ${c.montant === null ? "—" : `${c.montant.toFixed(2)} €`}`,
    );
} finally {
  await database.close();
  await admin.query(`DROP DATABASE ${nom}`);
  await admin.end();
}
