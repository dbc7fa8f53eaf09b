import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEME } from "../../src/modules/auth/acteur.js";
import { creerCleApi } from "../../src/modules/auth/comptes.service.js";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// What each role may see, beyond the route matrix of autorisations.test.ts: the platform's key reads routing only,
// a client's dashboard counts its own numbers, the login limit locks out nobody who did nothing wrong, hostile
// text never reaches the database, and no CSV cell is a formula.
describe.each(CIBLES)("authorization policy ($nom)", (cible) => {
  let ctx: Contexte;
  const get = (url: string, headers: Record<string, string>) =>
    ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers });
  const post = (url: string, payload: unknown, headers = ctx.cles.admin) =>
    ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });

  beforeAll(async () => {
    ctx = await contexte(cible, { env: { LOGIN_RATE_PER_MINUTE: "3" } });
    // company stock: two free numbers; client A holds one available number
    await post("/dids", { numero: "0143100001" });
    await post("/dids", { numero: "0143100002" });
    const a = (await post("/dids", { numero: "0143100003" })).json();
    await post(`/dids/${a.id}/actions/affecter`, { client_id: ctx.clientA });
  });
  afterAll(async () => ctx?.fermer());

  it("gives each caller its permissions, and the hermes key routing only", async () => {
    const hermes = (await get("/auth/me", ctx.cles.hermes)).json();
    expect(hermes.permissions).toEqual(["routage:lire"]);
    const client = (await get("/auth/me", ctx.cles.client)).json();
    expect(client.permissions).toContain("commandes:demander");
    expect(client.permissions).not.toContain("publication:lire");
    expect(client.permissions).not.toContain("numeros:ecrire");
    for (const url of [
      "/dids",
      "/affectations",
      "/commandes",
      "/clients",
      "/configs",
      "/tableau-de-bord",
      "/campagnes",
    ])
      expect((await get(url, ctx.cles.hermes)).statusCode, url).toBe(403);
    expect((await get("/routage/export", ctx.cles.hermes)).statusCode).toBe(200);
  });

  it("restricts an API key to its addresses, through the fast lane as through the route", async () => {
    const campagne = (
      await post("/campagnes", { client_id: ctx.clientA, code: "A-CIDR", nom: "Cidr", hermes_id: "H9" })
    ).json();
    const did = (await get("/dids/par-numero/0143100003", ctx.cles.admin)).json();
    expect((await post("/affectations", { did_id: did.id, campaign_id: campagne.id })).statusCode).toBe(201);
    const fausse = await post("/cles-api", {
      nom: "fausse",
      role: "hermes",
      adresses_autorisees: ["999.1.1.1/8"],
    });
    expect(fausse.statusCode).toBe(422);
    expect(fausse.json().code).toBe("ADRESSE_INVALIDE");
    const ailleurs = await creerCleApi(ctx.db, SYSTEME, {
      nom: "hermes-ailleurs",
      role: "hermes",
      adresses_autorisees: ["10.0.0.0/8", "2001:db8::/32"],
    });
    const ici = await creerCleApi(ctx.db, SYSTEME, {
      nom: "hermes-ici",
      role: "hermes",
      adresses_autorisees: ["127.0.0.0/8", "::1"],
    });
    const adresse = await ctx.app.listen({ host: "127.0.0.1", port: 0 });
    const chercher = (cle: string) =>
      fetch(`${adresse}/api/v1/routage/entrant/0143100003`, { headers: { authorization: `Bearer ${cle}` } });
    const fin = Date.now() + 3000;
    while ((await chercher(ici.cle)).status !== 200 && Date.now() < fin)
      await new Promise((r) => setTimeout(r, 20));
    const servies = ctx.app.voieRapide.servies;
    // twice each: the second time the key is known, and the fast lane would answer it
    for (let i = 0; i < 2; i++) {
      const refus = await chercher(ailleurs.cle);
      expect(refus.status).toBe(403);
      expect((await refus.json()).code).toBe("ADRESSE_NON_AUTORISEE");
      expect((await chercher(ici.cle)).status).toBe(200);
    }
    expect(ctx.app.voieRapide.servies).toBeGreaterThan(servies);
    const liste = (await get("/cles-api", ctx.cles.admin)).json().data;
    expect(liste.find((c: { nom: string }) => c.nom === "hermes-ailleurs").adresses_autorisees).toEqual([
      "10.0.0.0/8",
      "2001:db8::/32",
    ]);
  });

  it("refuses a made-up API key again without asking the database", async () => {
    const inventee = { authorization: `Bearer tel_0123456789ab_${"A".repeat(32)}` };
    expect((await get("/dids", inventee)).statusCode).toBe(401);
    // a transaction holds the embedded database's only connection for 1.5 s, as an import does: the second refusal
    // must not wait for it (on PostgreSQL the pool has other connections, and this only checks the answer)
    let tenue: () => void = () => {};
    const occupe = ctx.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await new Promise<void>((r) => {
        tenue = r;
        setTimeout(r, 1500);
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    const debut = performance.now();
    expect((await get("/dids", inventee)).statusCode).toBe(401);
    expect(performance.now() - debut).toBeLessThan(1000);
    tenue();
    await occupe;
  });

  it("counts only a client's own numbers on its dashboard, and says nothing of Hermes", async () => {
    const admin = (await get("/tableau-de-bord", ctx.cles.admin)).json();
    const somme = (l: Array<{ n: number }>) => l.reduce((s, x) => s + x.n, 0);
    expect(admin.total).toBe(3);
    expect(somme(admin.disponibles)).toBe(2);
    const client = (await get("/tableau-de-bord", ctx.cles.client)).json();
    expect(client.total).toBe(1);
    expect(client.par_statut.find((x: { code: string }) => x.code === "UTILISE").n).toBe(1);
    // its own available numbers (none: the one it holds is assigned), not the company's free stock
    expect(somme(client.disponibles)).toBe(0);
    expect(client.par_client.map((c: { code: string }) => c.code)).toEqual(["CLIENT_A"]);
    expect(client.publication_en_attente).toBeNull();
  });

  it("limits logins per address and login: failures sprayed over other names lock nobody out", async () => {
    await post("/utilisateurs", {
      login: "marie",
      nom: "Marie",
      role: "gestionnaire",
      mot_de_passe: "correct-horse-42",
    });
    const login = (l: string, m: string) => post("/auth/login", { login: l, mot_de_passe: m }, {});
    for (let i = 0; i < 10; i++) expect((await login(`inconnu${i}`, "mauvais")).statusCode).toBe(401);
    expect((await login("marie", "correct-horse-42")).statusCode).toBe(200);
    // guessing one login is still stopped: 3 a minute (LOGIN_RATE_PER_MINUTE), the 2nd to 3rd wrong, then 429
    expect((await login("marie", "essai-1")).statusCode).toBe(401);
    expect((await login("marie", "essai-2")).statusCode).toBe(401);
    const bloque = await login("marie", "correct-horse-42");
    expect(bloque.statusCode).toBe(429);
    expect(bloque.json().code).toBe("TROP_DE_TENTATIVES");
    // and the address as a whole has a ceiling, 10 × 3 a minute: 13 attempts counted so far, the 31st is refused
    const statuts: number[] = [];
    for (let i = 0; i < 20; i++) statuts.push((await login(`autre${i}`, "mauvais")).statusCode);
    expect(statuts.indexOf(429)).toBe(17);
    expect((await login("autre-encore", "mauvais")).json().detail).toContain("depuis cette adresse");
  });

  it("refuses a NUL byte anywhere and JSON nested too deep with 422, never 500", async () => {
    const h = ctx.cles.admin;
    for (const url of [
      "/dids?q=53%0000",
      "/clients?q=%00",
      "/hermes/publication?fichier=a%00",
      "/commandes?q=%00x",
    ]) {
      const r = await get(url, h);
      expect(r.statusCode, url).toBeLessThan(500);
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
    }
    const nul = await post("/clients", { code: "NUL", nom: "Avec\u0000nul" });
    expect(nul.statusCode).toBe(422);
    expect(nul.json()).toMatchObject({ code: "CARACTERE_INTERDIT", errors: [{ champ: "nom" }] });
    const anonyme = await post("/auth/login", { login: "a\u0000", mot_de_passe: "x" }, {});
    expect(anonyme.statusCode).toBe(422);
    // 5,000 levels, 30 KB: written as text, since JSON.stringify itself cannot go that deep
    const profond = `${'{"x":'.repeat(5000)}{"fin":true}${"}".repeat(5000)}`;
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/configs",
      headers: { ...ctx.cles.admin, "content-type": "application/json" },
      payload: `{"code":"PROFOND","nom":"Profond","config":${profond}}`,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe("JSON_TROP_PROFOND");
  });

  it("makes every CSV cell that starts like a formula inert, and a CSV export re-imports unchanged", async () => {
    const typeGeo = await idDe(ctx.db, "tel_type_did", "GEO");
    const formule = "=cmd|' /C calc'!A0";
    const c = await post(
      "/commandes",
      { type_did_id: typeGeo, quantite: 1, demandeur_nom: formule, motif: "@SUM(1+1)" },
      ctx.cles.client,
    );
    expect(c.statusCode, c.body).toBe(201);
    // formula-like text in every kind of row a CSV can hold
    await post("/clients", { code: "FORMULE", nom: '=HYPERLINK("http://x")', contact_nom: "+1+1" });
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/dids/${(await get("/dids/par-numero/0143100001", ctx.cles.admin)).json().id}`,
      headers: ctx.cles.admin,
      payload: { description: "-2+3", notes: "@SUM(A1)" },
    });
    for (const url of ["/commandes?format=csv", "/exports/commandes?format=csv"])
      expect((await get(url, ctx.cles.admin)).body, url).toContain(`'${formule}`);
    // every route that answers CSV: lists with format=csv, exports, the routing export
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, { parameters?: unknown[] }>> })
      .paths;
    const routesCsv = Object.entries(paths)
      .filter(([, ops]) => JSON.stringify(ops.get?.parameters ?? []).includes('"csv"'))
      .map(([p]) => p);
    expect(routesCsv.length).toBeGreaterThan(15);
    const types = ["numeros", "affectations", "clients", "campagnes", "configs", "commandes"];
    const urls = routesCsv.flatMap((p) =>
      p.includes("{type}") ? types.map((t) => p.replace("{type}", t)) : p.includes("{") ? [] : [p],
    );
    // the routes that need more than the format to answer
    const requis: Record<string, string> = {
      "/api/v1/couts/refacturation": `&periode=2026-11&client_id=${ctx.clientA}`,
      "/api/v1/couts": "&periode=2026-11",
      "/api/v1/dids/a-l-instant": "&numeros=0143100001",
    };
    // files read by programs are written raw (fichiers.ts): the routing export, which Hermes reads
    const pourMachines = ["/api/v1/routage/export"];
    for (const url of urls.filter((u) => !pourMachines.includes(u))) {
      const r = await get(`${url.replace("/api/v1", "")}?format=csv${requis[url] ?? ""}`, ctx.cles.admin);
      expect(r.statusCode, url).toBe(200);
      const cellules = parse(r.body.replace(/^\uFEFF/, ""), {
        delimiter: ";",
        relax_column_count: true,
      }) as string[][];
      for (const cellule of cellules.flat()) expect(cellule, url).not.toMatch(/^[=+\-@\t\r]/);
    }
    const clients = (await get("/clients?format=csv", ctx.cles.admin)).body;
    expect(clients).toContain(`"'=HYPERLINK(""http://x"")"`);
    const numeros = await get("/exports/numeros?format=csv", ctx.cles.admin);
    expect(numeros.body).toContain("'+33143100001");
    const retour = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros?simulation=true",
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: numeros.rawPayload,
    });
    expect(retour.statusCode, retour.body).toBe(200);
    expect(retour.json()).toMatchObject({ lus: 3, inchanges: 3, a_creer: 0, a_mettre_a_jour: 0, rejetes: 0 });
  });
});
