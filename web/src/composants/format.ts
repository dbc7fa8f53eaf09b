import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** "+33142685300" → "01 42 68 53 00" (national form for France, international for the others). */
export function numeroLisible(e164: string | null | undefined): string {
  if (!e164) return "—";
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  return n.country === "FR" ? n.formatNational() : n.formatInternational();
}

export const euros = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : v.toLocaleString("fr-FR", { style: "currency", currency: "EUR" });
