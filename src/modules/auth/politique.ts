import type { preValidationAsyncHookHandler } from "fastify";
import { ApiError } from "../../http/errors.js";
import type { Acteur, Role } from "./acteur.js";

const PERSONNEL = ["admin", "gestionnaire"] as const;
const INTERNES = ["admin", "gestionnaire", "lecteur"] as const;
/** Everyone who works with the inventory; the `hermes` key of the platform only reads routing. */
const UTILISATEURS = ["admin", "gestionnaire", "lecteur", "client"] as const;

/**
 * The authorization policy, in one place: each permission and the roles that hold it. Routes declare the
 * permission they need (`exiger`), services ask `peut`, and `/auth/me` hands the caller's permissions to the
 * extranet, which shows menus and buttons from them. What a `client` sees within a permission is narrowed to its
 * own rows, and which fields each caller sees, by the access module (acces.ts).
 */
export const POLITIQUE = {
  "numeros:lire": UTILISATEURS,
  "numeros:ecrire": PERSONNEL,
  "numeros:supprimer": ["admin"],
  "affectations:lire": UTILISATEURS,
  "affectations:ecrire": PERSONNEL,
  "commandes:lire": UTILISATEURS,
  /** Create, edit, comment, submit, cancel, withdraw: a client's own orders, every order for staff. */
  "commandes:demander": ["admin", "gestionnaire", "client"],
  "commandes:traiter": PERSONNEL,
  "portabilites:lire": UTILISATEURS,
  /** Create, edit, comment, submit, cancel a port-in: a client's own, every one for staff. */
  "portabilites:demander": ["admin", "gestionnaire", "client"],
  /** Confirm, move or fail a switch, record the donor's rejections, prepare numbers, record port-outs. */
  "portabilites:traiter": PERSONNEL,
  "clients:lire": UTILISATEURS,
  "clients:ecrire": PERSONNEL,
  /** Countries, regions, operators, types, statuses: shared reference data. */
  "referentiels:lire": UTILISATEURS,
  "referentiels:ecrire": ["admin"],
  /** Equipment, clouds and configurations: the company's infrastructure, not a client's business. */
  "infrastructure:lire": INTERNES,
  "configurations:ecrire": PERSONNEL,
  /** Carrier blocks: contracts and costs, the company's business. */
  "tranches:lire": INTERNES,
  "tranches:gerer": PERSONNEL,
  /** Caller-ID rights: clients' mandates, declarations to carriers, who presented a number when. */
  "presentation:lire": INTERNES,
  "presentation:gerer": PERSONNEL,
  /** What numbers cost and what the carriers bill: reconciliations and their fixes. */
  "couts:lire": PERSONNEL,
  "couts:gerer": PERSONNEL,
  /** Equipment, clouds, carrier references and who on the staff wrote what, wherever they appear (acces.ts). */
  "internes:lire": INTERNES,
  "tableau-de-bord:lire": UTILISATEURS,
  "routage:lire": ["admin", "gestionnaire", "lecteur", "hermes"],
  "publication:lire": INTERNES,
  "publication:publier": PERSONNEL,
  import: PERSONNEL,
  export: UTILISATEURS,
  "audit:lire": INTERNES,
  "notifications:lire": PERSONNEL,
  "comptes:gerer": ["admin"],
  /** Prometheus' scrape: an admin key, or no key at all on the separate METRICS_LISTEN address. */
  "metriques:lire": ["admin"],
  /** Take a backup of the whole database (it holds every client's data and the accounts). */
  "sauvegardes:gerer": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLITIQUE;

export const peut = (acteur: Pick<Acteur, "role">, permission: Permission): boolean =>
  (POLITIQUE[permission] as readonly Role[]).includes(acteur.role);

/** The permissions a role holds, in the table's order: what `/auth/me` returns. */
export const permissionsDe = (role: Role): Permission[] =>
  (Object.keys(POLITIQUE) as Permission[]).filter((p) => peut({ role }, p));

export const interdit = () => new ApiError(403, "INTERDIT", "Votre rôle ne permet pas cette action.");

/** The route's permission, checked once the caller is known (the authentication hook runs first). */
export function exiger(permission: Permission): preValidationAsyncHookHandler {
  return async (request) => {
    if (!peut(request.acteur, permission)) throw interdit();
  };
}

/** The roles that hold a permission, for the hot routes that check it while authenticating. */
export const rolesDe = (permission: Permission): readonly Role[] => POLITIQUE[permission];
