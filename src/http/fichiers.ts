import { CAST_CSV } from "./csv.js";
import { ApiError } from "./errors.js";

/**
 * Two kinds of file (ARCHITECTURE.md, "Files for people, files for machines"). A file for people is opened in a
 * spreadsheet: a cell that starts like a formula is made inert (csv.ts). A file for a program is written raw, byte
 * for byte the data, since an added apostrophe breaks the program that reads it. This is the list of the files for
 * programs; every other file the API writes (exports, lists, statements, claims, rejects) is for people.
 */
export const FICHIERS_POUR_MACHINES = {
  routage: "l'export du routage (GET /routage/export), lu par Hermes",
  ons: "les fichiers de routage .ons publiés vers Hermes",
  declaration: "les déclarations de présentation du numéro envoyées aux opérateurs",
} as const;

export type FichierPourMachine = keyof typeof FICHIERS_POUR_MACHINES;
/** Who reads a file: people, or one of the programs of the list. */
export type Destinataire = "personnes" | FichierPourMachine;

const CAST_BRUT = {
  boolean: CAST_CSV.boolean,
  string: (v: string) => v,
  number: CAST_CSV.number,
};

/** csv-stringify's casts for a file, by who reads it. */
export const castCsv = (pour: Destinataire) => (pour === "personnes" ? CAST_CSV : CAST_BRUT);

/** The raw file an upload route received as its body (CSV or XLSX), or 415 when the body was parsed as something else. */
export function fichierDuCorps(corps: unknown): Buffer {
  if (!Buffer.isBuffer(corps))
    throw new ApiError(415, "FICHIER_ATTENDU", "Envoyez le fichier comme corps de la requête (CSV ou XLSX).");
  return corps;
}
