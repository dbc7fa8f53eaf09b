// Routing benchmark on PostgreSQL: 1,000,000 numbers of which 300,000 routed. Measures, in one run:
// - inbound lookups at 32 connections (autocannon) next to a bare Fastify route returning a constant, in turns;
// - the full snapshot build time and its memory;
// - how long one change takes to reach the snapshot (write committed -> lookup answers).
//   npm run build && node --expose-gc --import tsx bench/routing.ts      (BENCH_GARDER=<db> keeps the seeded database)
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { sql } from "kysely";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import { creerCleApi } from "../src/modules/auth/comptes.service.js";
import { SnapshotRoutage } from "../src/modules/hermes/snapshot.js";
import { normaliser } from "../src/numbering/index.js";
import { baseDeBench } from "./base-bench.js";
import { lancerServeurBench } from "./serveur.js";

const N = Number(process.env.BENCH_NUMEROS ?? 1_000_000);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 300_000);
const DUREE = Number(process.env.BENCH_SECONDES ?? 6);
const TOURS = Number(process.env.BENCH_TOURS ?? 3);
// BENCH_GARDER=<name> keeps (and reuses) a seeded database between runs.
const base = await baseDeBench("tel_bench_routage", 8);
const { database, url, existe } = base;
const { db } = database;
try {
  await migrer(db);
  await seedReference(db);
  if (!existe) {
    const t0 = Date.now();
    await sql`INSERT INTO tel_client (code, nom) VALUES ('BENCH', 'Bench')`.execute(db);
    await sql`INSERT INTO tel_campaign (client_id, code, nom, hermes_id)
      SELECT (SELECT id FROM tel_client WHERE code = 'BENCH'), 'CAMP_' || g, 'Campagne ' || g, 'H' || g FROM generate_series(1, 100) g`.execute(
      db,
    );
    await sql`INSERT INTO tel_did_config (code, nom, config)
      SELECT 'CFG_' || g, 'Config ' || g, jsonb_build_object('couleur', '#123456', 'message_accueil', 'Bonjour ' || g) FROM generate_series(1, 100) g`.execute(
      db,
    );
    await sql`
      INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, client_id, statut_id)
      SELECT fr.id, n, '+33' || n, (SELECT id FROM tel_type_did WHERE code = 'GEO'),
        (SELECT r.id FROM tel_region r WHERE r.indicatif_id = fr.id AND r.prefixe = '0' || left(n, 1)),
        CASE WHEN g <= ${ROUTES} THEN (SELECT id FROM tel_client WHERE code = 'BENCH') END,
        (SELECT id FROM tel_statut_did WHERE code = CASE WHEN g <= ${ROUTES} THEN 'UTILISE' ELSE 'DISPONIBLE' END)
      FROM generate_series(1, ${N}) g, LATERAL (SELECT ((1 + g % 5)::text || lpad((g / 5)::text, 8, '0')) AS n) x,
        (SELECT id FROM tel_indicatif WHERE code = 'FR') fr`.execute(db);
    await sql`
      INSERT INTO tel_did_virtual (did_id, campaign_id, config_id, alias, date_debut, entrant, sortant)
      SELECT d.id, c.id + (d.id % 100), f.id + (d.id % 100), 'Accueil', now() - interval '1 day', true, d.id % 10 = 0
      FROM tel_did d, (SELECT min(id) AS id FROM tel_campaign) c, (SELECT min(id) AS id FROM tel_did_config) f
      WHERE d.client_id IS NOT NULL`.execute(db);
    await sql`VACUUM ANALYZE`.execute(db);
    console.log(`seeded ${N} numbers, ${ROUTES} routed, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  // snapshot build and memory, measured in a clean process state
  global.gc?.();
  const tas = process.memoryUsage().heapUsed;
  const snapshot = new SnapshotRoutage(db);
  const { routes, ms } = await snapshot.chargerTout();
  global.gc?.();
  console.log(
    `snapshot: ${routes} assignments in ${Math.round(ms)} ms, heap +${Math.round((process.memoryUsage().heapUsed - tas) / 1048576)} MiB${global.gc ? "" : " (run with --expose-gc for an exact figure)"}`,
  );

  // worst case for the inbound answer cache: every routed number looked up once
  const routees = (
    await sql<{ did: string }>`SELECT d.did FROM tel_did d WHERE d.client_id IS NOT NULL`.execute(db)
  ).rows.map((r) => Number(`33${r.did}`));
  global.gc?.();
  const avantCache = process.memoryUsage().heapUsed;
  const t0Cache = performance.now();
  let servies = 0;
  for (const chiffres of routees) if (snapshot.entrantJson(chiffres, Date.now()) !== undefined) servies++;
  const msCache = performance.now() - t0Cache;
  global.gc?.();
  console.log(
    `answer cache: ${servies} answers built in ${Math.round(msCache)} ms, heap +${Math.round((process.memoryUsage().heapUsed - avantCache) / 1048576)} MiB (every routed number looked up once; snapshot of ${snapshot.taille} numbers kept)`,
  );

  const cle = await creerCleApi(
    db,
    { nom: "bench", type: "SYSTEME", role: "admin", clientId: null },
    { nom: `bench-routage-${Date.now()}`, role: "hermes" },
  );
  const { adresse, arreter } = await lancerServeurBench(url.toString(), { SCHEDULER_INTERVAL_SECONDS: "0" });
  // the bare route: Fastify returning a constant, in its own process too, measured in the same run
  const nu = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import F from "fastify"; const a = F(); a.get("/x", async () => ({ ok: true })); await a.listen({ port: 0, host: "127.0.0.1" }); console.log("NU " + a.server.address().port);`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const portNu = await new Promise<string>((resolve) =>
    nu.stdout?.on(
      "data",
      (d) => /NU (\d+)/.test(String(d)) && resolve(/NU (\d+)/.exec(String(d))?.[1] as string),
    ),
  );

  const echantillon = (
    await sql<{
      n: string;
    }>`SELECT '0' || did AS n FROM tel_did WHERE client_id IS NOT NULL ORDER BY random() LIMIT 10000`.execute(
      db,
    )
  ).rows
    .map((r) => r.n)
    .filter((n) => normaliser(n).ok);
  const mesurer = (titre: string, base: string, chemin: () => string, headers: Record<string, string> = {}) =>
    autocannon({
      url: base,
      connections: 32,
      duration: DUREE,
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: chemin() }) }],
    }).then((r) => {
      console.log(
        `${titre.padEnd(30)} ${String(Math.round(r.requests.average)).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}`,
      );
      return r;
    });
  // The two servers are measured in turns, several rounds, on this shared 2-core machine: a burst of noise then
  // hits one round, not the whole comparison. Every round is printed; the median ratio is the figure.
  const ratios: number[] = [];
  for (let tour = 1; tour <= TOURS; tour++) {
    const nuR = await mesurer(
      `bare Fastify route (${tour}/${TOURS})`,
      `http://127.0.0.1:${portNu}`,
      () => "/x",
    );
    const lookup = await mesurer(
      `inbound lookup (${tour}/${TOURS})`,
      adresse,
      () => `/api/v1/routage/entrant/${echantillon[Math.floor(Math.random() * echantillon.length)]}`,
      { authorization: `Bearer ${cle.cle}` },
    );
    ratios.push((100 * lookup.requests.average) / nuR.requests.average);
  }
  const tries = [...ratios].sort((a, b) => a - b);
  console.log(
    `inbound lookup / bare route: ${ratios.map((r) => `${r.toFixed(0)} %`).join(", ")}; median ${(tries[Math.floor(tries.length / 2)] as number).toFixed(0)} %`,
  );

  // one change, five times: end a routed number's assignment, poll its lookup until it answers 404, restore it
  const delais: number[] = [];
  const ecritures: number[] = [];
  for (const cible of echantillon.slice(0, 5)) {
    const t0 = performance.now();
    await sql`UPDATE tel_did_virtual SET date_fin = now() WHERE did_id = (SELECT id FROM tel_did WHERE did = ${cible.slice(1)})`.execute(
      db,
    );
    // the UPDATE has returned: committed (autocommit); from here on, the time the platform could be told wrong
    const t1 = performance.now();
    for (;;) {
      const r = await fetch(`${adresse}/api/v1/routage/entrant/${cible}`, {
        headers: { authorization: `Bearer ${cle.cle}` },
      });
      if (r.status === 404) break;
    }
    delais.push(performance.now() - t1);
    ecritures.push(t1 - t0);
    await sql`UPDATE tel_did_virtual SET date_fin = NULL WHERE did_id = (SELECT id FROM tel_did WHERE did = ${cible.slice(1)})`.execute(
      db,
    );
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `one change reflected in the lookup (commit to 404), 5 tries: ${delais.map((d) => d.toFixed(1)).join(", ")} ms (the UPDATE itself: ${ecritures.map((d) => d.toFixed(1)).join(", ")} ms)`,
  );
  await arreter();
  await new Promise((r) => {
    nu.once("exit", r);
    nu.kill("SIGTERM");
  });
} finally {
  await base.fermer();
}
