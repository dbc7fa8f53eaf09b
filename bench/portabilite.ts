// Porting at scale (#30): on a realistic inventory of BENCH_NUMEROS numbers (1,000,000 by default, the scale bench's
// data) on PostgreSQL, a port-in of BENCH_LOT numbers (one SDA range, 1,000 by default: the most a request holds) from
// its preview to its switch, then a port-out of the same numbers, each step timed, while another process sends routing
// lookups at a steady rate: their p99 and max are given beside each step. Also: how long after the switch's instant the
// first ported number is routed, and after the port-out's instant the last one stops.
//   npm run build && BENCH_GARDER=tel_echelle npx tsx bench/portabilite.ts

import { sql } from "kysely";
import { creerCleApi } from "../src/modules/auth/comptes.service.js";
import { baseDeBench } from "./base-bench.js";
import { chargeRoutage, fenetre } from "./charge.js";
import { preparerEchelle } from "./jeu-echelle.js";
import { lancerServeurBench } from "./serveur.js";

const N = Number(process.env.BENCH_NUMEROS ?? 1_000_000);
const LOT = Number(process.env.BENCH_LOT ?? 1000);
const base = await baseDeBench("tel_portabilite", 4);
const { database, url, existe } = base;
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));
let serveur: Awaited<ReturnType<typeof lancerServeurBench>> | undefined;

try {
  await preparerEchelle(database.db, N, existe);
  const { db } = database;
  const nombre = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM tel_did`.execute(db)).rows[0]?.n);
  const systeme = { nom: "bench", type: "SYSTEME" as const, role: "admin" as const, clientId: null };
  const cle = await creerCleApi(db, systeme, { nom: `bench-${Date.now()}`, role: "admin" });
  const hermes = await creerCleApi(db, systeme, { nom: `bench-hermes-${Date.now()}`, role: "hermes" });
  const auth = { authorization: `Bearer ${cle.cle}`, "content-type": "application/json" };
  serveur = await lancerServeurBench(url, { SCHEDULER_INTERVAL_SECONDS: "30" });
  const { adresse } = serveur;
  const api = async (methode: string, chemin: string, corps?: unknown, type?: string) => {
    const r = await fetch(`${adresse}/api/v1${chemin}`, {
      method: methode,
      headers: { ...auth, ...(type ? { "content-type": type } : {}) },
      ...(corps === undefined
        ? {}
        : { body: type ? new Uint8Array(corps as Buffer) : JSON.stringify(corps) }),
    });
    const texte = await r.text();
    if (!r.ok) throw new Error(`${methode} ${chemin} : ${r.status} ${texte.slice(0, 500)}`);
    return JSON.parse(texte);
  };
  // a server just started at a million numbers spends its first scheduler run (every number's status checked, the
  // dashboard's months of costs computed ahead) on its small pool: the bench starts once that run is done
  const t0 = Date.now();
  for (;;) {
    const m = await fetch(`${adresse}/api/v1/metrics`, { headers: auth }).then((r) => r.text());
    const tours = /telephony_planificateur_tours_total\{resultat="succes"\} (\d+)/.exec(m);
    if (tours && Number(tours[1]) >= 1) break;
    if (Date.now() - t0 > 600_000) throw new Error("le premier tour du planificateur ne finit pas");
    await attendre(1000);
  }
  console.log(
    `premier tour du planificateur fini ${((Date.now() - t0) / 1000).toFixed(0)} s après le démarrage`,
  );
  // and the API answers (a start's own work holds the small pool a moment: counted, not hidden)
  for (let refus = 0; ; refus++) {
    const r = await fetch(`${adresse}/api/v1/portabilites?par_page=1`, { headers: auth });
    await r.arrayBuffer();
    if (r.ok) {
      console.log(
        `API prête ${((Date.now() - t0) / 1000).toFixed(0)} s après le démarrage (${refus} refus avant)`,
      );
      break;
    }
    await attendre(1000);
  }
  const un = async <T>(q: string) => (await sql.raw<T>(q).execute(db)).rows[0] as T;
  const client = await un<{ id: number }>("SELECT id FROM tel_client WHERE code = 'CLIENT_7'");
  const campagne = await un<{ id: number }>(
    `SELECT id FROM tel_campaign WHERE client_id = ${client.id} LIMIT 1`,
  );
  const operateur = await un<{ id: number }>("SELECT min(id) AS id FROM tel_operateur");
  // a block of LOT numbers nobody has: the first free one among a few prefixes
  let premier = "";
  for (const prefixe of ["1899", "2799", "3899", "4799", "5899", "1898", "2798", "3898", "4798", "5898"]) {
    const pris = await un<{ n: string }>(
      `SELECT (SELECT count(*) FROM tel_did WHERE did_format_e164 LIKE '+33${prefixe}%')
        + (SELECT count(*) FROM tel_portabilite_numero WHERE numero LIKE '+33${prefixe}%') AS n`,
    );
    if (Number(pris.n) === 0) {
      premier = `0${prefixe}00000`;
      break;
    }
  }
  if (!premier) throw new Error("aucun bloc libre trouvé");
  const dernier = `0${(Number(premier) + LOT - 1).toString().padStart(9, "0")}`;
  const exemple = `+33${premier.slice(1)}`;
  const route = (
    await un<{ did: string }>(
      "SELECT '0' || d.did AS did FROM tel_did_virtual v JOIN tel_did d ON d.id = v.did_id WHERE v.date_fin IS NULL AND v.entrant LIMIT 1",
    )
  ).did;
  const charge = chargeRoutage(`${adresse}/api/v1/routage/entrant/${route}`, `Bearer ${hermes.cle}`);
  await attendre(2000);
  const etapes: Array<{ nom: string; du: number; au: number; detail?: string }> = [];
  const etape = async <T>(nom: string, f: () => Promise<T>, detail?: (r: T) => string) => {
    const du = Date.now();
    const r = await f();
    etapes.push({ nom, du, au: Date.now(), ...(detail ? { detail: detail(r) } : {}) });
    return r;
  };
  await etape("au repos (la référence)", () => attendre(3000));
  const numeros = [{ numero: `${premier}-${dernier}` }];
  await etape(
    "aperçu",
    () => api("POST", "/portabilites/apercu", { client_id: client.id, numeros }),
    (r) => `${r.acceptes} acceptés`,
  );
  const d = await etape("création (brouillon)", () =>
    api("POST", "/portabilites", {
      client_id: client.id,
      operateur_donneur: "Orange",
      operateur_id: operateur.id,
      numeros,
    }),
  );
  await etape("mandat (PDF)", () =>
    api("PUT", `/portabilites/${d.id}/mandat`, Buffer.from("%PDF-1.4\n%%EOF\n"), "application/pdf"),
  );
  await etape("soumission", () => api("POST", `/portabilites/${d.id}/actions/soumettre`, {}));
  const durees: number[] = [];
  await etape(
    `préparation des ${LOT} numéros, un appel chacun`,
    async () => {
      for (const l of d.numeros as Array<{ id: number }>) {
        const t = performance.now();
        await api("PUT", `/portabilites/${d.id}/numeros/${l.id}/preparation`, {
          entrant: { campaign_id: campagne.id },
          sortant: { campaign_id: campagne.id, priorite: 2 },
          cout_mensuel: 1.2,
        });
        durees.push(performance.now() - t);
      }
    },
    () => {
      const t = [...durees].sort((a, b) => a - b);
      return `par appel p50 ${t[Math.floor(t.length / 2)]?.toFixed(0)} ms, p99 ${t[Math.floor(t.length * 0.99)]?.toFixed(0)} ms`;
    },
  );
  const bascule = new Date(Date.now() + 15_000);
  bascule.setMilliseconds(0);
  await etape("confirmation de la bascule", () =>
    api("POST", `/portabilites/${d.id}/actions/confirmer`, { bascule_le: bascule.toISOString() }),
  );
  await etape("liste des demandes", () => api("GET", "/portabilites"));
  await etape("calendrier du mois", () =>
    api(
      "GET",
      `/portabilites?statut=DATE_CONFIRMEE,PORTEE&bascule_depuis=${new Date(Date.now() - 31 * 86_400_000).toISOString()}&bascule_avant=${new Date(Date.now() + 31 * 86_400_000).toISOString()}&par_page=200`,
    ),
  );
  await etape(`fiche de la demande (${LOT} numéros)`, () => api("GET", `/portabilites/${d.id}`));
  // the switch: the scheduler runs at the instant; how long until the first number routes and the request is done
  const hermesAuth = { authorization: `Bearer ${hermes.cle}` };
  let routeLe = 0;
  await attendre(Math.max(0, bascule.getTime() - Date.now() - 2000));
  const du = Date.now();
  while (Date.now() < bascule.getTime() + 120_000) {
    if (!routeLe) {
      const r = await fetch(`${adresse}/api/v1/routage/entrant/${exemple}`, { headers: hermesAuth });
      await r.arrayBuffer();
      if (r.status === 200) routeLe = Date.now();
      if (r.status === 200 && Date.now() < bascule.getTime()) throw new Error("routé avant la bascule");
    }
    const p = await api("GET", `/portabilites/${d.id}`);
    if (p.statut === "PORTEE" && routeLe) break;
    await attendre(50);
  }
  etapes.push({
    nom: `bascule de ${LOT} numéros (planificateur)`,
    du,
    au: Date.now(),
    detail: `routé ${routeLe ? `${routeLe - bascule.getTime()} ms` : "jamais"} après l'instant, demande PORTEE ${Date.now() - bascule.getTime()} ms après`,
  });
  // the port-out of the same numbers
  const effet = new Date(Date.now() + 15_000);
  effet.setMilliseconds(0);
  const liste = Array.from(
    { length: LOT },
    (_, i) => `0${(Number(premier) + i).toString().padStart(9, "0")}`,
  );
  await etape(`portabilité sortante de ${LOT} numéros (enregistrement)`, () =>
    api("POST", "/portabilites-sortantes", {
      client_id: client.id,
      operateur_receveur: "SFR",
      effet: effet.toISOString(),
      numeros: liste,
    }),
  );
  let arreteLe = 0;
  await attendre(Math.max(0, effet.getTime() - Date.now() - 1000));
  const du2 = Date.now();
  while (Date.now() < effet.getTime() + 120_000) {
    if (!arreteLe) {
      const r = await fetch(`${adresse}/api/v1/routage/entrant/${exemple}`, { headers: hermesAuth });
      await r.arrayBuffer();
      if (r.status === 404) arreteLe = Date.now();
      if (r.status === 404 && Date.now() < effet.getTime()) throw new Error("arrêté avant l'instant");
    }
    const restants = await un<{ n: string }>(
      `SELECT count(*) AS n FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id WHERE d.did_format_e164 LIKE '+33${premier.slice(1, 5)}%' AND s.code <> 'RESILIE'`,
    );
    if (Number(restants.n) === 0 && arreteLe) break;
    await attendre(100);
  }
  etapes.push({
    nom: `sortie de ${LOT} numéros (planificateur)`,
    du: du2,
    au: Date.now(),
    detail: `routage arrêté ${arreteLe ? `${arreteLe - effet.getTime()} ms` : "jamais"} après l'instant, tous résiliés ${Date.now() - effet.getTime()} ms après`,
  });
  const mesure = await charge.arreter();
  console.log(
    `\n${nombre} numéros en base, PostgreSQL, lot de ${LOT} (un cœur du serveur, une machine de 2 cœurs partagée)`,
  );
  console.log(
    `${"étape".padEnd(52)} ${"durée ms".padStart(9)} | routage pendant : n, p99, max (ms) | détail`,
  );
  for (const e of etapes) {
    const w = fenetre(mesure, e.du, e.au);
    console.log(
      `${e.nom.padEnd(52)} ${String(e.au - e.du).padStart(9)} | ${String(w.n).padStart(5)} ${w.p99.toFixed(1).padStart(6)} ${w.max.toFixed(1).padStart(6)} | ${e.detail ?? ""}`,
    );
  }
  console.log(
    `routage sur toute la mesure : ${mesure.n} recherches, p99 ${mesure.p99.toFixed(1)} ms, max ${mesure.max.toFixed(1)} ms, statuts ${JSON.stringify(mesure.statuts)}`,
  );
} finally {
  // a failed run leaves no server behind (a second scheduler on the same database would skew the next run)
  await serveur?.arreter();
  await base.fermer();
}
