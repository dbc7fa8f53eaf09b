/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, MDP, serveurWeb } from "../helpers/serveur-web.js";

// Issue #30 in the extranet: the port-in form and its preview, the switches' calendar, the detail page's checklist,
// as staff and as a client.
describe.each(CIBLES)("porting in Chromium ($nom)", (cible) => {
  let navigateur: Browser;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let confirmee: { id: number; reference: string };
  // a switch tomorrow at 08:00 Paris (the calendar opens on the current month: the next one if tomorrow is in it)
  const jourParis = (d: Date) =>
    new Intl.DateTimeFormat("fr-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(d);
  const jourBascule = jourParis(new Date(Date.now() + 86_400_000));
  const moisSuivant = jourBascule.slice(0, 7) !== jourParis(new Date()).slice(0, 7);

  beforeAll(async () => {
    navigateur = await lancerNavigateur();
    srv = await serveurWeb(cible);
    url = srv.s.url;
    const admin = await sessionApi(url, "admin", ADMIN);
    const kappa = await admin<{ id: number }>("POST", "/clients", { code: "KAPPA", nom: "Kappa Mutuelle" });
    const lambda = await admin<{ id: number }>("POST", "/clients", { code: "LAMBDA", nom: "Lambda Energie" });
    await admin("POST", "/utilisateurs", {
      login: "kappa",
      nom: "Karl Kappa",
      role: "client",
      client_id: kappa.id,
      mot_de_passe: MDP,
    });
    await admin("POST", "/campagnes", { client_id: kappa.id, code: "KAPPA-ACCUEIL", nom: "Accueil Kappa" });
    await admin("POST", "/dids", { numero: "0142790009", client_id: lambda.id });
    await admin("POST", "/campagnes", { client_id: lambda.id, code: "LAMBDA-SAV", nom: "SAV Lambda" });
    const operateurs = await admin<{ data: Array<{ id: number; code: string }> }>(
      "GET",
      "/operateurs?par_page=50",
    );
    const sfr = operateurs.data.find((o) => o.code === "SFR")?.id as number;
    // one of Lambda's, confirmed for the 28th: the calendar shows it to staff, never to Kappa
    const d = await admin<{ id: number; reference: string; numeros: Array<{ id: number }> }>(
      "POST",
      "/portabilites",
      {
        client_id: lambda.id,
        operateur_donneur: "Orange",
        operateur_id: sfr,
        numeros: [{ numero: "0142790101-0142790102" }],
      },
    );
    const pdf = await fetch(`${url}/api/v1/portabilites/${d.id}/mandat`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await cleAdmin()}`, "content-type": "application/pdf" },
      body: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    expect(pdf.status, await pdf.text()).toBe(200);
    await admin("POST", `/portabilites/${d.id}/actions/soumettre`, {});
    await admin("POST", `/portabilites/${d.id}/actions/confirmer`, { bascule_le: `${jourBascule}T08:00` });
    confirmee = d;

    async function cleAdmin() {
      const c = await admin<{ cle: string }>("POST", "/cles-api", { nom: "test-portabilite", role: "admin" });
      return c.cle;
    }
  }, 180_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
  });

  it("shows staff the switches' calendar, a request's preview before saving it, and each number's checklist", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Portabilités" }).click();
    const calendrier = page.getByTestId("calendrier");
    if (moisSuivant) await page.getByRole("button", { name: "Mois suivant" }).click();
    await calendrier
      .locator(`[data-jour="${jourBascule}"]`)
      .getByText(`08:00 ${confirmee.reference} (2)`)
      .waitFor();
    await capture(page, "portabilite-calendrier");
    await page.getByRole("link", { name: "Nouvelle demande" }).click();
    await page.getByRole("combobox", { name: "Client" }).click();
    await page.getByRole("option", { name: "Kappa Mutuelle" }).click();
    await page.getByLabel("Opérateur donneur (qui a les numéros aujourd'hui)").fill("Bouygues Telecom");
    await page.getByRole("combobox", { name: "Opérateur receveur (le nôtre)" }).click();
    await page.getByRole("option", { name: "SFR" }).click();
    await page.getByLabel("Numéros à porter").fill("01 42 79 02 01\n0142790009\n0142790101");
    await page.getByRole("button", { name: "Aperçu des numéros" }).click();
    const apercu = page.getByTestId("apercu");
    await apercu.waitFor();
    const classes = await apercu
      .locator("tbody tr")
      .evaluateAll((l) => l.map((tr) => tr.getAttribute("data-classe")));
    expect(classes).toEqual(["NOUVEAU", "AUTRE_CLIENT", "EN_COURS"]);
    // staff are told who holds it
    await apercu.getByText("Détenu par Lambda Energie").waitFor();
    await apercu.getByText("1 numéro(s) peuvent être portés, 2 refusé(s)").waitFor();
    await capture(page, "portabilite-apercu");
    await page.getByLabel("Numéros à porter").fill("01 42 79 02 01");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page
      .getByText(/POR-\d{4}-\d{5}/)
      .first()
      .waitFor();
    const ligne = page.getByTestId("numeros-portabilite").locator('[data-numero="0142790201"]');
    await ligne.getByText("En attente").waitFor();
    // the confirmed request: per-number readiness, and what staff may do next
    await page.goto(`${url}/admin/telephony/#/portabilites/${confirmee.id}/show`);
    await page
      .getByTestId("numeros-portabilite")
      .getByText("0 sur 2 prêt(s) à router à la bascule")
      .waitFor();
    await page.getByRole("button", { name: "Déplacer la bascule" }).waitFor();
    await page.getByRole("button", { name: "Rejeter des numéros" }).waitFor();
    // one number prepared: its type from its digits, its inbound campaign: ready to route
    await page.locator('[data-numero="0142790101"]').getByRole("button", { name: "Préparer" }).click();
    await page.getByRole("combobox", { name: "Campagne entrante" }).click();
    await page.getByRole("option", { name: "LAMBDA-SAV — SAV Lambda" }).click();
    await page.getByLabel("Coût mensuel (€ HT)").fill("1,20");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page
      .getByTestId("numeros-portabilite")
      .getByText("1 sur 2 prêt(s) à router à la bascule")
      .waitFor();
    expect(await page.locator('[data-numero="0142790101"] td').nth(8).innerText()).toBe("Oui");
    await capture(page, "portabilite-detail");
  });

  it("lets a client create and follow its own requests, and nothing more", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "kappa", MDP);
    await page.getByRole("menuitem", { name: "Mes portabilités" }).click();
    const calendrier = page.getByTestId("calendrier");
    await calendrier.waitFor();
    // another client's switch is not on its calendar, nor its request in its list
    await page.getByText("Bascules de").waitFor();
    expect(await calendrier.getByText(confirmee.reference).count()).toBe(0);
    await page.getByRole("link", { name: "Nouvelle demande" }).click();
    expect(await page.getByRole("combobox", { name: "Client" }).count()).toBe(0);
    await page.getByLabel("Opérateur donneur (qui a les numéros aujourd'hui)").fill("Free");
    await page.getByRole("combobox", { name: "Opérateur receveur (le nôtre)" }).click();
    await page.getByRole("option", { name: "SFR" }).click();
    await page.getByLabel("Numéros à porter").fill("0142790301-0142790302\n0142790009");
    await page.getByRole("button", { name: "Aperçu des numéros" }).click();
    const apercu = page.getByTestId("apercu");
    await apercu.waitFor();
    const classes = await apercu
      .locator("tbody tr")
      .evaluateAll((l) => l.map((tr) => tr.getAttribute("data-classe")));
    expect(classes).toEqual(["NOUVEAU", "NOUVEAU", "AUTRE_CLIENT"]);
    // a client is not told which client holds it
    expect(await apercu.getByText("Lambda").count()).toBe(0);
    await capture(page, "portabilite-apercu-client");
    await page.getByLabel("Numéros à porter").fill("0142790301-0142790302");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByTestId("numeros-portabilite").getByText("0142790302").waitFor();
    await page.getByRole("button", { name: "Soumettre" }).waitFor();
    expect(await page.getByRole("button", { name: /Confirmer la bascule|Rejeter/ }).count()).toBe(0);
    await page.getByRole("menuitem", { name: "Mes portabilités" }).click();
    // its own two (the one staff made for it, and this one), no other client's
    await page.getByText("1-2 sur 2").waitFor();
    expect(await page.getByText(confirmee.reference).count()).toBe(0);
  });

  it("records a port-out from its form, then calls it off", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.getByRole("menuitem", { name: "Portabilités" }).click();
    await page.getByRole("link", { name: "Portabilités sortantes" }).click();
    await page.getByRole("link", { name: "Enregistrer une portabilité sortante" }).click();
    await page.getByRole("combobox", { name: "Client qui part" }).click();
    await page.getByRole("option", { name: "Lambda Energie" }).click();
    await page.getByLabel("Nouvel opérateur").fill("Free");
    const [a, m, j] = jourBascule.split("-");
    await page.getByLabel("Date et heure de la portabilité").fill(`${j}/${m}/${a} 18:00`);
    await page.getByLabel("Numéros qui partent (un par ligne)").fill("01 42 79 00 09");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    const ligne = page.locator(".RaDatagrid-row", { hasText: "Lambda Energie" });
    await ligne.getByText("Prévue").waitFor();
    expect(await ligne.innerText()).toContain(`${j}/${m}/${a} 18:00`);
    await capture(page, "portabilite-sortantes");
    await ligne.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("button", { name: "Annuler la portabilité" }).click();
    await ligne.getByText("Annulée").waitFor();
  });
});
