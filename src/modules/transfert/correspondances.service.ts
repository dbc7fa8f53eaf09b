import { CHAMPS_FACTURE } from "../rapprochements/rapprochements.service.js";
import { CHAMPS_HERMES, CHAMPS_SIMPLE, formatAppels } from "../usage/appels.js";
import { CHAMPS, colonnesIgnorees, TYPES_IMPORT, type TypeImport, trouverChamps } from "./colonnes.js";
import type { Tableau } from "./lecture.js";

/** Every kind of file an upload reads: the imports, the platform's call records, a carrier's invoice. */
export const SORTES_FICHIER = [...TYPES_IMPORT, "appels", "rapprochement"] as const;
export type SorteFichier = (typeof SORTES_FICHIER)[number];

type Champs = Record<string, { noms: string[]; requis?: boolean }>;

function champsDe(sorte: SorteFichier, entetes: string[]): Champs {
  if (sorte === "rapprochement") return CHAMPS_FACTURE;
  if (sorte === "appels") return formatAppels(entetes) === "HERMES" ? CHAMPS_HERMES : CHAMPS_SIMPLE;
  return CHAMPS[sorte as TypeImport];
}

/**
 * The mapping step of an upload, before anything is written: the file's columns, each field of its kind with the
 * column its known names give it (or none), the required ones marked, and the columns nothing reads. What the
 * person changes goes back as `colonnes` with the upload.
 */
export function proposerCorrespondances(sorte: SorteFichier, tableau: Tableau) {
  const champs = champsDe(sorte, tableau.entetes);
  const trouvees = trouverChamps(champs, sorte, tableau.entetes);
  return {
    entetes: tableau.entetes,
    lignes: tableau.lignes.length,
    champs: Object.entries(champs).map(([champ, d]) => ({
      champ,
      requis: !!d.requis,
      colonne: trouvees[champ] ?? null,
    })),
    colonnes_ignorees: colonnesIgnorees(tableau.entetes, trouvees),
    manquants: Object.entries(champs)
      .filter(([c, d]) => d.requis && !trouvees[c])
      .map(([c]) => c),
  };
}
