import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Costs pro rata (#19): each number's monthly cost spread over the days each client held it in the month, from its
// history; stock and the freeze after a termination at the company's cost. Figures computed by hand below.
describe.each(CIBLES)("costs and re-billing ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2026-10-15T10:00:00+02:00");
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ctx = await contexte(cible, {
      horloge: () => maintenant,
      env: { FREEZE_DAYS: "45", CLIENT_REBILLING: "true" },
    });
  });
  afterAll(() => ctx?.fermer());

  async function api(methode: "GET" | "POST" | "PUT", url: string, payload?: unknown, cle = ctx.cles.admin) {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const json = String(r.headers["content-type"] ?? "").includes("json");
    return { status: r.statusCode, corps: json ? r.json() : r.body };
  }
  const action = async (quand: string, nom: string, quoi: string, corps: Record<string, unknown> = {}) => {
    maintenant = new Date(quand);
    const r = await api("POST", `/dids/${ids[nom]}/actions/${quoi}`, { motif: "test", ...corps });
    expect(r.status, JSON.stringify(r.corps)).toBe(200);
  };

  it("spreads each number's cost over the days each holder had it, across months, terminations, freezes and client changes", async () => {
    for (const [nom, numero, cout] of [
      ["N1", "0142800001", 3],
      ["N2", "0142800002", 6],
      ["N3", "0142800003", 1.5],
      ["N4", "0142800004", 9],
    ] as const) {
      const d = await api("POST", "/dids", { numero, cout_mensuel: cout });
      ids[nom] = d.corps.id;
    }
    await action("2026-10-15T10:00:00+02:00", "N1", "affecter", { client_id: ctx.clientA });
    await action("2026-10-15T10:00:00+02:00", "N2", "affecter", { client_id: ctx.clientA });
    await action("2026-10-15T10:00:00+02:00", "N4", "affecter", { client_id: ctx.clientB });
    // N2: released on 10 November at noon, to client B on the 20th at noon
    await action("2026-11-10T12:00:00+01:00", "N2", "liberer");
    await action("2026-11-20T12:00:00+01:00", "N2", "affecter", { client_id: ctx.clientB });
    // N4: terminated on 25 November; frozen 45 days, until 9 January
    await action("2026-11-25T12:00:00+01:00", "N4", "resilier");
    // N5 enters the inventory on 16 November at noon
    maintenant = new Date("2026-11-16T12:00:00+01:00");
    ids.N5 = (await api("POST", "/dids", { numero: "0142800005", cout_mensuel: 3 })).corps.id;
    maintenant = new Date("2026-12-05T09:00:00Z");

    // November, 30 days; a day is its holder's at the end of that day (Paris):
    //   N1 3.00 — client A all month: 3.00
    //   N2 6.00 (0.20 a day) — A days 1–9: 1.80; stock days 10–19: 2.00; B days 20–30: 2.20
    //   N3 1.50 — in stock all month: 1.50
    //   N4 9.00 (0.30 a day) — B days 1–24: 7.20; terminated on the 25th, frozen days 25–30: 1.80 to the company
    //   N5 3.00 (0.10 a day) — days 16–30 in stock: 1.50
    const parClient = (await api("GET", "/couts?periode=2026-11&par=client")).corps;
    expect(parClient.total).toBe(21);
    expect(
      Object.fromEntries(
        parClient.lignes.map((l: { libelle: string; montant: number; jours: number }) => [
          l.libelle,
          [l.montant, l.jours],
        ]),
      ),
    ).toEqual({
      "Client B": [9.4, 35],
      "Client A": [4.8, 39],
      "Société (stock)": [5, 55],
      "Société (gel)": [1.8, 6],
    });
    // across the month boundary: N4 is still frozen all December (31 days), N1 began on 15 October (17 days of 31)
    const decembre = (await api("GET", "/couts?periode=2026-12&par=client")).corps;
    expect(decembre.lignes.find((l: { libelle: string }) => l.libelle === "Société (gel)")).toMatchObject({
      montant: 9,
      jours: 31,
    });
    const octobre = (await api("GET", "/couts?periode=2026-10&par=client")).corps;
    expect(octobre.lignes.find((l: { libelle: string }) => l.libelle === "Client A")).toMatchObject({
      jours: 34,
      montant: Math.round(((3 * 17) / 31 + (6 * 17) / 31) * 100) / 100,
    });
    const parType = (await api("GET", "/couts?periode=2026-11&par=type")).corps;
    expect(parType.lignes).toEqual([
      { cle: expect.any(String), libelle: "Géographique", numeros: 5, jours: 135, montant: 21 },
    ]);
    const csv = (await api("GET", "/couts?periode=2026-11&par=client&format=csv")).corps as string;
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/),
    ).toEqual([
      "client;numeros;jours;montant",
      "Client B;2;35;9.4",
      "Société (stock);3;55;5",
      "Client A;2;39;4.8",
      "Société (gel);1;6;1.8",
    ]);
    // a reader sees no costs
    expect((await api("GET", "/couts?periode=2026-11", undefined, ctx.cles.lecteur)).status).toBe(403);
  });

  it("re-bills a client its days, at its price per type when it has one, and lets it read only its own statement", async () => {
    const sans = (await api("GET", `/couts/refacturation?periode=2026-11&client_id=${ctx.clientA}`)).corps;
    expect(sans.total).toBe(4.8);
    expect(
      sans.lignes.map((l: Record<string, unknown>) => [l.numero, l.du, l.au, l.jours, l.montant]),
    ).toEqual([
      ["+33142800001", "2026-11-01", "2026-11-30", 30, 3],
      ["+33142800002", "2026-11-01", "2026-11-09", 9, 1.8],
    ]);
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    expect(
      (await api("PUT", `/clients/${ctx.clientA}/tarifs`, { tarifs: [{ type_id: geo, prix_mensuel: 4 }] }))
        .status,
    ).toBe(200);
    const avec = (await api("GET", `/couts/refacturation?periode=2026-11&client_id=${ctx.clientA}`)).corps;
    // 4.00 × 30/30 + 4.00 × 9/30
    expect(avec).toMatchObject({ total: 5.2 });
    expect(avec.lignes[1]).toMatchObject({ prix_mensuel: 4, tarif_client: true, montant: 1.2 });
    const csv = (await api("GET", `/couts/refacturation?periode=2026-11&client_id=${ctx.clientA}&format=csv`))
      .corps as string;
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/),
    ).toEqual([
      "numero;type;campagne;du;au;jours;prix_mensuel;tarif_client;montant",
      "'+33142800001;Géographique;;2026-11-01;2026-11-30;30;4;oui;4",
      "'+33142800002;Géographique;;2026-11-01;2026-11-09;9;4;oui;1.2",
    ]);
    // the client's own statement (enabled here by CLIENT_REBILLING), never another's
    const mien = await api(
      "GET",
      `/couts/refacturation?periode=2026-11&client_id=${ctx.clientB}`,
      undefined,
      ctx.cles.client,
    );
    expect(mien.corps.client.id).toBe(ctx.clientA);
    const tendance = (await api("GET", "/couts/tendance?mois=3")).corps;
    expect(tendance.mois.map((m: { periode: string }) => m.periode)).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(tendance.mois[1].montant).toBe(21);
  });

  it("shows what numbers cost to admin and gestionnaire only, in every view of a number", async () => {
    const vu = async (cle: Record<string, string>) =>
      (await api("GET", `/dids/${ids.N1}`, undefined, cle)).corps;
    expect((await vu(ctx.cles.admin)).cout_mensuel).toBe(3);
    expect((await vu(ctx.cles.gestionnaire)).cout_mensuel).toBe(3);
    expect((await vu(ctx.cles.lecteur)).cout_mensuel).toBeNull();
    // client A holds N1: it sees its number, not what it costs
    expect(await vu(ctx.cles.client)).toMatchObject({ id: ids.N1, cout_mensuel: null });
    const liste = (await api("GET", `/dids?q=0142800001`, undefined, ctx.cles.lecteur)).corps;
    expect(liste.data[0].cout_mensuel).toBeNull();
    for (const url of ["/dids?q=0142800001&format=csv", "/exports/numeros?format=csv"]) {
      const [entete, ligne] = ((await api("GET", url, undefined, ctx.cles.lecteur)).corps as string)
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/)
        .filter((l, i) => i === 0 || l.includes("142800001"));
      const colonne = (entete as string).split(";").indexOf("cout_mensuel");
      expect(colonne, url).toBeGreaterThan(-1);
      expect((ligne as string).split(";")[colonne], url).toBe("");
    }
    const admin = (await api("GET", "/exports/numeros?format=csv")).corps as string;
    expect(admin).toContain(";3;");
  });
});
