import { TZDate } from "@date-fns/tz";

// Business dates and times are French time: an assignment "from 01/03/2024" starts at 00:00 in Paris, which is
// 23:00 UTC the day before in winter and 22:00 in summer. Set once at start from TZ_METIER (config.ts); the API
// itself always speaks ISO 8601 with offsets.
let fuseau = "Europe/Paris";

/** Whether the IANA zone is known to this runtime (TZ_METIER is checked with it at start). */
export function fuseauValide(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("fr-FR", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function fixerFuseauMetier(tz: string) {
  if (!fuseauValide(tz)) throw new Error(`Fuseau horaire inconnu : ${tz}`);
  fuseau = tz;
}

export const fuseauMetier = () => fuseau;

/**
 * The instant of a wall-clock time in business time. A time skipped when clocks go forward (02:30 on the last
 * Sunday of March) is read as the same time of the new offset, i.e. one hour later; a time repeated in October
 * is its later occurrence (once clocks went back).
 */
export function instantMetier(
  annee: number,
  mois: number,
  jour: number,
  heure = 0,
  minute = 0,
  seconde = 0,
): Date {
  return new Date(new TZDate(annee, mois - 1, jour, heure, minute, seconde, fuseau).getTime());
}

const jourFormat = new Map<string, Intl.DateTimeFormat>();
/** The business day an instant falls on, as YYYY-MM-DD. */
export function jourMetier(instant: Date): string {
  let f = jourFormat.get(fuseau);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: fuseau,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    jourFormat.set(fuseau, f);
  }
  return f.format(instant);
}

const heureFormat = new Map<string, Intl.DateTimeFormat>();
/** An instant as people read it here: « jj/mm/aaaa hh:mm », 24-hour, business time. */
export function dateHeureFr(instant: Date): string {
  let f = heureFormat.get(fuseau);
  if (!f) {
    f = new Intl.DateTimeFormat("fr-FR", {
      timeZone: fuseau,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    heureFormat.set(fuseau, f);
  }
  return `${jourFr(jourMetier(instant))} ${f.format(instant)}`;
}

/** The instant 00:00 of a business day given as YYYY-MM-DD. */
export function debutDuJour(jour: string): Date {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  return instantMetier(a, m, j);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601: with an offset (Z, +01:00), the instant it says; without one (a date, or a date and a time), business
 * time. Undefined when it is not ISO 8601 or not a real date.
 */
export function lireIsoMetier(s: string): Date | undefined {
  const m = ISO.exec(s.trim());
  if (!m) return undefined;
  const [a, mo, j, h, mi, se] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(
    Number,
  ) as number[];
  if (
    !dateReelle(a as number, mo as number, j as number) ||
    (h as number) > 23 ||
    (mi as number) > 59 ||
    (se as number) > 59
  )
    return undefined;
  if (m[7]) {
    const d = new Date(s.trim().replace(" ", "T"));
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return instantMetier(a as number, mo as number, j as number, h, mi, se);
}

export function dateReelle(a: number, m: number, j: number): boolean {
  const d = new Date(Date.UTC(a, m - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === m - 1 && d.getUTCDate() === j;
}

/** A business day as a French sentence writes it: "2027-03-01" → "01/03/2027". */
export function jourFr(jour: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(jour);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : jour;
}

/** A business day (YYYY-MM-DD) moved by n calendar days: no time zone involved. */
export function jourPlus(jour: string, n: number): string {
  const d = new Date(`${jour}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A month given as AAAA-MM: its first and last days, the next month's first day, its days. Undefined if unreadable. */
export function moisMetier(periode: string) {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periode);
  if (!m) return undefined;
  const premier = `${periode}-01`;
  const suivant =
    Number(m[2]) === 12
      ? `${Number(m[1]) + 1}-01-01`
      : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, "0")}-01`;
  const jours: string[] = [];
  for (let j = premier; j < suivant; j = jourPlus(j, 1)) jours.push(j);
  return { premier, dernier: jourPlus(suivant, -1), suivant, jours };
}

const JOUR_SEUL = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/**
 * An end as a caller writes it. A date alone includes its day: "2025-06-30" ends at 00:00 Paris on 1 July
 * (2025-06-30T22:00:00Z), as mandates, freezes and blocks count days; with a time, the instant it says.
 */
export function lireFinMetier(s: string): Date | undefined {
  const m = JOUR_SEUL.exec(s);
  if (!m) return lireIsoMetier(s);
  if (!dateReelle(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return debutDuJour(jourPlus(`${m[1]}-${m[2]}-${m[3]}`, 1));
}
