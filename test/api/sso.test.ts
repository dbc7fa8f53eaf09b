import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// The groups-to-role mapping of the company's sign-on (#31), without a provider: who may edit it, what it refuses,
// and what the login page is told. The full flow with a real provider is test/web/sso.test.ts.
describe.each(CIBLES)("the sign-on's mapping ($nom)", (cible) => {
  let ctx: Contexte;
  beforeAll(async () => {
    ctx = await contexte(cible);
  });
  afterAll(() => ctx?.fermer());
  const api = async (
    methode: "GET" | "POST" | "DELETE",
    url: string,
    payload?: unknown,
    cle = ctx.cles.admin,
  ) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: r.statusCode, corps: r.body ? r.json() : null };
  };

  it("maps a group to a role, a client's group to its client, and refuses what cannot be", async () => {
    const cree = await api("POST", "/sso/correspondances", { groupe: "tel-lecture", role: "lecteur" });
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201);
    expect(cree.corps).toMatchObject({ groupe: "tel-lecture", role: "lecteur", client_id: null });
    const client = await api("POST", "/sso/correspondances", {
      groupe: "acme-equipe",
      role: "client",
      client_id: ctx.clientA,
    });
    expect(client.corps).toMatchObject({ role: "client", client_id: ctx.clientA });
    // a client's role needs its client, and only it takes one
    const sansClient = await api("POST", "/sso/correspondances", { groupe: "x", role: "client" });
    expect(sansClient.status).toBe(422);
    expect(sansClient.corps.code).toBe("CLIENT_ROLE");
    expect((await api("POST", "/sso/correspondances", { groupe: "y", role: "hermes" })).status).toBe(400);
    // one role per group
    expect((await api("POST", "/sso/correspondances", { groupe: "tel-lecture", role: "admin" })).status).toBe(
      409,
    );
    // administrators only
    expect((await api("GET", "/sso/correspondances", undefined, ctx.cles.gestionnaire)).status).toBe(403);
    const liste = (await api("GET", "/sso/correspondances")).corps;
    expect(liste.data.map((c: { groupe: string }) => c.groupe)).toEqual(["acme-equipe", "tel-lecture"]);
    expect((await api("DELETE", `/sso/correspondances/${cree.corps.id}`)).status).toBe(204);
    expect((await api("DELETE", `/sso/correspondances/${cree.corps.id}`)).status).toBe(404);
  });

  it("lists an account of the company's sign-on as such, and gives it no password", async () => {
    const { id } = await ctx.db
      .insertInto("tel_utilisateur")
      .values({
        login: "sso.compte",
        nom: "Compte SSO",
        role: "lecteur",
        origine: "OIDC",
        sujet: "sujet-1",
        mot_de_passe_hash: "sso:inutilisable",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const liste = (await api("GET", "/utilisateurs")).corps.data;
    expect(liste.find((u: { login: string }) => u.login === "sso.compte")).toMatchObject({ origine: "OIDC" });
    const r = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/utilisateurs/${id}`,
      headers: ctx.cles.admin,
      payload: { mot_de_passe: "un-mot-de-passe-assez-long" },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().detail).toContain("compte de l'entreprise");
    // nor does the local form open it, whatever its stored hash
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "sso.compte", mot_de_passe: "sso:inutilisable" },
    });
    expect(login.statusCode).toBe(401);
  });

  it("tells the login page there is no sign-on, and refuses to start one", async () => {
    const config = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/config" });
    expect(config.json()).toEqual({ oidc: false });
    const debut = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/oidc" });
    expect(debut.statusCode).toBe(404);
    expect(debut.json().code).toBe("SSO_NON_CONFIGURE");
  });
});
