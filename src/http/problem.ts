import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { estErreurConnexion } from "../db/erreurs-connexion.js";
import type { CodeErreur } from "./codes-erreur.js";
import { ApiError } from "./errors.js";
import { messageMotifTexte } from "./textes.js";

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

// Messages for the constraints a caller can run into; the constraint names themselves are never shown.
const CONTRAINTES: Record<string, { code: CodeErreur; message: string; champ?: string }> = {
  tel_tranche_sans_chevauchement: {
    code: "TRANCHE_CHEVAUCHEMENT",
    message: "Cette tranche chevauche une tranche en service.",
    champ: "premier",
  },
  tel_did_numero_unique: {
    code: "NUMERO_EXISTANT",
    message: "Ce numéro existe déjà dans l'inventaire.",
    champ: "numero",
  },
  tel_did_did_format_e164_key: {
    code: "NUMERO_EXISTANT",
    message: "Ce numéro existe déjà dans l'inventaire.",
    champ: "numero",
  },
  tel_did_virtual_un_entrant: {
    code: "AFFECTATION_ENTRANTE_EXISTANTE",
    message: "Ce numéro a déjà une affectation entrante sur cette période.",
  },
  tel_did_commande_quantite: {
    code: "QUANTITE_INVALIDE",
    message: "La quantité doit être comprise entre 1 et 1000.",
    champ: "quantite",
  },
  tel_did_config_objet: {
    code: "CONFIG_INVALIDE",
    message: "La configuration doit être un objet JSON.",
    champ: "config",
  },
  tel_did_config_couleur: {
    code: "CONFIG_INVALIDE",
    message: "La couleur doit être au format #RRGGBB.",
    champ: "config.couleur",
  },
  tel_did_groupement_du_client: {
    code: "GROUPEMENT_AUTRE_CLIENT",
    message: "Le groupement n'appartient pas au client du numéro.",
    champ: "groupement_id",
  },
  tel_did_commande_groupement_du_client: {
    code: "GROUPEMENT_AUTRE_CLIENT",
    message: "Le groupement n'appartient pas au client de la commande.",
    champ: "groupement_id",
  },
};

/**
 * A database refusal as the caller should read it: its code from the catalogue and a message that names the
 * rule, never the constraint. The HTTP error handler and the command line both use it.
 */
export function depuisPostgres(err: PgError): ApiError | undefined {
  const connue = err.constraint ? CONTRAINTES[err.constraint] : undefined;
  const details = connue?.champ
    ? [{ champ: connue.champ, message: connue.message, code: connue.code }]
    : undefined;
  switch (err.code) {
    case "23505":
      return connue
        ? new ApiError(409, connue.code, connue.message, details)
        : new ApiError(409, "DOUBLON", "Un enregistrement avec cette valeur existe déjà.", [
            { champ: champDeContrainte(err.constraint), message: "Valeur déjà utilisée.", code: "DOUBLON" },
          ]);
    case "23P01":
      return new ApiError(409, connue?.code ?? "CONFLIT_PERIODE", connue?.message ?? "Conflit de période.");
    case "23503":
      if (connue) return new ApiError(409, connue.code, connue.message, details);
      return new ApiError(
        409,
        "REFERENCE_INVALIDE",
        "Cette opération casserait un lien entre enregistrements : référence inexistante, ou enregistrement encore utilisé ailleurs (désactivez-le avec « actif » plutôt que de le supprimer).",
      );
    case "23514":
    case "23502":
      return connue
        ? new ApiError(422, connue.code, connue.message, details)
        : new ApiError(422, "VALIDATION", "Une valeur ne respecte pas les règles de l'inventaire.", [
            {
              champ: err.column ?? champDeContrainte(err.constraint),
              message: "Valeur refusée.",
              code: "CONTRAINTE",
            },
          ]);
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "2201B":
      return new ApiError(422, "VALIDATION", "Une valeur n'a pas le format attendu.");
    case "40001":
    case "40P01":
      return new ApiError(503, "CONFLIT_CONCURRENT", "Opération concurrente : réessayez.");
    default:
      return undefined;
  }
}

/** "tel_client_code_key" → "code": the field, without the table's internal name. */
function champDeContrainte(constraint: string | undefined): string {
  if (!constraint) return "";
  const m = /^tel_[a-z_]+?_([a-z_]+?)_(key|check|fkey)$/.exec(constraint);
  return m?.[1] ?? "";
}

/** What a 503 asks the caller to wait: about the time PostgreSQL takes to restart or fail over. */
const RETRY_AFTER_SECONDES = 5;

export function problem(reply: FastifyReply, request: FastifyRequest, e: ApiError) {
  // a service that will be back: when to try again (the database's own 503 sets it as well)
  if (e.status === 503 && !reply.hasHeader("retry-after"))
    reply.header("retry-after", String(RETRY_AFTER_SECONDES));
  return reply
    .status(e.status)
    .type("application/problem+json")
    .send({
      type: `about:blank#${e.code}`,
      title: e.message,
      status: e.status,
      code: e.code,
      detail: e.message,
      instance: request.url.split("?")[0],
      request_id: request.id,
      ...(e.details ? { errors: e.details } : {}),
      ...(e.extra ?? {}),
    });
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    if (error instanceof ApiError) return problem(reply, request, error);
    if (error.validation) {
      const details = error.validation.map((v) => {
        const chemin = (v.instancePath || "").replace(/^\//, "").replace(/\//g, ".");
        const manquant = (v.params as { missingProperty?: string })?.missingProperty;
        const champ = [chemin, manquant].filter(Boolean).join(".") || (error.validationContext ?? "");
        return {
          champ,
          message: messageValidation(v.keyword, v.params, v.message),
          code: v.keyword.toUpperCase(),
        };
      });
      // a well-formed request whose only fault is a character a text field refuses: the value is unacceptable
      // (422), as for any value the rules refuse, and the message says which character and why
      const texte = error.validation.every((v) => messageMotifTexte(v.params?.pattern) !== undefined);
      return problem(
        reply,
        request,
        texte
          ? new ApiError(422, "CARACTERE_INTERDIT", "Un texte contient un caractère refusé.", details)
          : new ApiError(400, "VALIDATION", "La requête contient des valeurs invalides.", details),
      );
    }
    const pg = depuisPostgres(error);
    if (pg) return problem(reply, request, pg);
    if (estErreurConnexion(error)) {
      request.server.database?.etat.echec(error);
      request.log.warn({ err: error }, "base de données injoignable");
      reply.header("retry-after", String(RETRY_AFTER_SECONDES));
      return problem(
        reply,
        request,
        new ApiError(
          503,
          "BASE_INDISPONIBLE",
          "La base de données est momentanément injoignable : réessayez dans quelques secondes. Le routage Hermes continue d'être servi.",
        ),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.code?.startsWith("FST_") ? codeFastify(error.code) : "REQUETE_INVALIDE";
      const limite = error.statusCode === 413 ? request.routeOptions.bodyLimit : undefined;
      return problem(
        reply,
        request,
        new ApiError(
          error.statusCode,
          code,
          limite
            ? `Le corps de la requête dépasse la limite de ${formatOctets(limite)}.`
            : messageFastify(error.statusCode),
          undefined,
          limite ? { limite_octets: limite } : undefined,
        ),
      );
    }
    request.log.error({ err: error }, "erreur interne");
    return problem(reply, request, new ApiError(500, "ERREUR_INTERNE", "Erreur interne du serveur."));
  });
  app.setNotFoundHandler((request, reply) =>
    problem(reply, request, new ApiError(404, "ROUTE_INCONNUE", "Cette adresse n'existe pas dans l'API.")),
  );
}

const formatOctets = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString("fr-FR")} Mo` : `${Math.ceil(n / 1024)} Kio`;

function codeFastify(code: string): CodeErreur {
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return "TYPE_CONTENU_NON_SUPPORTE";
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return "CORPS_TROP_GROS";
  if (code === "FST_ERR_CTP_EMPTY_JSON_BODY" || code === "FST_ERR_CTP_INVALID_JSON_BODY")
    return "JSON_INVALIDE";
  return "REQUETE_INVALIDE";
}

function messageFastify(status: number): string {
  if (status === 413) return "Le corps de la requête est trop volumineux.";
  if (status === 415) return "Type de contenu non supporté : envoyez du JSON.";
  return "Requête invalide.";
}

function messageValidation(keyword: string, params: Record<string, unknown>, defaut?: string): string {
  switch (keyword) {
    case "required":
      return "Champ obligatoire.";
    case "type":
      return `Type attendu : ${String(params.type)}.`;
    case "maxLength":
      return `Au plus ${String(params.limit)} caractères.`;
    case "minLength":
      return `Au moins ${String(params.limit)} caractère(s).`;
    case "maximum":
      return `Valeur maximale : ${String(params.limit)}.`;
    case "minimum":
      return `Valeur minimale : ${String(params.limit)}.`;
    case "pattern":
      return messageMotifTexte(params.pattern) ?? "Format invalide.";
    case "format":
      return `Format attendu : ${String(params.format)}.`;
    case "enum":
      return `Valeurs possibles : ${(params.allowedValues as unknown[])?.join(", ")}.`;
    case "additionalProperties":
      return `Champ inconnu : ${String(params.additionalProperty)}.`;
    case "maxItems":
      return `Au plus ${String(params.limit)} éléments par requête : envoyez la liste en plusieurs fois.`;
    case "minItems":
      return `Au moins ${String(params.limit)} élément(s).`;
    default:
      return defaut ?? "Valeur invalide.";
  }
}
