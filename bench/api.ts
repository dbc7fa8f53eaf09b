// Load benchmark of the inventory API on PostgreSQL: 1,000,000 numbers, 16 connections, three requests
// people make all day (a filtered page, a partial-digit search, a get by number). Prints requests/s and p99.
//   npm run build && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api.ts

import autocannon from "autocannon";
import { sql } from "kysely";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import { creerCleApi } from "../src/modules/auth/comptes.service.js";
import { normaliser } from "../src/numbering/index.js";
import { baseDeBench } from "./base-bench.js";
import { lancerServeurBench } from "./serveur.js";

const N = Number(process.env.BENCH_NUMEROS ?? 1_000_000);
const DUREE = Number(process.env.BENCH_SECONDES ?? 15);

// BENCH_GARDER=<name> keeps (and reuses) a seeded database between runs.
const base = await baseDeBench("tel_bench", 16);
const { database, url, existe } = base;
try {
  await migrer(database.db);
  await seedReference(database.db);
  const { db } = database;
  if (!existe) await peupler(db);

  const cle = await creerCleApi(
    db,
    { nom: "bench", type: "SYSTEME", role: "admin", clientId: null },
    { nom: "bench", role: "lecteur" },
  );
  const { adresse, arreter } = await lancerServeurBench(url.toString());
  const client = await db
    .selectFrom("tel_client")
    .select("id")
    .where("code", "=", "CLIENT_7")
    .executeTakeFirstOrThrow();
  const echantillon = (
    await sql<{
      did: string;
    }>`SELECT '0' || did AS did FROM tel_did TABLESAMPLE SYSTEM (1) LIMIT 5000`.execute(db)
  ).rows
    .map((r) => r.did)
    .filter((d) => normaliser(d).ok);
  const scenarios: Array<[string, () => string]> = [
    [
      "filtered page (statut=UTILISE&client_id)",
      () => `/api/v1/dids?statut=UTILISE&client_id=${client.id}&par_page=50`,
    ],
    [
      "partial-digit search (q=4 digits)",
      () => `/api/v1/dids?q=${String(1000 + Math.floor(Math.random() * 9000))}&par_page=50`,
    ],
    [
      "get by number (any format)",
      () => `/api/v1/dids/par-numero/${echantillon[Math.floor(Math.random() * echantillon.length)]}`,
    ],
  ];
  for (const [titre, chemin] of scenarios) {
    const r = await autocannon({
      url: adresse,
      connections: 16,
      duration: DUREE,
      headers: { authorization: `Bearer ${cle.cle}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: chemin() }) }],
    });
    console.log(
      `${titre.padEnd(42)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`,
    );
  }
  await arreter();
} finally {
  await base.fermer();
}

// Numbers spread over the five zones, 50 clients (70 % held), statuses and operators, independently of each other.
async function peupler(db: typeof database.db) {
  const t0 = Date.now();
  await sql`INSERT INTO tel_client (code, nom) SELECT 'CLIENT_' || g, 'Client ' || g FROM generate_series(1, 50) g`.execute(
    db,
  );
  // numbers spread over the five zones, clients, statuses and operators
  await sql`
    INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, operateur_id, client_id, statut_id, cout_mensuel, date_acquisition)
    SELECT fr.id, n, '+33' || n,
      (SELECT id FROM tel_type_did WHERE code = 'GEO'),
      (SELECT r.id FROM tel_region r WHERE r.indicatif_id = fr.id AND r.prefixe = '0' || left(n, 1)),
      1 + (g % 7),
      CASE WHEN abs(hashint4(g)) % 10 < 7 THEN 1 + abs(hashint4(g + 1)) % 50 END,
      (SELECT id FROM tel_statut_did WHERE code = (ARRAY['DISPONIBLE','AFFECTE','UTILISE','UTILISE','RESILIE'])[1 + abs(hashint4(g + 2)) % 5]),
      1.5, date '2025-01-01' + (g % 600)
    FROM generate_series(1, ${N}) g,
      LATERAL (SELECT ((1 + g % 5)::text || lpad((g / 5)::text, 8, '0')) AS n) x,
      (SELECT id FROM tel_indicatif WHERE code = 'FR') fr`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  console.log(`seeded ${N} numbers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
