import { introuvable } from "../../http/errors.js";
import type { Acteur, Role } from "./acteur.js";
import { type Permission, peut } from "./politique.js";

/**
 * Who may see what, in one place (ARCHITECTURE.md, "Access in one module"; immich's utils/access.ts is the model).
 * Three questions, three answers:
 * - which rows: the caller's scope, every client or one (`porteeDe`, computed once per request while
 *   authenticating and carried on the actor), applied by repositories through `restreindre`, and by writes through
 *   `exigerAcces`;
 * - which fields: one table from field to permission (`CHAMPS_RESTREINTS`), applied by `selonAcces` to every
 *   output: the global serialisation hook covers every JSON answer, and the file writers (CSV, XLSX, exports)
 *   call it on each row;
 * - whose history: `historique-visible.ts`, on top of the same scope.
 */

/** Every client's rows (staff, the system, the CLI), or one client's only (the `client` role). */
export type Portee = { readonly tout: true } | { readonly client: number };

export const TOUT: Portee = Object.freeze({ tout: true });

/** A client account without a client sees nothing: -1 matches no row. */
export const porteeDe = (acteur: { role: Role; clientId: number | null }): Portee =>
  acteur.role === "client" ? { client: acteur.clientId ?? -1 } : TOUT;

/** The one client a scope is narrowed to, or undefined for all: what repositories filter on. */
export const clientDe = (p: Portee): number | undefined => ("client" in p ? p.client : undefined);

/** The caller's scope: the one computed while authenticating, else (system, CLI, scheduler) from its role. */
export const porteeDuActeur = (acteur: Acteur): Portee => acteur.portee ?? porteeDe(acteur);

/** Narrows a query to the scope on the column that holds a row's client. */
export function restreindre<Q>(q: Q, portee: Portee, colonne: string): Q {
  if (!("client" in portee)) return q;
  return (q as unknown as { where(c: string, op: "=", v: number): Q }).where(colonne, "=", portee.client);
}

/** Whether a row of this client is within the caller's scope (a row without client is staff business). */
export function dansLaPortee(acteur: Acteur, clientId: number | null | undefined): boolean {
  const p = porteeDuActeur(acteur);
  return !("client" in p) || clientId === p.client;
}

/**
 * The check every write (and every read of one row by id) makes: a row outside the caller's scope is answered as
 * absent, 404 and never 403, so that a client cannot learn which ids exist.
 */
export function exigerAcces<T>(
  acteur: Acteur,
  entite: string,
  ligne: T | undefined | null,
  clientDeLaLigne: (l: T) => number | null | undefined,
): T {
  if (!ligne || !dansLaPortee(acteur, clientDeLaLigne(ligne))) throw introuvable(entite);
  return ligne;
}

/**
 * The fields that need a permission beyond the route's own. Whoever lacks it gets them empty (null), wherever they
 * appear: a row, a list, a file, an audit entry's before and after, a history line about that field. A response
 * schema that carries one of them declares it nullable (a test checks the OpenAPI document).
 */
export const CHAMPS_RESTREINTS: Readonly<Record<string, Permission>> = {
  // what numbers cost us, what carriers bill, what clients pay
  cout_mensuel: "couts:lire",
  cout_mise_en_service: "couts:lire",
  prix_mensuel: "couts:lire",
  prix_facture: "couts:lire",
  prix_inventaire: "couts:lire",
  montant_facture: "couts:lire",
  tarifs: "couts:lire",
  // the company's infrastructure and carrier references
  equipement_id: "internes:lire",
  equipement: "internes:lire",
  cloud_id: "internes:lire",
  cloud: "internes:lire",
  reference_externe: "internes:lire",
  reference_operateur: "internes:lire",
  // who on the staff did it
  created_by: "internes:lire",
  modified_by: "internes:lire",
  corrige_par: "internes:lire",
  // Hermes' publication is the staff's concern
  publication_en_attente: "publication:lire",
};

/** Fields a route shows by design to whoever passes its permission (a client's own statement shows its prices). */
export type ChampsPropres = readonly string[];

const PERMISSIONS_CHAMPS = [...new Set(Object.values(CHAMPS_RESTREINTS))];

/** Each role's hidden fields, worked out once: every answer asks (champsCaches). */
const CACHES_PAR_ROLE = new Map<Role, Set<string> | undefined>();

/** The fields this caller may not see, or undefined when it may see them all (the common case, for staff). */
function champsCaches(acteur: Pick<Acteur, "role">, propres?: ChampsPropres): Set<string> | undefined {
  if (propres) return calculerCaches(acteur, propres);
  if (!CACHES_PAR_ROLE.has(acteur.role)) CACHES_PAR_ROLE.set(acteur.role, calculerCaches(acteur));
  return CACHES_PAR_ROLE.get(acteur.role);
}

function calculerCaches(acteur: Pick<Acteur, "role">, propres?: ChampsPropres): Set<string> | undefined {
  const refusees = PERMISSIONS_CHAMPS.filter((p) => !peut(acteur, p));
  if (refusees.length === 0) return undefined;
  const caches = new Set(
    Object.entries(CHAMPS_RESTREINTS)
      .filter(([c, p]) => refusees.includes(p) && !propres?.includes(c))
      .map(([c]) => c),
  );
  return caches.size === 0 ? undefined : caches;
}

const MAX_PROFONDEUR = 8;

function masquer(valeur: unknown, caches: Set<string>, profondeur: number): unknown {
  if (valeur === null || typeof valeur !== "object" || profondeur > MAX_PROFONDEUR) return valeur;
  if (Array.isArray(valeur)) {
    let copie: unknown[] | undefined;
    for (let i = 0; i < valeur.length; i++) {
      const v = masquer(valeur[i], caches, profondeur + 1);
      if (v !== valeur[i]) {
        copie ??= valeur.slice();
        copie[i] = v;
      }
    }
    return copie ?? valeur;
  }
  if (valeur instanceof Date || Buffer.isBuffer(valeur)) return valeur;
  const objet = valeur as Record<string, unknown>;
  let copie: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(objet)) {
    const m = caches.has(k) ? null : masquer(v, caches, profondeur + 1);
    if (m !== v) {
      copie ??= { ...objet };
      copie[k] = m;
    }
  }
  // a history line about a hidden field keeps its date and action, not the values
  const champ = objet.champ;
  if (
    typeof champ === "string" &&
    caches.has(champ) &&
    ("ancienne_valeur" in objet || "nouvelle_valeur" in objet)
  ) {
    copie ??= { ...objet };
    if ("ancienne_valeur" in copie) copie.ancienne_valeur = null;
    if ("nouvelle_valeur" in copie) copie.nouvelle_valeur = null;
  }
  return copie ?? objet;
}

/**
 * A value as this caller may see it: every field of the table it lacks the permission for is null, at any depth
 * (an audit entry's `avant` and `apres` included). The input is never modified; unchanged parts are shared.
 */
export function selonAcces<T>(acteur: Pick<Acteur, "role">, valeur: T, propres?: ChampsPropres): T {
  const caches = champsCaches(acteur, propres);
  return caches ? (masquer(valeur, caches, 0) as T) : valeur;
}

/** The same, for many rows of one caller (a file being written): the table is read once. */
export function masqueur(acteur: Pick<Acteur, "role">, propres?: ChampsPropres): <T>(ligne: T) => T {
  const caches = champsCaches(acteur, propres);
  return caches ? <T>(l: T) => masquer(l, caches, 0) as T : <T>(l: T) => l;
}
