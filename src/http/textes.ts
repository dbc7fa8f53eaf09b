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

const MESSAGES: Record<string, string> = {
  [MOTIF_LIGNE]: "Caractère de contrôle refusé (retour à la ligne, tabulation, caractère nul…).",
  [MOTIF_TEXTE]: "Caractère de contrôle refusé (caractère nul ou invisible).",
  [MOTIF_ROUTAGE]:
    "Caractère refusé : retour à la ligne, caractère de contrôle ou « ; », qui casseraient les fichiers de routage Hermes.",
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
