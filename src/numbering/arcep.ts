// Facts of the French numbering plan (ARCEP) that libphonenumber does not carry: NPV blocks, zones, SVA tariffs.
import type { TypeDid } from "./numbering.js";

/** NPV (numéros polyvalents vérifiés) blocks, as national significant number prefixes. */
export const PREFIXES_NPV = [
  "162",
  "163",
  "270",
  "271",
  "377",
  "378",
  "424",
  "425",
  "568",
  "569",
  "948",
  "949",
  "9475",
  "9476",
  "9477",
  "9478",
  "9479",
] as const;

export const ZONES_FR: Record<string, string> = {
  "1": "IDF",
  "2": "NOR",
  "3": "NES",
  "4": "SES",
  "5": "SOU",
};

/** Prefixes dialled from France that belong to an overseas numbering area with its own country code. */
export const OUTRE_MER_DEPUIS_FR: ReadonlyArray<{
  prefixes: readonly string[];
  indicatif: string;
  /** Saint-Pierre-et-Miquelon's 0508 is a routing prefix, not part of its 6-digit national number. */
  retirerPrefixe: boolean;
}> = [
  { prefixes: ["262", "263", "692", "693"], indicatif: "262", retirerPrefixe: false },
  { prefixes: ["269", "639"], indicatif: "262", retirerPrefixe: false },
  { prefixes: ["590", "690", "691"], indicatif: "590", retirerPrefixe: false },
  { prefixes: ["594", "694"], indicatif: "594", retirerPrefixe: false },
  { prefixes: ["596", "696", "697"], indicatif: "596", retirerPrefixe: false },
  { prefixes: ["508"], indicatif: "508", retirerPrefixe: true },
];

/** Type and zone of a metropolitan French national significant number (9 digits, no trunk 0). */
export function typeFrancais(national: string): { type: TypeDid; region: string | null } {
  const premier = national[0] ?? "";
  const npv = PREFIXES_NPV.some((p) => national.startsWith(p));
  if (premier >= "1" && premier <= "5") {
    return { type: npv ? "NPV" : "GEO", region: ZONES_FR[premier] ?? null };
  }
  if (premier === "6" || premier === "7") return { type: "MOBILE", region: null };
  if (premier === "9") return { type: npv ? "NPV" : "NON_GEO", region: null };
  if (premier === "8") {
    const troisieme = national[2] ?? "";
    if (national.startsWith("80")) {
      return { type: troisieme <= "5" ? "SVA_GRATUIT" : "SVA_NORMAL", region: null };
    }
    // 081, 082, 089 and the other 08 ranges libphonenumber still accepts are charged above the normal rate.
    return { type: "SVA_SURTAXE", region: null };
  }
  return { type: "GEO", region: null };
}
