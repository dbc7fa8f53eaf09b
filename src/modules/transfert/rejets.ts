import { stringify } from "csv-stringify/sync";
import { CAST_CSV } from "../../http/csv.js";
import type { Rejet } from "./import-contexte.js";
import type { Tableau } from "./lecture.js";

/** The column added to the refused lines: the file's own columns stay as they were, so it imports again. */
export const COLONNE_MOTIF = "motif_rejet";

/**
 * The refused lines of a file as a CSV: the original columns and cells, plus why each was refused (several
 * reasons of one line joined). Corrected, it imports again: the import reports the extra column as ignored.
 */
export function csvRejets(tableau: Tableau, rejets: Rejet[]): string {
  const raisons = new Map<number, string[]>();
  for (const r of rejets) {
    const texte = `${r.colonne ? `${r.colonne} : ` : ""}${r.raison}`;
    raisons.set(r.ligne, [...(raisons.get(r.ligne) ?? []), texte]);
  }
  const lignes = tableau.lignes
    .filter((l) => raisons.has(l.ligne))
    .map((l) => [
      ...tableau.entetes.map((e) => l.valeurs[e] ?? ""),
      (raisons.get(l.ligne) ?? []).join(" ; "),
    ]);
  return stringify([[...tableau.entetes, COLONNE_MOTIF], ...lignes], {
    delimiter: ";",
    bom: true,
    cast: CAST_CSV,
  });
}
