import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// The right to present a number (#20, ARCEP 2018-0881 §2.2.2): a client's number is presented only under that
// client's mandate, valid at the instant of the call, everywhere the routing decides (lookup, routing files,
// assignment checks); alerts before a mandate ends; what each carrier is told; who presented a number on a date.
describe.each(CIBLES)("caller-ID rights ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2026-01-10T09:00:00Z");
  let sfr: number;
  let orange: number;
  let bouygues: number;
  const campagnes: Record<string, number> = {};
  // the signed PDFs go to a folder here (MANDATES_DIR); the browser test keeps them in the database
  const dossierMandats = fs.mkdtempSync(path.join(os.tmpdir(), "mandats-"));
  beforeAll(async () => {
    ctx = await contexte(cible, {
      horloge: () => maintenant,
      env: {
        NOTIFY_VALIDATORS: "conformite@centre.example",
        WEBHOOK_URLS: "http://127.0.0.1:9/mandats",
        WEBHOOK_SECRET: "s",
        MANDATES_DIR: dossierMandats,
      },
    });
    sfr = await idDe(ctx.db, "tel_operateur", "SFR");
    orange = await idDe(ctx.db, "tel_operateur", "ORANGE");
    bouygues = await idDe(ctx.db, "tel_operateur", "BOUYGUES");
    for (const [code, client, hermes] of [
      ["PRES_A", ctx.clientA, "5101"],
      ["PRES_B", ctx.clientB, "5102"],
    ] as const) {
      const r = await api("POST", "/campagnes", { client_id: client, code, nom: code, hermes_id: hermes });
      campagnes[code] = r.corps.id;
    }
  });
  afterAll(() => ctx?.fermer());

  async function api(
    methode: "GET" | "POST" | "PATCH",
    url: string,
    payload?: unknown,
    cle?: Record<string, string>,
  ) {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle ?? ctx.cles.admin,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const type = String(r.headers["content-type"] ?? "");
    return { status: r.statusCode, corps: type.includes("json") ? r.json() : r.body, r };
  }
  /** A number held by a client, ours or the client's, with an operator. */
  async function numero(n: string, client: number | null, titulaire: "SOCIETE" | "CLIENT", operateur = sfr) {
    const d = await api("POST", "/dids", { numero: n, operateur_id: operateur });
    expect(d.status, JSON.stringify(d.corps)).toBe(201);
    if (client !== null)
      expect((await api("POST", `/dids/${d.corps.id}/actions/affecter`, { client_id: client })).status).toBe(
        200,
      );
    if (titulaire === "CLIENT")
      expect((await api("PATCH", `/dids/${d.corps.id}`, { titulaire })).status).toBe(200);
    return d.corps.id as number;
  }
  const presentes = async (hermes: string) => {
    await ctx.app.routage.aJour();
    const r = await api("GET", `/routage/sortant/${hermes}`, undefined, ctx.cles.hermes);
    return (r.corps.numeros ?? []).map((x: { numero: string }) => x.numero) as string[];
  };
  const fichierSortant = async () => {
    await ctx.app.routage.aJour();
    const p = (await api("GET", "/hermes/publication")).corps;
    return p.fichiers.find((f: { nom: string }) => f.nom === "S2.ons").contenu as string;
  };

  it("answers who presented a number at an instant, across a change of client and a change of mandate", async () => {
    const id = await numero("0142770301", ctx.clientA, "CLIENT");
    const ma = await api("POST", "/mandats", {
      client_id: ctx.clientA,
      reference: "MAND-A",
      signataire: "Mme Durand",
      date_debut: "2026-01-01",
      date_fin: "2026-03-31",
      numeros: ["01 42 77 03 01"],
    });
    expect(ma.status, JSON.stringify(ma.corps)).toBe(201);
    const affA = await api("POST", "/affectations", {
      did_id: id,
      campaign_id: campagnes.PRES_A,
      sortant: true,
    });
    expect(affA.status, JSON.stringify(affA.corps)).toBe(201);

    maintenant = new Date("2026-04-01T12:00:00Z");
    expect((await api("POST", `/affectations/${affA.corps.id}/terminer`, { motif: "fin" })).status).toBe(200);
    expect((await api("POST", `/dids/${id}/actions/liberer`, { motif: "fin" })).status).toBe(200);
    expect((await api("POST", `/dids/${id}/actions/affecter`, { client_id: ctx.clientB })).status).toBe(200);
    // client A's mandate allows nothing for client B
    const sansMandat = await api("POST", "/affectations", {
      did_id: id,
      campaign_id: campagnes.PRES_B,
      sortant: true,
    });
    expect(sansMandat.status).toBe(422);
    const mb1 = await api("POST", "/mandats", {
      client_id: ctx.clientB,
      reference: "MAND-B1",
      signataire: "M. Martin",
      date_debut: "2026-04-01",
      date_fin: "2026-04-30",
      numeros: ["0142770301"],
    });
    const mb2 = await api("POST", "/mandats", {
      client_id: ctx.clientB,
      reference: "MAND-B2",
      signataire: "M. Martin",
      date_debut: "2026-05-01",
      numeros: ["0142770301"],
    });
    expect(
      (await api("POST", "/affectations", { did_id: id, campaign_id: campagnes.PRES_B, sortant: true }))
        .status,
    ).toBe(201);

    const qui = async (instant: string) =>
      (await api("GET", `/dids/${id}/presentation?instant=${encodeURIComponent(instant)}`)).corps;
    expect((await qui("2026-02-15T10:00:00+01:00")).presentations).toEqual([
      expect.objectContaining({
        campagne: expect.objectContaining({ code: "PRES_A" }),
        client: expect.objectContaining({ code: "CLIENT_A" }),
        fondement: "MANDAT",
        mandat: expect.objectContaining({ id: ma.corps.id, reference: "MAND-A", signataire: "Mme Durand" }),
        presente: true,
      }),
    ]);
    expect((await qui("2026-04-15T10:00:00+02:00")).presentations).toEqual([
      expect.objectContaining({
        client: expect.objectContaining({ code: "CLIENT_B" }),
        mandat: expect.objectContaining({ id: mb1.corps.id }),
        presente: true,
      }),
    ]);
    // a date alone is 00:00 in Paris: the first instant of the second mandate
    expect((await qui("2026-05-01")).presentations).toEqual([
      expect.objectContaining({
        campagne: expect.objectContaining({ code: "PRES_B" }),
        mandat: expect.objectContaining({ id: mb2.corps.id }),
      }),
    ]);
    expect((await qui("2026-01-05T10:00:00+01:00")).presentations).toEqual([]);
    // staff only: a client does not read it
    expect((await api("GET", `/dids/${id}/presentation`, undefined, ctx.cles.client)).status).toBe(403);
  });

  it("refuses an outbound assignment without a basis, alerts at 30 and 7 days once each, and stops presenting at the mandate's midnight", async () => {
    maintenant = new Date("2026-05-20T08:00:00Z");
    const id = await numero("0142770300", ctx.clientA, "CLIENT");
    const refus = await api("POST", "/affectations", {
      did_id: id,
      campaign_id: campagnes.PRES_A,
      sortant: true,
    });
    expect(refus.status).toBe(422);
    expect(refus.corps).toMatchObject({ code: "PRESENTATION_SANS_FONDEMENT" });
    expect(refus.corps.detail).toContain("mandat");
    // inbound only needs no mandate
    const entrante = await api("POST", "/affectations", {
      did_id: id,
      campaign_id: campagnes.PRES_A,
      sortant: false,
    });
    expect(entrante.status).toBe(201);
    const mandat = await api("POST", "/mandats", {
      client_id: ctx.clientA,
      reference: "MAND-JUIN",
      signataire: "Mme Durand",
      date_debut: "2026-05-01",
      date_fin: "2026-06-30",
      numeros: ["0142770300"],
    });
    expect(mandat.status).toBe(201);
    // turning outbound on is checked like a creation
    const sortante = await api("PATCH", `/affectations/${entrante.corps.id}`, { sortant: true });
    expect(sortante.status, JSON.stringify(sortante.corps)).toBe(200);
    await expect.poll(() => presentes("5101")).toContain("+33142770300");
    expect(await fichierSortant()).toContain("+33142770300");

    const alertes = async () =>
      (
        await sql<{ evenement: string; canal: string; destinataire: string }>`
          SELECT evenement, canal, destinataire FROM tel_notification
          WHERE evenement LIKE 'mandat.%' AND corps LIKE ${`%MAND-JUIN%`} ORDER BY id`.execute(ctx.db)
      ).rows;
    const tour = () => ctx.app.planificateur.tour();
    await tour();
    expect(await alertes()).toEqual([]);
    // 30 days before 1 July 00:00 Paris (30 June 22:00 UTC) is 31 May 22:00 UTC
    maintenant = new Date("2026-05-31T21:59:00Z");
    await tour();
    expect(await alertes()).toEqual([]);
    maintenant = new Date("2026-05-31T22:00:00Z");
    await tour();
    await tour();
    expect(await alertes()).toEqual([
      { evenement: "mandat.fin_30_jours", canal: "EMAIL", destinataire: "conformite@centre.example" },
      { evenement: "mandat.fin_30_jours", canal: "WEBHOOK", destinataire: "http://127.0.0.1:9/mandats" },
    ]);
    maintenant = new Date("2026-06-23T22:00:00Z");
    await tour();
    maintenant = new Date("2026-06-25T08:00:00Z");
    await tour();
    expect((await alertes()).map((a) => `${a.evenement}/${a.canal}`)).toEqual([
      "mandat.fin_30_jours/EMAIL",
      "mandat.fin_30_jours/WEBHOOK",
      "mandat.fin_7_jours/EMAIL",
      "mandat.fin_7_jours/WEBHOOK",
    ]);

    // the last second of 30 June in Paris (UTC+2): still presented; midnight: no longer, in the lookup and the files
    maintenant = new Date("2026-06-30T21:59:59Z");
    const etagAvant = (await api("GET", "/routage/export", undefined, ctx.cles.hermes)).r.headers.etag;
    expect(await presentes("5101")).toContain("+33142770300");
    maintenant = new Date("2026-06-30T22:00:00Z");
    expect(await presentes("5101")).not.toContain("+33142770300");
    expect(await fichierSortant()).not.toContain("+33142770300");
    expect((await api("GET", "/routage/export", undefined, ctx.cles.hermes)).r.headers.etag).not.toBe(
      etagAvant,
    );
    // the calls to the number still arrive: only presenting it needed the mandate
    expect((await api("GET", "/routage/entrant/0142770300", undefined, ctx.cles.hermes)).status).toBe(200);
    expect((await api("GET", `/dids/${id}/presentation`)).corps.presentations).toEqual([
      expect.objectContaining({
        presente: false,
        fondement: null,
        raison: expect.stringContaining("mandat"),
      }),
    ]);
    // a renewal brings it back at once (the mandate's change reaches the routing by its signal)
    expect((await api("PATCH", `/mandats/${mandat.corps.id}`, { date_fin: "2026-12-31" })).status).toBe(200);
    await expect.poll(() => presentes("5101")).toContain("+33142770300");
  });

  it("declares to a carrier exactly the numbers it may present, records it, and lists what changed", async () => {
    maintenant = new Date("2026-07-01T08:00:00Z");
    const contrat = await numero("0142770400", null, "SOCIETE", bouygues);
    await numero("0142770401", ctx.clientA, "CLIENT", bouygues);
    await numero("0142770402", ctx.clientA, "CLIENT", bouygues);
    const resilie = await numero("0142770403", null, "SOCIETE", bouygues);
    await numero("0142770404", null, "SOCIETE", orange);
    await numero("0142770405", ctx.clientB, "CLIENT", bouygues);
    const bascule = await numero("0142770406", ctx.clientA, "SOCIETE", bouygues);
    expect((await api("POST", `/dids/${resilie}/actions/resilier`, { motif: "test" })).status).toBe(200);
    const mandat = await api("POST", "/mandats", {
      client_id: ctx.clientA,
      signataire: "Mme Durand",
      date_debut: "2026-06-01",
      // client A's mandate cannot cover client B's number
      numeros: ["0142770401", "0142770405", "0142770406"],
    });
    expect(mandat.status).toBe(201);

    const premiere = await api("POST", "/declarations", { operateur_id: bouygues, format: "csv" });
    expect(premiere.status, JSON.stringify(premiere.corps)).toBe(201);
    expect(premiere.corps).toMatchObject({ nombre: 3, ajouts: 3, retraits: 0, auteur: "cle:test-admin" });
    expect(premiere.corps.changements).toEqual({
      ajoutes: ["+33142770400", "+33142770401", "+33142770406"],
      retires: [],
      modifies: [],
    });
    const fichier = await api("GET", `/declarations/${premiere.corps.id}/fichier`);
    expect(fichier.r.headers["content-type"]).toContain("text/csv");
    const octets = fichier.r.rawPayload;
    expect(createHash("sha256").update(octets).digest("hex")).toBe(premiere.corps.somme_sha256);
    const lignes = octets
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lignes).toEqual([
      // read by the carrier's staff and programs (#29, point 9): French headers and words, E.164 with its « + »
      "Numéro E.164;Numéro national;Fondement;Client;Mandat;Changement",
      "+33142770400;0142770400;Contrat opérateur;;;Ajouté",
      `+33142770401;0142770401;Mandat du client;CLIENT_A;${mandat.corps.id};Ajouté`,
      "+33142770406;0142770406;Contrat opérateur;;;Ajouté",
    ]);

    // the mandate is revoked, a new one covers the number that had none, one number is terminated, one becomes the client's
    maintenant = new Date("2026-07-02T08:00:00Z");
    expect((await api("PATCH", `/mandats/${mandat.corps.id}`, { actif: false })).status).toBe(200);
    const nouveau = await api("POST", "/mandats", {
      client_id: ctx.clientA,
      signataire: "Mme Durand",
      date_debut: "2026-07-01",
      numeros: ["0142770402", "0142770406"],
    });
    expect(nouveau.status).toBe(201);
    expect((await api("PATCH", `/dids/${bascule}`, { titulaire: "CLIENT" })).status).toBe(200);
    expect((await api("POST", `/dids/${contrat}/actions/resilier`, { motif: "test" })).status).toBe(200);
    const apercu = (await api("GET", `/declarations/apercu?operateur_id=${bouygues}`)).corps;
    expect(apercu.derniere.id).toBe(premiere.corps.id);
    const seconde = await api("POST", "/declarations", { operateur_id: bouygues, format: "xlsx" });
    expect(seconde.corps.changements).toEqual({
      ajoutes: ["+33142770402"],
      retires: ["+33142770400", "+33142770401"],
      modifies: ["+33142770406"],
    });
    expect(seconde.corps.changements).toEqual(apercu.changements);
    expect(seconde.corps).toMatchObject({ nombre: 2, ajouts: 1, retraits: 2, format: "xlsx" });
    const xlsx = await api("GET", `/declarations/${seconde.corps.id}/fichier`);
    expect(createHash("sha256").update(xlsx.r.rawPayload).digest("hex")).toBe(seconde.corps.somme_sha256);
    const liste = (await api("GET", `/declarations?operateur_id=${bouygues}`)).corps;
    expect(liste.data.map((d: { id: number }) => d.id)).toEqual([seconde.corps.id, premiere.corps.id]);
    expect(liste.data[1]).toMatchObject({
      instant: "2026-07-01T08:00:00.000Z",
      somme_sha256: premiere.corps.somme_sha256,
    });
  });

  it("declares every number of a carrier carrying more than the preview shows, and records them all", async () => {
    const avant = (await api("GET", `/declarations/apercu?operateur_id=${orange}`)).corps.total as number;
    const modele = await numero("0142771000", null, "SOCIETE", orange);
    // 250 more of the carrier's numbers in one statement (the API would take seconds on the embedded database)
    await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, statut_id, operateur_id, titulaire)
      SELECT indicatif_id, (142771000 + n)::text, '+33' || (142771000 + n), type_id, region_id, statut_id, operateur_id, titulaire
      FROM tel_did, generate_series(1, 250) AS n WHERE id = ${modele}`.execute(ctx.db);
    const attendu = avant + 251;
    const apercu = (await api("GET", `/declarations/apercu?operateur_id=${orange}`)).corps;
    expect(apercu.total).toBe(attendu);
    expect(apercu.numeros).toHaveLength(200);

    const premiere = await api("POST", "/declarations", { operateur_id: orange, format: "csv" });
    expect(premiere.status, JSON.stringify(premiere.corps)).toBe(201);
    expect(premiere.corps).toMatchObject({ nombre: attendu, ajouts: attendu, retraits: 0 });
    expect(premiere.corps.changements.ajoutes).toHaveLength(200);
    const fichier = await api("GET", `/declarations/${premiere.corps.id}/fichier`);
    const lignes = fichier.r.rawPayload.toString("utf8").trim().split(/\r?\n/);
    expect(lignes).toHaveLength(attendu + 1);
    expect(lignes.at(-1)).toContain("0142771250");
    // the next declaration compares with every number recorded, not with the preview's first 200
    const seconde = await api("POST", "/declarations", { operateur_id: orange, format: "csv" });
    expect(seconde.corps).toMatchObject({ nombre: attendu, ajouts: 0, retraits: 0, modifies: 0 });
  });

  it("lists a carrier's numbers in national order, French plan first, in the preview and the file (#29, point 14)", async () => {
    const op = await api("POST", "/operateurs", { code: "ORDRE", nom: "Ordre national", type: "VOIP" });
    expect(op.status, JSON.stringify(op.corps)).toBe(201);
    // created out of order; in E.164 order +262… and +32… would come before +331…
    for (const n of ["0262304152", "+3222123456", "0142771900", "0590123456", "0142771899"])
      await numero(n, null, "SOCIETE", op.corps.id);
    const ordre = ["+33142771899", "+33142771900", "+262262304152", "+590590123456", "+3222123456"];
    const apercu = (await api("GET", `/declarations/apercu?operateur_id=${op.corps.id}`)).corps;
    expect(apercu.numeros.map((l: { numero: string }) => l.numero)).toEqual(ordre);
    expect(apercu.changements.ajoutes).toEqual(ordre);
    const d = await api("POST", "/declarations", { operateur_id: op.corps.id, format: "csv" });
    const lignes = (await api("GET", `/declarations/${d.corps.id}/fichier`)).r.rawPayload
      .toString("utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(lignes.map((l) => l.split(";").slice(0, 2).join(";"))).toEqual([
      "+33142771899;0142771899",
      "+33142771900;0142771900",
      "+262262304152;0262304152",
      "+590590123456;0590123456",
      "+3222123456;",
    ]);
  });

  it("keeps a mandate's signed PDF with its SHA-256, and refuses anything else", async () => {
    const m = await api("POST", "/mandats", {
      client_id: ctx.clientB,
      signataire: "M. Martin",
      date_debut: "2026-01-01",
      numeros: ["0142770405"],
    });
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const depot = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/mandats/${m.corps.id}/document?nom=mandat%20sign%C3%A9.pdf`,
      headers: { ...ctx.cles.gestionnaire, "content-type": "application/pdf" },
      payload: pdf,
    });
    expect(depot.statusCode, depot.body).toBe(200);
    const sha = createHash("sha256").update(pdf).digest("hex");
    expect(depot.json()).toMatchObject({
      document_sha256: sha,
      document_taille: pdf.length,
      document_nom: "mandat signé.pdf",
    });
    const relu = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/mandats/${m.corps.id}/document`,
      headers: ctx.cles.lecteur,
    });
    expect(relu.headers["x-content-sha256"]).toBe(sha);
    expect(relu.rawPayload.equals(pdf)).toBe(true);
    // written in the configured folder, not in the database
    const fichiers = fs.readdirSync(dossierMandats).filter((f) => f.startsWith(`mandat-${m.corps.id}-`));
    expect(fichiers).toEqual([`mandat-${m.corps.id}-${sha.slice(0, 16)}.pdf`]);
    expect(fs.readFileSync(path.join(dossierMandats, fichiers[0] as string)).equals(pdf)).toBe(true);
    const enBase = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM tel_mandat WHERE id = ${m.corps.id} AND document IS NULL`.execute(
      ctx.db,
    );
    expect(enBase.rows[0]?.n).toBe(1);
    const pasPdf = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/mandats/${m.corps.id}/document`,
      headers: { ...ctx.cles.admin, "content-type": "application/pdf" },
      payload: Buffer.from("<html>pas un mandat</html>"),
    });
    expect(pasPdf.statusCode).toBe(422);
    expect(pasPdf.json().code).toBe("DOCUMENT_INVALIDE");
    // the previous document stays
    expect((await api("GET", `/mandats/${m.corps.id}`)).corps.document_sha256).toBe(sha);
    const inconnu = await api("POST", "/mandats", {
      client_id: ctx.clientB,
      signataire: "X",
      date_debut: "2026-01-01",
      numeros: ["0142779999"],
    });
    expect(inconnu.status).toBe(422);
    expect(inconnu.corps).toMatchObject({ code: "MANDAT_INVALIDE", inconnus: ["+33142779999"] });
  });
});
