import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

// Carrier reconciliation (#19): a carrier's lines for November 2026 (30 days) against the inventory, each class of
// difference present, amounts computed by hand below; then the fixes that belong to us and the claim.
describe.each(CIBLES)("carrier reconciliation ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2026-10-01T08:00:00Z");
  let sfr: number;
  const ids: Record<string, number> = {};
  let rapprochement: number;
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    sfr = await idDe(ctx.db, "tel_operateur", "SFR");
  });
  afterAll(() => ctx?.fermer());

  async function api(
    methode: "GET" | "POST" | "PATCH",
    url: string,
    payload?: unknown,
    cle = ctx.cles.admin,
  ) {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const json = String(r.headers["content-type"] ?? "").includes("json");
    return { status: r.statusCode, corps: json ? r.json() : r.body, r };
  }
  async function numero(
    nom: string,
    n: string,
    cout: number,
    reference: string | null = null,
    operateur = sfr,
  ) {
    const d = await api("POST", "/dids", {
      numero: n,
      operateur_id: operateur,
      cout_mensuel: cout,
      ...(reference ? { reference_externe: reference } : {}),
    });
    expect(d.status, JSON.stringify(d.corps)).toBe(201);
    ids[nom] = d.corps.id;
  }

  it("classifies every line, with exact counts and amounts per class", async () => {
    await numero("conforme", "0142780001", 2, "SFR-1");
    await numero("resilieOctobre", "0142780002", 3);
    await numero("resilieNovembre", "0142780003", 3);
    await numero("resilieApresFacture", "0142780004", 1.5);
    await numero("prix", "0142780005", 1, "SFR-5");
    await numero("reference", "0142780006", 2, "SFR-7");
    await numero("enService", "0142780007", 5);
    await numero("enStock", "0142780008", 0.5);
    await numero("autreOperateur", "0142780009", 9, null, await idDe(ctx.db, "tel_operateur", "ORANGE"));
    // in use: held by client A, routed by a campaign
    expect(
      (await api("POST", `/dids/${ids.enService}/actions/affecter`, { client_id: ctx.clientA })).status,
    ).toBe(200);
    const camp = await api("POST", "/campagnes", { client_id: ctx.clientA, code: "RAPP", nom: "Rapp" });
    expect(
      (await api("POST", "/affectations", { did_id: ids.enService, campaign_id: camp.corps.id })).status,
    ).toBe(201);
    // terminated on 20 October (billed across the month boundary), 10 and 20 November
    const resilier = async (quand: string, nom: string) => {
      maintenant = new Date(quand);
      expect((await api("POST", `/dids/${ids[nom]}/actions/resilier`, { motif: "fin" })).status).toBe(200);
    };
    // the matching number changes client in the middle of the month: what the carrier bills us does not change
    maintenant = new Date("2026-10-05T10:00:00+02:00");
    expect(
      (await api("POST", `/dids/${ids.conforme}/actions/affecter`, { client_id: ctx.clientA })).status,
    ).toBe(200);
    maintenant = new Date("2026-11-15T10:00:00+01:00");
    expect((await api("POST", `/dids/${ids.conforme}/actions/liberer`, { motif: "fin" })).status).toBe(200);
    expect(
      (await api("POST", `/dids/${ids.conforme}/actions/affecter`, { client_id: ctx.clientB })).status,
    ).toBe(200);
    await resilier("2026-10-20T10:00:00+02:00", "resilieOctobre");
    await resilier("2026-11-10T10:00:00+01:00", "resilieNovembre");
    await resilier("2026-11-20T10:00:00+01:00", "resilieApresFacture");
    maintenant = new Date("2026-12-05T09:00:00Z");

    const fichier = [
      "NDI;Référence;Prix mensuel HT;Début;Fin;Commentaire",
      "01 42 78 00 01;SFR-1;2,00;;;",
      "0142780002;;3.00;01/10/2026;;résilié le 20/10 : tout novembre est dû ?",
      "+33142780003;;3;;;",
      "0142780004;;1,50;;15/11/2026;",
      "0142789999;;4,00;;;pas à nous",
      "0142780005;SFR-5;1,20;;;",
      "0142780006;SFR-77;2,00;;;",
      "01 42 ab;;1;;;",
    ].join("\r\n");
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/rapprochements?operateur_id=${sfr}&periode=2026-11&nom=sfr-novembre.csv&colonnes=${encodeURIComponent(JSON.stringify({ prix: "Prix mensuel HT" }))}`,
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: fichier,
    });
    expect(r.statusCode, r.body).toBe(201);
    const corps = r.json();
    rapprochement = corps.id;
    expect(corps).toMatchObject({
      periode: "2026-11",
      fichier_nom: "sfr-novembre.csv",
      lignes_lues: 8,
      auteur: "cle:test-gestionnaire",
      colonnes_ignorees: ["Commentaire"],
      colonnes: {
        numero: "NDI",
        reference: "Référence",
        prix: "Prix mensuel HT",
        debut: "Début",
        fin: "Fin",
      },
    });
    // by hand, November has 30 days:
    // - terminated 20/10, billed 1–30/11: all 30 days after termination, 3.00;
    // - terminated 10/11, billed 1–30/11: 20 days (11–30) at 3.00/30 = 2.00;
    // - terminated 20/11 but billed 1–15/11 only: nothing to claim, matching, 1.50 × 15/30 = 0.75;
    // - price 1.20 against 1.00: 0.20 too much; unknown number: 4.00; reference SFR-77 against SFR-7: 2.00 billed;
    // - not billed: the number in use (5.00) and the one in stock (0.50); the other operator's is not ours to ask.
    const totaux = Object.fromEntries(
      corps.classes.map((c: { classe: string; n: number; montant: number }) => [c.classe, [c.n, c.montant]]),
    );
    expect(totaux).toEqual({
      A_RECLAMER: [2, 5],
      INCONNU: [1, 4],
      NON_FACTURE: [2, 5.5],
      PRIX_DIFFERENT: [1, 0.2],
      REFERENCE_DIFFERENTE: [1, 2],
      CONFORME: [2, 2.75],
      // an unreadable line has no amount: none, not zero
      ILLISIBLE: [1, null],
    });
    const lignes = (
      await api("GET", `/rapprochements/${rapprochement}/lignes?classe=A_RECLAMER,NON_FACTURE,ILLISIBLE`)
    ).corps.data;
    expect(
      lignes.map((l: Record<string, unknown>) => [
        l.numero ?? l.brut,
        l.classe,
        l.date_resiliation,
        l.montant,
        l.en_service,
      ]),
    ).toEqual([
      ["+33142780002", "A_RECLAMER", "2026-10-20", 3, false],
      ["+33142780003", "A_RECLAMER", "2026-11-10", 2, false],
      ["01 42 ab", "ILLISIBLE", null, null, false],
      ["+33142780007", "NON_FACTURE", null, 5, true],
      ["+33142780008", "NON_FACTURE", null, 0.5, false],
    ]);
    expect(lignes[2].raison).toContain("numéro");
    // a reader and a client see no costs
    expect((await api("GET", `/rapprochements/${rapprochement}`, undefined, ctx.cles.lecteur)).status).toBe(
      403,
    );
    expect((await api("GET", `/rapprochements/${rapprochement}`, undefined, ctx.cles.client)).status).toBe(
      403,
    );
  });

  it("applies our fixes one by one or by class, and exports the claim for the carrier", async () => {
    const prix = (await api("GET", `/rapprochements/${rapprochement}/lignes?classe=PRIX_DIFFERENT`)).corps
      .data[0];
    const cout = await api("POST", `/rapprochements/${rapprochement}/corrections`, {
      action: "cout",
      lignes: [prix.id],
    });
    expect(cout.corps).toMatchObject({ corrigees: 1, numeros: ["+33142780005"] });
    expect((await api("GET", `/dids/${ids.prix}`)).corps.cout_mensuel).toBe(1.2);
    // fixed once: asking again changes nothing
    expect(
      (
        await api("POST", `/rapprochements/${rapprochement}/corrections`, {
          action: "cout",
          lignes: [prix.id],
        })
      ).corps.corrigees,
    ).toBe(0);
    const ref = await api("POST", `/rapprochements/${rapprochement}/corrections`, {
      action: "reference",
      classe: "REFERENCE_DIFFERENTE",
    });
    expect(ref.corps.corrigees).toBe(1);
    // the classes say what is left to do once a correction is made
    const corrigees = (await api("GET", `/rapprochements/${rapprochement}`)).corps.classes;
    expect(
      Object.fromEntries(
        corrigees.map((c: { classe: string; n: number; corrigees: number }) => [
          c.classe,
          [c.n, c.corrigees],
        ]),
      ),
    ).toMatchObject({ PRIX_DIFFERENT: [1, 1], REFERENCE_DIFFERENTE: [1, 1], A_RECLAMER: [2, 0] });
    const numeroRef = (await api("GET", `/dids/${ids.reference}`)).corps;
    expect(numeroRef.reference_externe).toBe("SFR-77");
    const historique = (await api("GET", `/dids/${ids.reference}/historique`)).corps.data;
    expect(
      historique.some(
        (h: { motif: string | null }) => h.motif === `Rapprochement opérateur n° ${rapprochement}`,
      ),
    ).toBe(true);

    // terminating what the carrier no longer bills: the number in use needs a confirmation that names it
    const question = await api("POST", `/rapprochements/${rapprochement}/corrections`, {
      action: "resilier",
      classe: "NON_FACTURE",
    });
    expect(question.status).toBe(409);
    expect(question.corps).toMatchObject({ code: "CONFIRMATION_REQUISE", en_service: ["+33142780007"] });
    expect((await api("GET", `/dids/${ids.enStock}`)).corps.statut_code).toBe("DISPONIBLE");
    const resilies = await api("POST", `/rapprochements/${rapprochement}/corrections`, {
      action: "resilier",
      classe: "NON_FACTURE",
      confirmer: true,
    });
    expect(resilies.corps.corrigees).toBe(2);
    expect((await api("GET", `/dids/${ids.enService}`)).corps).toMatchObject({
      statut_code: "RESILIE",
      date_resiliation: "2026-12-05",
    });

    const csv = await api("GET", `/rapprochements/${rapprochement}/reclamation?format=csv`);
    expect(csv.r.headers["content-disposition"]).toContain(`reclamation-SFR-2026-11-${rapprochement}.csv`);
    const lignes = (csv.corps as string)
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lignes).toEqual([
      // a file for people (#29, point 9): French headers, numbers and dates as people write them
      "Numéro;Référence opérateur;Motif;Facturé du;Facturé au;Prix facturé (€ HT);Montant réclamé (€ HT)",
      "01 42 78 00 02;;Résilié le 20/10/2026, facturé jusqu'au 30/11/2026;01/11/2026;30/11/2026;3,00;3,00",
      "01 42 78 00 03;;Résilié le 10/11/2026, facturé jusqu'au 30/11/2026;01/11/2026;30/11/2026;3,00;2,00",
      "01 42 78 99 99;;Numéro qui n'est pas à nous;01/11/2026;30/11/2026;4,00;4,00",
      "01 42 78 00 05;SFR-5;Prix facturé 1,20 € au lieu de 1,00 €;01/11/2026;30/11/2026;1,20;0,20",
    ]);
    const xlsx = await api("GET", `/rapprochements/${rapprochement}/reclamation?format=xlsx`);
    expect(xlsx.r.rawPayload.subarray(0, 2).toString()).toBe("PK");
    // the workbook keeps amounts as numbers a spreadsheet adds up
    const { default: Excel } = await import("exceljs");
    const classeur = new Excel.Workbook();
    await classeur.xlsx.load(xlsx.r.rawPayload as unknown as ArrayBuffer);
    const feuille = classeur.worksheets[0];
    expect(feuille?.getRow(1).getCell(1).value).toBe("Numéro");
    expect(feuille?.getRow(5).values).toEqual([
      undefined,
      "01 42 78 00 05",
      "SFR-5",
      "Prix facturé 1,20 € au lieu de 1,00 €",
      "01/11/2026",
      "30/11/2026",
      1.2,
      0.2,
    ]);
    // kept: the list says who reconciled what
    const liste = (await api("GET", `/rapprochements?operateur_id=${sfr}`)).corps;
    expect(liste.data[0]).toMatchObject({
      id: rapprochement,
      periode: "2026-11",
      fichier_nom: "sfr-novembre.csv",
    });
  });

  it("reconciles from the command line, and writes the claim", async () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "rapprochement-"));
    const fichier = path.join(dossier, "sfr.csv");
    fs.writeFileSync(fichier, "Numéro SDA;Tarif\n0142780001;2,00\n0142789999;4,00\n");
    const reclamation = path.join(dossier, "reclamation.csv");
    const r = await cliInterne(
      [
        "rapprochement",
        fichier,
        "--operateur",
        "sfr",
        "--periode",
        "2026-11",
        "--map",
        "numero=Numéro SDA",
        "prix=Tarif",
        "--reclamation",
        reclamation,
      ],
      ctx.base,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("SFR, 2026-11 : 2 ligne(s) lue(s)");
    expect(r.stdout).toContain("Facturé mais absent de l'inventaire : 1 (4,00");
    expect(fs.readFileSync(reclamation, "utf8")).toContain("01 42 78 99 99;;Numéro qui n'est pas à nous");
    const inconnu = await cliInterne(
      ["rapprochement", fichier, "--operateur", "NULLE", "--periode", "2026-11"],
      ctx.base,
    );
    expect(inconnu.code).not.toBe(0);
    expect(inconnu.stderr).toContain("Opérateur inconnu : NULLE");
  });
});
