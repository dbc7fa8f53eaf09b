/// <reference lib="dom" />
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, serveurWeb } from "../helpers/serveur-web.js";

// What we hold from carriers, in the extranet: a block's page with its usage, a mandate recorded with its signed PDF,
// a declaration to a carrier downloaded as the file that was recorded (#20), and a carrier's invoice reconciled
// with the inventory, a fix applied and the claim exported (#19).
describe.each(CIBLES)("blocks, mandates, declarations and reconciliation in Chromium ($nom)", (cible) => {
  let navigateur: Browser;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let tranche: number;
  const pdf = Buffer.from(
    "%PDF-1.4\n% mandat de présentation signé\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
  );

  beforeAll(async () => {
    navigateur = await lancerNavigateur();
    srv = await serveurWeb(cible);
    url = srv.s.url;
    const admin = await sessionApi(url, "admin", ADMIN);
    const alpha = await admin<{ id: number }>("POST", "/clients", { code: "ALPHA", nom: "Alpha Assurances" });
    const operateurs = await admin<{ data: Array<{ id: number; code: string }> }>(
      "GET",
      "/operateurs?par_page=50",
    );
    const orange = operateurs.data.find((o) => o.code === "ORANGE")?.id as number;
    const t = await admin<{ id: number }>("POST", "/tranches", {
      operateur_id: orange,
      reference_operateur: "ORA-2026-42",
      premier: "01 84 88 02 00",
      dernier: "01 84 88 02 09",
      creer_numeros: true,
    });
    tranche = t.id;
    const numeros = await admin<{ data: Array<{ id: number; did_format_e164: string }> }>(
      "GET",
      `/dids?tranche_id=${tranche}&par_page=50`,
    );
    const id = (e164: string) => numeros.data.find((n) => n.did_format_e164 === e164)?.id as number;
    await admin("POST", `/dids/${id("+33184880200")}/actions/affecter`, { client_id: alpha.id });
    await admin("POST", `/dids/${id("+33184880201")}/actions/affecter`, { client_id: alpha.id });
    // the client's own number: presented under its mandate only
    await admin("PATCH", `/dids/${id("+33184880201")}`, { titulaire: "CLIENT" });
    // two numbers of SFR's, one at a price the carrier's invoice does not agree with
    const sfr = operateurs.data.find((o) => o.code === "SFR")?.id as number;
    await admin("POST", "/dids", {
      numero: "0142780001",
      operateur_id: sfr,
      cout_mensuel: 2,
      reference_externe: "SFR-1",
    });
    await admin("POST", "/dids", {
      numero: "0142780005",
      operateur_id: sfr,
      cout_mensuel: 1,
      reference_externe: "SFR-5",
    });
  }, 180_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
  });

  /** Admin's new reconciliation screen for SFR and a month, a CSV file chosen (nothing sent yet). */
  async function nouveauRapprochement(periode: string, csv: string) {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Rapprochements" }).click();
    await page.getByRole("link", { name: "Nouveau rapprochement" }).click();
    await page.getByRole("combobox", { name: "Opérateur" }).click();
    await page.getByRole("option", { name: "SFR" }).click();
    await page.getByLabel("Mois facturé (mm/aaaa)").fill(`${periode.slice(5)}/${periode.slice(0, 4)}`);
    await page.getByTestId("fichier").setInputFiles({
      name: `sfr-${periode}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    return page;
  }

  it("shows a block's usage, its free numbers and the clients holding its numbers", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Tranches" }).click();
    await page.getByText("01 84 88 02 00 – 01 84 88 02 09").click();
    const occupation = page.getByTestId("occupation");
    await occupation.waitFor();
    const lignes = async () =>
      (await occupation.locator("tr").allInnerTexts()).map((l) => l.replace(/\s+/g, " ").trim());
    expect(await lignes()).toEqual([
      "Utilisés 0",
      "Affectés 2",
      "Disponibles 8",
      "Commandés 0",
      "Résiliés 0",
      "Absents de l'inventaire 0",
    ]);
    expect((await page.getByTestId("libres").innerText()).split(/\s*\n\s*/).slice(0, 2)).toEqual([
      "01 84 88 02 02",
      "01 84 88 02 03",
    ]);
    await page.getByRole("cell", { name: "Alpha Assurances" }).waitFor();
    // two numbers held: the block cannot be returned yet
    expect(await page.getByRole("button", { name: "Restituer à l'opérateur" }).isDisabled()).toBe(true);
    await page.context().close();
  }, 60_000);

  it("records a mandate with its signed PDF and shows the document's SHA-256", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Mandats" }).click();
    await page.getByRole("link", { name: "Nouveau mandat" }).click();
    const client = page.getByLabel("Client").first();
    await client.click();
    await client.fill("Alpha");
    await page.getByRole("option", { name: "Alpha Assurances" }).click();
    await page.getByLabel("Référence du mandat").fill("MAND-ALPHA-1");
    await page.getByLabel("Signataire (nom et qualité)").fill("Mme Durand, directrice");
    await page.getByLabel("Premier jour (jj/mm/aaaa)").fill("01/01/2026");
    await page.getByLabel(/Dernier jour inclus/).fill("31/12/2030");
    await page.getByLabel(/Numéros couverts/).fill("01 84 88 02 01");
    await page
      .getByTestId("document")
      .setInputFiles({ name: "mandat-alpha.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByText("mandat-alpha.pdf").waitFor();
    await page.getByRole("button", { name: "Enregistrer le mandat" }).click();
    const empreinte = page.getByTestId("sha256");
    await empreinte.waitFor();
    expect((await empreinte.textContent())?.trim()).toBe(createHash("sha256").update(pdf).digest("hex"));
    await page.getByRole("link", { name: "mandat-alpha.pdf" }).waitFor();
    expect(await page.getByText("01 84 88 02 01").count()).toBeGreaterThan(0);
    await page.context().close();
  }, 60_000);

  it("exports a declaration to a carrier: the numbers with their basis, recorded with the file's hash", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Déclarations" }).click();
    await page.getByLabel("Opérateur").click();
    await page.getByRole("option", { name: "Orange" }).click();
    await page.getByText("10 numéro(s) présentables aujourd'hui").waitFor();
    expect(await page.getByTestId("changements").innerText()).toContain("Ajoutés (10)");
    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Déclarer et télécharger (CSV)" }).click(),
    ]);
    const octets = fs.readFileSync((await telechargement.path()) as string);
    const lignes = octets
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lignes).toHaveLength(11);
    expect(lignes).toContain("+33184880201;0184880201;Mandat du client;ALPHA;1;Ajouté");
    expect(lignes).toContain("+33184880200;0184880200;Contrat opérateur;;;Ajouté");
    // the recorded declaration names the same bytes
    const faites = page.getByTestId("declarations");
    await faites.waitFor();
    const sha = createHash("sha256").update(octets).digest("hex");
    expect(await faites.innerText()).toContain(`${sha.slice(0, 16)}…`);
    // nothing changed since: the next preview says so
    await expect.poll(() => page.getByTestId("changements").innerText()).toContain("Ajoutés (0)");
    await page.context().close();
  }, 60_000);

  it("reconciles a carrier's invoice: classes with their totals, one fix applied, and the claim exported", async () => {
    const page = await nouveauRapprochement(
      "2026-11",
      "numero;reference;prix\n0142780001;SFR-1;2,00\n0142780005;SFR-5;1,20\n0142789999;;4,00\n",
    );
    await page.getByRole("button", { name: "Rapprocher" }).click();
    const classes = page.getByTestId("classes");
    await classes.waitFor();
    const lignes = async () =>
      (await classes.locator("tbody tr").allInnerTexts()).map((l) =>
        l
          .replace(/\s+/g, " ")
          .replace(/\u202f/g, " ")
          .trim(),
      );
    expect(await lignes()).toEqual([
      "Facturé après sa résiliation chez nous : à réclamer 0 — 0,00 €",
      "Facturé mais absent de l'inventaire 1 — 4,00 €",
      "Dans l'inventaire, non résilié, mais non facturé 0 — 0,00 €",
      "Prix différent du coût mensuel de l'inventaire 1 — 0,20 €",
      "Référence opérateur différente de la nôtre 0 — 0,00 €",
      "Conforme 1 — 2,00 €",
      "Ligne illisible 0 — 0,00 €",
    ]);
    await classes.getByText("Prix différent du coût mensuel de l'inventaire").click();
    await page.getByRole("button", { name: "Prendre ce prix" }).click();
    // the change to the inventory is said before it runs (#29)
    const confirmation = page.getByTestId("confirmation");
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toMatch(/passe de 1,00\s€ à 1,20\s€ dans l'inventaire/);
    await page.getByRole("button", { name: "Appliquer" }).click();
    await page.getByText("1 correction(s) appliquée(s).").waitFor();
    await page.getByTestId("lignes").getByText("corrigé (admin)").waitFor();
    // the class says at once what is left to do, without a reload (#29, point 20)
    await expect
      .poll(() =>
        classes
          .locator("tr", { hasText: "Prix différent du coût mensuel de l'inventaire" })
          .getByTestId("corriges")
          .textContent(),
      )
      .toBe("1");
    const [reclamation] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Réclamation à l'opérateur (CSV)" }).click(),
    ]);
    const texte = fs.readFileSync((await reclamation.path()) as string, "utf8");
    expect(texte).toContain("01 42 78 99 99;;Numéro qui n'est pas à nous;01/11/2026;30/11/2026;4,00;4,00");
    expect(texte).toContain("01 42 78 00 05;SFR-5;Prix facturé 1,20 € au lieu de 1,00 €;");
    await page.context().close();
  }, 60_000);

  it("shows an invoice's columns beside the fields before anything is written, « Prix HT » read as the price", async () => {
    const page = await nouveauRapprochement("2026-10", "NDI;Prix HT\n01 42 78 00 01;2,46\n");
    // the mapping step: both columns recognised, nothing sent yet
    await page.getByTestId("correspondances").waitFor();
    expect(await page.getByTestId("colonne-numero").inputValue()).toBe("NDI");
    expect(await page.getByTestId("colonne-prix").inputValue()).toBe("Prix HT");
    expect(await page.getByTestId("colonnes-non-lues").count()).toBe(0);
    await page.getByRole("button", { name: "Rapprocher" }).click();
    const classes = page.getByTestId("classes");
    await classes.waitFor();
    const ecart = (await classes.locator("tbody tr", { hasText: "Prix différent" }).innerText())
      .replace(/\s+/g, " ")
      .replace(/\u202f/g, " ")
      .trim();
    // billed 2.46 against 2.00 in the inventory: 0.46 € the month, and no warning about prices
    expect(ecart).toBe("Prix différent du coût mensuel de l'inventaire 1 — 0,46 €");
    expect(await page.getByTestId("avertissement").count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("asks a number's page « À une date », one form for who held it and who presented it", async () => {
    const admin = await sessionApi(url, "admin", ADMIN);
    const n = await admin<{ id: number }>("GET", "/dids/par-numero/0184880200");
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.goto(`${url}/admin/telephony/#/dids/${n.id}/show`);
    const etat = page.getByTestId("etat-a-l-instant");
    await etat.waitFor();
    const lignes = async () =>
      (await etat.locator("tr").allInnerTexts()).map((l) => l.replace(/\s+/g, " ").trim());
    const maintenant = await lignes();
    // the status by its label, as everywhere (#29)
    expect(maintenant[0]).toMatch(/^Statut Affecté .+ le \d{2}\/\d{2}\/\d{4}/);
    expect(maintenant[1]).toMatch(/^Client ALPHA /);
    // before it existed: one form asks both questions
    await page.getByLabel("À une date (jj/mm/aaaa hh:mm, heure de Paris)").fill("01/01/2020 00:00");
    await page.getByRole("button", { name: "Chercher" }).click();
    await page.getByText("Le numéro n'existait pas encore.").waitFor();
    await page.getByText("Qui le présentait le 01/01/2020 00:00").waitFor();
    await page.context().close();
  }, 60_000);
});
