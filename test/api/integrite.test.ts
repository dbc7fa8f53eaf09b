import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appelApi, type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Issue #28: the rules hold whatever the data: codes that drive rules, statuses derived from facts on every path,
// end dates that include their day, column mapping, and the smaller points of the design review.
describe.each(CIBLES)("rules whatever the data ($nom)", (cible) => {
  let ctx: Contexte;
  // 00:30 on 1 January 2027 in Paris, still 2026 in UTC
  let maintenant = new Date("2026-12-31T23:30:00Z");
  const api = appelApi(() => ctx);
  const importer = async (type: string, csv: string, q = "") => {
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/${type}${q}`,
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: csv,
    });
    return { status: r.statusCode, corps: r.json() };
  };
  const numero = async (e164: string) => (await api("GET", `/dids/par-numero/${e164}`)).corps;

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
  });
  afterAll(async () => ctx?.fermer());

  it("keeps the codes the rules read: renaming or deleting them is refused, labels stay editable", async () => {
    for (const [table, code] of [
      ["statuts-did", "UTILISE"],
      ["statuts-commande", "VALIDEE"],
      ["types-did", "NPV"],
    ] as const) {
      const ligne = (await api("GET", `/${table}?code=${code}`)).corps.data[0];
      const renomme = await api("PATCH", `/${table}/${ligne.id}`, { code: "EN_PROD" });
      expect(renomme.status, table).toBe(409);
      expect(renomme.corps.code).toBe("CODE_FIGE");
      expect((await api("DELETE", `/${table}/${ligne.id}`)).corps.code, table).toBe("CODE_FIGE");
      const libelle = await api("PATCH", `/${table}/${ligne.id}`, {
        libelle: `${ligne.libelle} (modifié)`,
        code,
      });
      expect(libelle.status, table).toBe(200);
    }
    // an entry of the company's own: free to rename
    const propre = await api("POST", "/statuts-commande", {
      code: "EN_ATTENTE",
      libelle: "En attente",
      couleur: "#123456",
    });
    expect(propre.status).toBe(201);
    expect((await api("PATCH", `/statuts-commande/${propre.corps.id}`, { code: "SUSPENDUE" })).status).toBe(
      200,
    );
    // the lifecycle still finds its statuses
    expect((await api("GET", "/dids?statut=UTILISE")).status).toBe(200);
  });

  it("writes AFFECTE, with a warning, for an imported UTILISE that has no current assignment", async () => {
    const r = await importer("numeros", "numero;client;statut\n0142687712;CLIENT_A;UTILISE\n");
    expect(r.status, JSON.stringify(r.corps)).toBe(200);
    expect(r.corps.avertissements).toEqual([
      expect.objectContaining({ ligne: 2, colonne: "statut", valeur: "UTILISE" }),
    ]);
    expect(r.corps.avertissements[0].raison).toContain("AFFECTE");
    expect((await numero("0142687712")).statut_code).toBe("AFFECTE");
    const tableau = (await api("GET", "/tableau-de-bord")).corps;
    const compte = (code: string) =>
      (tableau.par_statut as Array<{ code: string; n: number }>).find((s) => s.code === code)?.n ?? 0;
    expect(compte("UTILISE")).toBe(0);
    expect(compte("AFFECTE")).toBeGreaterThan(0);
  });

  it("freezes a number imported terminated, from the file's termination date or today's (reported)", async () => {
    const sans = await importer("numeros", "numero;statut\n0142687720;RESILIE\n");
    expect(sans.status, JSON.stringify(sans.corps)).toBe(200);
    expect(sans.corps.avertissements[0]).toMatchObject({ ligne: 2, colonne: "date_resiliation" });
    const n = await numero("0142687720");
    expect(n.statut_code).toBe("RESILIE");
    // the import's day is the Paris day: 1 January 2027
    expect(n.date_resiliation).toBe("2027-01-01");
    expect(n.reutilisable_le).not.toBeNull();
    const gele = await api("POST", `/dids/${n.id}/actions/reactiver`, { client_id: ctx.clientB });
    expect(gele.status).toBe(409);
    expect(gele.corps.code).toBe("NUMERO_GELE");
    // the file's own date: read, not ignored
    const avec = await importer("numeros", "numero;statut;date_resiliation\n0142687721;RESILIE;15/11/2026\n");
    expect(avec.corps.colonnes_ignorees).toEqual([]);
    expect(avec.corps.avertissements).toEqual([]);
    expect((await numero("0142687721")).date_resiliation).toBe("2026-11-15");
    // an existing number terminated by a file keeps the file's date
    await importer("numeros", "numero;client\n0142687722;CLIENT_A\n");
    const existant = await importer(
      "numeros",
      "numero;statut;date_resiliation\n0142687722;RESILIE;2026-12-20\n",
    );
    expect(existant.status, JSON.stringify(existant.corps)).toBe(200);
    expect(await numero("0142687722")).toMatchObject({
      statut_code: "RESILIE",
      date_resiliation: "2026-12-20",
    });
  });

  it("ends an assignment given a date alone at the end of that day, Paris time, from the API and from a file", async () => {
    const campagne = await api("POST", "/campagnes", {
      client_id: ctx.clientA,
      code: "FIN-JOUR",
      nom: "Fin",
    });
    const d1 = await api("POST", "/dids", { numero: "0142687730", client_id: ctx.clientA });
    const a = await api("POST", "/affectations", {
      did_id: d1.corps.id,
      campaign_id: campagne.corps.id,
      date_debut: "2025-01-01",
      date_fin: "2025-06-30",
    });
    expect(a.status, JSON.stringify(a.corps)).toBe(201);
    expect(new Date(a.corps.date_fin).toISOString()).toBe("2025-06-30T22:00:00.000Z");
    // the next one can start on 1 July: no gap, no overlap
    const suite = await api("POST", "/affectations", {
      did_id: d1.corps.id,
      campaign_id: campagne.corps.id,
      date_debut: "2025-07-01",
      date_fin: "2025-12-31",
    });
    expect(suite.status, JSON.stringify(suite.corps)).toBe(201);
    expect(new Date(suite.corps.date_fin).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    await api("POST", "/dids", { numero: "0142687731", client_id: ctx.clientA });
    const f = await importer(
      "affectations",
      "numero;campaign_id;date_debut;date_fin\n0142687731;FIN-JOUR;01/01/2025;30/06/2025\n",
    );
    expect(f.status, JSON.stringify(f.corps)).toBe(200);
    const lues = (await api("GET", `/affectations?did_id=${(await numero("0142687731")).id}`)).corps.data;
    expect(new Date(lues[0].date_fin).toISOString()).toBe("2025-06-30T22:00:00.000Z");
  });

  it("reads the design's column names and a mapping given through the API", async () => {
    const config = await api("POST", "/configs", { code: "CFG-X", nom: "Config X", config: {} });
    await api("POST", "/campagnes", { client_id: ctx.clientA, code: "DESIGN", nom: "Design" });
    await api("POST", "/dids", { numero: "0142687740", client_id: ctx.clientA });
    const r = await importer(
      "affectations",
      `numero;campaign_id;config_id;sens\n0142687740;DESIGN;${config.corps.id};E\n`,
      "?simulation=true",
    );
    expect(r.status, JSON.stringify(r.corps)).toBe(200);
    expect(r.corps.colonnes).toMatchObject({ campagne: "campaign_id", config: "config_id" });
    expect(r.corps.rejetes).toBe(0);
    const mappe = await importer(
      "numeros",
      "Ligne SDA;Commentaire libre\n0142687741;à garder\n",
      `?colonnes=${encodeURIComponent(JSON.stringify({ numero: "Ligne SDA", description: "Commentaire libre" }))}`,
    );
    expect(mappe.status, JSON.stringify(mappe.corps)).toBe(200);
    expect((await numero("0142687741")).description).toBe("à garder");
  });

  it("proposes each upload's mapping before anything is written: the file's columns beside the fields", async () => {
    const proposer = async (pour: string, csv: string) =>
      (
        await ctx.app.inject({
          method: "POST",
          url: `/api/v1/imports/colonnes?pour=${pour}`,
          headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
          payload: csv,
        })
      ).json();
    const facture = await proposer("rapprochement", "NDI;Prix HT;Désignation libre\n0142687750;1,96;x\n");
    const colonne = (p: { champs: Array<{ champ: string; colonne: string | null }> }, champ: string) =>
      p.champs.find((c) => c.champ === champ)?.colonne;
    expect(colonne(facture, "numero")).toBe("NDI");
    expect(colonne(facture, "prix")).toBe("Prix HT");
    expect(facture.lignes).toBe(1);
    const affectations = await proposer(
      "affectations",
      "numero;campaign_id;config_id;date_debut;date_fin;sens\n",
    );
    expect(colonne(affectations, "campagne")).toBe("campaign_id");
    expect(colonne(affectations, "config")).toBe("config_id");
    expect(affectations.manquants).toEqual([]);
    const sansNumero = await proposer("numeros", "Ligne;Commentaire\n0142;x\n");
    expect(sansNumero.manquants).toEqual(["numero"]);
    expect(colonne(sansNumero, "notes")).toBe("Commentaire");
    expect(sansNumero.colonnes_ignorees).toEqual(["Ligne"]);
  });

  it("reconciles an invoice with « Prix HT », and says so when a file has no price at all", async () => {
    const sfr = await idDe(ctx.db, "tel_operateur", "SFR");
    const d = await api("POST", "/dids", { numero: "0142687750", operateur_id: sfr, cout_mensuel: 1.5 });
    await api("POST", `/dids/${d.corps.id}/actions/affecter`, { client_id: ctx.clientA });
    const envoyer = (csv: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/rapprochements?operateur_id=${sfr}&periode=2026-12`,
        headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
        payload: csv,
      });
    const avecPrix = (await envoyer("NDI;Prix HT\n0142687750;1,96\n")).json();
    expect(avecPrix.colonnes).toMatchObject({ numero: "NDI", prix: "Prix HT" });
    expect(avecPrix.sans_prix).toBe(false);
    const ecart = avecPrix.classes.find((c: { classe: string }) => c.classe === "PRIX_DIFFERENT");
    expect(ecart.n).toBe(1);
    expect(ecart.montant).toBeGreaterThan(0);
    const sansPrix = (await envoyer("NDI;Remarque\n0142687750;rien\n")).json();
    expect(sansPrix.sans_prix).toBe(true);
    expect(sansPrix.avertissements[0]).toContain("pas de colonne de prix");
    for (const c of sansPrix.classes.filter((x: { classe: string }) => x.classe !== "NON_FACTURE"))
      expect(c.montant, c.classe).toBeNull();
  });

  it("lets a number take any type of its nature and any region inside its zone, at creation, later and by file", async () => {
    const fr = await idDe(ctx.db, "tel_indicatif", "FR");
    const regionalise = await api("POST", "/types-did", {
      code: "REGIONALISE",
      libelle: "Régionalisé",
      nature: "GEO",
    });
    expect(regionalise.status, JSON.stringify(regionalise.corps)).toBe(201);
    const paca = await api("POST", "/regions", {
      indicatif_id: fr,
      code: "PACA",
      libelle: "Provence",
      prefixe: "04",
    });
    expect(paca.status, JSON.stringify(paca.corps)).toBe(201);
    expect(paca.corps.zone).toBe("SES");
    expect(
      (await api("POST", "/regions", { indicatif_id: fr, code: "NULLEPART", libelle: "x", prefixe: "07" }))
        .status,
    ).toBe(422);
    const d = await api("POST", "/dids", {
      numero: "0491123456",
      type_id: regionalise.corps.id,
      region_id: paca.corps.id,
    });
    expect(d.status, JSON.stringify(d.corps)).toBe(201);
    expect(d.corps).toMatchObject({ type_code: "REGIONALISE", region_code: "PACA" });
    // not a mobile, not outside the region's prefix
    const mobile = await api("POST", "/dids", { numero: "0612345670", type_id: regionalise.corps.id });
    expect(mobile.status).toBe(422);
    expect(mobile.corps.detail).toContain("nature");
    expect((await api("POST", "/dids", { numero: "0142687790", region_id: paca.corps.id })).status).toBe(422);
    // changed later, within the nature and the zone, with history
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const ses = await idDe(ctx.db, "tel_region", "SES");
    const maj = await api("PATCH", `/dids/${d.corps.id}`, { type_id: geo, region_id: ses });
    expect(maj.status, JSON.stringify(maj.corps)).toBe(200);
    expect(maj.corps).toMatchObject({ type_code: "GEO", region_code: "SES" });
    const historique = (await api("GET", `/dids/${d.corps.id}/historique`)).corps.data as Array<{
      champ: string;
    }>;
    expect(historique.map((h) => h.champ)).toEqual(expect.arrayContaining(["type_id", "region_id"]));
    expect(
      (await api("PATCH", `/dids/${d.corps.id}`, { type_id: await idDe(ctx.db, "tel_type_did", "MOBILE") }))
        .status,
    ).toBe(422);
    // by file: a type and a region of the number's nature and zone are read, and change an existing number
    const f = await importer(
      "numeros",
      "numero;type;region\n0491123456;REGIONALISE;PACA\n0491123457;REGIONALISE;PACA\n",
    );
    expect(f.status, JSON.stringify(f.corps)).toBe(200);
    expect(f.corps).toMatchObject({ a_creer: 1, a_mettre_a_jour: 1, rejetes: 0 });
    expect(await numero("0491123456")).toMatchObject({ type_code: "REGIONALISE", region_code: "PACA" });
    // the built-in types are their own nature, for good
    const npv = (await api("GET", "/types-did?code=NPV")).corps.data[0];
    expect(npv.nature).toBe("NPV");
    expect((await api("PATCH", `/types-did/${npv.id}`, { nature: "GEO" })).corps.code).toBe("CODE_FIGE");
  });

  it("plans a termination at a future date: routed until then, terminated by the scheduler at 00:00 Paris", async () => {
    const campagne = await api("POST", "/campagnes", {
      client_id: ctx.clientA,
      code: "A-PREAVIS",
      nom: "Préavis",
    });
    const d = await api("POST", "/dids", { numero: "0142687770", client_id: ctx.clientA });
    await api("POST", "/affectations", { did_id: d.corps.id, campaign_id: campagne.corps.id });
    const route = async () =>
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/v1/routage/entrant/0142687770",
          headers: ctx.cles.hermes,
        })
      ).statusCode;
    // the routing snapshot follows the database's notifications: a moment
    const attendre = async (statut: number) => {
      for (let i = 0; i < 100 && (await route()) !== statut; i++) await new Promise((r) => setTimeout(r, 20));
      return route();
    };
    expect(await attendre(200)).toBe(200);
    const prevue = await api("POST", `/dids/${d.corps.id}/actions/resilier`, {
      date_effet: "2027-01-31",
      motif: "préavis de l'opérateur",
    });
    expect(prevue.status, JSON.stringify(prevue.corps)).toBe(200);
    // the last day included: 00:00 on 1 February, Paris
    expect(new Date(prevue.corps.resiliation_prevue_le).toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect(prevue.corps.statut_code).toBe("UTILISE");
    expect(await route()).toBe(200);
    // a minute before: nothing yet
    maintenant = new Date("2027-01-31T22:59:00Z");
    await ctx.app.planificateur.tour();
    expect((await numero("0142687770")).statut_code).toBe("UTILISE");
    maintenant = new Date("2027-01-31T23:00:00Z");
    await ctx.app.planificateur.tour();
    const apres = await numero("0142687770");
    expect(apres).toMatchObject({
      statut_code: "RESILIE",
      date_resiliation: "2027-01-31",
      resiliation_prevue_le: null,
    });
    expect(await attendre(404)).toBe(404);
    // another, withdrawn before its date, with its history line; and date_effet means nothing for other actions
    const autre = await api("POST", "/dids", { numero: "0142687771", client_id: ctx.clientA });
    await api("POST", `/dids/${autre.corps.id}/actions/resilier`, { date_effet: "2027-03-31" });
    const retire = await api("PATCH", `/dids/${autre.corps.id}`, { resiliation_prevue_le: null });
    expect(retire.status, JSON.stringify(retire.corps)).toBe(200);
    expect(retire.corps.resiliation_prevue_le).toBeNull();
    const lignes = (await api("GET", `/dids/${autre.corps.id}/historique`)).corps.data as Array<{
      champ: string;
    }>;
    expect(lignes.filter((l) => l.champ === "resiliation_prevue_le")).toHaveLength(2);
    expect(
      (await api("POST", `/dids/${autre.corps.id}/actions/liberer`, { date_effet: "2027-03-31" })).status,
    ).toBe(422);
    maintenant = new Date("2026-12-31T23:30:00Z");
  });

  it("ends a deactivated campaign's assignments, with history, so its numbers are no longer UTILISE", async () => {
    const campagne = await api("POST", "/campagnes", {
      client_id: ctx.clientA,
      code: "A-ARRET",
      nom: "Arrêt",
    });
    const d = await api("POST", "/dids", { numero: "0142687760", client_id: ctx.clientA });
    await api("POST", "/affectations", { did_id: d.corps.id, campaign_id: campagne.corps.id });
    expect((await numero("0142687760")).statut_code).toBe("UTILISE");
    const desactive = await api("PATCH", `/campagnes/${campagne.corps.id}`, { actif: false });
    expect(desactive.status, JSON.stringify(desactive.corps)).toBe(200);
    expect((await numero("0142687760")).statut_code).toBe("AFFECTE");
    const affectations = (await api("GET", `/affectations?did_id=${d.corps.id}`)).corps.data;
    expect(affectations.every((a: { courante: boolean }) => !a.courante)).toBe(true);
    const historique = JSON.stringify((await api("GET", `/dids/${d.corps.id}/historique`)).corps);
    expect(historique).toContain("Campagne A-ARRET désactivée");
  });

  it("numbers an order by its Paris year and tells its requester at its account's address", async () => {
    await api("POST", "/utilisateurs", {
      login: "cliente",
      nom: "Claire Cliente",
      email: "claire@client-a.example",
      role: "client",
      client_id: ctx.clientA,
      mot_de_passe: "un-mot-de-passe-long",
    });
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "cliente", mot_de_passe: "un-mot-de-passe-long" },
    });
    const cookie = ([] as string[])
      .concat(login.headers["set-cookie"] as string[])
      .map((c) => c.split(";")[0])
      .join("; ");
    const session = { cookie, "x-csrf-token": login.json().csrf };
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const commande = await api("POST", "/commandes", { type_did_id: geo, quantite: 2 }, session);
    expect(commande.status, JSON.stringify(commande.corps)).toBe(201);
    expect(commande.corps.reference).toMatch(/^CMD-2027-/);
    expect(commande.corps.demandeur_email).toBe("claire@client-a.example");
    expect((await api("POST", `/commandes/${commande.corps.id}/actions/soumettre`, {}, session)).status).toBe(
      200,
    );
    expect((await api("POST", `/commandes/${commande.corps.id}/actions/valider`, {})).status).toBe(200);
    const courriels = (await api("GET", `/notifications?commande_id=${commande.corps.id}&canal=EMAIL`)).corps
      .data;
    expect(courriels.map((n: { destinataire: string }) => n.destinataire)).toContain(
      "claire@client-a.example",
    );
  });
});
