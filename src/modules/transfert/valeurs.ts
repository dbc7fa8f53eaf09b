/** Cell readers: what people type in spreadsheets, read strictly (a value not understood is a rejection). */
import { dateReelle, instantMetier, lireFinMetier, lireIsoMetier } from "../../heure-metier.js";

export type Lu<T> = { ok: true; v: T } | { ok: false; raison: string };

/** 2026-01-15, 15/01/2026, 15/01/26 → 2026-01-15. */
export function lireDate(s: string): Lu<string> {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  let a: number;
  let m: number;
  let j: number;
  if (iso) [a, m, j] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr)
    [j, m, a] = [Number(fr[1]), Number(fr[2]), Number(fr[3]) < 100 ? 2000 + Number(fr[3]) : Number(fr[3])];
  else return { ok: false, raison: "Date illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)." };
  const d = new Date(Date.UTC(a, m - 1, j));
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== m - 1 || d.getUTCDate() !== j)
    return { ok: false, raison: "Date inexistante." };
  return { ok: true, v: d.toISOString().slice(0, 10) };
}

/**
 * An instant: ISO 8601, or a French date with an optional time. Without an offset it is business time
 * (TZ_METIER, Europe/Paris): "01/03/2024" is 00:00 in Paris, 23:00 UTC the day before.
 */
export function lireInstant(s: string): Lu<Date> {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  let d: Date | undefined;
  if (fr) {
    const [j, m, a, h, mi, se] = [fr[1], fr[2], fr[3], fr[4] ?? "0", fr[5] ?? "0", fr[6] ?? "0"].map(
      Number,
    ) as [number, number, number, number, number, number];
    if (dateReelle(a, m, j) && h < 24 && mi < 60 && se < 60) d = instantMetier(a, m, j, h, mi, se);
  } else d = lireIsoMetier(s);
  if (!d) return { ok: false, raison: "Date et heure illisibles (attendu ISO 8601 ou JJ/MM/AAAA HH:MM)." };
  return { ok: true, v: d };
}

/** 1,50 / 1.50 / 1 500,00 € → 1.5 */
export function lireMontant(s: string): Lu<number> {
  const t = s.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,4})?$/.test(t)) return { ok: false, raison: "Montant illisible." };
  const v = Number(t);
  if (v > 1_000_000) return { ok: false, raison: "Montant trop élevé (1 000 000 au plus)." };
  return { ok: true, v };
}

export function lireEntier(s: string, min: number, max: number): Lu<number> {
  if (!/^\d+$/.test(s)) return { ok: false, raison: "Nombre entier attendu." };
  const v = Number(s);
  if (v < min || v > max) return { ok: false, raison: `Entre ${min} et ${max}.` };
  return { ok: true, v };
}

const VRAI = new Set(["oui", "o", "vrai", "true", "1", "x", "yes", "y"]);
const FAUX = new Set(["non", "n", "faux", "false", "0", "no", ""]);
export function lireBooleen(s: string): Lu<boolean> {
  const k = s.trim().toLowerCase();
  if (VRAI.has(k)) return { ok: true, v: true };
  if (FAUX.has(k)) return { ok: true, v: false };
  return { ok: false, raison: "Oui ou non attendu." };
}

export type Sens = { entrant: boolean; sortant: boolean };
const simplifierSens = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
const ENTRANT = [
  "e",
  "entrant",
  "entrante",
  "entree",
  "in",
  "inbound",
  "incoming",
  "appel entrant",
  "reception",
];
const SORTANT = [
  "s",
  "sortant",
  "sortante",
  "sortie",
  "out",
  "outbound",
  "outgoing",
  "appel sortant",
  "emission",
];
const DEUX = [
  "les deux",
  "lesdeux",
  "both",
  "all",
  "mixte",
  "tous",
  "bidirectionnel",
  "in out",
  "inout",
  "es",
  "se",
];
const SENS = new Map<string, Sens>([
  ...ENTRANT.map((k) => [k, { entrant: true, sortant: false }] as const),
  ...SORTANT.map((k) => [k, { entrant: false, sortant: true }] as const),
  ...DEUX.map((k) => [k, { entrant: true, sortant: true }] as const),
]);

/**
 * A direction as legacy files write it: E, S, E/S, ES, E+S, entrant, sortant, entrant/sortant, les deux, in, out,
 * both, in/out… A pair of an inbound and an outbound word joined by /, +, -, & or "et" is both.
 */
export function lireSens(s: string): Lu<Sens> {
  const k = simplifierSens(s);
  const direct = SENS.get(k);
  if (direct) return { ok: true, v: direct };
  const parties = k.split(/\s*(?:\/|\+|&|-|,|\bet\b|\band\b)\s*/).filter(Boolean);
  if (parties.length === 2) {
    const [a, b] = parties.map((p) => SENS.get(p));
    if (a && b && a.entrant !== b.entrant && a.sortant !== b.sortant)
      return { ok: true, v: { entrant: true, sortant: true } };
  }
  return {
    ok: false,
    raison: "Sens inconnu (attendu E, S, E/S, entrant, sortant, les deux, in, out ou both).",
  };
}

/** A code for a reference created from a name: upper case, the characters the codes allow. */
export function codeDe(nom: string): string {
  return nom
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .padEnd(2, "_");
}

/** An end: as lireInstant, but a date alone (30/06/2025, 2025-06-30) includes its day (lireFinMetier). */
export function lireFin(s: string): Lu<Date> {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  const iso = fr ? `${fr[3]}-${(fr[2] as string).padStart(2, "0")}-${(fr[1] as string).padStart(2, "0")}` : s;
  if (!fr && !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s)) return lireInstant(s);
  const d = lireFinMetier(iso);
  if (!d) return { ok: false, raison: "Date illisible (attendu ISO 8601 ou JJ/MM/AAAA)." };
  return { ok: true, v: d };
}
