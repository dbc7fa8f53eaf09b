import type { Kysely } from "kysely";
import * as client from "openid-client";
import type { ConfigOidc } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import type { SessionOuverte } from "../auth/auth.service.js";
import { sessionExterne } from "./comptes-externes.js";
import { garderEtat, reprendreEtat } from "./sso.repository.js";

/** Ten minutes to sign in at the provider. */
const DUREE_ETAT_MS = 10 * 60_000;
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
    return sessionExterne(this.db, this.dureeSessionHeures, "OIDC", {
      sujet: String(revendications.sub),
      groupes: Array.isArray(groupes) ? groupes.map(String) : [],
      login: String(revendications.preferred_username ?? revendications.email ?? revendications.sub),
      nom: String(revendications.name ?? revendications.preferred_username ?? ""),
      email: typeof revendications.email === "string" ? revendications.email : null,
    });
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
