import type { Acteur } from "../auth/acteur.js";
import { peut } from "../auth/politique.js";

/** The fields that say what a number (or an order's numbers) costs. */
const CHAMPS_COUTS = ["cout_mensuel", "cout_mise_en_service"] as const;

/**
 * A row as this caller may see it: costs are for admin and gestionnaire only (couts:lire); others get them empty,
 * whatever the route (a number, a list, an export, an order, a block).
 */
export function selonCouts<T extends object>(acteur: Pick<Acteur, "role">, ligne: T): T {
  if (peut(acteur, "couts:lire")) return ligne;
  const copie = { ...ligne } as Record<string, unknown>;
  for (const c of CHAMPS_COUTS) if (c in copie) copie[c] = null;
  return copie as T;
}
