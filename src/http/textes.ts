import { Type } from "@sinclair/typebox";

// What PostgreSQL cannot store (NUL) and what breaks a line-oriented file or a log (other control characters):
// refused at input, with a message that says why, rather than failing later as a 500 or a forged line.
const CONTROLE = "\\u0000-\\u001F\\u007F";
/** Control characters except tab, line feed and carriage return. */
const CONTROLE_SAUF_LIGNES = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F";
/** The separator the default routing templates write between fields (recept.ons, S2.ons). */
const SEPARATEUR_ROUTAGE = ";";

export const MOTIF_LIGNE = `^[^${CONTROLE}]*$`;
export const MOTIF_TEXTE = `^[^${CONTROLE_SAUF_LIGNES}]*$`;
export const MOTIF_ROUTAGE = `^[^${CONTROLE}${SEPARATEUR_ROUTAGE}]*$`;
/** The start of the numbers an order asks for: national digits. */
export const MOTIF_PREFIXE = "^[0-9]{1,8}$";

const MESSAGES: Record<string, string> = {
  [MOTIF_LIGNE]: "Caractère de contrôle refusé (retour à la ligne, tabulation, caractère nul…).",
  [MOTIF_TEXTE]: "Caractère de contrôle refusé (caractère nul ou invisible).",
  [MOTIF_ROUTAGE]:
    "Caractère refusé : retour à la ligne, caractère de contrôle ou « ; », qui casseraient les fichiers de routage Hermes.",
  [MOTIF_PREFIXE]: "De 1 à 8 chiffres, sans espace : « 0142 » pour des numéros en 01 42.",
};

/** The message for a value refused by one of these patterns, or undefined for another pattern. */
export const messageMotifTexte = (motif: unknown): string | undefined =>
  typeof motif === "string" ? MESSAGES[motif] : undefined;

/** One line of text (names, labels, references). */
export const Ligne = (options: { minLength?: number; maxLength: number; description?: string }) =>
  Type.String({ ...options, pattern: MOTIF_LIGNE });

/** Free text over several lines (descriptions, notes, comments). */
export const TexteLibre = (maxLength: number, description?: string) =>
  Type.String({ maxLength, pattern: MOTIF_TEXTE, ...(description ? { description } : {}) });

/** A value that a routing template prints (alias, hermes_id): one line, without the templates' separator. */
export const ValeurRoutage = (options: { minLength?: number; maxLength: number; description?: string }) =>
  Type.String({ ...options, pattern: MOTIF_ROUTAGE });

const RE_ROUTAGE = new RegExp(MOTIF_ROUTAGE, "u");

/** Why a value cannot be printed in a routing file, or undefined when it can (checked again at rendering). */
export function valeurRoutageInvalide(valeur: string | null | undefined): string | undefined {
  if (valeur === null || valeur === undefined || RE_ROUTAGE.test(valeur)) return undefined;
  return MESSAGES[MOTIF_ROUTAGE];
}

// NUL and the control characters a text never holds; tab, line feed and carriage return are text (a note on several
// lines, a cell that starts with a tab).
const CONTROLE_INTERDIT = new RegExp(`[${CONTROLE_SAUF_LIGNES}]`);
const CONTROLES_INTERDITS = new RegExp(`[${CONTROLE_SAUF_LIGNES}]`, "g");

/** A cell as a person can read it in a report: its control characters written out (\0, \x1B...). */
export const celluleLisible = (v: string): string =>
  v.replace(CONTROLES_INTERDITS, (c) =>
    c === "\u0000" ? "\\0" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`,
  );

/**
 * Why a line of an uploaded file is refused for its bytes, or undefined: a NUL (PostgreSQL cannot store it) or
 * another control character in any of its cells. Every reader of uploaded files (imports, carrier files, call
 * records) asks it of each line and refuses the line with this reason.
 */
export function controleInterdit(valeurs: Record<string, string>): string | undefined {
  for (const [colonne, v] of Object.entries(valeurs))
    if (CONTROLE_INTERDIT.test(v))
      return `caractère de contrôle refusé dans la colonne « ${celluleLisible(colonne)} » : ${celluleLisible(v).slice(0, 80)}`;
  return undefined;
}
