// The scale bench (#26): every GET a user or an integrator calls, on a realistic inventory of BENCH_NUMEROS numbers
// (1,000,000 by default) on PostgreSQL, one user at a time, each with its p50 and p99, while another process sends
// routing lookups at a steady rate: their p99 and max are given beside each request. Then the exports (first byte,
// total, the server's peak memory), get by number against a plain prepared query (bench/comparateur.ts) and the
// partial search at 16 connections. Prints one table.
//   npm run build && BENCH_GARDER=tel_echelle npx tsx bench/echelle.ts
// BENCH_GARDER=<name> keeps the seeded database (and reuses it: seeding 1,000,000 numbers takes minutes).

import fs from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { sql } from "kysely";
import { jourMetier } from "../src/heure-metier.js";
import { creerCleApi } from "../src/modules/auth/comptes.service.js";
import { baseDeBench } from "./base-bench.js";
import { chargeRoutage, fenetre } from "./charge.js";
import { lancerComparateur } from "./comparateur.js";
import { preparerEchelle } from "./jeu-echelle.js";
import { lancerServeurBench } from "./serveur.js";

const N = Number(process.env.BENCH_NUMEROS ?? 1_000_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 10);
// BENCH_PARTIES=requetes,exports,charge: the parts to run (all by default)
const parties = new Set((process.env.BENCH_PARTIES ?? "requetes,exports,charge").split(","));
// BENCH_GARDER=<name> keeps (and reuses) a seeded database between runs.
const base = await baseDeBench("tel_echelle", 4);
const { database, url, existe } = base;

const EXPORTS = [
  ["numéros CSV", "/exports/numeros?format=csv"],
  ["numéros JSON", "/exports/numeros?format=json"],
  ["affectations CSV", "/exports/affectations?format=csv"],
  ["liste des numéros CSV", "/dids?format=csv"],
  ["routage CSV (Hermes)", "/routage/export?format=csv"],
] as const;

const lignes: string[] = [];
const ecrire = (l: string) => {
  lignes.push(l);
  console.log(l);
};

try {
  await preparerEchelle(database.db, N, existe);
  const { db } = database;
  const systeme = { nom: "bench", type: "SYSTEME" as const, role: "admin" as const, clientId: null };
  const cle = await creerCleApi(db, systeme, { nom: `bench-${Date.now()}`, role: "admin" });
  const hermes = await creerCleApi(db, systeme, { nom: `bench-hermes-${Date.now()}`, role: "hermes" });
  const auth = { authorization: `Bearer ${cle.cle}` };

  const serveur = await lancerServeurBench(url.toString());
  const un = async <T>(q: string) => (await sql.raw<T>(q).execute(db)).rows[0] as T;
  const client = await un<{ id: number }>("SELECT id FROM tel_client WHERE code = 'CLIENT_7'");
  const numero = await un<{ id: number; did: string }>(
    "SELECT id, '0' || did AS did FROM tel_did WHERE client_id IS NOT NULL ORDER BY id DESC LIMIT 1",
  );
  const tranche = await un<{ id: number }>("SELECT min(id) AS id FROM tel_tranche");
  const operateur = await un<{ id: number }>("SELECT min(id) AS id FROM tel_operateur");
  const routes = (
    await sql<{
      did: string;
    }>`SELECT '0' || d.did AS did FROM tel_did_virtual v JOIN tel_did d ON d.id = v.did_id
      WHERE v.date_fin IS NULL AND v.entrant LIMIT 2000`.execute(db)
  ).rows.map((r) => r.did);
  const routage = `${serveur.adresse}/api/v1/routage/entrant/${routes[0]}`;
  const mois = jourMetier(new Date()).slice(0, 7);
  const [a, m] = mois.split("-").map(Number) as [number, number];
  const moisPrecedent = m === 1 ? `${a - 1}-12` : `${a}-${String(m - 1).padStart(2, "0")}`;

  const scenarios: Array<[string, string]> = [
    ["numéros, 1re page", "/dids?par_page=50"],
    ["numéros, statut + client", `/dids?statut=UTILISE&client_id=${client.id}&par_page=50`],
    ["numéros, tri par client", "/dids?tri=client&par_page=50"],
    ["numéros, tri date d'acquisition desc", "/dids?tri=-date_acquisition&par_page=50"],
    ["numéros, page 200", "/dids?page=200&par_page=50"],
    ["recherche 2 chiffres", "/dids?q=53&par_page=50"],
    ["recherche 4 chiffres", "/dids?q=5300&par_page=50"],
    ["recherche 8 chiffres", "/dids?q=53001234&par_page=50"],
    ["un numéro", `/dids/${numero.id}`],
    ["par numéro", `/dids/par-numero/${numero.did}`],
    ["historique d'un numéro", `/dids/${numero.id}/historique`],
    ["usage d'un numéro (90 j)", `/dids/${numero.id}/usage`],
    ["tableau de bord", "/tableau-de-bord"],
    ...(["client", "groupement", "operateur", "campagne", "type"] as const).map((par): [string, string] => [
      `coûts du mois par ${par}`,
      `/couts?periode=${mois}&par=${par}`,
    ]),
    ["coûts du mois précédent", `/couts?periode=${moisPrecedent}&par=client`],
    ["tendance des coûts (6 mois)", "/couts/tendance"],
    ["relevé de refacturation", `/couts/refacturation?periode=${moisPrecedent}&client_id=${client.id}`],
    ["numéros dormants (90 j)", "/dormants?jours=90"],
    ["aperçu de déclaration", `/declarations/apercu?operateur_id=${operateur.id}`],
    ["tranches", "/tranches"],
    ["une tranche", `/tranches/${tranche.id}`],
    ["mandats", "/mandats"],
    ["journal d'audit", "/audit"],
    ["affectations", "/affectations?par_page=50"],
    ["affectations courantes", "/affectations?courante=true&par_page=50"],
    ["commandes", "/commandes"],
  ];

  const quantile = (xs: number[], p: number) => {
    const t = [...xs].sort((x, y) => x - y);
    return t[Math.min(t.length - 1, Math.ceil((p / 100) * t.length) - 1)] ?? 0;
  };
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7);
  ecrire(
    `${"requête".padEnd(40)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} | statut | recherches de routage pendant (nombre) p99 et max, ms`,
  );
  // one steady load of lookups for the whole run, warmed up first; each request's window read from it afterwards
  const charge = chargeRoutage(routage, `Bearer ${hermes.cle}`);
  await new Promise((r) => setTimeout(r, 3000));
  const fenetres: Array<{ ligne: number; du: number; au: number }> = [];
  const repos = Date.now();
  await new Promise((r) => setTimeout(r, 5000));
  fenetres.push({ ligne: lignes.length, du: repos, au: Date.now() });
  ecrire(`${"(au repos, 5 s)".padEnd(40)} ${"".padStart(7)} ${"".padStart(7)} |`);
  for (const [titre, chemin] of parties.has("requetes") ? scenarios : []) {
    const du = Date.now();
    const durees: number[] = [];
    let statut = 0;
    for (let i = 0; i < REPETITIONS; i++) {
      const t0 = performance.now();
      const r = await fetch(`${serveur.adresse}/api/v1${chemin}`, { headers: auth });
      await r.arrayBuffer();
      durees.push(performance.now() - t0);
      statut = r.status;
    }
    fenetres.push({ ligne: lignes.length, du, au: Date.now() });
    ecrire(`${titre.padEnd(40)} ${f(quantile(durees, 50))} ${f(quantile(durees, 99))} |  ${statut}`);
  }

  // exports, streamed: first byte, total, size, and the server's peak memory (VmHWM) after each
  ecrire("");
  ecrire(
    `${"export".padEnd(40)} ${"1er oct.".padStart(8)} ${"total".padStart(8)}   taille  mémoire avant → pic | statut | routage`,
  );
  for (const [titre, chemin] of parties.has("exports") ? EXPORTS : []) {
    const du = Date.now();
    // the peak resident memory counted from here (Linux: 5 in clear_refs resets VmHWM)
    const statut = () => fs.readFileSync(`/proc/${serveur.pid}/status`, "utf8");
    fs.writeFileSync(`/proc/${serveur.pid}/clear_refs`, "5");
    const avant = Number(/VmRSS:\s+(\d+)/.exec(statut())?.[1]) / 1024;
    const t0 = performance.now();
    const r = await fetch(`${serveur.adresse}/api/v1${chemin}`, { headers: auth });
    const premier = performance.now() - t0;
    let taille = 0;
    const lecteur = r.body?.getReader();
    for (let l = await lecteur?.read(); l && !l.done; l = await lecteur?.read()) taille += l.value.length;
    const total = performance.now() - t0;
    fenetres.push({ ligne: lignes.length, du, au: Date.now() });
    const pic = Number(/VmHWM:\s+(\d+)/.exec(statut())?.[1]) / 1024;
    ecrire(
      `${titre.padEnd(40)} ${f(premier)}ms ${(total / 1000).toFixed(1).padStart(6)} s ${(taille / 2 ** 20).toFixed(0).padStart(6)} Mo ${avant.toFixed(0).padStart(6)} → ${pic.toFixed(0).padStart(5)} Mio |  ${r.status}`,
    );
  }

  // the routing lookups of each window, beside its line
  const mesure = await charge.arreter();
  for (const w of fenetres) {
    const r = fenetre(mesure, w.du, w.au);
    lignes[w.ligne] =
      `${lignes[w.ligne]} routage (${String(r.n).padStart(5)}) p99 ${f(r.p99)} max ${f(r.max)}`;
  }
  console.log("");
  console.log(lignes.join("\n"));

  // get by number against a plain prepared query over the same tables, and the partial search, at 16 connections
  if (parties.has("charge")) await chargeA16(url.toString(), db, serveur.adresse, auth);
  await serveur.arreter();
  if (process.env.BENCH_SORTIE) fs.writeFileSync(process.env.BENCH_SORTIE, `${lignes.join("\n")}\n`);
} finally {
  await base.fermer();
}

async function chargeA16(url: string, db: typeof database.db, adresse: string, auth: Record<string, string>) {
  ecrire("");
  // the server's pool by default: max(4, 2 × cores), as config.ts sets it
  const comparateur = await lancerComparateur(
    url,
    Number(process.env.DB_POOL_SIZE ?? Math.max(4, 2 * os.availableParallelism())),
  );
  // the server settles first: its first scheduler run and the routing digest follow its start
  await new Promise((r) => setTimeout(r, 15_000));
  const echantillon = (
    await sql<{
      did: string;
    }>`SELECT '0' || did AS did FROM tel_did TABLESAMPLE SYSTEM (1) LIMIT 5000`.execute(db)
  ).rows.map((r) => r.did);
  const hasard = () => echantillon[Math.floor(Math.random() * echantillon.length)];
  const charge16 = async (adresse: string, chemin: () => string, entetes: Record<string, string>) => {
    const r = await autocannon({
      url: adresse,
      connections: 16,
      duration: Number(process.env.BENCH_SECONDES ?? 10),
      headers: entetes,
      requests: [{ setupRequest: (req) => ({ ...req, path: chemin() }) }],
    });
    return r;
  };
  const api = await charge16(adresse, () => `/api/v1/dids/par-numero/${hasard()}`, auth);
  const brut = await charge16(comparateur.adresse, () => `/numero/${hasard()}`, {});
  ecrire(
    `par numéro, 16 connexions : API ${Math.round(api.requests.average)} req/s (p99 ${api.latency.p99} ms), requête préparée seule ${Math.round(brut.requests.average)} req/s (p99 ${brut.latency.p99} ms) : rapport ${(api.requests.average / brut.requests.average).toFixed(2)}`,
  );
  const recherche = await charge16(
    adresse,
    () => `/api/v1/dids?q=${String(1000 + Math.floor(Math.random() * 9000))}&par_page=50`,
    auth,
  );
  ecrire(
    `recherche 4 chiffres, 16 connexions : ${Math.round(recherche.requests.average)} req/s, p50 ${recherche.latency.p50} ms, p99 ${recherche.latency.p99} ms, non-2xx ${recherche.non2xx}`,
  );
  await comparateur.arreter();
}
