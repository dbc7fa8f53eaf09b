import { dateHeureFr } from "../../heure-metier.js";

// A number leaving by porting is routed up to its instant and never after (#30): an assignment made or changed while
// the notice holds ends at that instant at the latest, whatever the path (API, import). One rule, read by both.

/** Why an assignment ending at `fin` (null: no end) may not be kept on this number; undefined: it may. */
export function refusApresSortie(
  n: { portabilite_sortante_id?: unknown; resiliation_prevue_le?: unknown },
  fin: Date | null,
): string | undefined {
  if (!n.portabilite_sortante_id || !n.resiliation_prevue_le) return undefined;
  const sortie = new Date(n.resiliation_prevue_le as string | Date);
  if (fin && fin <= sortie) return undefined;
  return `Ce numéro part par portabilité le ${dateHeureFr(sortie)} (heure de Paris) : une affectation s'arrête à cet instant au plus tard (date_fin).`;
}
