/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, MDP, serveurWeb } from "../helpers/serveur-web.js";

const puce = (page: Page, libelle: string) => page.locator(`[data-statut="${libelle}"]`).first();

async function choisir(
  page: Page,
  portee: ReturnType<Page["locator"]> | Page,
  libelle: string,
  valeur: string,
) {
  const champ = portee.getByLabel(libelle, { exact: false }).first();
  await champ.click();
  await champ.fill(valeur);
  await page.getByRole("option", { name: valeur, exact: true }).first().click();
}

describe.each(CIBLES)("the extranet in Chromium ($nom)", (cible) => {
  let navigateur: Browser;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let idB: number;

  beforeAll(async () => {
    navigateur = await lancerNavigateur();
    srv = await serveurWeb(cible, { sauvegardes: true });
    url = srv.s.url;
    const admin = await sessionApi(url, "admin", ADMIN);
    const clientA = await admin<{ id: number }>("POST", "/clients", {
      code: "ALPHA",
      nom: "Alpha Assurances",
    });
    const clientB = await admin<{ id: number }>("POST", "/clients", { code: "BETA", nom: "Beta Énergie" });
    await admin("POST", "/campagnes", {
      client_id: clientA.id,
      code: "ALPHA-SAV",
      nom: "Alpha SAV",
      hermes_id: "2001",
    });
    await admin("POST", "/utilisateurs", {
      login: "gestion",
      nom: "Gaëlle Gestion",
      role: "gestionnaire",
      mot_de_passe: MDP,
    });
    await admin("POST", "/utilisateurs", {
      login: "alpha",
      nom: "Alain Alpha",
      role: "client",
      client_id: clientA.id,
      mot_de_passe: MDP,
    });
    await admin("POST", "/utilisateurs", {
      login: "lecture",
      nom: "Léa Lecture",
      role: "lecteur",
      mot_de_passe: MDP,
    });
    const b = await admin<{ id: number }>("POST", "/dids", { numero: "02 99 00 00 01" });
    await admin("POST", `/dids/${b.id}/actions/affecter`, { client_id: clientB.id });
    idB = b.id;
  }, 180_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
  });

  it("creates a number, finds it by partial digits, assigns it to a client then a campaign, and shows its history", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);

    await page.goto(`${url}/admin/telephony/#/dids/create`);
    await page.locator("input[name=numero]").fill("01 42 68 53 00");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.locator("[data-testid=titre-numero]").textContent()).toBe("01 42 68 53 00");
    const id = Number(/#\/dids\/(\d+)\/show/.exec(page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    await puce(page, "Disponible").waitFor();

    await page.goto(`${url}/admin/telephony/#/dids`);
    await page.getByPlaceholder("Numéro, chiffres partiels").fill("53 00");
    await page.locator("[data-testid=numero]", { hasText: "01 42 68 53 00" }).waitFor();
    await expect.poll(() => page.locator("[data-testid=numero]").count()).toBe(1);
    await page.locator("[data-testid=numero]", { hasText: "01 42 68 53 00" }).click();

    await page.getByRole("button", { name: "Affecter à un client" }).click();
    const dialogue = page.getByRole("dialog");
    await choisir(page, dialogue, "Client", "Alpha Assurances");
    await dialogue.getByLabel("Motif").fill("Ouverture du SAV Alpha");
    await dialogue.getByRole("button", { name: "Confirmer" }).click();
    await puce(page, "Affecté").waitFor();

    await page.getByRole("link", { name: "Affecter à une campagne" }).click();
    await choisir(page, page, "Campagne Hermes", "Alpha SAV");
    // the browser runs in UTC: the time typed is read as Paris time (the night clocks went forward)
    await page.getByLabel("Début").fill("30/03/2025 00:00");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Affectations aux campagnes").first().waitFor();
    const gestionApi = await sessionApi(url, "gestion", MDP);
    const [affectation] = (
      await gestionApi<{ data: Array<{ date_debut: string }> }>("GET", `/affectations?did_id=${id}`)
    ).data;
    expect(new Date(affectation?.date_debut as string).toISOString()).toBe("2025-03-29T23:00:00.000Z");

    await page.goto(`${url}/admin/telephony/#/dids/${id}/show`);
    await puce(page, "Utilisé").waitFor();
    const historique = page.locator("[data-testid=historique]");
    await historique.getByText("Affecté → Utilisé").waitFor();
    await expect.poll(() => historique.textContent()).toContain("Disponible → Affecté");
    // the client appears by its name, not its id
    expect(await historique.textContent()).toContain("— → Alpha Assurances");
    expect(await historique.textContent()).toContain("Ouverture du SAV Alpha");
    expect(await historique.textContent()).toMatch(/gestion/i);
    await expect.poll(() => page.locator("[data-testid=affectations]").textContent()).toContain("ALPHA-SAV");
    if (cible.nom === "pglite") {
      await page.reload();
      await page.locator("[data-testid=historique]").getByText("Affecté → Utilisé").waitFor();
      await capture(page, "fiche-numero");
    }
    await page.context().close();
  }, 120_000);

  it("shows the route changes and publishes to Hermes only after a confirmation that states the counts", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/hermes`);
    const changements = page.locator("[data-testid=changements-routes]");
    await changements.getByText("+ 1 ajoutée").waitFor();
    // in words: the number in national form, the campaign and its Hermes id named
    await changements.getByText("Entrant : 01 42 68 53 00").waitFor();
    await changements.getByText("campagne ALPHA-SAV, Hermes 2001, sans configuration").waitFor();
    await page.getByRole("button", { name: "Publier vers Hermes" }).click();
    const dialogue = page.getByRole("dialog");
    await expect
      .poll(() => dialogue.locator("[data-testid=compte-routes]").textContent())
      .toContain("1 route ajoutée(s), 0 route supprimée(s), 0 route modifiée(s)");
    await capture(page, "publication-confirmation");
    await dialogue.getByRole("button", { name: "Publier", exact: true }).click();
    await page.getByText(/Publié : .*recept\.ons v1/).waitFor();
    await page.getByText("Les fichiers déployés sont à jour.").waitFor();
    await page.close();
  });

  it("takes an order from a client user to delivered numbers in the client's stock", async () => {
    const client = await nouvellePage(navigateur);
    await connecter(client, url, "alpha", MDP);
    // a client's menu: its numbers, its orders and its exports, nothing else
    await client.getByRole("menuitem", { name: "Mes numéros" }).waitFor();
    expect(await client.getByRole("menuitem", { name: "Affectations" }).count()).toBe(0);

    await client.goto(`${url}/admin/telephony/#/commandes/create`);
    await client.getByLabel("Type de numéro").click();
    await client.getByRole("option", { name: "Géographique", exact: true }).click();
    await choisir(client, client, "Région", "Île-de-France");
    await client.locator("input[name=quantite]").fill("10");
    await client.locator("[data-testid=indice-stock]").waitFor();
    await client.locator("textarea[name=motif]").fill("Renfort de l'équipe SAV");
    await client.getByRole("button", { name: "Enregistrer" }).click();
    await client.getByRole("button", { name: "Soumettre la demande" }).click();
    await puce(client, "Soumise").waitFor();
    const reference = (await client
      .getByText(/^CMD-\d{4}-\d+$/)
      .first()
      .textContent()) as string;

    const gestion = await nouvellePage(navigateur);
    await connecter(gestion, url, "gestion", MDP);
    await gestion.goto(`${url}/admin/telephony/#/commandes`);
    await gestion.getByText(reference).click();
    await gestion.getByRole("button", { name: "Valider" }).click();
    await gestion.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await puce(gestion, "Validée").waitFor();
    await gestion.getByRole("button", { name: "Démarrer chez l'opérateur" }).click();
    await gestion.getByRole("dialog").locator("select").selectOption({ label: "Orange" });
    await gestion
      .getByRole("dialog")
      .getByLabel("Référence de la commande chez l'opérateur")
      .fill("OPE-2026-123");
    await gestion.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await puce(gestion, "En cours").waitFor();
    await gestion.locator("[data-testid=saisie-livraison]").fill("0142100000-0142100009");
    await gestion.getByRole("button", { name: "Prévisualiser" }).click();
    await expect
      .poll(() => gestion.locator("[data-testid=apercu-livraison]").textContent())
      .toContain("10 numéros");
    await gestion.getByRole("button", { name: "Enregistrer la livraison" }).click();
    await puce(gestion, "Livrée").waitFor();
    await expect.poll(() => gestion.locator("[data-testid=numeros-livres] a").count()).toBe(10);

    await client.goto(`${url}/admin/telephony/#/dids`);
    await client.getByPlaceholder("Numéro, chiffres partiels").fill("01 42 10 00");
    await expect.poll(() => client.locator("[data-testid=numero]").count()).toBe(10);
    // delivered to the ordering client: Affecté to it, as any number a client holds with no campaign
    await expect.poll(() => client.locator('[data-statut="Affecté"]').count()).toBe(10);
    await client.context().close();
    await gestion.context().close();
  }, 120_000);

  it("imports a file from the Import screen: the report first, then the rows once confirmed", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/import-export`);
    await page.locator("[data-testid=fichier-import]").setInputFiles({
      name: "sda.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Numéro;Client;Remarque\n01 47 00 00 01;ALPHA;\n01 47 00 00 02;ALPHA;\n0147;ALPHA;x\n",
      ),
    });
    await page.getByRole("button", { name: "Analyser (sans rien écrire)" }).click();
    const rejets = page.locator("[data-testid=rejets-import]");
    await rejets.getByText("Le numéro est trop court.").waitFor();
    expect(await page.locator("[data-testid=rapport-import]").textContent()).toMatch(/À créer2.*Rejetées1/);
    // every column accounted for, above the counts
    expect(await page.locator("[data-testid=colonnes-import]").textContent()).toContain(
      "« Numéro » → numero",
    );
    expect(await page.locator("[data-testid=colonnes-ignorees]").textContent()).toContain("Remarque");
    // (ticked before the download: a click right after it once left the box unticked in CI)
    await page.getByLabel("Écrire les lignes valides malgré les rejets").check();
    // the refused lines, as a file to correct and import again
    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Télécharger les lignes rejetées/ }).click(),
    ]);
    const contenu = fs.readFileSync((await telechargement.path()) as string, "utf8");
    expect(contenu.replace(/^\uFEFF/, "").split(/\r?\n/)[1]).toMatch(
      /^0147;ALPHA;x;Numéro : Le numéro est trop court/,
    );
    expect(await page.getByLabel("Écrire les lignes valides malgré les rejets").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByText("Import enregistré").waitFor();
    expect(await page.locator("[data-testid=rapport-import]").textContent()).toMatch(/Créées2/);
    if (cible.nom === "pglite") await capture(page, "import");
    await page.goto(`${url}/admin/telephony/#/dids`);
    await page.getByPlaceholder("Numéro, chiffres partiels").fill("47 00 00 0");
    await expect.poll(() => page.locator("[data-testid=numero]").count()).toBe(2);
    await page.context().close();
  }, 60_000);

  it("never shows a client another client's number, even by typing its address", async () => {
    const client = await nouvellePage(navigateur);
    await connecter(client, url, "alpha", MDP);
    await client.goto(`${url}/admin/telephony/#/dids/${idB}/show`);
    // react-admin reports the 404 and goes back to the list
    await client.getByText("L'élément n'existe pas").waitFor();
    await client.waitForURL(/#\/dids(\?|$)/);
    expect(await client.content()).not.toContain("02 99 00 00 01");
    expect(await client.locator("[data-testid=titre-numero]").count()).toBe(0);
    // nor in the files it exports: its menu's Export screen, without the staff's kinds
    await client.getByRole("menuitem", { name: "Exporter" }).click();
    await client.getByText("Vos numéros, leurs affectations, vos campagnes et vos commandes").waitFor();
    expect(await client.getByText("Configurations").count()).toBe(0);
    expect(await client.getByText("Analyser (sans rien écrire)").count()).toBe(0);
    const lien = (await client.getByRole("link", { name: "CSV" }).first().getAttribute("href")) as string;
    const fichier = await client.request.get(new URL(lien, client.url()).toString());
    expect(fichier.status()).toBe(200);
    const csv = await fichier.text();
    expect(csv).toMatch(/^\uFEFF?numero;client;/);
    expect(csv).not.toContain("+33299000001");
    expect(csv).not.toContain("BETA");
    await client.context().close();
  }, 60_000);

  it("shows a client and a read-only user only the menus, buttons and figures their permissions allow", async () => {
    const menu = async (page: Page) =>
      (await page.locator(".RaMenu-open a, .RaMenu-closed a, [role=menuitem]").allTextContents()).map((t) =>
        t.trim(),
      );
    const client = await nouvellePage(navigateur);
    await connecter(client, url, "alpha", MDP);
    await client.getByTestId("tableau-de-bord").waitFor();
    await expect.poll(() => menu(client)).toContain("Mes numéros");
    const vus = await menu(client);
    expect(vus).toEqual(
      expect.arrayContaining(["Tableau de bord", "Mes numéros", "Mes commandes", "Exporter"]),
    );
    for (const cache of [
      "Affectations",
      "Configurations",
      "Routage Hermes",
      "Clients",
      "Utilisateurs",
      "Journal d'audit",
    ])
      expect(vus).not.toContain(cache);
    // its own figures: the numbers of Beta are not counted, nothing is said of Hermes
    const tableau = client.getByTestId("tableau-de-bord");
    await tableau.getByText("Numéros par statut").waitFor();
    expect(await tableau.textContent()).not.toContain("Beta Énergie");
    expect(await client.getByText("Des changements de routage").count()).toBe(0);
    await client.context().close();

    const lecteur = await nouvellePage(navigateur);
    await connecter(lecteur, url, "lecture", MDP);
    await lecteur.getByTestId("tableau-de-bord").waitFor();
    await expect.poll(() => menu(lecteur)).toContain("Routage Hermes");
    const vusL = await menu(lecteur);
    expect(vusL).toEqual(
      expect.arrayContaining(["Numéros", "Affectations", "Commandes SDA", "Journal d'audit"]),
    );
    for (const cache of ["Utilisateurs", "Clés API", "Sauvegardes"]) expect(vusL).not.toContain(cache);
    await lecteur.goto(`${url}/admin/telephony/#/dids`);
    await lecteur.locator("[data-testid=numero]").first().waitFor();
    expect(await lecteur.getByRole("link", { name: "Ajouter" }).count()).toBe(0);
    await lecteur.goto(`${url}/admin/telephony/#/hermes`);
    await lecteur.getByText("Changements de routes").waitFor();
    expect(await lecteur.getByRole("button", { name: "Publier vers Hermes" }).count()).toBe(0);
    await lecteur.context().close();
  });

  it("shows an admin the last backup and the automatic copies, and downloads one", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Sauvegardes" }).click();
    // the automatic copy taken at start
    const derniere = page.getByTestId("derniere-sauvegarde");
    await derniere.waitFor();
    expect(await derniere.textContent()).toContain("système:sauvegarde");
    expect(await page.getByText(/Toutes les 24 h dans/).count()).toBe(1);
    const copies = page.getByTestId("copies");
    await expect.poll(() => copies.locator("tbody tr").count()).toBe(1);
    const nom = ((await copies.locator("tbody tr td").first().textContent()) as string).trim();
    const [copie] = await Promise.all([
      page.waitForEvent("download"),
      copies.getByRole("link", { name: "Télécharger" }).click(),
    ]);
    expect(copie.suggestedFilename()).toBe(nom);
    expect(fs.statSync((await copie.path()) as string).size).toBeGreaterThan(1000);
    // a copy taken now, by this account: the page then says so
    const [maintenant] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger une sauvegarde maintenant" }).click(),
    ]);
    expect(maintenant.suggestedFilename()).toMatch(/^telephony-.*\.(tar\.gz|dump)$/);
    expect(fs.statSync((await maintenant.path()) as string).size).toBeGreaterThan(1000);
    await expect.poll(() => derniere.textContent(), { timeout: 10_000 }).toContain("par admin");
    await page.context().close();
  }, 60_000);

  it("captures the main screens at 1366×768", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByTestId("tableau-de-bord").getByText("Numéros par statut").waitFor();
    await page.waitForTimeout(300);
    await capture(page, "tableau-de-bord");
    await page.goto(`${url}/admin/telephony/#/dids`);
    await page.locator("[data-testid=numero]").first().waitFor();
    await capture(page, "liste-numeros");
    await page.goto(`${url}/admin/telephony/#/commandes`);
    await page.getByText("Commandes SDA — file de traitement").waitFor();
    await capture(page, "file-commandes");
    await page.context().close();
  });
});
