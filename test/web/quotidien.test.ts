import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, MDP, serveurWeb } from "../helpers/serveur-web.js";

// What a telephony administrator tripped over in a day's use of the extranet (issue #16): each point checked
// in Chromium on what the screen shows, boxes measured rather than eyed.

type Boite = { x: number; y: number; width: number; height: number };
const chevauche = (a: Boite, b: Boite) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;
const boite = async (l: Locator) => (await l.boundingBox()) as Boite;

/** Elements whose content is wider than their box (cut off or scrolling sideways), inside `portee`. */
async function coupes(page: Page, selecteur: string) {
  return page.evaluate((sel) => {
    const vus: string[] = [];
    for (const e of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0) continue;
      // the table itself, and every box around it up to the page, shows it whole
      let parent: HTMLElement | null = e;
      while (parent && parent !== document.body) {
        if (parent.scrollWidth > parent.clientWidth + 1 && getComputedStyle(parent).overflowX !== "visible") {
          vus.push(
            `${sel} dans ${parent.tagName}.${parent.className.toString().slice(0, 60)} (${parent.scrollWidth} > ${parent.clientWidth})`,
          );
          break;
        }
        parent = parent.parentElement;
      }
      if (r.right > window.innerWidth + 1)
        vus.push(`${sel} déborde à droite (${Math.round(r.right)} > ${window.innerWidth})`);
    }
    return vus;
  }, selecteur);
}

/** Pairs of chart labels or table header cells drawn over each other. */
async function superpositions(page: Page, selecteur: string) {
  return page.evaluate((sel) => {
    const boites = Array.from(document.querySelectorAll<Element>(sel))
      .map((e) => ({ t: e.textContent ?? "", r: e.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    const vus: string[] = [];
    for (let i = 0; i < boites.length; i++)
      for (let j = i + 1; j < boites.length; j++) {
        const a = boites[i] as (typeof boites)[number];
        const b = boites[j] as (typeof boites)[number];
        if (
          a.r.left < b.r.right - 0.5 &&
          b.r.left < a.r.right - 0.5 &&
          a.r.top < b.r.bottom - 0.5 &&
          b.r.top < a.r.bottom - 0.5
        )
          vus.push(`« ${a.t} » / « ${b.t} »`);
      }
    return vus;
  }, selecteur);
}

// Words react-admin, MUI or the code leave in English when a translation or a label is missing.
const ANGLAIS =
  /\b(AM|PM|Search|Filters?|Add filter|Remove all filters|Columns|Save|Delete|Cancel|Rows per page|No results|Loading|Create|Edit|Show|Refresh|Export|Select all|Close|Confirm|Undo|Dashboard|Logout|Profile|Settings|Toggle|Region|Operateur|Equipement|Campaign|Groupement_id|items? selected|of \d+|Next|Previous|Required|Invalid|true|false|null|undefined|NaN)\b/;

// The product's own codes, which the screens show by their French label: a status, an urgency, a carrier type, a
// version type, a comment type, a basis, a direction, an audit action. Any word in capitals joined by « _ »
// (EN_COURS, A_RECLAMER, CLE_API) is one too. Data codes people chose (a client's, a campaign's, a configuration's)
// are not: they are read from the API and allowed, as are the French words and acronyms below.
const CODES_PRODUIT = [
  "COMMANDE",
  "DISPONIBLE",
  "AFFECTE",
  "UTILISE",
  "RESILIE",
  "BROUILLON",
  "SOUMISE",
  "VALIDEE",
  "LIVREE",
  "REJETEE",
  "ANNULEE",
  "URGENTE",
  "HAUTE",
  "NORMALE",
  "BASSE",
  "TRADITIONNEL",
  "HYBRIDE",
  "VOIP",
  "PUBLICATION",
  "RESTAURATION",
  "INFO",
  "VALIDATION",
  "REJET",
  "LIVRAISON",
  "COMMENTAIRE",
  "CONTRAT",
  "MANDAT",
  "SOCIETE",
  "ENTRANT",
  "SORTANT",
  "CREATION",
  "MODIFICATION",
  "SUPPRESSION",
  "UTILISATEUR",
  "SYSTEME",
  "AJOUT",
  "RETRAIT",
  "MODIFIE",
  "CONFORME",
  "ABSENT",
  "INCONNU",
];
/** Screens that administer the codes themselves: each row shows its code beside its label. */
const ECRANS_DE_CODES = [
  "#/statuts-did",
  "#/statuts-commande",
  "#/types-did",
  "#/regions",
  "#/indicatifs",
  "#/operateurs",
  "#/equipements",
  "#/clouds",
];
/** The settings an administrator is told to set (BACKUP_DIR…): written as they must be typed. */
const REGLAGES = new Set(
  [
    ...fs
      .readFileSync(path.join(import.meta.dirname, "../../deploy/api-telephony.env.example"), "utf8")
      .matchAll(/^#?\s*([A-Z_]{3,})=/gm),
  ].map((m) => m[1] as string),
);
/** Capitals that are French words or acronyms people read as such. */
const MAJUSCULES_FRANCAISES = new Set([
  "SDA",
  "CSV",
  "XLSX",
  "JSON",
  "API",
  "PDF",
  "SHA",
  "RIO",
  "NPV",
  "ARCEP",
  "TVA",
  "HT",
  "TTC",
  "FR",
  "IP",
  "URL",
  "SIREN",
  "SIRET",
  "OK",
]);
function codesBruts(ligne: string, donnees: Set<string>): string[] {
  const vus: string[] = [];
  for (const mot of ligne.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{2,}\b/g) ?? []) {
    if (donnees.has(mot) || MAJUSCULES_FRANCAISES.has(mot) || REGLAGES.has(mot)) continue;
    if (mot.includes("_") || CODES_PRODUIT.includes(mot)) vus.push(mot);
  }
  return vus;
}

// What these tests check is the screen: the embedded database is enough, and keeps CI's time in bounds. The same
// screens run on PostgreSQL in extranet.test.ts, and the API behind them on both databases (test/api/quotidien.test.ts).
describe.each(CIBLES.filter((c) => c.nom === "pglite"))("the extranet for daily use ($nom)", (cible) => {
  let navigateur: Browser;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let admin: Awaited<ReturnType<typeof sessionApi>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    navigateur = await lancerNavigateur();
    srv = await serveurWeb(cible, { demo: 400 });
    url = srv.s.url;
    admin = await sessionApi(url, "admin", ADMIN);
    const alpha = await admin<{ id: number }>("POST", "/clients", { code: "ZALPHA", nom: "Zeta Alpha" });
    const beta = await admin<{ id: number }>("POST", "/clients", { code: "ZBETA", nom: "Zeta Beta" });
    ids.alpha = alpha.id;
    ids.beta = beta.id;
    // the same groupement name at both clients, as in real life
    ids.siegeAlpha = (
      await admin<{ id: number }>("POST", "/groupements", {
        client_id: alpha.id,
        code: "SIEGE",
        libelle: "Siège",
      })
    ).id;
    ids.siegeBeta = (
      await admin<{ id: number }>("POST", "/groupements", {
        client_id: beta.id,
        code: "SIEGE",
        libelle: "Siège",
      })
    ).id;
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
      client_id: alpha.id,
      mot_de_passe: MDP,
    });
  }, 240_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
  });

  it("names the product on the login page", async () => {
    const page = await nouvellePage(navigateur);
    await page.goto(`${url}/admin/telephony/#/login`);
    expect(await page.getByTestId("nom-produit").textContent()).toBe("API Telephony");
    await page.context().close();
  });

  it("labels every number filter in French, shows French numbers in national form, sorted and highlighted", async () => {
    await admin("POST", "/dids", { numero: "+262 262 30 06 66" });
    await admin("POST", "/dids", { numero: "01 99 30 06 66" });
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/dids`);
    await page.locator("[data-testid=numero]").first().waitFor();
    await page.getByRole("button", { name: "Ajouter un filtre" }).click();
    const filtres = page.locator(".MuiPopover-paper [role=menuitemcheckbox]");
    await filtres.first().waitFor();
    const menu = (await filtres.allTextContents()).map((t) => t.trim());
    expect(menu).toEqual(expect.arrayContaining(["Région", "Opérateur", "Équipement", "Campagne"]));
    for (const t of menu) expect(t).not.toMatch(/^(Region|Operateur|Equipement|Campaign)$/);
    await page.keyboard.press("Escape");
    // the carrier column by default, not the E.164 form a second time
    const entetes = (await page.locator("thead th").allTextContents()).map((t) => t.trim());
    expect(entetes).toContain("Opérateur");
    expect(entetes).not.toContain("E.164");
    await page.getByTestId("recherche-numero").fill("30 06 66");
    await expect.poll(() => page.locator("[data-testid=numero]").count()).toBe(2);
    // 01… before 02 62…, both in national form, the digits searched for highlighted
    expect(await page.locator("[data-testid=numero]").allTextContents()).toEqual([
      "01 99 30 06 66",
      "0262 30 06 66",
    ]);
    expect(await page.getByTestId("chiffres-trouves").allTextContents()).toEqual(["30 06 66", "30 06 66"]);
    // the search box shows its whole hint
    const champ = page.getByTestId("recherche-numero");
    await champ.fill("");
    const place = await champ.evaluate((e: HTMLInputElement) => {
      const c = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      const st = getComputedStyle(e);
      c.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      return {
        texte: c.measureText(e.placeholder).width,
        boite: e.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight),
      };
    });
    expect(place.texte).toBeLessThanOrEqual(place.boite);
    await page.context().close();
  }, 90_000);

  it("clears the selection after a bulk action, and keeps its toolbar off the search box", async () => {
    for (const n of ["01 98 00 00 01", "01 98 00 00 02", "01 98 00 00 03"])
      await admin("POST", "/dids", { numero: n });
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/dids`);
    // two filters shown: the list's toolbar is at its tallest
    for (const f of ["Région", "Opérateur"]) {
      await page.getByRole("button", { name: "Ajouter un filtre" }).click();
      await page.locator(".MuiPopover-paper [role=menuitemcheckbox]", { hasText: f }).first().click();
      await page.keyboard.press("Escape");
    }
    await page.getByTestId("recherche-numero").fill("01 98 00 00 0");
    await expect.poll(() => page.locator("[data-testid=numero]").count()).toBe(3);
    // past the filter form's own delayed write: the search must still hold
    await page.waitForTimeout(1500);
    await expect.poll(() => page.locator("[data-testid=numero]").count()).toBe(3);
    await page.locator("thead input[type=checkbox]").check();
    const barre = page.locator(".RaBulkActionsToolbar-toolbar");
    await barre.getByText(/sélectionné/).waitFor();
    await page.waitForTimeout(400);
    expect(chevauche(await boite(barre), await boite(page.getByTestId("recherche-numero")))).toBe(false);
    await barre.getByRole("button", { name: "Changer le statut…" }).click();
    await page.getByRole("menuitem", { name: "Résilier" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await page.getByText("Action appliquée à 3 numéros.").waitFor();
    await expect.poll(() => page.locator('[data-statut="Résilié"]').count()).toBe(3);
    // the rows left the selection with the action: the toolbar folds away, no box stays ticked
    await expect
      .poll(() => page.locator(".RaBulkActionsToolbar-toolbar:not(.RaBulkActionsToolbar-collapsed)").count())
      .toBe(0);
    expect(await page.locator("tbody input[type=checkbox]:checked").count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("offers only the new client's groupements when a number changes client, and empties the field", async () => {
    const d = await admin<{ id: number }>("POST", "/dids", { numero: "01 97 00 00 01" });
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/dids/${d.id}/show`);
    await page.getByRole("button", { name: "Affecter à un client" }).first().click();
    const dialogue = page.getByRole("dialog");
    const choisir = async (libelle: string, valeur: string) => {
      const champ = dialogue.getByLabel(libelle).first();
      await champ.click();
      await champ.fill(valeur);
      await page.getByRole("option", { name: valeur, exact: true }).first().click();
    };
    await choisir("Client", "Zeta Alpha");
    await choisir("Groupement (facultatif)", "Siège");
    await choisir("Client", "Zeta Beta");
    await expect.poll(() => dialogue.getByLabel("Groupement (facultatif)").inputValue()).toBe("");
    await dialogue.getByLabel("Groupement (facultatif)").click();
    await expect.poll(() => page.getByRole("option").count()).toBe(1);
    await page.getByRole("option", { name: "Siège" }).click();
    await dialogue.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText("Action appliquée.").waitFor();
    const apres = await admin<{ client_id: number; groupement_id: number }>("GET", `/dids/${d.id}`);
    expect(apres).toMatchObject({ client_id: ids.beta, groupement_id: ids.siegeBeta });
    await page.context().close();
  }, 90_000);

  it("shows when a reactivated number may go to another client, and says refusals with French dates", async () => {
    const d = await admin<{ id: number; version: number }>("POST", "/dids", { numero: "01 97 00 00 02" });
    await admin("POST", `/dids/${d.id}/actions/affecter`, { client_id: ids.alpha });
    await admin("POST", `/dids/${d.id}/actions/resilier`, {});
    await admin("POST", `/dids/${d.id}/actions/reactiver`, {});
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/dids/${d.id}/show`);
    const reutilisable = page.getByText("Réutilisable le").locator("..");
    await reutilisable.waitFor();
    expect(await reutilisable.textContent()).toMatch(/Réutilisable le\s*\d{2}\/\d{2}\/\d{4}/);
    // back in stock, then offered to another client: refused until the end of the freeze, said in French
    await admin("POST", `/dids/${d.id}/actions/liberer`, {});
    const r = await admin("POST", `/dids/${d.id}/actions/affecter`, { client_id: ids.beta }).catch(
      (e: Error) => e,
    );
    const corps = JSON.parse((r as Error).message.replace(/^[^{]*/, "")) as { code: string; detail: string };
    expect(corps.code).toBe("NUMERO_GELE");
    expect(corps.detail).toMatch(/avant le \d{2}\/\d{2}\/\d{4}/);
    expect(corps.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.context().close();
  }, 90_000);

  it("reads dates the French way in an English browser", async () => {
    const page = await nouvellePage(navigateur, { locale: "en-US" });
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/dids/create`);
    const acquisition = page.getByLabel("Date d'acquisition");
    expect(await acquisition.getAttribute("placeholder")).toBe("jj/mm/aaaa");
    await page.locator("input[name=numero]").fill("01 96 00 00 01");
    await acquisition.fill("01/03/2026");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Numéro créé.").waitFor();
    const cree = await admin<{ data: Array<{ date_acquisition: string }> }>("GET", "/dids?q=0196000001");
    expect(cree.data[0]?.date_acquisition).toBe("2026-03-01");
    await page.context().close();
  }, 90_000);

  it("takes an order's carrier and price at the start, copies them onto the numbers, and shows a rejection as such", async () => {
    const client = await nouvellePage(navigateur);
    await connecter(client, url, "alpha", MDP);
    const commande = async () => {
      const c = await admin<{ id: number; reference: string }>("POST", "/commandes", {
        client_id: ids.alpha,
        type_did_id: (
          await admin<{ data: Array<{ id: number; code: string }> }>("GET", "/types-did?code=GEO")
        ).data[0]?.id,
        quantite: 2,
      });
      return c;
    };
    // the client withdraws what it submitted
    const a = await commande();
    await admin("POST", `/commandes/${a.id}/actions/soumettre`, {});
    await client.goto(`${url}/admin/telephony/#/commandes/${a.id}/show`);
    await client.getByRole("button", { name: "Retirer la demande" }).click();
    await client.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await client.locator('[data-statut="Annulée"]').first().waitFor();
    // the thread says "créée" once
    await client.getByText(/annulée par/).waitFor();
    expect(await client.getByText(/créée/).allTextContents()).toEqual([
      expect.stringMatching(/^Commande CMD-\d{4}-\d+ créée \(brouillon\)\.$/),
    ]);

    const gestion = await nouvellePage(navigateur);
    await connecter(gestion, url, "gestion", MDP);
    const b = await commande();
    await admin("POST", `/commandes/${b.id}/actions/soumettre`, {});
    await gestion.goto(`${url}/admin/telephony/#/commandes/${b.id}/show`);
    await gestion.getByRole("button", { name: "Rejeter" }).click();
    await gestion.getByRole("dialog").getByRole("textbox").fill("Budget épuisé");
    await gestion.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await gestion.getByTestId("motif-rejet").waitFor();
    expect(await gestion.getByTestId("motif-rejet").textContent()).toContain("Budget épuisé");
    expect(await gestion.getByText("Validée par", { exact: true }).count()).toBe(0);
    expect(await gestion.getByText("Rejetée par", { exact: true }).count()).toBe(1);

    const c = await commande();
    await admin("POST", `/commandes/${c.id}/actions/soumettre`, {});
    await admin("POST", `/commandes/${c.id}/actions/valider`, {});
    await gestion.goto(`${url}/admin/telephony/#/commandes/${c.id}/show`);
    await gestion.getByRole("button", { name: "Démarrer chez l'opérateur" }).click();
    const d = gestion.getByRole("dialog");
    await d.locator("select").selectOption({ label: "Orange" });
    await d.getByLabel("Référence de la commande chez l'opérateur").fill("ORA-77");
    await d.getByLabel("Prix mensuel par numéro (€ HT)").fill("2,50");
    await d.getByLabel("Frais de mise en service par numéro (€ HT)").fill("15");
    // every label whole, none cut by the dialog's width (#29, point 18)
    expect(
      await d.evaluate((boite) =>
        Array.from(boite.querySelectorAll("label"))
          .filter((l) => l.scrollWidth > l.clientWidth + 1)
          .map((l) => l.textContent),
      ),
    ).toEqual([]);
    await d.getByRole("button", { name: "Confirmer" }).click();
    await gestion.locator('[data-statut="En cours"]').first().waitFor();
    expect(await gestion.getByText("Orange", { exact: true }).count()).toBeGreaterThan(0);
    await gestion.locator("[data-testid=saisie-livraison]").fill("01 95 00 00 01\n01 95 00 00 02");
    await gestion.getByRole("button", { name: "Prévisualiser" }).click();
    await gestion.getByTestId("apercu-livraison").waitFor();
    await gestion.getByRole("button", { name: "Enregistrer la livraison" }).click();
    await gestion.locator('[data-statut="Livrée"]').first().waitFor();
    const livre = await admin<{
      data: Array<{
        operateur: string;
        cout_mensuel: number;
        cout_mise_en_service: number;
        reference_externe: string;
      }>;
    }>("GET", "/dids?q=0195000001");
    expect(livre.data[0]).toMatchObject({
      operateur: "Orange",
      cout_mensuel: 2.5,
      cout_mise_en_service: 15,
      reference_externe: "ORA-77",
    });
    await client.context().close();
    await gestion.context().close();
  }, 120_000);

  it("normalises the out-of-hours redirect, reports JSON mistakes in French, and keeps the hour labels clear", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/configs/create`);
    await page.locator("input[name=code]").fill("NUIT");
    await page.locator("input[name=nom]").fill("Nuit");
    await page.getByLabel("Redirection hors horaires (numéro)").fill("01 40 00 00 00");
    // the label sits above the text area of the field (its padding), not over the "--:--" of the hour
    const libelle = await boite(page.locator("label", { hasText: "Ouverture" }).first());
    const texteHeure = await page.locator('input[name="config.horaires.lundi.debut"]').evaluate((e) => {
      const r = e.getBoundingClientRect();
      const st = getComputedStyle(e);
      const haut = r.top + parseFloat(st.paddingTop);
      return {
        x: r.left + parseFloat(st.paddingLeft),
        y: haut,
        width: r.width,
        height: r.bottom - parseFloat(st.paddingBottom) - haut,
      };
    });
    expect(chevauche(libelle, texteHeure)).toBe(false);
    const json = page.getByLabel("Clés personnalisées (JSON)");
    await json.fill('{"file": "x",}');
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText(/JSON invalide ligne 1, colonne \d+/).waitFor();
    await json.fill('{"file": "x"}');
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Configuration créée.").waitFor();
    const cree = await admin<{ data: Array<{ config: Record<string, unknown> }> }>(
      "GET",
      "/configs?code=NUIT",
    );
    expect(cree.data[0]?.config).toMatchObject({ redirection_hors_horaires: "+33140000000", file: "x" });
    await page.context().close();
  }, 90_000);

  it("writes the history and the audit log in French, with names instead of ids", async () => {
    const d = await admin<{ id: number }>("POST", "/dids", { numero: "01 94 00 00 01" });
    const campagne = await admin<{ id: number }>("POST", "/campagnes", {
      client_id: ids.alpha,
      code: "ZSAV",
      nom: "Zeta SAV",
      hermes_id: "9001",
    });
    const config = await admin<{ id: number }>("POST", "/configs", {
      code: "JOUR",
      nom: "Jour ouvré",
      config: {},
    });
    await admin("POST", `/dids/${d.id}/actions/affecter`, { client_id: ids.alpha });
    await admin("POST", "/affectations", { did_id: d.id, campaign_id: campagne.id, config_id: config.id });
    await admin("POST", `/dids/${d.id}/actions/arreter-production`, {});
    await admin("PATCH", `/dids/${d.id}`, { date_acquisition: "2026-02-01" });
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "admin", ADMIN);
    await page.goto(`${url}/admin/telephony/#/dids/${d.id}/show`);
    const historique = page.getByTestId("historique");
    await historique.getByTestId("evenement").first().waitFor();
    // the names come with their own requests, a moment after the events
    await expect.poll(() => historique.textContent()).toContain("Zeta Alpha");
    const texte = (await historique.textContent()) as string;
    for (const brut of ["config_id", "date_acquisition", "ACTION_", "∅", "client_id", "2026-02-01"])
      expect(texte).not.toContain(brut);
    expect(texte).toContain("01/02/2026");
    expect(texte).toContain("Zeta Alpha");
    await page.goto(`${url}/admin/telephony/#/audit`);
    await page.locator("tbody tr").first().waitFor();
    // the number itself, not its row id, once the page's names have come
    await expect.poll(() => page.locator("tbody").textContent()).toContain("Numéro 01 94 00 00 01");
    const journal = (await page.locator("tbody").textContent()) as string;
    expect(journal).not.toMatch(/\b(did|tel_did|tel_did_virtual) #\d+/);
    expect(journal).not.toContain(`Numéro n° ${d.id}`);
    expect(journal).not.toContain("ACTION_");
    expect(journal).toContain("Arrêter la production");
    await page.getByLabel("Entité").click();
    const entites = (await page.getByRole("option").allTextContents()).map((t) => t.trim());
    expect(entites).toContain("Numéro");
    for (const e of entites) expect(e).not.toMatch(/^(tel_|did$|did_virtual)/);
    await page.keyboard.press("Escape");
    await page.context().close();
  }, 90_000);

  it("speaks of the screen's own options in the import report, never of command-line flags", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/import-export`);
    await page.locator("[data-testid=fichier-import]").setInputFiles({
      name: "sda.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "numero;client;groupement\n01 93 00 00 01;INCONNU;\n01 93 00 00 02;ZALPHA;NOUVEAU\n",
      ),
    });
    await page.getByRole("button", { name: "Analyser (sans rien écrire)" }).click();
    const rejets = page.locator("[data-testid=rejets-import]");
    await rejets
      .getByText(/créer ce qui manque/)
      .first()
      .waitFor();
    const texte = (await rejets.textContent()) as string;
    expect(texte).not.toMatch(/--[a-z]/);
    await page.context().close();
  }, 60_000);

  it("keeps each assignment's number on one line", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "gestion", MDP);
    await page.goto(`${url}/admin/telephony/#/affectations`);
    const cellules = page.locator("tbody tr td:first-of-type strong, tbody tr td:nth-of-type(2) strong");
    await cellules.first().waitFor();
    const hauteurs = await cellules.evaluateAll((es) =>
      es.map((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || "20")),
    );
    for (const h of hauteurs) expect(h).toBeLessThan(1.5);
    await page.context().close();
  }, 60_000);

  it("counts the orders to handle as the queue lists them, opens the lists from the tiles, and draws nothing cut off or overlapping at 1366×768 and 1920×1080", async () => {
    for (const [largeur, hauteur] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      const page = await nouvellePage(navigateur, { largeur, hauteur });
      await connecter(page, url, "admin", ADMIN);
      const tableau = page.getByTestId("tableau-de-bord");
      await tableau.getByText("Numéros par statut").waitFor();
      await page.waitForTimeout(500);
      expect(await coupes(page, "[data-testid=tableau-de-bord] table")).toEqual([]);
      expect(await coupes(page, ".recharts-wrapper")).toEqual([]);
      expect(await superpositions(page, "[data-testid=etiquette-graphique]")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-tableau-de-bord-${largeur}`);
      const tuile = page.getByTestId("tuile").filter({ hasText: "Commandes à traiter" });
      const aTraiter = Number(((await tuile.locator("h4").textContent()) as string).replace(/\D/g, ""));
      expect(aTraiter).toBeGreaterThan(0);
      await tuile.click();
      await page.waitForURL(/#\/commandes/);
      await page.locator("tbody tr").first().waitFor();
      const total = await page.evaluate(async (base) => {
        const r = await fetch(`${base}/api/v1/commandes?statut=SOUMISE,VALIDEE,EN_COURS&par_page=1`);
        return (await r.json()).total as number;
      }, url);
      expect(total).toBe(aTraiter);
      await expect.poll(() => page.locator("tbody tr").count()).toBe(Math.min(aTraiter, 25));
      expect(await coupes(page, "table")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-file-commandes-${largeur}`);
      await page.locator("tbody tr").first().click();
      await page
        .getByText(/^CMD-\d{4}-\d+$/)
        .first()
        .waitFor();
      expect(await coupes(page, "table")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-commande-${largeur}`);
      await page.goto(`${url}/admin/telephony/#/dids`);
      await page.locator("[data-testid=numero]").first().waitFor();
      expect(await coupes(page, "table")).toEqual([]);
      expect(await superpositions(page, "thead th")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-numeros-${largeur}`);
      await page.locator("[data-testid=numero]").first().click();
      await page.getByTestId("titre-numero").waitFor();
      await page.getByTestId("historique").waitFor();
      expect(await coupes(page, "table")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-numero-${largeur}`);
      // the assignments: no code broken at its hyphen, nothing wider than the screen (#29, point 18)
      await page.goto(`${url}/admin/telephony/#/affectations`);
      await page.locator("tbody tr").first().waitFor();
      expect(await coupes(page, "table")).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(largeur);
      const coupures = await page.evaluate(() =>
        Array.from(document.querySelectorAll("tbody td"))
          .flatMap((td) => Array.from(td.querySelectorAll("*")))
          .filter((e) => e.children.length === 0 && /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(e.textContent ?? ""))
          .filter((e) => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 30)
          .map((e) => e.textContent),
      );
      expect(coupures).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-affectations-${largeur}`);
      await page.goto(`${url}/admin/telephony/#/hermes`);
      await page.getByText("Changements de routes").waitFor();
      await page.waitForTimeout(300);
      expect(await coupes(page, "table")).toEqual([]);
      if (cible.nom === "pglite") await capture(page, `quotidien-publication-${largeur}`);
      await page.context().close();
    }
  }, 180_000);

  it("leaves no English word on any screen or menu a French user opens", async () => {
    const trouves: string[] = [];
    let lus = 0;
    const lire = async (page: Page, ecran: string) => {
      lus++;
      await page.waitForTimeout(600);
      const texte = await page.evaluate(() => {
        // the text as written, not as CSS capitalises it (a button « Nouveau mandat » is drawn « NOUVEAU MANDAT »),
        // and without a file's own content shown for Hermes (its header names its columns)
        const style = document.createElement("style");
        style.textContent =
          "* { text-transform: none !important } [data-contenu-fichier] { display: none !important }";
        document.head.appendChild(style);
        const attributs = Array.from(document.querySelectorAll("[aria-label],[title],[placeholder]")).flatMap(
          (e) => ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
        );
        // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees, hidden elements left out
        const lu = `${document.body.innerText}\n${attributs.join("\n")}`;
        style.remove();
        return lu;
      });
      for (const ligne of texte.split("\n")) {
        const m = ANGLAIS.exec(ligne);
        // « PM » is also Saint-Pierre-et-Miquelon's country code, a data code
        if (m && !donnees.has(m[0]))
          trouves.push(`${ecran} : « ${m[0]} » dans « ${ligne.trim().slice(0, 80)} »`);
        // the reference screens show each code beside its label: administering codes is what they are for
        if (!ECRANS_DE_CODES.some((e) => ecran.includes(e)))
          for (const code of codesBruts(ligne, donnees))
            trouves.push(`${ecran} : code « ${code} » dans « ${ligne.trim().slice(0, 80)} »`);
      }
    };
    // the codes people chose, as the API lists them: shown as they are, on purpose
    const donnees = new Set<string>();
    for (const chemin of [
      "/clients",
      "/campagnes",
      "/configs",
      "/operateurs",
      "/groupements",
      "/types-did",
      "/regions",
      "/indicatifs",
      "/clouds",
      "/equipements",
    ]) {
      for (let page = 1; ; page++) {
        const r = await admin<{ data: Array<{ code?: string }>; total: number }>(
          "GET",
          `${chemin}?par_page=200&page=${page}`,
        );
        for (const x of r.data)
          for (const partie of String(x.code ?? "").split(/[^A-Z0-9_]+/)) if (partie) donnees.add(partie);
        if (page * 200 >= r.total) break;
      }
    }
    for (const [login, mdp] of [
      ["admin", ADMIN],
      ["alpha", MDP],
    ] as const) {
      const page = await nouvellePage(navigateur);
      await connecter(page, url, login, mdp);
      await page.getByTestId("tableau-de-bord").getByText("Numéros par statut").waitFor();
      const liens = await page
        .locator(".RaMenu-open a, .RaMenu-closed a, [role=menuitem]")
        .evaluateAll((es) => es.map((e) => e.getAttribute("href") ?? "").filter((h) => h.includes("#/")));
      expect(liens.length).toBeGreaterThan(2);
      for (const lien of liens) {
        const ecran = lien.slice(lien.indexOf("#"));
        await page.goto(`${url}/admin/telephony/${ecran}`);
        await page.locator("main").waitFor();
        await lire(page, `${login} ${ecran}`);
        // the menus a screen opens: filters, columns
        for (const bouton of ["Ajouter un filtre", "Colonnes"]) {
          const b = page.getByRole("button", { name: bouton });
          if ((await b.count()) === 0) continue;
          await b.first().click();
          await lire(page, `${login} ${ecran} › ${bouton}`);
          await page.keyboard.press("Escape");
        }
        // a list's first row: its page and its actions
        const ligne = page.locator("tbody tr").first();
        if ((await ligne.count()) > 0 && ["#/dids", "#/commandes"].includes(ecran)) {
          await ligne.click();
          await lire(page, `${login} ${ecran} › fiche`);
        }
        // the creation form, where there is one
        if (
          ["#/dids", "#/commandes", "#/affectations", "#/configs", "#/clients", "#/campagnes"].includes(
            ecran,
          ) &&
          login === "admin"
        ) {
          await page.goto(`${url}/admin/telephony/${ecran}/create`);
          await page.locator("form").first().waitFor();
          await lire(page, `${login} ${ecran}/create`);
        }
      }
      await page.context().close();
    }
    expect(lus).toBeGreaterThan(25);
    expect(trouves).toEqual([]);
  }, 300_000);
});
