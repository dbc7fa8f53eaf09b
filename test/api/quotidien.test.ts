import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// The API side of the extranet's daily-use fixes (issue #16): what the screens rely on, for integrators too.
describe.each(CIBLES)("daily-use API details ($nom)", (cible) => {
  let ctx: Contexte;
  const maintenant = new Date("2026-12-02T10:00:00Z");
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
  });
  afterAll(() => ctx?.fermer());
  const api = async (methode: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: ctx.cles.admin,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: r.statusCode, corps: r.json() };
  };

  it("names the groupement rule when a number gets another client's groupement", async () => {
    const g = await api("POST", "/groupements", { client_id: ctx.clientA, code: "SIEGE", libelle: "Siège" });
    const d = await api("POST", "/dids", { numero: "0142990001" });
    const r = await api("POST", `/dids/${d.corps.id}/actions/affecter`, {
      client_id: ctx.clientB,
      groupement_id: g.corps.id,
    });
    expect(r.status).toBe(409);
    expect(r.corps).toMatchObject({ code: "GROUPEMENT_AUTRE_CLIENT" });
    expect(r.corps.detail).not.toMatch(/désactivez/);
  });

  it("keeps the out-of-hours redirect in E.164 whatever form it was typed in, and names a wrong one", async () => {
    const ok = await api("POST", "/configs", {
      code: "SOIR",
      nom: "Soir",
      config: { redirection_hors_horaires: "01 40 00 00 00" },
    });
    expect(ok.status, JSON.stringify(ok.corps)).toBe(201);
    expect(ok.corps.config.redirection_hors_horaires).toBe("+33140000000");
    const mauvais = await api("POST", "/configs", {
      code: "SOIR2",
      nom: "Soir",
      config: { redirection_hors_horaires: "0140" },
    });
    expect(mauvais.status).toBe(422);
    expect(mauvais.corps.code).toBe("CONFIG_INVALIDE");
  });

  it("filters orders by several statuses at once, as the queue's « À traiter » does", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const creer = async () =>
      (await api("POST", "/commandes", { client_id: ctx.clientA, type_did_id: geo, quantite: 1 })).corps;
    const a = await creer();
    const b = await creer();
    await creer();
    await api("POST", `/commandes/${a.id}/actions/soumettre`, {});
    await api("POST", `/commandes/${b.id}/actions/soumettre`, {});
    await api("POST", `/commandes/${b.id}/actions/valider`, {});
    const liste = await api("GET", "/commandes?statut=SOUMISE,VALIDEE,EN_COURS");
    expect(liste.corps.data.map((c: { id: number }) => c.id).sort()).toEqual([a.id, b.id].sort());
    const tableau = await api("GET", "/tableau-de-bord");
    const aTraiter = tableau.corps.commandes_en_attente.reduce((t: number, c: { n: number }) => t + c.n, 0);
    expect(aTraiter).toBe(liste.corps.total);
    expect((await api("GET", "/commandes?statut=SOUMISE,nimporte")).status).toBe(400);
  });

  it("gives the dashboard's « réutilisables sous 30 jours » as the list filter that finds the same numbers", async () => {
    const d = await api("POST", "/dids", { numero: "0142990002" });
    await api("POST", `/dids/${d.corps.id}/actions/resilier`, {});
    // terminated 80 days ago with a 90-day freeze: out of it in 10 days
    await ctx.db
      .updateTable("tel_did")
      .set({ date_resiliation: "2026-09-13" })
      .where("id", "=", d.corps.id)
      .execute();
    const t = (await api("GET", "/tableau-de-bord")).corps.reutilisables_30_jours;
    expect(t.numeros.map((n: { id: number }) => n.id)).toContain(d.corps.id);
    const liste = await api(
      "GET",
      `/dids?statut=RESILIE&resilie_depuis=${t.resilie_depuis}&resilie_avant=${t.resilie_avant}`,
    );
    expect(liste.corps.data.map((n: { id: number }) => n.id).sort()).toEqual(
      t.numeros.map((n: { id: number }) => n.id).sort(),
    );
    expect(liste.corps.total).toBe(t.n);
    // and a reactivated number still says until when it stays with its holder
    await api("POST", `/dids/${d.corps.id}/actions/reactiver`, {});
    expect((await api("GET", `/dids/${d.corps.id}`)).corps.reutilisable_le).toBe("2026-12-12");
  });

  it("sorts the number list by the national number: 01… before 0262…", async () => {
    await api("POST", "/dids", { numero: "+262 262 30 06 67" });
    await api("POST", "/dids", { numero: "01 99 30 06 67" });
    const r = await api("GET", "/dids?q=300667&tri=did");
    expect(r.corps.data.map((n: { did_format_e164: string }) => n.did_format_e164)).toEqual([
      "+33199300667",
      "+262262300667",
    ]);
  });
});
