import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Planificateur } from "../../src/modules/planificateur/planificateur.js";
import { cleRio } from "../../src/modules/portabilite/rio.js";
import { appelApi, type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Issue #30: port-in and port-out on the minute, with the app clock moved.
describe.each(CIBLES)("porting ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2027-03-01T09:00:00Z");
  const api = appelApi(() => ctx);
  const PDF = Buffer.from("%PDF-1.4\n% mandat de portabilité signé\n%%EOF\n");
  let operateur: number;
  let campagne: number;
  let sortante: number;
  let config: number;

  const entrant = async (numero: string) =>
    (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/routage/entrant/${numero}`,
        headers: ctx.cles.hermes,
      })
    ).statusCode;
  const sortants = async (code: string) =>
    (
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/v1/routage/sortant/${code}`,
          headers: ctx.cles.hermes,
        })
      ).json() as {
        numeros?: Array<{ numero: string }>;
      }
    ).numeros?.map((n) => n.numero) ?? [];
  // the routing snapshot follows the database's notifications: a moment
  const attendre = async <T>(lire: () => Promise<T>, attendu: T) => {
    for (let i = 0; i < 150 && JSON.stringify(await lire()) !== JSON.stringify(attendu); i++)
      await new Promise((r) => setTimeout(r, 20));
    return lire();
  };
  const tour = async (iso: string) => {
    maintenant = new Date(iso);
    await ctx.app.planificateur.tour();
  };

  beforeAll(async () => {
    ctx = await contexte(cible, {
      horloge: () => maintenant,
      env: {
        WEBHOOK_URLS: "http://127.0.0.1:9/portabilite",
        NOTIFY_VALIDATORS: "noc@example.com",
        WEBHOOK_SECRET: "un-secret-de-test-assez-long",
      },
    });
    operateur = await idDe(
      ctx.db,
      "tel_operateur",
      (await ctx.db.selectFrom("tel_operateur").select("code").executeTakeFirstOrThrow()).code,
    );
    campagne = (
      await api("POST", "/campagnes", { client_id: ctx.clientA, code: "A-PORT-IN", nom: "Entrants" })
    ).corps.id;
    sortante = (
      await api("POST", "/campagnes", { client_id: ctx.clientA, code: "A-PORT-OUT", nom: "Sortants" })
    ).corps.id;
    config = (
      await api("POST", "/configs", { code: "CFG-PORT", nom: "Accueil", config: { file: "accueil" } })
    ).corps.id;
  });
  afterAll(async () => ctx?.fermer());

  /** A request for client A, submitted with its mandate, each number prepared, confirmed for `bascule`. */
  async function demande(
    numeros: Array<{ numero: string; rio?: string }>,
    bascule: string,
    cle = ctx.cles.client,
  ) {
    const cree = await api(
      "POST",
      "/portabilites",
      { operateur_donneur: "Orange", operateur_id: operateur, numeros },
      cle,
    );
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201);
    const id = cree.corps.id;
    const pdf = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/portabilites/${id}/mandat?nom=mandat.pdf`,
      headers: { ...cle, "content-type": "application/pdf" },
      payload: PDF,
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect((await api("POST", `/portabilites/${id}/actions/soumettre`, {}, cle)).status).toBe(200);
    for (const l of cree.corps.numeros) {
      const prep = await api("PUT", `/portabilites/${id}/numeros/${l.id}/preparation`, {
        entrant: { campaign_id: campagne, config_id: config },
        sortant: { campaign_id: sortante, priorite: 1 },
        cout_mensuel: 1.5,
      });
      expect(prep.status, JSON.stringify(prep.corps)).toBe(200);
    }
    const conf = await api("POST", `/portabilites/${id}/actions/confirmer`, { bascule_le: bascule });
    expect(conf.status, JSON.stringify(conf.corps)).toBe(200);
    expect(conf.corps.numeros.every((n: { controle: { pret: boolean } }) => n.controle.pret)).toBe(true);
    return conf.corps;
  }

  it("checks the RIO's form and key, and previews each number against the inventory", async () => {
    const rio = `OO P123456${cleRio("OOP123456", "0145000001")}`.replace(" ", "");
    const existant = await api("POST", "/dids", { numero: "0145000009", client_id: ctx.clientB });
    expect(existant.status).toBe(201);
    const apercu = await api(
      "POST",
      "/portabilites/apercu",
      {
        numeros: [
          { numero: "01 45 00 00 01", rio },
          { numero: "0145000002", rio: "OOP123456XYZ" },
          { numero: "0145000009" },
          { numero: "0145000010-0145000012" },
        ],
      },
      ctx.cles.client,
    );
    expect(apercu.status, JSON.stringify(apercu.corps)).toBe(200);
    const classes = apercu.corps.numeros.map((n: { classe: string }) => n.classe);
    expect(classes).toEqual(["NOUVEAU", "INVALIDE", "AUTRE_CLIENT", "NOUVEAU", "NOUVEAU", "NOUVEAU"]);
    // a client is not told who holds it
    expect(apercu.corps.numeros[2].message).not.toContain("Client B");
    expect(apercu.corps.numeros[1].message).toContain("Clé du RIO");
    const refuse = await api(
      "POST",
      "/portabilites",
      {
        operateur_donneur: "SFR",
        operateur_id: operateur,
        numeros: [{ numero: "0145000009" }, { numero: "0145000003" }],
      },
      ctx.cles.client,
    );
    expect(refuse.status).toBe(422);
    expect(refuse.corps.code).toBe("PORTABILITE_NUMEROS_REFUSES");
    expect(refuse.corps.refuses.map((r: { national: string }) => r.national)).toEqual(["0145000009"]);
    // a client moves nothing forward at the carrier's
    const brouillon = await api(
      "POST",
      "/portabilites",
      { operateur_donneur: "SFR", operateur_id: operateur, numeros: [{ numero: "0145000004" }] },
      ctx.cles.client,
    );
    expect(brouillon.corps.actions_possibles).toEqual(["soumettre", "annuler"]);
    expect(
      (
        await api(
          "POST",
          `/portabilites/${brouillon.corps.id}/actions/confirmer`,
          { bascule_le: "2027-04-01T08:00" },
          ctx.cles.client,
        )
      ).status,
    ).toBe(403);
    expect(
      (await api("POST", `/portabilites/${brouillon.corps.id}/actions/soumettre`, {}, ctx.cles.client)).corps
        .code,
    ).toBe("PORTABILITE_INCOMPLETE");
    // client B does not see client A's request
    const autre = await api("POST", "/portabilites", {
      client_id: ctx.clientB,
      operateur_donneur: "SFR",
      operateur_id: operateur,
    });
    expect((await api("GET", `/portabilites/${autre.corps.id}`, undefined, ctx.cles.client)).status).toBe(
      404,
    );
  });

  it("routes a port-in from its switch at 08:00 Paris, not at 07:59, inbound and outbound", async () => {
    const d = await demande([{ numero: "0145000101" }, { numero: "0145000102" }], "2027-03-10T08:00");
    expect(new Date(d.bascule_le).toISOString()).toBe("2027-03-10T07:00:00.000Z");
    await tour("2027-03-04T09:00:00Z");
    await tour("2027-03-09T09:00:00Z");
    await tour("2027-03-10T06:59:00Z");
    expect(await entrant("0145000101")).toBe(404);
    const fichiers = async () =>
      ((await api("GET", "/hermes/publication")).corps.fichiers as Array<{ diff: string }>)
        .map((f) => f.diff)
        .join("\n");
    expect(await fichiers()).not.toContain("+33145000101");
    expect((await api("GET", "/dids/par-numero/+33145000101")).status).toBe(404);
    await tour("2027-03-10T07:00:00Z");
    expect(await attendre(() => entrant("0145000101"), 200)).toBe(200);
    expect(await attendre(() => sortants("A-PORT-OUT"), ["+33145000101", "+33145000102"])).toEqual([
      "+33145000101",
      "+33145000102",
    ]);
    // the routing files change at the next publication
    expect(await fichiers()).toContain("+33145000101");
    const did = (await api("GET", "/dids/par-numero/+33145000101")).corps;
    expect(did).toMatchObject({ statut_code: "UTILISE", client_id: ctx.clientA, titulaire: "CLIENT" });
    const fin = (await api("GET", `/portabilites/${d.id}`)).corps;
    expect(fin.statut).toBe("PORTEE");
    expect(fin.numeros.every((n: { statut: string }) => n.statut === "PORTE")).toBe(true);
    // the porting mandate is the caller-ID mandate, with the PDF's digest
    const mandat = (await api("GET", `/mandats/${fin.mandat_id}`)).corps;
    expect(mandat.date_debut).toBe("2027-03-10");
    // told to staff and to the webhooks: submitted, date confirmed, 7 days and 1 day before (one run each), done
    const notifs = await ctx.db
      .selectFrom("tel_notification")
      .select(["evenement", "canal"])
      .where("corps", "like", `%${d.reference}%`)
      .execute();
    const evenements = new Set(notifs.map((n) => n.evenement));
    for (const e of ["soumise", "date_confirmee", "rappel_j7", "rappel_j1", "portee"])
      expect(evenements, e).toContain(`portabilite.${e}`);
    expect(new Set(notifs.map((n) => n.canal))).toEqual(new Set(["EMAIL", "WEBHOOK"]));
  });

  it("lets the other numbers go live after a partial rejection, and moves the activation with a moved date", async () => {
    const d = await demande([{ numero: "0145000201" }, { numero: "0145000202" }], "2027-03-12T08:00");
    const rejet = await api("POST", `/portabilites/${d.id}/actions/rejeter-numeros`, {
      numero_ids: [d.numeros[1].id],
      commentaire: "RIO inconnu chez le donneur",
    });
    expect(rejet.status, JSON.stringify(rejet.corps)).toBe(200);
    expect(rejet.corps.statut).toBe("DATE_CONFIRMEE");
    // the carrier moves the switch to the 15th
    expect(
      (
        await api("POST", `/portabilites/${d.id}/actions/confirmer`, {
          bascule_le: "2027-03-15T08:00:00+01:00",
        })
      ).status,
    ).toBe(200);
    await tour("2027-03-12T07:30:00Z");
    expect(await entrant("0145000201")).toBe(404);
    await tour("2027-03-15T06:59:00Z");
    expect(await entrant("0145000201")).toBe(404);
    await tour("2027-03-15T07:00:00Z");
    expect(await attendre(() => entrant("0145000201"), 200)).toBe(200);
    expect(await entrant("0145000202")).toBe(404);
    expect((await api("GET", "/dids/par-numero/+33145000202")).status).toBe(404);
    const fin = (await api("GET", `/portabilites/${d.id}`)).corps;
    expect(fin.numeros.map((n: { statut: string }) => n.statut)).toEqual(["PORTE", "REJETE"]);
  });

  it("leaves nothing live after a failed switch", async () => {
    const d = await demande([{ numero: "0145000301" }], "2027-03-16T08:00");
    await tour("2027-03-16T07:00:00Z");
    expect(await attendre(() => entrant("0145000301"), 200)).toBe(200);
    const echec = await api("POST", `/portabilites/${d.id}/actions/echec`, {
      commentaire: "le donneur n'a pas basculé",
    });
    expect(echec.status, JSON.stringify(echec.corps)).toBe(200);
    expect(echec.corps.statut).toBe("SOUMISE");
    expect(await attendre(() => entrant("0145000301"), 404)).toBe(404);
    expect((await api("GET", "/dids/par-numero/+33145000301")).corps.statut_code).toBe("RESILIE");
  });

  it("stops a port-out's routing at 18:00 exactly, with no freeze, no reuse and no cost from that day", async () => {
    const did = (
      await api("POST", "/dids", {
        numero: "0145000401",
        client_id: ctx.clientA,
        cout_mensuel: 3.1,
        operateur_id: operateur,
      })
    ).corps;
    // declared to its carrier before it leaves
    expect((await api("POST", "/declarations", { operateur_id: operateur, format: "csv" })).status).toBe(201);
    await api("POST", "/affectations", {
      did_id: did.id,
      campaign_id: campagne,
      sortant: false,
      date_debut: "2027-03-01",
    });
    expect(await attendre(() => entrant("0145000401"), 200)).toBe(200);
    const refus = await api("POST", "/portabilites-sortantes", {
      client_id: ctx.clientB,
      operateur_receveur: "Bouygues Telecom",
      effet: "2027-03-20T18:00",
      numeros: ["0145000401"],
    });
    expect(refus.status).toBe(422);
    expect(refus.corps.code).toBe("PORTABILITE_NUMEROS_NON_DETENUS");
    expect(refus.corps.refuses[0].numero).toBe("0145000401");
    const s = await api("POST", "/portabilites-sortantes", {
      client_id: ctx.clientA,
      operateur_receveur: "Bouygues Telecom",
      effet: "2027-03-20T18:00",
      numeros: ["0145000401"],
    });
    expect(s.status, JSON.stringify(s.corps)).toBe(201);
    // the routing's own windows: no scheduler run needed for the lookup to stop on the minute
    // once the snapshot has the notice (a moment), the answer turns on the instant itself
    const signal = await sql<{ v: string }>`SELECT last_value::text AS v FROM tel_routage_version`.execute(
      ctx.db,
    );
    await attendre(async () => ctx.app.routage.version >= Number(signal.rows[0]?.v), true);
    maintenant = new Date("2027-03-20T16:59:59.999Z");
    expect(await entrant("0145000401")).toBe(200);
    maintenant = new Date("2027-03-20T17:00:00Z");
    expect(await entrant("0145000401")).toBe(404);
    await tour("2027-03-20T17:00:30Z");
    const apres = (await api("GET", "/dids/par-numero/+33145000401")).corps;
    expect(apres).toMatchObject({
      statut_code: "RESILIE",
      date_resiliation: "2027-03-20",
      portee_vers: "Bouygues Telecom",
      reutilisable_le: null,
    });
    const historique = JSON.stringify((await api("GET", `/dids/${did.id}/historique`)).corps);
    expect(historique).toContain("portée vers Bouygues Telecom");
    // no reuse, for another client or the same one
    for (const client_id of [ctx.clientB, ctx.clientA]) {
      const r = await api("POST", `/dids/${did.id}/actions/reactiver`, { client_id });
      expect(r.status).toBe(409);
      expect(r.corps.code).toBe("NUMERO_PORTE");
    }
    // costs: the client pays from its creation (16th) to the 19th, nobody from the 20th (no freeze)
    const releve = (await api("GET", `/couts/refacturation?periode=2027-03&client_id=${ctx.clientA}`)).corps;
    const lignes = releve.lignes.filter((l: { numero: string }) => l.numero === "+33145000401");
    expect(lignes.map((l: { du: string; au: string; jours: number }) => [l.du, l.au, l.jours])).toEqual([
      ["2027-03-16", "2027-03-19", 4],
    ]);
    const parClient = (await api("GET", "/couts?periode=2027-03&par=client")).corps;
    // no freeze: the company bears nothing for the numbers gone by porting
    const gel = (parClient.lignes as Array<{ cle: string; numeros: number }>).find(
      (l) => l.cle === "SOCIETE_GEL",
    );
    expect(gel?.numeros ?? 0).toBe(0);
    // the carrier is told it is gone, and billing it for the days after is money to claim
    const declaration = await api("POST", "/declarations", { operateur_id: operateur, format: "csv" });
    expect(declaration.corps.changements.retires, JSON.stringify(declaration.corps)).toContain(
      "+33145000401",
    );
    const facture = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/rapprochements?operateur_id=${operateur}&periode=2027-03&nom=facture.csv`,
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: "numero;prix\r\n0145000401;3,10\r\n",
    });
    expect(facture.statusCode, facture.body).toBe(201);
    const lignesFacture = (await api("GET", `/rapprochements/${facture.json().id}/lignes?par_page=50`)).corps
      .data;
    expect(lignesFacture.find((l: { numero: string }) => l.numero === "+33145000401")?.classe).toBe(
      "A_RECLAMER",
    );
    // …unless it is ported back in
    const retour = await demande([{ numero: "0145000401" }], "2027-03-25T08:00");
    await tour("2027-03-25T07:00:00Z");
    expect(await attendre(() => entrant("0145000401"), 200)).toBe(200);
    expect((await api("GET", "/dids/par-numero/+33145000401")).corps).toMatchObject({
      statut_code: "UTILISE",
      portee_vers: null,
    });
  });

  it("leaves nothing half-live when the switch cannot be made, says why, and tries again", async () => {
    const d = await demande([{ numero: "0145000501" }, { numero: "0145000502" }], "2027-03-27T08:00");
    // meanwhile someone put one of them in the inventory by hand
    const pris = await api("POST", "/dids", { numero: "0145000502", client_id: ctx.clientA });
    expect(pris.status).toBe(201);
    await tour("2027-03-27T07:00:00Z");
    const lu = (await api("GET", `/portabilites/${d.id}`)).corps;
    expect(lu.statut).toBe("DATE_CONFIRMEE");
    expect(lu.erreur_bascule).toContain("déjà en service");
    expect((await api("GET", "/dids/par-numero/+33145000501")).status).toBe(404);
    const alerte = await ctx.db
      .selectFrom("tel_notification")
      .select("evenement")
      .where("evenement", "=", "portabilite.echec_activation")
      .where("corps", "like", `%${d.reference}%`)
      .execute();
    expect(alerte.length).toBeGreaterThan(0);
    // the number withdrawn from the request, the next run makes the switch
    await api("POST", `/portabilites/${d.id}/numeros/retirer`, { ids: [d.numeros[1].id] });
    await tour("2027-03-27T07:01:00Z");
    expect((await api("GET", `/portabilites/${d.id}`)).corps.statut).toBe("PORTEE");
    expect(await attendre(() => entrant("0145000501"), 200)).toBe(200);
  });

  it("moves a port-out with its routing, and calls one off with its assignments as they were", async () => {
    const nouveau = async (numero: string) => {
      const d = (await api("POST", "/dids", { numero, client_id: ctx.clientA })).corps;
      await api("POST", "/affectations", { did_id: d.id, campaign_id: campagne, date_fin: "2027-12-31" });
      return d;
    };
    const [a, b] = [await nouveau("0145000801"), await nouveau("0145000802")];
    const noter = (numero: string) =>
      api("POST", "/portabilites-sortantes", {
        client_id: ctx.clientA,
        operateur_receveur: "SFR",
        effet: "2027-04-10T18:00",
        numeros: [numero],
      });
    const sa = (await noter("0145000801")).corps.id;
    const sb = (await noter("0145000802")).corps.id;
    // its instant is the notice's, not the number's
    const patch = await api("PATCH", `/dids/${a.id}`, { resiliation_prevue_le: null });
    expect(patch.corps.code).toBe("PORTABILITE_SORTANTE_PREVUE");
    // while it holds, an assignment ends by its instant at the latest, by the API as by an import
    const sansFin = await api("POST", "/affectations", {
      did_id: a.id,
      campaign_id: sortante,
      sortant: false,
    });
    expect(sansFin.status).toBe(409);
    expect(sansFin.corps.code).toBe("PORTABILITE_SORTANTE_PREVUE");
    const avantSortie = await api("POST", "/affectations", {
      did_id: a.id,
      campaign_id: sortante,
      entrant: false,
      sortant: true,
      date_fin: "2027-04-10T17:00:00+02:00",
    });
    expect(avantSortie.status, JSON.stringify(avantSortie.corps)).toBe(201);
    expect((await api("PATCH", `/affectations/${avantSortie.corps.id}`, { date_fin: null })).corps.code).toBe(
      "PORTABILITE_SORTANTE_PREVUE",
    );
    const importe = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/affectations",
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: "numero;campagne\n0145000802;A-PORT-OUT\n",
    });
    expect(importe.statusCode).not.toBe(200);
    expect(importe.body).toContain("part par portabilit");
    const depl = await api("POST", `/portabilites-sortantes/${sa}/actions/deplacer`, {
      effet: "2027-04-12T10:00",
    });
    expect(depl.status, JSON.stringify(depl.corps)).toBe(200);
    expect(
      (await api("POST", `/portabilites-sortantes/${sb}/actions/annuler`, { motif: "le client reste" }))
        .status,
    ).toBe(200);
    const signal = await sql<{ v: string }>`SELECT last_value::text AS v FROM tel_routage_version`.execute(
      ctx.db,
    );
    await attendre(async () => ctx.app.routage.version >= Number(signal.rows[0]?.v), true);
    maintenant = new Date("2027-04-10T16:00:00Z");
    expect([await entrant("0145000801"), await entrant("0145000802")]).toEqual([200, 200]);
    maintenant = new Date("2027-04-12T07:59:59Z");
    expect(await entrant("0145000801")).toBe(200);
    maintenant = new Date("2027-04-12T08:00:00Z");
    expect([await entrant("0145000801"), await entrant("0145000802")]).toEqual([404, 200]);
    await tour("2027-04-12T08:00:10Z");
    expect((await api("GET", `/dids/${a.id}`)).corps).toMatchObject({
      statut_code: "RESILIE",
      portee_vers: "SFR",
    });
    // the one called off keeps its assignment's own end, and its holder
    expect((await api("GET", `/dids/${b.id}`)).corps).toMatchObject({
      statut_code: "UTILISE",
      resiliation_prevue_le: null,
    });
    const aff = (await api("GET", `/affectations?did_id=${b.id}`)).corps.data[0];
    expect(new Date(aff.date_fin).toISOString()).toBe("2027-12-31T23:00:00.000Z");
    // done: it neither moves nor is called off any more
    expect((await api("POST", `/portabilites-sortantes/${sa}/actions/annuler`, {})).status).toBe(409);
    const liste = (await api("GET", "/portabilites-sortantes")).corps;
    expect(liste.data.find((x: { id: number }) => x.id === sa)?.statut).toBe("EFFECTUEE");
    expect(liste.data.find((x: { id: number }) => x.id === sb)?.statut).toBe("ANNULEE");
  });

  it("leaves once however many instances' schedulers run at the instant", async () => {
    const numeros: string[] = [];
    for (let i = 0; i < 12; i++) {
      const numero = `01450009${String(i).padStart(2, "0")}`;
      const d = (await api("POST", "/dids", { numero, client_id: ctx.clientA })).corps;
      await api("POST", "/affectations", { did_id: d.id, campaign_id: campagne });
      numeros.push(numero);
    }
    const s = await api("POST", "/portabilites-sortantes", {
      client_id: ctx.clientA,
      operateur_receveur: "Free",
      effet: "2027-05-03T09:00",
      numeros,
    });
    expect(s.status, JSON.stringify(s.corps)).toBe(201);
    maintenant = new Date("2027-05-03T07:00:05Z");
    const erreurs: string[] = [];
    const instance = () =>
      new Planificateur(
        ctx.db,
        ctx.app.config,
        ctx.app.expediteur,
        () => maintenant,
        (m, e) => {
          if (e) erreurs.push(`${m} : ${e instanceof Error ? e.message : e}`);
        },
      );
    await Promise.all([instance().tour(), instance().tour(), instance().tour()]);
    expect(erreurs).toEqual([]);
    const lignes = await ctx.db
      .selectFrom("tel_did_historique as h")
      .innerJoin("tel_did as d", "d.id", "h.did_id")
      .select(["d.did_format_e164", "h.action"])
      .where("h.action", "=", "RESILIER")
      .where("h.motif", "=", "portée vers Free")
      .where("h.champ", "=", "statut")
      .execute();
    expect(new Set(lignes.map((l) => l.did_format_e164)).size).toBe(12);
    // one termination each, not three
    expect(lignes.length).toBe(12);
  });

  it("prepares a switch just before its instant and makes it visible at the instant (PostgreSQL's way)", async () => {
    const d = await demande([{ numero: "0145001001" }, { numero: "0145001002" }], "2027-05-10T08:00");
    const avant = new Planificateur(
      ctx.db,
      ctx.app.config,
      ctx.app.expediteur,
      () => maintenant,
      () => {},
      {
        anticiperBascules: true,
      },
    );
    // a minute before: not yet
    maintenant = new Date("2027-05-10T05:59:00Z");
    await avant.tour();
    expect((await api("GET", `/portabilites/${d.id}`)).corps.statut).toBe("DATE_CONFIRMEE");
    // 1.5 s before: written as of 08:00, committed at it (the run waits for the instant)
    maintenant = new Date("2027-05-10T05:59:58.500Z");
    const t0 = performance.now();
    await avant.tour();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1000);
    expect((await api("GET", `/portabilites/${d.id}`)).corps.statut).toBe("PORTEE");
    const did = (await api("GET", "/dids/par-numero/+33145001001")).corps;
    expect(did.statut_code).toBe("UTILISE");
    const creation = (await api("GET", `/dids/${did.id}/historique`)).corps.data.find(
      (h: { action: string }) => h.action === "CREATION",
    );
    expect(new Date(creation.date_action).toISOString()).toBe("2027-05-10T06:00:00.000Z");
    const signal = await sql<{ v: string }>`SELECT last_value::text AS v FROM tel_routage_version`.execute(
      ctx.db,
    );
    await attendre(async () => ctx.app.routage.version >= Number(signal.rows[0]?.v), true);
    maintenant = new Date("2027-05-10T05:59:59.999Z");
    expect(await entrant("0145001001")).toBe(404);
    maintenant = new Date("2027-05-10T06:00:00Z");
    expect(await entrant("0145001001")).toBe(200);
  });
});
