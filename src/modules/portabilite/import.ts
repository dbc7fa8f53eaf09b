import type { Contexte } from "../../contexte.js";
import { ApiError } from "../../http/errors.js";
import { associerChamps, colonnesIgnorees, lireCorrespondances } from "../transfert/colonnes.js";
import { type LimitesLecture, lireTableau } from "../transfert/lecture.js";
import { ajouterNumeros } from "./portabilite.service.js";

/** The columns of a port-in list, French and English, read through the imports' own mapping. */
export const CHAMPS_PORTABILITE: Record<string, { noms: string[]; requis?: boolean }> = {
  numero: {
    noms: ["numero", "numéro", "number", "ndi", "did", "sda", "e164", "plage", "telephone"],
    requis: true,
  },
  rio: { noms: ["rio", "code_rio", "releve_identite_operateur"] },
};

/**
 * A port-in's numbers from a CSV or XLSX file (read in a worker like every import): the same classes and the same
 * all-or-nothing as the API. A column nothing reads is reported, and refuses the file when `strict`.
 */
export async function importerNumerosPortabilite(
  ctx: Contexte,
  id: number,
  contenu: Buffer,
  colonnes: string | undefined,
  strict: boolean,
  limites: LimitesLecture,
) {
  const tableau = await lireTableau(contenu, limites);
  const champs = associerChamps(
    CHAMPS_PORTABILITE,
    "portabilite",
    tableau.entetes,
    lireCorrespondances(colonnes),
  );
  const ignorees = colonnesIgnorees(tableau.entetes, champs);
  if (strict && ignorees.length > 0)
    throw new ApiError(422, "COLONNES_IGNOREES", `Colonne(s) que rien ne lit : ${ignorees.join(", ")}.`);
  const numeros = tableau.lignes
    .map((l) => ({
      numero: (l.valeurs[champs.numero as string] ?? "").trim(),
      rio: champs.rio ? (l.valeurs[champs.rio] ?? "").trim() || null : null,
    }))
    .filter((n) => n.numero !== "");
  if (numeros.length === 0) throw new ApiError(422, "FICHIER_VIDE", "Aucun numéro dans le fichier.");
  const ajoutes = await ajouterNumeros(ctx, id, numeros);
  return { ajoutes, colonnes_ignorees: ignorees };
}
