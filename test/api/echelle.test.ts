import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peuplerEchelle } from "../../bench/jeu-echelle.js";
import { jourMetier } from "../../src/heure-metier.js";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Scale (#26). On PostgreSQL when the suite has it (the database behind a real inventory), else on PGlite: laying out
// 100,000 numbers with three years of history takes a minute, once is enough. The finer targets are bench/echelle.ts's.
const cible = CIBLES.at(-1) as (typeof CIBLES)[number];

describe(`a 100,000-number inventory (${cible.nom})`, () => {
  let ctx: Contexte;
  const journal: Array<{ level: number; msg: string; requetes?: string[] }> = [];
  beforeAll(async () => {
    ctx = await contexte(cible, {
      logger: { level: "warn", stream: { write: (l: string) => journal.push(JSON.parse(l)) } },
    });
    await peuplerEchelle(ctx.db, { numeros: 100_000, maintenant: new Date() });
    await sql`ANALYZE`.execute(ctx.db);
  }, 600_000);
  afterAll(() => ctx?.fermer());

  const get = async (url: string) => {
    const r = await ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: ctx.cles.admin });
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r;
  };

  /**
   * A route read over HTTP as a client reads it: the body streamed and counted as it comes, never gathered (inject
   * would gather a 40 MB export in this process, which is also the server's: its own copying and collecting would
   * be measured). Gives the status, the byte count, the lines and the occurrences of `cherche` in the body.
   */
  const lire = async (adresse: string, url: string, cherche = '"numero": ') => {
    const r = await fetch(`${adresse}/api/v1${url}`, { headers: ctx.cles.admin });
    const lecteur = r.body?.getReader();
    const decodeur = new TextDecoder();
    let octets = 0;
    let lignes = 0;
    let trouves = 0;
    let reste = "";
    let debut = "";
    for (let l = await lecteur?.read(); l && !l.done; l = await lecteur?.read()) {
      octets += l.value.length;
      const texte = reste + decodeur.decode(l.value, { stream: true });
      if (debut.length < 300) debut += texte.slice(0, 300);
      for (let i = texte.indexOf("\n"); i !== -1; i = texte.indexOf("\n", i + 1)) lignes++;
      lignes -= (reste.match(/\n/g) ?? []).length;
      for (let i = texte.indexOf(cherche); i !== -1; i = texte.indexOf(cherche, i + 1)) trouves++;
      trouves -= reste.split(cherche).length - 1;
      reste = texte.slice(-cherche.length);
    }
    expect(r.status, `${url}: ${debut}`).toBe(200);
    return { octets, lignes, trouves };
  };

  it("never holds the event loop for long, whatever heavy route runs (the guard: 500 ms)", async () => {
    const adresse = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const mois = jourMetier(new Date()).slice(0, 7);
    const [a, m] = mois.split("-").map(Number) as [number, number];
    const precedent = m === 1 ? `${a - 1}-12` : `${a}-${String(m - 1).padStart(2, "0")}`;
    const client = (
      await ctx.db
        .selectFrom("tel_client")
        .select("id")
        .where("code", "=", "CLIENT_7")
        .executeTakeFirstOrThrow()
    ).id;
    const numero = (
      await ctx.db
        .selectFrom("tel_did")
        .select("id")
        .where("client_id", "is not", null)
        .orderBy("id")
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    const operateur = (
      await ctx.db.selectFrom("tel_operateur").select("id").orderBy("id").limit(1).executeTakeFirstOrThrow()
    ).id;
    const routes = [
      "/tableau-de-bord",
      "/couts/tendance",
      ...["client", "groupement", "operateur", "campagne", "type"].map(
        (par) => `/couts?periode=${mois}&par=${par}`,
      ),
      `/couts?periode=${precedent}&par=client&format=xlsx`,
      `/couts/refacturation?periode=${precedent}&client_id=${client}`,
      `/couts/refacturation?periode=${precedent}&client_id=${client}&format=csv`,
      "/dormants?jours=90",
      "/dormants?jours=90&format=csv",
      "/dids?q=53&par_page=50",
      "/dids?tri=client&par_page=50",
      "/dids?format=csv",
      `/dids/${numero}/historique`,
      `/declarations/apercu?operateur_id=${operateur}`,
      "/tranches",
      "/audit",
      "/affectations?courante=true",
      "/exports/numeros?format=csv",
      "/exports/numeros?format=json",
      "/exports/affectations?format=xlsx",
      "/routage/export?format=csv",
    ];
    // ExcelJS is loaded at its first use (0.25 s here, up to 0.5 s on a loaded machine), once per process: a start's
    // cost, not a request's; loaded before the watch, and said in the README
    await import("exceljs");
    // the longest gap between two ticks of a 10 ms timer while a route is served: the longest time the loop was
    // held. The test's own reading of a response (a 40 MB JSON body) happens between two routes, outside the watch.
    // A gap counts for the processor time this process used during it: on two shared cores, another test file's
    // PostgreSQL cluster can keep the process off the processor for half a second (511 ms once in CI, the same route
    // 79 to 99 ms alone), which is the machine's load, not our code holding the loop. Code or garbage collection
    // that holds the loop uses the processor all along, and is still counted whole.
    let plusLong = 0;
    let horlogeMax = 0;
    let dernier = performance.now();
    let cpu = process.cpuUsage();
    const minuterie = setInterval(() => {
      const t = performance.now();
      const c = process.cpuUsage();
      const ecart = t - dernier - 10;
      const travail = (c.user - cpu.user + c.system - cpu.system) / 1000;
      plusLong = Math.max(plusLong, Math.min(ecart, travail));
      horlogeMax = Math.max(horlogeMax, ecart);
      dernier = t;
      cpu = c;
    }, 10);
    const parRoute: Record<string, number> = {};
    let pire = 0;
    try {
      for (const route of routes) {
        // the checks of the previous route are not this route's
        await new Promise((r) => setTimeout(r, 20));
        dernier = performance.now();
        cpu = process.cpuUsage();
        plusLong = 0;
        const r = await lire(adresse, route);
        await new Promise((r) => setTimeout(r, 15));
        parRoute[route] = Math.round(plusLong);
        pire = Math.max(pire, plusLong);
        if (route === "/exports/numeros?format=json") expect(r.trouves).toBe(100_000);
        if (route === "/exports/numeros?format=csv") expect(r.lignes).toBe(100_001);
      }
    } finally {
      clearInterval(minuterie);
    }
    console.log(
      `plus long blocage de la boucle : ${Math.round(pire)} ms (plus long écart d'horloge : ${Math.round(horlogeMax)} ms) ; par route : ${JSON.stringify(parRoute)}`,
    );
    expect(pire).toBeLessThan(500);
  }, 600_000);

  it("logs a warning naming the request in flight when the loop is held over 100 ms, and exposes the loop's delay", async () => {
    // a long request (an export of 100,000 numbers) is in flight while the loop is held
    journal.length = 0;
    const enVol = ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/numeros?format=csv",
      headers: ctx.cles.admin,
    });
    const fin = performance.now() + 250;
    while (performance.now() < fin) {
      // holding the loop, as a computation in JavaScript would
    }
    await enVol;
    await new Promise((r) => setTimeout(r, 50));
    const alertes = journal.filter((l) => l.msg.startsWith("boucle d'événements bloquée"));
    expect(alertes.flatMap((l) => l.requetes ?? [])).toContain("GET /api/v1/exports/:type");
    const metriques = await get("/metrics");
    expect(metriques.body).toMatch(/^telephony_nodejs_eventloop_lag_p99_seconds \d/m);
    expect(metriques.body).toMatch(/^telephony_nodejs_eventloop_lag_max_seconds \d/m);
  });

  it("syncs more than 70,000 out-of-step numbers in one tick of the planner", async () => {
    // a tick first: the next one reads the numbers whose assignments started since, as one list of 72,000 ids
    await ctx.app.planificateur.tour();
    // a migration brings numbers marked AFFECTE although their assignment is current: statuses out of step
    const campagne = await ctx.db
      .selectFrom("tel_campaign")
      .select(["id", "client_id"])
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`
      WITH nouveaux AS (
        INSERT INTO tel_did (indicatif_id, did, did_format_e164, client_id, statut_id, created_by)
        SELECT (SELECT id FROM tel_indicatif WHERE code = 'FR'), n, '+33' || n, ${campagne.client_id},
          (SELECT id FROM tel_statut_did WHERE code = 'AFFECTE'), 'migration'
        FROM (SELECT '9' || lpad(g::text, 8, '0') AS n FROM generate_series(1, 72000) g) x
        RETURNING id)
      INSERT INTO tel_did_virtual (did_id, campaign_id, date_debut)
      SELECT id, ${campagne.id}, clock_timestamp() FROM nouveaux`.execute(ctx.db);
    const decales = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`SELECT count(*) AS n FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
            WHERE d.did LIKE '9%' AND s.code = 'AFFECTE'`.execute(ctx.db)
        ).rows[0]?.n,
      );
    expect(await decales()).toBe(72_000);
    const echecs = ctx.app.planificateur.bilan.echecs;
    await ctx.app.planificateur.tour();
    expect(ctx.app.planificateur.bilan.echecs).toBe(echecs);
    expect(await decales()).toBe(0);
    const lignes = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM tel_did_historique h JOIN tel_did d ON d.id = h.did_id
      WHERE d.did LIKE '9%' AND h.champ = 'statut' AND h.nouvelle_valeur = 'UTILISE' AND h.utilisateur = 'système:planificateur'`.execute(
      ctx.db,
    );
    expect(Number(lignes.rows[0]?.n)).toBe(72_000);
  }, 600_000);

  it("refuses a bulk action over more ids than it takes with a clear 400", async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => i + 1);
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids/actions/resilier",
      headers: ctx.cles.admin,
      payload: { ids, motif: "test" },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([expect.objectContaining({ champ: "ids", code: "MAXITEMS" })]);
    expect(r.json().errors[0].message).toMatch(/^Au plus 5000 éléments par requête/);
  });
});
