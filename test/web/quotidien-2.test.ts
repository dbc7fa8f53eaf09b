import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, MDP, serveurWeb } from "../helpers/serveur-web.js";

// The extranet's second round of daily use (issue #29), in a browser set to English and New York time: what the
// screen shows must be French and Paris time whatever the browser says.
const ANGLAIS_NY = { locale: "en-US", fuseau: "America/New_York" } as const;
const TAILLES = [
  [1366, 768],
  [1920, 1080],
] as const;

describe.each(CIBLES.filter((c) => c.nom === "pglite"))("the extranet, round two ($nom)", (cible) => {
  let navigateur: Browser;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let admin: Awaited<ReturnType<typeof sessionApi>>;
  let client: number;
  let campagne: number;
  let numeroAffecte: number;

  const page = async (login = "admin", mdp = ADMIN, taille: readonly [number, number] = [1366, 768]) => {
    const p = await nouvellePage(navigateur, { ...ANGLAIS_NY, largeur: taille[0], hauteur: taille[1] });
    await connecter(p, url, login, mdp);
    return p;
  };

  beforeAll(async () => {
    navigateur = await lancerNavigateur();
    srv = await serveurWeb(cible, { demo: 120, env: { CLIENT_REBILLING: "1" } });
    url = srv.s.url;
    admin = await sessionApi(url, "admin", ADMIN);
    client = (await admin<{ id: number }>("POST", "/clients", { code: "ZOMEGA", nom: "Zeta Omega" })).id;
    await admin("POST", "/utilisateurs", {
      login: "omega",
      nom: "Olga Omega",
      role: "client",
      client_id: client,
      mot_de_passe: MDP,
    });
    campagne = (
      await admin<{ id: number }>("POST", "/campagnes", {
        client_id: client,
        code: "OMEGA-RELANCE",
        nom: "Omega relance",
        hermes_id: "9301",
      })
    ).id;
    numeroAffecte = (await admin<{ id: number }>("POST", "/dids", { numero: "01 93 00 00 01" })).id;
    await admin("POST", `/dids/${numeroAffecte}/actions/affecter`, { client_id: client });
    await admin("POST", "/affectations", { did_id: numeroAffecte, campaign_id: campagne });
  }, 240_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
  });

  it("(1) lets a number form be corrected after a duplicate, the error beside the number", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/dids/create`);
    const champ = p.locator("input[name=numero]");
    await champ.fill("01 93 00 00 01");
    await p.getByRole("button", { name: "Enregistrer" }).click();
    await p.getByText("Ce numéro existe déjà dans l'inventaire.").first().waitFor();
    await champ.fill("01 93 00 00 02");
    await p.getByRole("button", { name: "Enregistrer" }).click();
    await p.getByTestId("titre-numero").waitFor();
    expect(await p.getByTestId("titre-numero").textContent()).toBe("01 93 00 00 02");
    await p.context().close();
  }, 60_000);

  it("(2) offers only the actions a selection allows, and names each refused number with its reason", async () => {
    const ids: number[] = [];
    for (const n of ["01 93 00 01 01", "01 93 00 01 02", "01 93 00 01 03"])
      ids.push((await admin<{ id: number }>("POST", "/dids", { numero: n })).id);
    await admin("POST", `/dids/${ids[2]}/actions/resilier`, { motif: "essai" });
    const p = await page();
    await p.goto(
      `${url}/admin/telephony/#/dids?filter=${encodeURIComponent(JSON.stringify({ q: "0193000 1" }))}`,
    );
    await expect.poll(() => p.locator("[data-testid=numero]").count()).toBe(3);
    await p.locator("thead input[type=checkbox]").check();
    await p.getByRole("button", { name: "Changer le statut…" }).click();
    // nothing in this selection can be marked delivered; one of three can be reactivated
    expect(await p.getByRole("menuitem", { name: /Marquer livré/ }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    await p.getByRole("menuitem", { name: "Réactiver (possible pour 1 sur 3)" }).click();
    await p.getByRole("button", { name: "Confirmer" }).click();
    const refus = p.getByTestId("refus-en-masse");
    await refus.waitFor();
    const texte = (await refus.textContent()) as string;
    expect(texte).toContain("2 numéro(s)");
    expect(texte).toContain("01 93 00 01 01 :");
    expect(texte).toContain("01 93 00 01 02 :");
    expect(texte).not.toMatch(/\+33|n° \d/);
    await p.context().close();
  }, 60_000);

  it("(#26) says the limit of a bulk action when a selection is larger than the API takes", async () => {
    for (const n of ["01 93 00 02 01", "01 93 00 02 02"]) await admin("POST", "/dids", { numero: n });
    const p = await page();
    // a selection of 6,000 numbers: the request the dialog sends is given that many ids on its way to the real API
    await p.route("**/api/v1/dids/actions/resilier", async (route) => {
      const corps = JSON.parse(route.request().postData() ?? "{}");
      await route.continue({
        postData: JSON.stringify({ ...corps, ids: Array.from({ length: 6000 }, (_, i) => i + 1) }),
      });
    });
    await p.goto(
      `${url}/admin/telephony/#/dids?filter=${encodeURIComponent(JSON.stringify({ q: "0193000 2" }))}`,
    );
    await expect.poll(() => p.locator("[data-testid=numero]").count()).toBe(2);
    await p.locator("thead input[type=checkbox]").check();
    await p.getByRole("button", { name: "Changer le statut…" }).click();
    await p.getByRole("menuitem", { name: /^Résilier/ }).click();
    await p.getByRole("button", { name: "Confirmer" }).click();
    await p.getByText("Au plus 5000 éléments par requête : envoyez la liste en plusieurs fois.").waitFor();
    await p.context().close();
  }, 60_000);

  it("(3) states what a destructive action ends, in the app's own dialog", async () => {
    const vus: string[] = [];
    await admin("POST", "/hermes/publication", { motif: "essai" });
    for (const taille of TAILLES) {
      const p = await page("admin", ADMIN, taille);
      p.on("dialog", (d) => {
        vus.push(d.message());
        void d.dismiss();
      });
      // a termination says which running campaign stops at once
      await p.goto(`${url}/admin/telephony/#/dids/${numeroAffecte}/show`);
      await p.getByRole("button", { name: "Résilier" }).first().click();
      const campagnes = p.getByTestId("campagnes-arretees");
      await campagnes.waitFor();
      expect(await campagnes.textContent()).toContain("OMEGA-RELANCE");
      await capture(p, `quotidien2-resilier-${taille[0]}`);
      await p.getByRole("button", { name: "Annuler" }).click();
      // ending an assignment
      await p.goto(`${url}/admin/telephony/#/affectations`);
      await p.getByRole("button", { name: "Terminer" }).first().click();
      const confirmation = p.getByTestId("confirmation");
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toContain("OMEGA-RELANCE");
      await capture(p, `quotidien2-terminer-${taille[0]}`);
      await p.getByRole("button", { name: "Annuler" }).click();
      // restoring a routing file
      await p.goto(`${url}/admin/telephony/#/hermes`);
      await p.getByRole("button", { name: "Restaurer" }).first().click();
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toMatch(/réécrit tel qu'il était en version \d+/);
      // with the routes it brings back, removes and changes, counted as Publier counts them
      const routes = p.getByTestId("restauration-routes");
      await routes.getByTestId("changements-routes").waitFor();
      expect(await routes.textContent()).toMatch(
        /Par rapport à la version \d+ déployée : \d+ routes? rétablies?, \d+ routes? retirées?, \d+ routes? modifiées?/,
      );
      await capture(p, `quotidien2-restaurer-${taille[0]}`);
      await p.getByRole("button", { name: "Annuler" }).click();
      await p.context().close();
    }
    // never the browser's own confirm()
    expect(vus).toEqual([]);
  }, 120_000);

  it("(4) shows a last login in Paris time, 24-hour, in a New York browser", async () => {
    const p = await page();
    const moi = await admin<{ data: Array<{ login: string; derniere_connexion: string }> }>(
      "GET",
      "/utilisateurs",
    );
    const derniere = moi.data.find((u) => u.login === "admin")?.derniere_connexion as string;
    const attendu = new Date(derniere).toLocaleString("fr-FR", {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Paris",
    });
    await p.goto(`${url}/admin/telephony/#/utilisateurs`);
    await p.locator("tbody tr").first().waitFor();
    const ligne = p.locator("tbody tr", { hasText: "Administrateur" });
    expect(await ligne.textContent()).toContain(attendu);
    expect(await p.locator("tbody").textContent()).not.toMatch(/\b(AM|PM)\b/);
    await p.context().close();
  }, 60_000);

  it("(5) takes opening hours as 24-hour hh:mm, never the browser's AM/PM field", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/configs/create`);
    const ouverture = p.locator("input[name='config.horaires.lundi.debut']");
    await ouverture.waitFor();
    expect(await ouverture.getAttribute("type")).toBe("text");
    await ouverture.fill("08:30");
    await p.locator("input[name='config.horaires.lundi.fin']").fill("18:30");
    expect(await ouverture.inputValue()).toBe("08:30");
    await p.locator("input[name='config.horaires.mardi.debut']").fill("8h");
    await p.locator("input[name='config.horaires.mardi.debut']").blur();
    await p.getByRole("button", { name: "Enregistrer" }).click();
    await p.getByText("Heure sur 24 h attendue : hh:mm (ex. 08:30)").first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees
    expect(await p.evaluate(() => document.body.innerText)).not.toMatch(/\b(AM|PM)\b/);
    await p.context().close();
  }, 60_000);

  it("(10) gives a client its own dashboard, and leaves the company's rows out of its pages", async () => {
    const types = await admin<{ data: Array<{ id: number; code: string }> }>("GET", "/types-did");
    const geo = types.data.find((t) => t.code === "GEO")?.id;
    await admin("POST", "/commandes", { client_id: client, type_did_id: geo, quantite: 4 });
    for (const taille of TAILLES) {
      const p = await page("omega", MDP, taille);
      const tableau = p.getByTestId("tableau-de-bord");
      await tableau.getByText("Numéros par campagne").waitFor();
      await p.getByTestId("vos-commandes").locator("tbody tr").first().waitFor();
      await p.getByTestId("releve-du-mois").waitFor();
      const texte = (await tableau.textContent()) as string;
      expect(texte).toContain("Omega relance");
      expect(texte).toContain("0 livré(s) sur 4");
      for (const interne of [
        "Stock libre",
        "Réutilisables sous 30 jours",
        "Par client",
        "Commandes à traiter",
      ])
        expect(texte).not.toContain(interne);
      await capture(p, `quotidien2-tableau-client-${taille[0]}`);
      await p.context().close();
    }
    const p = await page("omega", MDP);
    await p.goto(`${url}/admin/telephony/#/dids/${numeroAffecte}/show`);
    await p.getByTestId("titre-numero").waitFor();
    // every part of the page loaded, « À une date » and the history included, before it is read
    await p.getByTestId("a-l-instant").getByText("Campagne entrante").waitFor();
    await p.getByTestId("historique").getByTestId("evenement").first().waitFor();
    await p.waitForLoadState("networkidle");
    const fiche = (await p.locator("main").textContent()) as string;
    for (const interne of ["Coût mensuel", "Opérateur", "Équipement", "Frais de mise en service", "Tranche"])
      expect(fiche).not.toContain(interne);
    // the history names the client, not its id
    expect(fiche).toContain("Client : — → Zeta Omega");
    await p.context().close();
  }, 120_000);

  it("(13) reports every line of a call-record import, an unknown number named, and says which columns it reads", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/dormants`);
    expect(await p.getByTestId("colonnes-attendues").textContent()).toContain("numero, date_heure, sens");
    const csv = [
      "numero;date_heure;sens;repondu;duree",
      "0193000001;2026-12-01 09:00;entrant;oui;60",
      "0193000001;2026-12-01 10:00;entrant;oui;30",
      "0193000001;2026-12-02 11:00;sortant;non;0",
      "0193000001;2026-12-03 12:00;entrant;oui;45",
      "0199999999;2026-12-03 12:30;entrant;oui;20",
    ].join("\n");
    await p
      .locator("input[type=file]")
      .setInputFiles({ name: "appels.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const importer = p.getByRole("button", { name: "Importer les appels" });
    await expect.poll(() => importer.isEnabled()).toBe(true);
    await importer.click();
    const resultat = p.getByTestId("resultat-appels");
    await resultat.waitFor();
    const texte = (await resultat.textContent()) as string;
    expect(texte).toContain("5 ligne(s) lue(s), 4 appel(s) attribué(s)");
    expect(texte).toContain("01 99 99 99 99 : absent de l'inventaire");
    await p.context().close();
  }, 60_000);

  it("(17) reads a day alone at « Qui le présentait », and never shows an answer beside another date", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/dids/${numeroAffecte}/show`);
    const champ = p.getByLabel("À une date (jj/mm/aaaa hh:mm, heure de Paris)");
    await champ.waitFor();
    await p.getByTestId("etat-a-l-instant").waitFor();
    await champ.fill("03/12/2026");
    // the previous answer goes as soon as the field says another date
    await p.getByTestId("a-l-instant-perime").waitFor();
    expect(await p.getByTestId("etat-a-l-instant").count()).toBe(0);
    await p.getByText("Lu comme le 03/12/2026 23:59, fin de la journée").waitFor();
    const chercher = p.getByRole("button", { name: "Chercher" });
    expect(await chercher.isEnabled()).toBe(true);
    await chercher.click();
    await p.getByText("Qui le présentait le 03/12/2026 23:59").waitFor();
    await champ.fill("2026-12-03");
    await p.getByText("Lu comme le 03/12/2026 23:59, fin de la journée").waitFor();
    await champ.fill("n'importe quoi");
    await p.getByText("Date attendue : jj/mm/aaaa hh:mm, ou jj/mm/aaaa seule (fin de journée)").waitFor();
    expect(await chercher.isEnabled()).toBe(false);
    await p.context().close();
  }, 60_000);

  it("(6, 19) an order: a comment labelled as one, a refused delivery beside the form in words", async () => {
    const types = await admin<{ data: Array<{ id: number; code: string }> }>("GET", "/types-did");
    const geo = types.data.find((t) => t.code === "GEO")?.id;
    const operateurs = await admin<{ data: Array<{ id: number; code: string }> }>("GET", "/operateurs");
    const cmd = await admin<{ id: number }>("POST", "/commandes", {
      client_id: client,
      type_did_id: geo,
      quantite: 2,
      prefixe_souhaite: "0193",
    });
    for (const [action, corps] of [
      ["soumettre", {}],
      ["valider", {}],
      [
        "demarrer",
        {
          reference_operateur: "OP-1",
          operateur_id: operateurs.data[0]?.id,
          cout_mensuel: 1,
          cout_mise_en_service: 0,
        },
      ],
    ] as const)
      await admin("POST", `/commandes/${cmd.id}/actions/${action}`, corps);
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/commandes/${cmd.id}/show`);
    // a person's comment is a comment, not an « Information » like the workflow's events
    await p.getByLabel("Ajouter un commentaire").fill("Pouvez-vous confirmer la date ?");
    await p.getByRole("button", { name: "Envoyer" }).click();
    await p.getByText("Pouvez-vous confirmer la date ?").waitFor();
    const fil = (await p.getByText("Pouvez-vous confirmer la date ?").locator("..").textContent()) as string;
    expect(fil).toContain("Commentaire");
    // the person by name, not by login
    expect(fil).toContain("Administrateur");
    // a number already held: the reason beside the form, in national form, without a row id or a status code
    await p.getByTestId("saisie-livraison").fill("01 93 00 00 01\n01 93 00 09 01");
    await p.getByRole("button", { name: "Prévisualiser" }).click();
    const refus = p.getByTestId("refus-livraison");
    await refus.waitFor();
    const texte = (await refus.textContent()) as string;
    expect(texte).toContain("01 93 00 00 01 : Déjà dans l'inventaire (utilisé, client Zeta Omega)");
    expect(texte).not.toMatch(/n°\d|\+33|UTILISE/);
    await p.context().close();
  }, 90_000);

  it("(12, 15) reads « 12/2026 » as a month, says the current month is an estimate, and keeps « 1,20 € »", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/couts`);
    const mois = p.getByLabel("Mois (mm/aaaa)");
    await mois.waitFor();
    const courant = new Intl.DateTimeFormat("fr-FR", {
      month: "2-digit",
      year: "numeric",
      timeZone: "Europe/Paris",
    }).format(new Date());
    expect(await mois.inputValue()).toBe(courant);
    await p.getByTestId("couts-estimation").waitFor();
    await mois.fill("11/2026");
    await p
      .getByTestId("total-couts")
      .getByText(/novembre 2026/)
      .waitFor();
    expect(await p.getByTestId("couts-estimation").count()).toBe(0);
    // an amount with a comma, in an English browser
    await p.goto(`${url}/admin/telephony/#/dids/${numeroAffecte}/edit`);
    const cout = p.getByLabel("Coût mensuel (€)");
    await cout.waitFor();
    await cout.fill("1,20");
    await p.getByRole("button", { name: "Enregistrer" }).click();
    await p.getByTestId("titre-numero").waitFor();
    await expect
      .poll(async () => (await admin<{ cout_mensuel: number }>("GET", `/dids/${numeroAffecte}`)).cout_mensuel)
      .toBe(1.2);
    await p.context().close();
  }, 60_000);

  it("(22) counts the matches beside the search, and keeps a filtered list as a named view", async () => {
    const p = await page();
    await p.goto(`${url}/admin/telephony/#/dids`);
    await p.getByTestId("recherche-numero").fill("0193000");
    const api = await admin<{ total: number }>("GET", "/dids?q=0193000&par_page=1");
    expect(api.total).toBeGreaterThan(0);
    await expect
      .poll(() => p.getByTestId("compte-recherche").textContent())
      .toBe(`${api.total} numéro${api.total > 1 ? "s" : ""}`);
    expect(await p.locator("[data-testid=numero]").count()).toBe(api.total);
    await p.getByRole("button", { name: "Ajouter un filtre" }).click();
    await p.getByRole("menuitem", { name: "Enregistrer cette vue…" }).click();
    await p.getByLabel("Nom de la vue").fill("Bloc 01 93");
    await p.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
    // another day: the list opens bare, the view brings the search back
    await p.goto(`${url}/admin/telephony/#/dids?filter=${encodeURIComponent("{}")}`);
    await p.getByRole("button", { name: "Ajouter un filtre" }).click();
    await p.getByRole("menuitem", { name: "Bloc 01 93" }).click();
    await expect.poll(() => p.getByTestId("recherche-numero").inputValue()).toBe("0193000");
    await p.context().close();
  }, 60_000);
});
