import Provider from "oidc-provider";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { portLibre } from "../helpers/grappe.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, serveurWeb } from "../helpers/serveur-web.js";

// Sign-on through a real OpenID provider (oidc-provider, in this process) and the full browser flow (#31): the
// account gets the role its groups map to, a person removed from the group is refused at the next sign-in (and its
// sessions end), and the local admin still signs in with its password.
describe.each(CIBLES.filter((c) => c.nom === "pglite"))(
  "signing in with the company's account ($nom)",
  (cible) => {
    let srv: Awaited<ReturnType<typeof serveurWeb>>;
    let url: string;
    let navigateur: Browser;
    let fournisseur: ReturnType<InstanceType<typeof Provider>["listen"]>;
    let issuer: string;
    // the provider's directory: who is in which group (the test changes it)
    const groupes = new Map<string, string[]>([
      ["marie.durand", ["tel-gestion", "tous"]],
      ["paul.martin", ["tous"]],
    ]);

    beforeAll(async () => {
      const port = await portLibre();
      issuer = `http://127.0.0.1:${port}`;
      srv = await serveurWeb(cible, {
        env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "telephony", OIDC_CLIENT_SECRET: "secret-du-client-sso" },
      });
      url = srv.s.url;
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: "telephony",
            client_secret: "secret-du-client-sso",
            redirect_uris: [`${url}/api/v1/auth/oidc/retour`],
            post_logout_redirect_uris: [`${url}/admin/telephony/`],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        findAccount: async (_ctx, id) => ({
          accountId: id,
          claims: async () => ({
            sub: id,
            preferred_username: id,
            name: id.replace(".", " "),
            email: `${id}@entreprise.example`,
            groups: groupes.get(id) ?? [],
          }),
        }),
        claims: {
          openid: ["sub"],
          profile: ["name", "preferred_username"],
          email: ["email"],
          groups: ["groups"],
        },
        scopes: ["openid", "profile", "email", "groups"],
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        cookies: { keys: ["cle-des-cookies-du-fournisseur"] },
        // lifetimes of its own: the provider's defaults come with a notice each
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          IdToken: 600,
          Grant: 600,
          Interaction: 600,
          Session: 600,
        },
      });
      fournisseur = provider.listen(port);
      navigateur = await lancerNavigateur();
      const admin = await sessionApi(url, "admin", ADMIN);
      await admin("POST", "/sso/correspondances", { groupe: "tel-gestion", role: "gestionnaire" });
    }, 120_000);
    afterAll(async () => {
      await navigateur?.close();
      fournisseur?.close();
      await srv?.fermer();
    });

    /** The full flow: the extranet's button, the provider's sign-in and consent, back to the extranet. */
    async function seConnecter(page: Page, login: string) {
      await page.goto(`${url}/admin/telephony/`);
      await page.getByTestId("connexion-entreprise").click();
      await page.locator("input[name=login]").fill(login);
      await page.locator("input[name=password]").fill("nimporte");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.getByRole("button", { name: "Continue" }).click();
    }

    it("gives an account the role its groups map to, and refuses it once it leaves the group", async () => {
      const page = await nouvellePage(navigateur);
      await seConnecter(page, "marie.durand");
      await page
        .getByRole("menuitem", { name: /Tableau de bord/ })
        .first()
        .waitFor();
      const moi = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).json());
      expect(moi).toMatchObject({ login: "marie.durand", nom: "marie durand", role: "gestionnaire" });
      await capture(page, "sso-connectee");
      // its password account does not exist: the local form refuses it
      const r = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "marie.durand", mot_de_passe: "sso:n'importe quoi" }),
      });
      expect(r.status).toBe(401);

      // signing out of a second session also leaves the provider's, through its end-session endpoint
      const seconde = await nouvellePage(navigateur);
      await seConnecter(seconde, "marie.durand");
      await seconde
        .getByRole("menuitem", { name: /Tableau de bord/ })
        .first()
        .waitFor();
      const sortie = await seconde.evaluate(async () => {
        const csrf = document.cookie
          .split("; ")
          .find((c) => c.startsWith("tel_csrf="))
          ?.slice("tel_csrf=".length);
        const rep = await fetch("/api/v1/auth/logout", {
          method: "POST",
          headers: { "x-csrf-token": csrf ?? "" },
        });
        return { status: rep.status, corps: await rep.json() };
      });
      expect(sortie.status).toBe(200);
      expect(sortie.corps.redirection).toMatch(new RegExp(`^${issuer}/session/end\\?`));
      await seconde.context().close();

      // removed from the group at the provider: refused at the next sign-in, its open session ended
      groupes.set("marie.durand", ["tous"]);
      const autre = await nouvellePage(navigateur);
      await seConnecter(autre, "marie.durand");
      const refus = autre.getByTestId("refus-sso");
      await refus.waitFor();
      expect(await refus.textContent()).toContain("n'appartient à aucun groupe qui donne accès");
      await capture(autre, "sso-refusee");
      const apres = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).status);
      expect(apres).toBe(401);
      await page.context().close();
      await autre.context().close();
    }, 120_000);

    it("refuses a person in no mapped group, and keeps the local admin's password sign-in", async () => {
      const page = await nouvellePage(navigateur);
      await seConnecter(page, "paul.martin");
      await page.getByTestId("refus-sso").waitFor();
      await page.context().close();
      const admin = await nouvellePage(navigateur);
      await connecter(admin, url, "admin", ADMIN);
      await admin.goto(`${url}/admin/telephony/#/correspondances-sso`);
      await admin.getByText("tel-gestion").waitFor();
      // the accounts say how they sign in; one of the company has no password field
      await admin.goto(`${url}/admin/telephony/#/utilisateurs`);
      const ligne = admin.locator("tbody tr", { hasText: "marie.durand" });
      await ligne.getByText("avec le compte de l'entreprise").waitFor();
      await ligne.click();
      await admin.getByTestId("compte-entreprise").waitFor();
      expect(await admin.getByLabel(/Nouveau mot de passe/).count()).toBe(0);
      // revoking an API key asks in the app's own dialog, never the browser's
      const dialogues: string[] = [];
      admin.on("dialog", (d) => {
        dialogues.push(d.message());
        void d.dismiss();
      });
      const sessionAdmin = await sessionApi(url, "admin", ADMIN);
      await sessionAdmin("POST", "/cles-api", { nom: "integrateur-essai", role: "lecteur" });
      await admin.goto(`${url}/admin/telephony/#/cles-api`);
      await admin
        .locator("tbody tr", { hasText: "integrateur-essai" })
        .getByRole("button", { name: "Révoquer" })
        .click();
      const confirmation = admin.getByTestId("confirmation");
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toContain("refusé dès maintenant");
      await admin.getByRole("button", { name: "Révoquer la clé" }).click();
      await admin.locator("tbody tr", { hasText: "integrateur-essai" }).getByText("Révoquée").waitFor();
      expect(dialogues).toEqual([]);
      await admin.context().close();
    }, 120_000);
  },
);
