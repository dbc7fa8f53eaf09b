import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/modules/auth/acteur.js";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

const ROLES: Role[] = ["admin", "gestionnaire", "lecteur", "client", "hermes"];
const TOUS = ROLES;
/** Everyone but the platform's key, which reads routing and nothing else. */
const UTILISATEURS: Role[] = ["admin", "gestionnaire", "lecteur", "client"];
const PERSONNEL: Role[] = ["admin", "gestionnaire"];
const REFERENTIELS =
  /^\/api\/v1\/(indicatifs|regions|operateurs|types-did|equipements|statuts-did|statuts-commande|clouds)(\/|$)/;

/** Who may call what: written out here, independently of the route declarations, so that a route opened by mistake fails. */
function autorises(methode: string, chemin: string): Role[] | "public" {
  // the sign-in itself: with a password, or the company's sign-on and its return (#31)
  if (
    [
      "/api/v1/health",
      "/api/v1/ready",
      "/api/v1/auth/login",
      "/api/v1/auth/config",
      "/api/v1/auth/oidc",
      "/api/v1/auth/oidc/retour",
    ].includes(chemin)
  )
    return "public";
  if (chemin.startsWith("/api/v1/auth/")) return TOUS;
  if (
    chemin.startsWith("/api/v1/utilisateurs") ||
    chemin.startsWith("/api/v1/cles-api") ||
    chemin.startsWith("/api/v1/sso/")
  )
    return ["admin"];
  if (chemin === "/api/v1/audit") return ["admin", "gestionnaire", "lecteur"];
  if (chemin === "/api/v1/notifications") return PERSONNEL;
  // Prometheus' scrape through the API: an admin key (or the separate METRICS_LISTEN address, without one)
  if (chemin === "/api/v1/metrics") return ["admin"];
  if (chemin === "/api/v1/sauvegarde" || chemin.startsWith("/api/v1/sauvegardes")) return ["admin"];
  if (chemin.startsWith("/api/v1/imports/")) return PERSONNEL;
  // a client exports what its lists show it (scoped in the handler, tested below)
  if (chemin.startsWith("/api/v1/exports/")) return ["admin", "gestionnaire", "lecteur", "client"];
  if (chemin.startsWith("/api/v1/routage/")) return ["admin", "gestionnaire", "lecteur", "hermes"];
  if (methode === "GET" && chemin.startsWith("/api/v1/hermes/")) return ["admin", "gestionnaire", "lecteur"];
  if (chemin.endsWith("/livraisons")) return PERSONNEL;
  // porting: a client follows and creates its own port-ins; staff move them on, prepare numbers, record port-outs
  if (chemin.startsWith("/api/v1/portabilites-sortantes") || chemin.endsWith("/preparation"))
    return PERSONNEL;
  if (chemin.startsWith("/api/v1/portabilites"))
    return methode === "GET" ? UTILISATEURS : ["admin", "gestionnaire", "client"];
  // carrier blocks and caller-ID rights (mandates, declarations, who presented a number): staff business
  if (/^\/api\/v1\/(tranches|mandats|declarations)(\/|$)/.test(chemin) || chemin.endsWith("/presentation"))
    return methode === "GET" ? ["admin", "gestionnaire", "lecteur"] : PERSONNEL;
  // what numbers cost and what carriers bill: admin and gestionnaire only
  if (
    chemin.startsWith("/api/v1/rapprochements") ||
    chemin.startsWith("/api/v1/dormants") ||
    chemin.startsWith("/api/v1/couts") ||
    chemin.endsWith("/tarifs")
  )
    return PERSONNEL;
  if (methode === "GET") {
    if (/^\/api\/v1\/(equipements|clouds|configs)(\/|$)/.test(chemin))
      return ["admin", "gestionnaire", "lecteur"];
    return UTILISATEURS;
  }
  if (REFERENTIELS.test(chemin)) return ["admin"];
  if (methode === "DELETE" && chemin.startsWith("/api/v1/dids")) return ["admin"];
  if (chemin.startsWith("/api/v1/commandes")) return ["admin", "gestionnaire", "client"];
  return PERSONNEL;
}

describe.each(CIBLES)("authorisation ($nom)", (cible) => {
  let ctx: Contexte;
  let didB: number;
  let didA: number;

  beforeAll(async () => {
    ctx = await contexte(cible);
    const h = ctx.cles.admin;
    const mk = async (numero: string, client: number) => {
      const d = (
        await ctx.app.inject({
          method: "POST",
          url: "/api/v1/dids",
          headers: h,
          payload: { numero, description: `secret ${numero}` },
        })
      ).json();
      await ctx.app.inject({
        method: "POST",
        url: `/api/v1/dids/${d.id}/actions/affecter`,
        headers: h,
        payload: { client_id: client },
      });
      return d.id as number;
    };
    didA = await mk("0142000001", ctx.clientA);
    didB = await mk("0142000002", ctx.clientB);
    const campB = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/campagnes",
        headers: h,
        payload: { client_id: ctx.clientB, code: "B-SAV", nom: "SAV B" },
      })
    ).json();
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: h,
      payload: { did_id: didB, campaign_id: campB.id },
    });
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/groupements",
      headers: h,
      payload: { client_id: ctx.clientB, code: "PROD", libelle: "Production B" },
    });
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/commandes",
      headers: h,
      payload: {
        client_id: ctx.clientB,
        type_did_id: await idDe(ctx.db, "tel_type_did", "GEO"),
        quantite: 3,
      },
    });
  });
  afterAll(async () => ctx?.fermer());

  it("applies the role matrix to every documented route", async () => {
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const routes = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => [m.toUpperCase(), p] as const),
    );
    expect(routes.length).toBeGreaterThan(60);
    const ecarts: string[] = [];
    for (const [methode, gabarit] of routes) {
      // a path that exists for ids, an action name for actions
      const url = gabarit
        .replace("{id}", "999999")
        .replace("{action}", "affecter")
        .replace("{numero}", "0142000001");
      const attendu = autorises(methode, gabarit.replace(/\{[a-z]+\}/g, "x"));
      for (const role of ROLES) {
        const r = await ctx.app.inject({
          method: methode as "GET",
          url,
          headers: ctx.cles[role],
          ...(methode === "GET" || methode === "DELETE" ? {} : { payload: {} }),
        });
        const refuse = r.statusCode === 403 || r.statusCode === 401;
        const doit = attendu === "public" || attendu.includes(role);
        if (refuse === doit) ecarts.push(`${methode} ${gabarit} ${role}: ${r.statusCode}`);
      }
      if (attendu !== "public") {
        const anonyme = await ctx.app.inject({ method: methode as "GET", url });
        if (anonyme.statusCode !== 401) ecarts.push(`${methode} ${gabarit} anonymous: ${anonyme.statusCode}`);
      }
    }
    expect(ecarts).toEqual([]);
  });

  it("shows a client a dashboard of its own numbers, without Hermes, and the hermes key only routing", async () => {
    const client = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/tableau-de-bord", headers: ctx.cles.client })
    ).json();
    expect(client.total).toBe(1);
    expect(client.par_client.map((c: { code: string }) => c.code)).toEqual(["CLIENT_A"]);
    expect(client.disponibles).toEqual([]);
    expect(client.publication_en_attente).toBeNull();
    const admin = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/tableau-de-bord", headers: ctx.cles.admin })
    ).json();
    expect(admin.total).toBe(2);
    const moi = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: ctx.cles.hermes })
    ).json();
    expect(moi.permissions).toEqual(["routage:lire"]);
  });

  it("a client key of client A gets 404 on B's number and never sees B's data", async () => {
    const c = ctx.cles.client;
    const get = (url: string) => ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: c });
    expect((await get(`/dids/${didB}`)).statusCode).toBe(404);
    expect((await get(`/dids/${didB}/historique`)).statusCode).toBe(404);
    expect((await get("/dids/par-numero/0142000002")).statusCode).toBe(404);
    expect((await get("/dids/par-numero/0142000001")).json()).toMatchObject({ id: didA });
    expect((await get(`/dids/${didA}`)).statusCode).toBe(200);
    const liste = (await get("/dids")).json();
    expect(liste.total).toBe(1);
    expect(liste.data.map((d: { id: number }) => d.id)).toEqual([didA]);
    expect((await get("/dids?q=0142000002")).json().total).toBe(0);
    expect((await get(`/dids?client_id=${ctx.clientB}`)).json().total).toBe(0);
    // its exports hold what its lists show, whatever the filters; configurations are not its to export
    const exporter = async (type: string, filtre = "") =>
      JSON.stringify((await get(`/exports/${type}?format=json${filtre}`)).json());
    expect(await exporter("numeros")).toContain("+33142000001");
    expect(await exporter("numeros", `&client_id=${ctx.clientB}`)).not.toContain("+33142000002");
    expect(await exporter("numeros")).not.toContain("+33142000002");
    expect(await exporter("affectations")).not.toContain("B-SAV");
    expect(await exporter("campagnes")).not.toContain("B-SAV");
    expect(await exporter("clients")).not.toContain("CLIENT_B");
    expect(await exporter("clients")).toContain("CLIENT_A");
    expect(await exporter("commandes")).not.toContain("CLIENT_B");
    expect((await get("/exports/configs")).statusCode).toBe(403);
    // staff see both
    const staff = JSON.stringify(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/v1/exports/numeros?format=json",
          headers: ctx.cles.lecteur,
        })
      ).json(),
    );
    expect(staff).toContain("+33142000002");
    // the shared reference tables its order form is made of are readable (they were empty for clients)
    for (const table of ["types-did", "regions", "statuts-did", "statuts-commande"]) {
      expect((await get(`/${table}`)).json().total, table).toBeGreaterThan(0);
    }
    const csv = (await get("/dids?format=csv")).body;
    expect(csv).toContain("+33142000001");
    expect(csv).not.toContain("+33142000002");
    for (const [url, champ] of [
      ["/clients", "id"],
      ["/groupements", "client_id"],
      ["/campagnes", "client_id"],
      ["/commandes", "client_id"],
      ["/affectations", "client_id"],
    ] as const) {
      const r = (await get(url)).json();
      for (const ligne of r.data) expect(ligne[champ], url).toBe(ctx.clientA);
      const csvListe = (await get(`${url}?format=csv`)).body;
      expect(csvListe, url).not.toMatch(/Client B|B-SAV|Production B/);
    }
    expect((await get(`/clients/${ctx.clientB}`)).statusCode).toBe(404);
    // and it cannot write inventory data
    expect(
      (
        await ctx.app.inject({
          method: "PATCH",
          url: `/api/v1/dids/${didA}`,
          headers: c,
          payload: { notes: "x" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("refuses revoked and expired keys, and wrong passwords, with 401", async () => {
    const h = ctx.cles.admin;
    const cle = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/cles-api",
        headers: h,
        payload: { nom: "temporaire", role: "lecteur" },
      })
    ).json();
    const auth = { authorization: `Bearer ${cle.cle}` };
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/dids", headers: auth })).statusCode).toBe(
      200,
    );
    const liste = (await ctx.app.inject({ method: "GET", url: "/api/v1/cles-api", headers: h })).body;
    expect(liste).not.toContain(cle.cle);
    await ctx.app.inject({ method: "POST", url: `/api/v1/cles-api/${cle.id}/revoquer`, headers: h });
    const r = await ctx.app.inject({ method: "GET", url: "/api/v1/dids", headers: auth });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("CLE_INVALIDE");
    const fausse = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/dids",
      headers: { authorization: "Bearer tel_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(fausse.statusCode).toBe(401);
  });

  it("logs in with a session cookie, requires the CSRF token for writes, rate-limits failures", async () => {
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/utilisateurs",
      headers: ctx.cles.admin,
      payload: { login: "marie", nom: "Marie", role: "gestionnaire", mot_de_passe: "correct-horse-battery" },
    });
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "marie", mot_de_passe: "correct-horse-battery" },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(login.headers["set-cookie"] as string[]);
    const session = setCookie.find((c) => c.startsWith("tel_session=")) as string;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } })).json(),
    ).toMatchObject({ login: "marie", role: "gestionnaire" });
    const sansCsrf = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/dids/${didA}`,
      headers: { cookie },
      payload: { notes: "x" },
    });
    expect(sansCsrf.statusCode).toBe(403);
    expect(sansCsrf.json().code).toBe("CSRF");
    const avecCsrf = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/dids/${didA}`,
      headers: { cookie, "x-csrf-token": login.json().csrf },
      payload: { notes: "x" },
    });
    expect(avecCsrf.statusCode).toBe(200);
    expect(avecCsrf.json().modified_by).toBe("marie");
    const mauvais = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "marie", mot_de_passe: "faux-mot-de-passe" },
    });
    expect(mauvais.statusCode).toBe(401);
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie, "x-csrf-token": login.json().csrf },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it("sends security headers on every response", async () => {
    for (const r of [
      await ctx.app.inject({ method: "GET", url: "/api/v1/health" }),
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids" }),
    ]) {
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBeDefined();
      expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(r.headers["x-request-id"]).toBeTruthy();
    }
  });
});
