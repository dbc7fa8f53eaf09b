import { TYPES_DID } from "../../db/reference-data.js";

/**
 * Type and nature, region and zone (#28), in one place for every path (API, import, modification). A number's nature
 * (GEO, MOBILE, NPV...) and zone (IDF, SES...) are derived from it by the numbering module; it may take any type of
 * its nature and any region inside its zone whose prefix it starts with. The rules (caller ID, prospecting, local
 * presence) read the nature and the zone, never the company's labels.
 */
export const NATURES = TYPES_DID.map(([code]) => code);

export interface TypeRef {
  id: number;
  code: string;
  nature: string | null;
}

export interface RegionRef {
  id: number;
  indicatif_id: number;
  code: string;
  prefixe: string | null;
  zone: string | null;
}

/** What a number says of itself: its nature, its zone, its national digits (without the 0). */
export interface NumeroLu {
  type: string;
  region: string | null;
  national: string;
}

const natureDe = (t: Pick<TypeRef, "code" | "nature">) => t.nature ?? t.code;

/** Why this type does not fit the number, or undefined when it does. */
export function refusType(n: NumeroLu, t: TypeRef): string | undefined {
  if (natureDe(t) === n.type) return undefined;
  return `Le type ${t.code} est de nature ${natureDe(t)} ; le numéro est de nature ${n.type}.`;
}

/** Why this region does not fit the number, or undefined when it does (same country, its zone, its prefix). */
export function refusRegion(n: NumeroLu, indicatifId: number, r: RegionRef): string | undefined {
  const zone = r.zone ?? r.code;
  if (r.indicatif_id !== indicatifId || zone !== n.region)
    return `La région ${r.code} est en zone ${zone} ; le numéro est ${n.region ? `en zone ${n.region}` : "sans zone"}.`;
  if (r.prefixe && !`0${n.national}`.startsWith(r.prefixe))
    return `La région ${r.code} couvre les numéros en ${r.prefixe} ; le numéro n'en est pas.`;
  return undefined;
}

/**
 * The zone a new region lies in, from its prefix: the zone (a region that is its own zone) of the same country whose
 * prefix starts it. Undefined when no zone holds it.
 */
export function zoneDuPrefixe(
  prefixe: string,
  indicatifId: number,
  regions: RegionRef[],
): string | undefined {
  return regions
    .filter(
      (r) =>
        r.indicatif_id === indicatifId && r.zone === r.code && r.prefixe && prefixe.startsWith(r.prefixe),
    )
    .sort((a, b) => (b.prefixe?.length ?? 0) - (a.prefixe?.length ?? 0))[0]?.code;
}
