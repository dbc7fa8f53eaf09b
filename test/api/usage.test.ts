import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

// Usage from the platform's call records (#19): Hermes' ODCalls export and a plain file, aggregated per number and
// business day, a period imported again replacing its figures; then the numbers that cost money and serve nobody.
describe.each(CIBLES)("call usage and dormant numbers ($nom)", (cible) => {
  let ctx: Contexte;
  // ahead of the database's own clock: the numbers and their history are older than the windows looked at
  const maintenant = new Date("2027-03-01T09:00:00Z");
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    const sfr = await idDe(ctx.db, "tel_operateur", "SFR");
    const camp = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/campagnes",
        headers: ctx.cles.admin,
        payload: { client_id: ctx.clientA, code: "USG", nom: "Usage" },
      })
    ).json();
    for (const [nom, numero, cout, client, campagne] of [
      ["A", "0142790001", 2, true, true],
      ["B", "0142790002", 3, true, false],
      ["C", "0142790003", 1.5, false, false],
      ["D", "0142790004", 0, false, false],
      ["E", "0142790005", 1, true, true],
    ] as const) {
      const d = await api("POST", "/dids", { numero, operateur_id: sfr, cout_mensuel: cout });
      ids[nom] = d.corps.id;
      if (client) await api("POST", `/dids/${d.corps.id}/actions/affecter`, { client_id: ctx.clientA });
      if (campagne)
        await api("POST", "/affectations", {
          did_id: d.corps.id,
          campaign_id: camp.id,
          date_debut: "2026-01-01",
        });
    }
  });
  afterAll(() => ctx?.fermer());

  async function api(methode: "GET" | "POST", url: string, payload?: unknown, cle = ctx.cles.admin) {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: r.statusCode, corps: r.json() };
  }
  const importer = async (texte: string) => {
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/appels?nom=appels.csv",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: texte,
    });
    return { status: r.statusCode, corps: r.json() };
  };
  const jour = async (nom: string, j: string) =>
    (await api("GET", `/dids/${ids[nom]}/usage?jours=30`)).corps.jours.find(
      (x: { jour: string }) => x.jour === j,
    );

  const HERMES = [
    "CallLocalTime;CallType;FirstCampaign;OutTel;ANI;Duration;WaitDuration;Abandon",
    // inbound: OutTel is "<campaign DID>-<caller>"
    "2027-02-10 09:15:00.000;IN;USG;0142790001-0612345678;;120;5;0",
    // OutTel empty: the ANI holds it, written without its 0
    "2027-02-10 09:20:00.000;IN;USG;;142790001-0699999999;0;30;1",
    // outbound: the number presented is the ANI; 23:30 in Paris is still the 10th
    "2027-02-10 23:30:00.000;OUT;USG;0611111111;0142790002;60;0;0",
    "2027-02-11 00:30:00.000;IN;USG;0142790001-0611223344;;45;0;0",
    "2027-02-11 08:00:00.000;IN;USG;0199999999-0611111111;;10;0;0",
    "2027-02-11 08:05:00.000;TRANSFERT;USG;0142790001-0600000000;;10;0;0",
  ].join("\n");

  it("reads Hermes' call table and a plain file, attributes each call to its number, and never counts a period twice", async () => {
    const r = await importer(HERMES);
    expect(r.status, JSON.stringify(r.corps)).toBe(201);
    expect(r.corps).toMatchObject({
      format: "HERMES",
      du: "2027-02-10",
      au: "2027-02-11",
      lignes: 6,
      appels: 4,
      numeros: 2,
      non_attribues: [{ numero: "+33199999999", appels: 1 }],
      rejetes: 1,
    });
    expect(r.corps.rejets[0]).toMatchObject({
      ligne: 7,
      raison: expect.stringContaining("TRANSFERT".toLowerCase()),
    });
    const dixA = { jour: "2027-02-10", entrants: 2, sortants: 0, repondus: 1, abandonnes: 1, duree_s: 120 };
    expect(await jour("A", "2027-02-10")).toEqual(dixA);
    expect(await jour("A", "2027-02-11")).toMatchObject({ entrants: 1, repondus: 1, duree_s: 45 });
    expect(await jour("B", "2027-02-10")).toMatchObject({
      entrants: 0,
      sortants: 1,
      repondus: 1,
      duree_s: 60,
    });
    const usage = (await api("GET", `/dids/${ids.A}/usage`)).corps;
    expect(usage.jours).toHaveLength(90);
    // 00:30 on the 11th in Paris (UTC+1)
    expect(usage.dernier_appel).toBe("2027-02-10T23:30:00.000Z");

    // the same file again: the period is replaced, not added to
    expect((await importer(HERMES)).status).toBe(201);
    expect(await jour("A", "2027-02-10")).toEqual(dixA);

    const simple = await importer(
      [
        "numero;date_heure;sens;repondu;duree",
        "0142790002;12/02/2027 10:00;entrant;oui;30",
        "01 42 79 00 02;2027-02-12T11:00:00+01:00;sortant;non;0",
      ].join("\n"),
    );
    expect(simple.corps).toMatchObject({ format: "SIMPLE", du: "2027-02-12", au: "2027-02-12", appels: 2 });
    expect(await jour("B", "2027-02-12")).toMatchObject({
      entrants: 1,
      sortants: 1,
      repondus: 1,
      abandonnes: 0,
      duree_s: 30,
    });
    // the earlier days stay
    expect(await jour("B", "2027-02-10")).toMatchObject({ sortants: 1 });
    // no caller number is kept anywhere
    const brut = JSON.stringify(await ctx.db.selectFrom("tel_usage_jour").selectAll().execute());
    expect(brut).not.toContain("0612345678");
    expect(brut).not.toContain("612345678");

    // the command line reads the same files
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "appels-"));
    fs.writeFileSync(path.join(dossier, "hermes.csv"), HERMES);
    const cli = await cliInterne(["import", path.join(dossier, "hermes.csv"), "--type", "appels"], ctx.base);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("du 2027-02-10 au 2027-02-11 : 4 appel(s) sur 2 numéro(s)");
    expect(cli.stdout).toContain("+33199999999 (1)");
    expect(await jour("A", "2027-02-10")).toEqual(dixA);
  });

  it("finds dormant numbers from the calls where they cover the period, else from status, and terminates them after a confirmation", async () => {
    // by status first: no call records cover the last 60 days; A and E are in use, D costs nothing
    const parStatut = (await api("GET", "/dormants?jours=60")).corps;
    expect(parStatut).toMatchObject({ methode: "statut", total: 2, economie_mensuelle: 4.5 });
    // listed by number (the groups give them by client and operator)
    expect(parStatut.numeros.map((n: { numero: string }) => n.numero)).toEqual([
      "+33142790002",
      "+33142790003",
    ]);

    // call records covering 30 January – 28 February: only A was called
    const couverture = await importer(
      [
        "numero;date_heure;sens;repondu;duree",
        "0142790001;30/01/2027 10:00;entrant;oui;30",
        "0142790001;28/02/2027 18:00;entrant;oui;30",
      ].join("\n"),
    );
    expect(couverture.corps).toMatchObject({ du: "2027-01-30", au: "2027-02-28" });
    const parAppels = (await api("GET", "/dormants?jours=30")).corps;
    expect(parAppels).toMatchObject({
      methode: "appels",
      depuis: "2027-01-30",
      total: 3,
      economie_mensuelle: 5.5,
    });
    expect(parAppels.groupes).toEqual([
      { client: null, operateur: "SFR", n: 1, economie: 1.5 },
      { client: "Client A", operateur: "SFR", n: 2, economie: 4 },
    ]);
    expect(parAppels.numeros.find((n: { numero: string }) => n.numero === "+33142790005")).toMatchObject({
      statut: "UTILISE",
      campagnes: ["USG"],
    });
    const xlsx = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/dormants?jours=30&format=xlsx",
      headers: ctx.cles.admin,
    });
    expect(xlsx.headers["content-disposition"]).toContain("dormants-30-jours.xlsx");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    // a reader sees no costs
    expect((await api("GET", "/dormants", undefined, ctx.cles.lecteur)).status).toBe(403);

    const question = await api("POST", "/dormants/resiliation", { ids: [ids.B, ids.E], jours: 30 });
    expect(question.status).toBe(409);
    expect(question.corps).toMatchObject({
      code: "CONFIRMATION_REQUISE",
      clients: ["Client A"],
      campagnes: ["USG"],
    });
    expect(question.corps.detail).toContain("Client A");
    expect((await api("GET", `/dids/${ids.E}`)).corps.statut_code).toBe("UTILISE");
    // a number that is not dormant is refused
    expect(
      (await api("POST", "/dormants/resiliation", { ids: [ids.A], jours: 30, confirmer: true })).status,
    ).toBe(409);
    const fait = await api("POST", "/dormants/resiliation", {
      ids: [ids.B, ids.E],
      jours: 30,
      confirmer: true,
    });
    expect(fait.status, JSON.stringify(fait.corps)).toBe(200);
    for (const nom of ["B", "E"])
      expect((await api("GET", `/dids/${ids[nom]}`)).corps.statut_code).toBe("RESILIE");
    expect((await api("GET", "/dormants?jours=30")).corps.total).toBe(1);
  });

  it("follows each number's last call as periods are imported again, replacing their calls", async () => {
    const dormants = async () =>
      (await api("GET", "/dormants?jours=30")).corps.numeros.map((n: { numero: string }) => n.numero);
    expect(await dormants()).toEqual(["+33142790003"]);
    // the same period again, now with C's calls and none of A's: A has not been called since 30 January
    const encore = await importer(
      [
        "numero;date_heure;sens;repondu;duree",
        "0142790003;30/01/2027 10:00;entrant;oui;30",
        "0142790003;28/02/2027 18:00;sortant;oui;30",
      ].join("\n"),
    );
    expect(encore.corps).toMatchObject({ du: "2027-01-30", au: "2027-02-28" });
    expect(await dormants()).toEqual(["+33142790001"]);
    // one day of it again, with a call of A's: the rest of the period keeps C's calls
    await importer(
      ["numero;date_heure;sens;repondu;duree", "0142790001;27/02/2027 12:00;entrant;oui;30"].join("\n"),
    );
    expect(await dormants()).toEqual([]);
  });
});
