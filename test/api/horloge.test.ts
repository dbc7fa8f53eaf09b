import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// One clock: the app's (the one the scheduler runs on and the tests move). Move it past an assignment's end and
// every view of "current" follows together — the assignments list, the number list's campaign filter, the export,
// the routing lookup, the number's status and the dashboard — none of them asking SQL's now() instead.
describe.each(CIBLES)("the app clock, everywhere ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2031-05-01T08:00:00Z");
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
  });
  afterAll(() => ctx?.fermer());
  const api = async (methode: "GET" | "POST", url: string, payload?: unknown, cle = ctx.cles.admin) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return {
      status: r.statusCode,
      corps: String(r.headers["content-type"] ?? "").includes("json") ? r.json() : r.body,
    };
  };

  it("agrees across lists, export, routing and dashboard once the clock passes an assignment's end", async () => {
    const campagne = (
      await api("POST", "/campagnes", {
        client_id: ctx.clientA,
        code: "FUTUR",
        nom: "Futur",
        hermes_id: "7777",
      })
    ).corps;
    const did = (await api("POST", "/dids", { numero: "0142770001" })).corps;
    await api("POST", `/dids/${did.id}/actions/affecter`, { client_id: ctx.clientA });
    // years ahead of the database's own clock: only the app clock says this assignment is current
    const aff = await api("POST", "/affectations", {
      did_id: did.id,
      campaign_id: campagne.id,
      date_debut: "2031-05-01T07:00:00Z",
      date_fin: "2031-05-01T12:00:00Z",
    });
    expect(aff.status, JSON.stringify(aff.corps)).toBe(201);
    await ctx.app.planificateur.tour();

    const vue = async () => {
      const affectation = (await api("GET", `/affectations/${aff.corps.id}`)).corps;
      const courantes = (await api("GET", `/affectations?courante=true&campaign_id=${campagne.id}`)).corps;
      const parCampagne = (await api("GET", `/dids?campaign_id=${campagne.id}`)).corps;
      const numero = (await api("GET", `/dids/${did.id}`)).corps;
      const routage = await api("GET", "/routage/entrant/0142770001", undefined, ctx.cles.hermes);
      const tableau = (await api("GET", "/tableau-de-bord")).corps;
      const csv = (await api("GET", `/exports/numeros?format=csv&campaign_id=${campagne.id}`))
        .corps as string;
      return {
        courante: affectation.courante,
        listeCourantes: courantes.total,
        numerosDeLaCampagne: parCampagne.total,
        statut: numero.statut_code,
        routage: routage.status,
        utilises: tableau.par_statut.find((s: { code: string }) => s.code === "UTILISE").n,
        lignesExport: csv.trim().split(/\r?\n/).length - 1,
      };
    };
    expect(await vue()).toEqual({
      courante: true,
      listeCourantes: 1,
      numerosDeLaCampagne: 1,
      statut: "UTILISE",
      routage: 200,
      utilises: 1,
      lignesExport: 1,
    });

    maintenant = new Date("2031-05-01T12:00:01Z");
    await ctx.app.planificateur.tour();
    expect(await vue()).toEqual({
      courante: false,
      listeCourantes: 0,
      numerosDeLaCampagne: 0,
      statut: "AFFECTE",
      routage: 404,
      utilises: 0,
      lignesExport: 0,
    });
  });

  it("lets the import give a terminated number to another client once the app clock is past the freeze", async () => {
    maintenant = new Date("2031-01-10T09:00:00Z");
    // a number from the stock, terminated: another client may have it once the freeze is over
    const did = (await api("POST", "/dids", { numero: "0142770002" })).corps;
    expect((await api("POST", `/dids/${did.id}/actions/resilier`, { motif: "fin" })).status).toBe(200);
    const clientB = (await api("GET", `/clients/${ctx.clientB}`)).corps.code;
    const importer = () =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/imports/numeros",
        headers: { ...ctx.cles.admin, "content-type": "text/csv" },
        payload: `numero;client;statut\n0142770002;${clientB};AFFECTE\n`,
      });
    // within the freeze (90 days from 10 January 2031): refused, by the import as by the API
    maintenant = new Date("2031-02-01T09:00:00Z");
    const gele = await importer();
    expect(gele.statusCode, gele.body).toBe(422);
    expect(JSON.stringify(gele.json())).toContain("gel");
    // years ahead of the system clock and past the freeze: the import sees the app clock, not the system's
    maintenant = new Date("2031-06-01T09:00:00Z");
    const libre = await importer();
    expect(libre.statusCode, libre.body).toBe(200);
    expect((await api("GET", `/dids/${did.id}`)).corps).toMatchObject({
      client_id: ctx.clientB,
      statut_code: "AFFECTE",
    });
  });

  it("dates a number's history with the app clock, through the API and through the import", async () => {
    maintenant = new Date("2032-03-04T10:00:00Z");
    const did = (await api("POST", "/dids", { numero: "0142770003" })).corps;
    expect((await api("POST", `/dids/${did.id}/actions/affecter`, { client_id: ctx.clientA })).status).toBe(
      200,
    );
    maintenant = new Date("2032-03-05T10:00:00Z");
    const client = (await api("GET", `/clients/${ctx.clientA}`)).corps.code;
    for (const [type, contenu] of [
      ["numeros", `numero;client\n0142770004;${client}\n`],
      ["affectations", "numero;campagne\n0142770004;FUTUR\n"],
    ] as const) {
      const r = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/imports/${type}`,
        headers: { ...ctx.cles.admin, "content-type": "text/csv" },
        payload: contenu,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const dates = async (id: number) => [
      ...new Set(
        (await api("GET", `/dids/${id}/historique`)).corps.data.map(
          (h: { date_action: string }) => h.date_action,
        ),
      ),
    ];
    expect(await dates(did.id)).toEqual(["2032-03-04T10:00:00.000Z"]);
    const importe = (await api("GET", "/dids?q=0142770004")).corps.data[0].id;
    expect(await dates(importe)).toEqual(["2032-03-05T10:00:00.000Z"]);
  });
});
