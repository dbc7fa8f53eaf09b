import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from "fastify";
import { ApiError } from "../../http/errors.js";
import type { Acteur, Role } from "./acteur.js";
import { acteurDeSession, type CacheClesApi } from "./auth.service.js";

declare module "fastify" {
  interface FastifyRequest {
    acteur: Acteur;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (health, login, OpenAPI document). */
    public?: boolean;
  }
}

export const COOKIE_SESSION = "tel_session";
export const COOKIE_CSRF = "tel_csrf";
const METHODES_SURES = new Set(["GET", "HEAD", "OPTIONS"]);

const nonAuthentifie = () =>
  new ApiError(
    401,
    "NON_AUTHENTIFIE",
    "Authentification requise : connectez-vous ou fournissez une clé API (Authorization: Bearer).",
  );

/**
 * Resolves who is calling: a Bearer API key, or the extranet's session cookie. Cookie-authenticated writes
 * must echo the session's CSRF token in X-CSRF-Token, which a third-party page cannot read.
 */
export function authentifier(cles: CacheClesApi) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.routeOptions.config?.public) return;
    const authz = request.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const acteur = m ? await cles.resoudre(m[1] as string) : null;
      if (!acteur) throw new ApiError(401, "CLE_INVALIDE", "Clé API invalide, expirée ou révoquée.");
      request.acteur = { ...acteur, requestId: request.id };
      return;
    }
    const jeton = request.cookies?.[COOKIE_SESSION];
    if (!jeton) throw nonAuthentifie();
    const session = await acteurDeSession(request.server.database.db, jeton);
    if (!session) throw new ApiError(401, "SESSION_EXPIREE", "Session expirée : reconnectez-vous.");
    if (!METHODES_SURES.has(request.method) && request.headers["x-csrf-token"] !== session.csrf) {
      throw new ApiError(403, "CSRF", "Jeton anti-CSRF absent ou invalide : rechargez la page.");
    }
    request.acteur = { ...session.acteur, requestId: request.id };
  };
}

export function exigerRole(roles: readonly Role[]): preValidationAsyncHookHandler {
  return async (request) => {
    if (!roles.includes(request.acteur.role)) {
      throw new ApiError(403, "INTERDIT", "Votre rôle ne permet pas cette action.");
    }
  };
}

export const PERSONNEL: Role[] = ["admin", "gestionnaire"];
export const TOUS: Role[] = ["admin", "gestionnaire", "lecteur", "client", "hermes"];
export const LECTURE_INTERNE: Role[] = ["admin", "gestionnaire", "lecteur", "hermes"];

/**
 * The only client whose rows this caller may see: its own for the `client` role (-1, matching nothing, for a
 * client account without client), undefined for every other role.
 */
export function clientVisible(request: { acteur: Acteur }): number | undefined {
  return request.acteur.role === "client" ? (request.acteur.clientId ?? -1) : undefined;
}
