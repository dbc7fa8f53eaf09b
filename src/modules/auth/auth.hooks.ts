import type {
  FastifyRequest,
  HookHandlerDoneFunction,
  onRequestHookHandler,
  preSerializationHookHandler,
} from "fastify";
import { ApiError } from "../../http/errors.js";
import { type ChampsPropres, porteeDe, selonAcces } from "./acces.js";
import type { Acteur, Role } from "./acteur.js";
import { adresseAdmise } from "./adresses.js";
import { acteurDeSession, type CacheClesApi } from "./auth.service.js";
import { interdit } from "./politique.js";

declare module "fastify" {
  interface FastifyRequest {
    acteur: Acteur;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (health, login, OpenAPI document). */
    public?: boolean;
    /** Roles allowed, checked while authenticating (the hot routes, from rolesDe; others declare `exiger`). */
    roles?: readonly Role[];
    /** Restricted fields this route shows by design to whoever holds its permission (acces.ts). */
    champsPropres?: ChampsPropres;
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
 * must echo the session's CSRF token in X-CSRF-Token, which a third-party page cannot read. A route whose
 * config names `roles` is checked here too, in the same step.
 *
 * A callback hook rather than an async one: an API key verified a moment ago is answered without a promise,
 * which is most of the cost of an authenticated routing lookup (thousands per second from Hermes).
 */
export function authentifier(cles: CacheClesApi): onRequestHookHandler {
  const admettre = (request: FastifyRequest, acteur: Acteur, done: HookHandlerDoneFunction) => {
    if (!adresseAdmise(acteur.adressesAutorisees, request.ip))
      return done(
        new ApiError(403, "ADRESSE_NON_AUTORISEE", "Cette clé API n'est pas autorisée depuis cette adresse."),
      );
    request.acteur = { ...acteur, requestId: request.id, portee: porteeDe(acteur) };
    const roles = request.routeOptions.config?.roles;
    done(roles && !roles.includes(acteur.role) ? interdit() : undefined);
  };
  return (request, _reply, done) => {
    if (request.routeOptions.config?.public) return done();
    const authz = request.headers.authorization;
    if (authz !== undefined) {
      const cle = cleBearer(authz);
      const immediat = cle === undefined ? null : cles.resoudreImmediat(cle);
      if (immediat) return admettre(request, immediat, done);
      if (immediat === null || cle === undefined) return done(cleInvalide());
      cles.resoudre(cle).then(
        (acteur) => (acteur ? admettre(request, acteur, done) : done(cleInvalide())),
        (err) => done(err),
      );
      return;
    }
    const jeton = request.cookies?.[COOKIE_SESSION];
    if (!jeton) return done(nonAuthentifie());
    acteurDeSession(request.server.database.db, jeton).then((session) => {
      if (!session) return done(new ApiError(401, "SESSION_EXPIREE", "Session expirée : reconnectez-vous."));
      if (!METHODES_SURES.has(request.method) && request.headers["x-csrf-token"] !== session.csrf) {
        return done(new ApiError(403, "CSRF", "Jeton anti-CSRF absent ou invalide : rechargez la page."));
      }
      admettre(request, session.acteur, done);
    }, done);
  };
}

/** The key of an "Authorization: Bearer <key>" header, if it has that form. */
export const cleBearer = (authz: string | undefined): string | undefined =>
  authz === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(authz)?.[1];

const cleInvalide = () => new ApiError(401, "CLE_INVALIDE", "Clé API invalide, expirée ou révoquée.");

/**
 * Every JSON answer of the API passes here: the fields its caller may not see are emptied (acces.ts), whatever
 * route built it. Staff holding every permission get the payload untouched, at no cost.
 */
export const champsSelonAcces: preSerializationHookHandler<unknown> = (request, _reply, payload, done) => {
  const acteur = request.acteur as Acteur | undefined;
  if (!acteur) return done(null, payload);
  done(null, selonAcces(acteur, payload, request.routeOptions.config?.champsPropres));
};
