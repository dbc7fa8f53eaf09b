import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import * as client from "openid-client";
import type { Config, ConfigOidc } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { origineDe } from "../auth/auth.repository.js";
import { type SessionOuverte, sessionPour } from "../auth/auth.service.js";
import { adresses } from "./adresses.js";
import {
  compteOidc,
  correspondancesDe,
  enregistrerCompteOidc,
  fermerSessionsDe,
  garderEtat,
  loginPris,
  reprendreEtat,
} from "./sso.repository.js";

/** Ten minutes to sign in at the provider. */
const DUREE_ETAT_MS = 10 * 60_000;
/** The stronger role wins when several groups map: an administrator who is also a reader is an administrator. */
const ORDRE_ROLES = ["admin", "gestionnaire", "lecteur", "client"];

/**
 * Sign-in through the company's OpenID Connect provider (#31): authorization code with PKCE, state and nonce,
 * through openid-client. The account is created at its first sign-in and brought up to date at each one; its role
 * comes from its groups through the mapping edited in Administration. An account whose groups map to nothing is
 * refused, and its sessions end.
 */
export class ConnexionOidc {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly reglages: ConfigOidc,
    private readonly dureeSessionHeures: number,
  ) {}

  /** The provider's metadata, read once (and again after a failure). */
  private config() {
    const issuer = new URL(this.reglages.issuer);
    this.configuration ??= client
      .discovery(
        issuer,
        this.reglages.clientId,
        this.reglages.clientSecret,
        undefined,
        // a provider inside the company's network may answer in plain HTTP (and the tests' does)
        issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        this.configuration = undefined;
        throw new ApiError(
          502,
          "SSO_INDISPONIBLE",
          `Le fournisseur d'identité ne répond pas (${this.reglages.issuer}) : ${(e as Error).message}`,
        );
      });
    return this.configuration;
  }

  /** Where to send the browser: the provider's sign-in, with this sign-in's checks kept in the database. */
  async debut(redirection: string): Promise<string> {
    const c = await this.config();
    const verificateur = client.randomPKCECodeVerifier();
    const etat = client.randomState();
    const nonce = client.randomNonce();
    await garderEtat(this.db, {
      etat,
      nonce,
      verificateur,
      expire_le: new Date(Date.now() + DUREE_ETAT_MS),
    });
    return client.buildAuthorizationUrl(c, {
      redirect_uri: redirection,
      scope: this.reglages.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verificateur),
      code_challenge_method: "S256",
      state: etat,
      nonce,
    }).href;
  }

  /** The provider's answer: the code exchanged, the person's groups mapped to a role, a session opened. */
  async retour(url: URL, redirection: string): Promise<SessionOuverte> {
    const erreur = url.searchParams.get("error");
    if (erreur)
      throw new ApiError(
        401,
        "SSO_REFUSE",
        `Le fournisseur d'identité a refusé la connexion : ${url.searchParams.get("error_description") ?? erreur}.`,
      );
    const etat = url.searchParams.get("state") ?? "";
    const garde = await reprendreEtat(this.db, etat);
    if (!garde)
      throw new ApiError(
        400,
        "SSO_ETAT_INCONNU",
        "Cette connexion a expiré ou a déjà servi : recommencez depuis la page de connexion.",
      );
    const c = await this.config();
    const jetons = await client
      .authorizationCodeGrant(
        c,
        url,
        {
          pkceCodeVerifier: garde.verificateur,
          expectedState: etat,
          expectedNonce: garde.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: redirection },
      )
      .catch((e) => {
        throw new ApiError(
          401,
          "SSO_REFUSE",
          `Réponse du fournisseur d'identité refusée : ${(e as Error).message}`,
        );
      });
    const revendications: Record<string, unknown> = { ...(jetons.claims() ?? {}) };
    // a provider may give the groups, the name and the e-mail in the id token or only at its userinfo endpoint
    if (revendications[this.reglages.claimGroupes] === undefined && jetons.access_token)
      Object.assign(
        revendications,
        await client.fetchUserInfo(c, jetons.access_token, String(revendications.sub)),
      );
    const groupes = revendications[this.reglages.claimGroupes];
    const sujet = String(revendications.sub);
    const existant = await compteOidc(this.db, sujet);
    const role = await this.role(Array.isArray(groupes) ? groupes.map(String) : []);
    if (!role) {
      if (existant) await fermerSessionsDe(this.db, existant.id);
      throw new ApiError(
        403,
        "SSO_SANS_ROLE",
        "Votre compte de l'entreprise n'appartient à aucun groupe qui donne accès à API Telephony : demandez-le à un administrateur.",
      );
    }
    const login = existant?.login ?? (await this.loginLibre(revendications));
    const email =
      typeof revendications.email === "string" && revendications.email.includes("@")
        ? revendications.email
        : null;
    const nom = String(revendications.name ?? revendications.preferred_username ?? login).slice(0, 200);
    const id = await enregistrerCompteOidc(this.db, existant?.id, {
      sujet,
      login,
      nom,
      email,
      role: role.role,
      client_id: role.client_id,
    });
    return sessionPour(
      this.db,
      { id, login, nom, role: role.role, client_id: role.client_id },
      this.dureeSessionHeures,
    );
  }

  /** The strongest role the groups map to; refused when they map to two different clients and nothing else. */
  private async role(groupes: string[]) {
    if (groupes.length === 0) return null;
    const trouves = await correspondancesDe(this.db, groupes);
    trouves.sort((a, b) => ORDRE_ROLES.indexOf(a.role) - ORDRE_ROLES.indexOf(b.role));
    const premier = trouves[0];
    if (!premier) return null;
    if (premier.role === "client" && new Set(trouves.map((t) => t.client_id)).size > 1)
      throw new ApiError(
        409,
        "SSO_AMBIGU",
        "Vos groupes donnent accès à plusieurs clients : un compte client n'en voit qu'un. Demandez à un administrateur.",
      );
    return { role: premier.role, client_id: premier.client_id };
  }

  /** A login for a new account: the provider's user name, else its e-mail, else its subject, as logins are written. */
  private async loginLibre(r: Record<string, unknown>) {
    const brut = String(r.preferred_username ?? r.email ?? r.sub);
    const login = brut
      .toLowerCase()
      .replace(/[^a-z0-9._@-]/g, "-")
      .slice(0, 100)
      .padEnd(2, "-");
    if (await loginPris(this.db, login))
      throw new ApiError(
        409,
        "SSO_LOGIN_PRIS",
        `L'identifiant « ${login} » est déjà celui d'un compte local : un administrateur doit le renommer ou le supprimer.`,
      );
    return login;
  }

  /** The provider's sign-out, when it has one: where the browser goes after the local session ends. */
  async finDeSession(retour: string): Promise<string | null> {
    const c = await this.config().catch(() => null);
    if (!c?.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(c, {
      post_logout_redirect_uri: retour,
      client_id: this.reglages.clientId,
    }).href;
  }
}

/** The sign-on when the environment configures it (OIDC_ISSUER). */
export function connexionOidc(db: Kysely<DB>, config: Config) {
  return config.oidc ? new ConnexionOidc(db, config.oidc, config.sessionHeures) : undefined;
}

/** At logout, for an account of the company's sign-on: the provider's sign-out address, back to the extranet. */
export function finDeSessionSso(
  oidc: ConnexionOidc | undefined,
  db: Kysely<DB>,
  urlPublique: string | undefined,
) {
  return async (request: FastifyRequest) => {
    const id = request.acteur?.type === "UTILISATEUR" ? request.acteur.utilisateurId : undefined;
    if (!oidc || !id || (await origineDe(db, id)) !== "OIDC") return null;
    return oidc.finDeSession(`${adresses(request, urlPublique).base}/admin/telephony/`);
  };
}
