import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * France and the overseas departments dialled with a 0 from France (ARCEP's plan: 0262, 0269, 0590, 0594, 0596,
 * 0639): a French user reads and types their national form. Other countries keep the international form.
 */
const PLAN_FRANCAIS = new Set(["FR", "RE", "YT", "GP", "BL", "MF", "GF", "MQ"]);

/** "+33142685300" → "01 42 68 53 00", "+262262300666" → "02 62 30 06 66"; "+3225551234" → "+32 2 555 12 34". */
export function numeroLisible(e164: string | null | undefined): string {
  if (!e164) return "—";
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  return n.country && PLAN_FRANCAIS.has(n.country) ? n.formatNational() : n.formatInternational();
}

/**
 * Where the digits searched for appear in a displayed number: [start, end) character ranges, spaces inside a
 * match included. A search "0142" matches "01 42 …"; "4268" matches "… 42 68 …".
 */
export function plagesTrouvees(affiche: string, recherche: string | undefined): Array<[number, number]> {
  const chiffres = (recherche ?? "").replace(/\D/g, "");
  if (chiffres.length < 2) return [];
  const positions: number[] = [];
  for (let i = 0; i < affiche.length; i++) if (/\d/.test(affiche[i] as string)) positions.push(i);
  const seuls = positions.map((i) => affiche[i]).join("");
  const plages: Array<[number, number]> = [];
  for (
    let debut = seuls.indexOf(chiffres);
    debut >= 0;
    debut = seuls.indexOf(chiffres, debut + chiffres.length)
  )
    plages.push([positions[debut] as number, (positions[debut + chiffres.length - 1] as number) + 1]);
  return plages;
}

export const euros = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : v.toLocaleString("fr-FR", { style: "currency", currency: "EUR" });
