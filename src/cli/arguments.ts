import { readFileSync } from "node:fs";
import { ApiError } from "../http/errors.js";

/** `--map champ=colonne` given several times: which column of the file feeds which field. */
export function correspondancesCli(maps: string[] | undefined): Record<string, string> {
  const colonnes: Record<string, string> = {};
  for (const m of maps ?? []) {
    const [champ, ...reste] = m.split("=");
    if (!champ || reste.length === 0)
      throw new ApiError(422, "CORRESPONDANCE_INVALIDE", `--map ${m} : champ=colonne attendu.`);
    colonnes[champ] = reste.join("=");
  }
  return colonnes;
}

/** A file named on the command line, read whole, or a clear refusal. */
export function fichierCli(fichier: string): Buffer {
  try {
    return readFileSync(fichier);
  } catch {
    throw new ApiError(422, "FICHIER_ABSENT", `Fichier introuvable : ${fichier}.`);
  }
}
