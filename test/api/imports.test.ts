import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { zipReecrit } from "../helpers/zip.js";

describe.each(CIBLES)("import and export through the API ($nom)", (cible) => {
  let ctx: Contexte;
  beforeAll(async () => {
    ctx = await contexte(cible);
  });
  afterAll(async () => ctx?.fermer());

  const envoyer = (type: string, contenu: string | Buffer, query = "", cle = ctx.cles.gestionnaire) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/${type}${query}`,
      headers: {
        ...cle,
        "content-type": typeof contenu === "string" ? "text/csv" : "application/octet-stream",
      },
      payload: contenu,
    });

  const parNumero = async (numero: string) =>
    (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/par-numero/${numero}`,
        headers: ctx.cles.admin,
      })
    ).json();

  it("previews an upload, refuses it whole while a row is wrong, then writes it once confirmed", async () => {
    const csv = "numero;client;notes\n0145000001;CLIENT_A;un\n0145000002;CLIENT_B;deux\n0145;CLIENT_A;\n";
    const apercu = await envoyer("numeros", csv, "?simulation=true");
    expect(apercu.statusCode, apercu.body).toBe(200);
    expect(apercu.json()).toMatchObject({ simulation: true, ecrit: false, lus: 3, a_creer: 2, rejetes: 1 });
    expect(apercu.json().rejets[0]).toMatchObject({ ligne: 4, colonne: "numero", valeur: "0145" });

    const refuse = await envoyer("numeros", csv);
    expect(refuse.statusCode).toBe(422);
    expect(refuse.json()).toMatchObject({ code: "IMPORT_REFUSE", rapport: { ecrit: false, rejetes: 1 } });
    const compter = async () =>
      (
        await ctx.app.inject({ method: "GET", url: "/api/v1/dids?q=014500000", headers: ctx.cles.admin })
      ).json().total;
    expect(await compter()).toBe(0);

    const ok = await envoyer("numeros", csv, "?accepter_rejets=true");
    expect(ok.json()).toMatchObject({ ecrit: true, a_creer: 2 });
    expect(await compter()).toBe(2);
    // every created number has its creation in its history, by the caller
    const un = await parNumero("0145000001");
    const histoire = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/${un.id}/historique`,
        headers: ctx.cles.admin,
      })
    ).json();
    expect(histoire.data[0]).toMatchObject({
      action: "CREATION",
      utilisateur: "cle:test-gestionnaire",
      motif: "Import",
    });
    expect((await envoyer("numeros", csv, "?accepter_rejets=true")).json()).toMatchObject({
      a_creer: 0,
      inchanges: 2,
    });

    // a client key, a reader and a JSON body are turned away
    expect((await envoyer("numeros", csv, "?simulation=true", ctx.cles.client)).statusCode).toBe(403);
    expect((await envoyer("numeros", csv, "?simulation=true", ctx.cles.lecteur)).statusCode).toBe(403);
    const json = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros",
      headers: ctx.cles.gestionnaire,
      payload: { numero: "0145000003" },
    });
    expect(json.statusCode).toBe(415);
  });

  it("creates an unknown campaign with creer_manquants, for the client that holds the number", async () => {
    await envoyer("numeros", "numero;client\n0145000021;CLIENT_A\n0145000022\n");
    const csv = "numero;campagne;alias\n0145000021;Relance été;A\n0145000022;Orpheline;B\n";
    const sans = await envoyer("affectations", csv, "?simulation=true");
    expect(sans.json().rejets.map((r: { raison: string }) => r.raison)).toEqual([
      "Campagne inconnue (code ou identifiant Hermes ; l'option « créer ce qui manque » la crée chez le client du numéro).",
      "Campagne inconnue (code ou identifiant Hermes ; l'option « créer ce qui manque » la crée chez le client du numéro).",
    ]);
    const r = await envoyer("affectations", csv, "?creer_manquants=true&accepter_rejets=true");
    expect(r.json(), r.body).toMatchObject({
      ecrit: true,
      a_creer: 1,
      rejetes: 1,
      references_creees: ["Campagne RELANCE_ETE"],
      rejets: [{ ligne: 3, raison: "Campagne inconnue, et le numéro n'a pas de client à qui la créer." }],
    });
    const campagne = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/campagnes?code=RELANCE_ETE",
        headers: ctx.cles.admin,
      })
    ).json().data[0];
    expect(campagne).toMatchObject({ client_id: ctx.clientA, nom: "Relance été" });
    // no start in the file: the assignment starts with the import, and puts its number in use at once
    const numero = await parNumero("0145000021");
    expect(numero).toMatchObject({ statut_code: "UTILISE" });
    // imported again: the campaign is found by its name, nothing changes
    expect(
      (await envoyer("affectations", csv, "?creer_manquants=true&accepter_rejets=true")).json(),
    ).toMatchObject({ a_creer: 0, inchanges: 1, references_creees: [] });
  });

  it("checks each row against the rows before it in the file, across its chunks of 500", async () => {
    // 1,200 numbers: the chunks are read ahead of the previous chunk's write, and must still see it
    const lignes = ["numero;client;notes"];
    for (let i = 0; i < 1200; i++)
      lignes.push(`0147${String(i).padStart(6, "0")};${i < 600 ? "CLIENT_A" : ""};n${i}`);
    lignes.push("01 47 00 00 00;CLIENT_A;n0", "0147000001;CLIENT_A;autre");
    const numeros = await envoyer("numeros", lignes.join("\n"), "?accepter_rejets=true");
    expect(numeros.json(), numeros.body).toMatchObject({
      ecrit: true,
      lus: 1202,
      a_creer: 1200,
      doublons: 1,
      rejetes: 1,
      rejets: [{ ligne: 1203, raison: "Même élément qu'à la ligne 3, avec d'autres valeurs." }],
    });

    await envoyer("campagnes", "code;nom;client\nA-CH1;Un;CLIENT_A\nA-CH2;Deux;CLIENT_A\n");
    // Lines 1000-1001 end the second chunk, lines 1002-1003 start the third, which is read before the second
    // is written. 0147001100 has no client: its first assignment gives it client A; its second finds it held
    // by A. 0147000002 gets a second inbound campaign over the first one.
    const affectations = ["numero;campagne;entrant;sortant;date_debut"];
    for (let i = 10; i < 1008; i++)
      affectations.push(
        `0147${String(i).padStart(6, "0")};${i < 600 ? "A-CH1" : "A-CH2"};non;oui;2026-01-01`,
      );
    affectations.push("0147001100;A-CH1;oui;non;2026-01-01", "0147000002;A-CH1;oui;non;2026-01-01");
    affectations.push("0147001100;A-CH2;non;oui;2026-01-01", "0147000002;A-CH2;oui;non;2026-02-01");
    const r = await envoyer("affectations", affectations.join("\n"), "?accepter_rejets=true");
    expect(r.json(), r.body).toMatchObject({ ecrit: true, a_creer: 1001, rejetes: 1 });
    expect(r.json().rejets).toEqual([
      expect.objectContaining({
        ligne: 1003,
        raison: "Le numéro a déjà une affectation entrante sur cette période (campagne A-CH1).",
      }),
    ]);
    const sansClient = await parNumero("0147001100");
    expect(sansClient).toMatchObject({ client_id: ctx.clientA, statut_code: "UTILISE" });
    const histoire = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/${sansClient.id}/historique`,
        headers: ctx.cles.admin,
      })
    ).json().data as Array<{ action: string }>;
    // given its client once, assigned twice
    expect(histoire.filter((h) => h.action === "AFFECTATION_CLIENT")).toHaveLength(1);
    expect(histoire.filter((h) => h.action === "AFFECTATION_CAMPAGNE")).toHaveLength(2);
    // imported again: the lines written are found, in whichever chunk they are
    expect(
      (await envoyer("affectations", affectations.join("\n"), "?accepter_rejets=true")).json(),
    ).toMatchObject({ a_creer: 0, inchanges: 1001, rejetes: 1 });
  });

  it("reads the numbers table through its indexes when it was emptied and vacuumed, and refreshes its statistics", async () => {
    // A table vacuumed empty is planned as empty for the length of an import's transaction: the foreign-key
    // checks then read the whole numbers table for each row written (100,000 numbers: 220 s instead of 7).
    const vide = await contexte(cible);
    try {
      await vide.db
        .transaction()
        .execute(async (trx) => {
          await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, statut_id)
            SELECT i.id, (148000000 + g)::text, '+33' || (148000000 + g), s.id
            FROM generate_series(1, 2000) g, tel_indicatif i, tel_statut_did s
            WHERE i.code = 'FR' AND s.code = 'DISPONIBLE'`.execute(trx);
          throw new Error("annuler");
        })
        .catch(() => {});
      await sql`VACUUM tel_did, tel_did_historique`.execute(vide.db);
      const compteurs = async () => {
        const { rows } = await sql<{ seq_scan: string; n_tup_ins: string }>`
          SELECT seq_scan, n_tup_ins FROM pg_stat_user_tables WHERE relname = 'tel_did'`.execute(vide.db);
        return { lectures: Number(rows[0]?.seq_scan ?? 0), ecrits: Number(rows[0]?.n_tup_ins ?? 0) };
      };
      // each connection sends its counters when it goes idle, within a second: wait for the import's rows
      const attendre = async (ecrits: number) => {
        for (let i = 0; i < 100; i++) {
          await sql`SELECT pg_stat_force_next_flush()`.execute(vide.db);
          const c = await compteurs();
          if (c.ecrits >= ecrits) return c;
          await new Promise((r) => setTimeout(r, 200));
        }
        throw new Error("les compteurs de la table ne sont jamais arrivés");
      };
      const avant = await attendre(2000);
      const lignes = ["numero;client"];
      for (let i = 0; i < 2000; i++) lignes.push(`0148${String(i).padStart(6, "0")};CLIENT_A`);
      const r = await vide.app.inject({
        method: "POST",
        url: "/api/v1/imports/numeros",
        headers: { ...vide.cles.gestionnaire, "content-type": "text/csv" },
        payload: lignes.join("\n"),
      });
      expect(r.json(), r.body).toMatchObject({ ecrit: true, a_creer: 2000 });
      const apres = await attendre(avant.ecrits + 2000);
      // before the fix: 1,000 sequential scans on PGlite, 1,013 on PostgreSQL
      // 0 when the import runs in the server's thread (PGlite); 21 on PostgreSQL since it runs in the work thread
      // (src/travaux), whose connections are new to the table: far from the thousand a plan per row made
      expect(apres.lectures - avant.lectures).toBeLessThan(100);
      // and the planner now knows the rows (the vacuum had left it sure the table was empty)
      const { rows } = await sql<{ reltuples: number }>`
        SELECT reltuples FROM pg_class WHERE relname = 'tel_did'`.execute(vide.db);
      expect(Number(rows[0]?.reltuples)).toBe(2000);
    } finally {
      await vide.fermer();
    }
  });

  it("imports configurations checked like the API's, which assignments then name, and exports them back", async () => {
    const csv = [
      "code;nom;json",
      'ACCUEIL_ETE;Accueil été;"{""couleur"": ""#1A2B3C"", ""message_accueil"": ""Bonjour"", ""horaires"": {""lundi"": {""debut"": ""09:00"", ""fin"": ""18:00""}}, ""canal"": 7}"',
      'MAUVAISE;Mauvaise;"{""couleur"": ""rouge""}"',
      'INVERSEE;Horaires inversés;"{""horaires"": {""mardi"": {""debut"": ""18:00"", ""fin"": ""09:00""}}}"',
      "PAS_JSON;Pas du JSON;{couleur",
      "",
    ].join("\n");
    const r = await envoyer("configs", csv, "?accepter_rejets=true");
    expect(r.json(), r.body).toMatchObject({ ecrit: true, a_creer: 1, rejetes: 3 });
    expect(r.json().rejets.map((j: { ligne: number; raison: string }) => [j.ligne, j.raison])).toEqual([
      [3, expect.stringContaining("/couleur")],
      [4, "Horaires du mardi : l'ouverture doit précéder la fermeture."],
      [5, "JSON illisible."],
    ]);
    await envoyer("numeros", "numero;client\n0145000041;CLIENT_A\n");
    await envoyer("campagnes", "code;nom;client\nA-CONF;Conf;CLIENT_A\n");
    const a = await envoyer("affectations", "numero;campagne;config\n0145000041;A-CONF;ACCUEIL_ETE\n");
    expect(a.json(), a.body).toMatchObject({ ecrit: true, a_creer: 1 });
    const exporte = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/configs",
      headers: ctx.cles.lecteur,
    });
    expect(exporte.statusCode).toBe(200);
    expect(exporte.body).toContain("ACCUEIL_ETE;Accueil été;");
    // what the export wrote reads back as is: nothing to change
    expect((await envoyer("configs", exporte.body)).json()).toMatchObject({ a_creer: 0, inchanges: 1 });
    // configurations are not a client's to read (GET /configs), nor to export
    const client = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/configs?format=json",
      headers: ctx.cles.client,
    });
    expect(client.statusCode).toBe(403);
  });

  it("moves a status through the lifecycle: a number terminated by import is dated and frozen", async () => {
    await envoyer("numeros", "numero;client\n0145000009;CLIENT_A\n");
    const r = await envoyer("numeros", "numero;statut\n0145000009;RESILIE\n");
    expect(r.json(), r.body).toMatchObject({ ecrit: true, a_mettre_a_jour: 1 });
    const d = await parNumero("0145000009");
    expect(d).toMatchObject({ statut_code: "RESILIE" });
    expect(d.date_resiliation).not.toBeNull();
    expect(d.reutilisable_le).not.toBeNull();
    // and a move the lifecycle forbids is a rejected row, not a silent change
    const interdit = await envoyer("numeros", "numero;statut\n0145000009;UTILISE\n", "?simulation=true");
    expect(interdit.json().rejets[0]).toMatchObject({
      colonne: "statut",
      raison: "Passage RESILIE → UTILISE interdit.",
    });
    // the lifecycle's own refusals are rows of the report too: the rest of the file still goes in
    await envoyer("numeros", "numero\n0145000032\n");
    await envoyer("numeros", "numero;statut\n0145000032;RESILIE\n");
    const r2 = await envoyer(
      "numeros",
      "numero;client;statut\n0145000032;CLIENT_A;AFFECTE\n0145000001;;UTILISE\n0145000033;CLIENT_A;\n",
      "?accepter_rejets=true",
    );
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ ecrit: true, a_creer: 1, rejetes: 1 });
    expect(r2.json().rejets.map((j: { ligne: number; raison: string }) => [j.ligne, j.raison])).toEqual([
      [
        2,
        expect.stringMatching(
          /^Numéro résilié le \d{2}\/\d{2}\/\d{4} : pas à un autre client avant le \d{2}\/\d{2}\/\d{4}/,
        ),
      ],
    ]);
    // UTILISE without a current assignment is not refused any more (#28): the number is AFFECTE, and the row says so
    expect(r2.json().avertissements).toEqual([
      expect.objectContaining({ ligne: 3, colonne: "statut", valeur: "UTILISE" }),
    ]);
  });

  it("exports what the import reads, as CSV, JSON and XLSX", async () => {
    const csv = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/numeros?statut=AFFECTE",
      headers: ctx.cles.lecteur,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("+33145000001;CLIENT_A");
    const json = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/numeros?format=json",
      headers: ctx.cles.lecteur,
    });
    expect(json.json().map((n: { numero: string }) => n.numero)).toContain("+33145000002");
    const xlsx = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/numeros?format=xlsx",
      headers: ctx.cles.lecteur,
    });
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(classeur.worksheets[0]?.getRow(1).getCell(1).value).toBe("numero");
    // the workbook reads back: nothing new, nothing changed
    const retour = await envoyer("numeros", xlsx.rawPayload, "?simulation=true");
    expect(retour.json()).toMatchObject({ a_creer: 0, a_mettre_a_jour: 0, rejetes: 0 });
    expect(retour.json().inchanges).toBeGreaterThanOrEqual(2);
  });

  it("reads a workbook whatever its archive's order, and one whose sizes follow each entry's data", async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("SDA");
    feuille.addRow(["numero", "notes"]);
    for (let i = 0; i < 30; i++) feuille.addRow([`01453${String(i).padStart(5, "0")}`, `note ${i}`]);
    const brut = Buffer.from(await classeur.xlsx.writeBuffer());
    // Excel's order: the workbook first, the sheet, then the shared strings; and the reverse of ExcelJS's
    const commeExcel = (noms: string[]) => {
      const rang = (n: string) =>
        n === "xl/workbook.xml"
          ? 0
          : n.startsWith("xl/worksheets/")
            ? 1
            : n === "xl/sharedStrings.xml"
              ? 2
              : 3;
      return [...noms].sort((a, b) => rang(a) - rang(b));
    };
    for (const [ordre, descripteurs] of [
      [commeExcel, false],
      [commeExcel, true],
      [(noms: string[]) => [...noms].reverse(), true],
    ] as const) {
      const r = await envoyer("numeros", zipReecrit(brut, ordre, descripteurs), "?simulation=true");
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ lus: 30, a_creer: 30, rejetes: 0 });
    }
    // written, each cell where it was: the shared strings were read before the sheet that names them
    const ecrit = await envoyer("numeros", zipReecrit(brut, commeExcel, true));
    expect(ecrit.statusCode, ecrit.body).toBe(200);
    expect(ecrit.json()).toMatchObject({ ecrit: true, a_creer: 30 });
    expect(await parNumero("0145300029")).toMatchObject({ notes: "note 29" });
  });
});
