import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from "libphonenumber-js/max";
import { OUTRE_MER_DEPUIS_FR, typeFrancais } from "./arcep.js";

export const TYPES_DID = [
  "GEO",
  "MOBILE",
  "NPV",
  "NON_GEO",
  "SVA_GRATUIT",
  "SVA_NORMAL",
  "SVA_SURTAXE",
  "INTERNATIONAL",
] as const;
export type TypeDid = (typeof TYPES_DID)[number];

export interface NumeroNormalise {
  /** ISO 3166 code of the numbering area (RE and YT share +262, hence both are kept). */
  pays: string;
  /** Country calling code, digits only. */
  indicatif: string;
  /** National significant number: no trunk 0, digits only. */
  national: string;
  e164: string;
  type: TypeDid;
  /** Customer-facing zone code (IDF, NOR, NES, SES, SOU, or an overseas territory), null when none applies. */
  region: string | null;
  /**
   * Well formed for its country but in no range the numbering metadata knows (a block allocated since, or never
   * known): read only when the caller accepts unknown ranges (see OptionsNormalisation).
   */
  horsPlan: boolean;
}

export interface OptionsNormalisation {
  /**
   * Accept a number of a valid length for its country outside the known ranges, marked `horsPlan`. Finding a stored
   * number always does (a lookup never depends on range validation); creating one does only when a person says so.
   */
  plagesInconnues?: boolean;
}

export type CodeRefus =
  | "NUMERO_VIDE"
  | "CARACTERES_INVALIDES"
  | "PAYS_INCONNU"
  | "TROP_COURT"
  | "TROP_LONG"
  | "LONGUEUR_INVALIDE"
  | "NUMERO_NON_ATTRIBUE"
  | "HORS_PLAGES_CONNUES";

export type ResultatNormalisation =
  | { ok: true; numero: NumeroNormalise }
  | { ok: false; code: CodeRefus; raison: string };

const MAX_LONGUEUR_SAISIE = 40;
// Separators people type between digit groups; anything else (letters, *, #) is refused rather than guessed.
const SEPARATEURS = /[\s.\-/()\u00a0\u202f]/g;

function refus(code: CodeRefus, raison: string): ResultatNormalisation {
  return { ok: false, code, raison };
}

/**
 * Reads a phone number written any common way (0142685300, 01 42 68 53 00, +33 (0)1..., 0033..., 142685300)
 * and returns its country, national significant number, E.164 form, type and region.
 * `paysParDefaut` is the country assumed for national formats (FR unless told otherwise).
 */
export function normaliser(
  saisie: string,
  paysParDefaut = "FR",
  options: OptionsNormalisation = {},
): ResultatNormalisation {
  if (typeof saisie !== "string" || saisie.trim() === "") {
    return refus("NUMERO_VIDE", "Le numéro est vide.");
  }
  if (saisie.length > MAX_LONGUEUR_SAISIE) {
    return refus("TROP_LONG", `Le numéro dépasse ${MAX_LONGUEUR_SAISIE} caractères.`);
  }
  const pays = paysParDefaut.toUpperCase();
  if (!isSupportedCountry(pays)) {
    return refus("PAYS_INCONNU", `Pays inconnu : ${paysParDefaut}.`);
  }
  // "+33 (0)1 ..." carries a trunk 0 that must not be read as a digit of the number.
  let compact = saisie.trim().replace(/\(\s*0\s*\)/, "");
  compact = compact.replace(SEPARATEURS, "");
  if (compact.startsWith("00")) compact = `+${compact.slice(2)}`;
  if (!/^\+?\d+$/.test(compact)) {
    return refus(
      "CARACTERES_INVALIDES",
      "Le numéro ne doit contenir que des chiffres, un + initial et des séparateurs (espace, point, tiret).",
    );
  }

  let parsed = parsePhoneNumberFromString(compact, pays as CountryCode);
  if (!parsed) {
    return (
      refusLongueur(compact, pays) ?? refus("NUMERO_NON_ATTRIBUE", "Ce numéro n'est pas un numéro valide.")
    );
  }

  // Overseas departments are dialled 0262..., 0590... from France but live under their own country code.
  if (parsed.countryCallingCode === "33") {
    const versOutreMer = OUTRE_MER_DEPUIS_FR.find((o) =>
      o.prefixes.some((p) => parsed?.nationalNumber.startsWith(p)),
    );
    if (versOutreMer && parsed.nationalNumber.length === 9) {
      const national = versOutreMer.retirerPrefixe ? parsed.nationalNumber.slice(3) : parsed.nationalNumber;
      const reparse = parsePhoneNumberFromString(`+${versOutreMer.indicatif}${national}`);
      if (reparse) parsed = reparse;
    }
  }

  if (!parsed.isValid()) {
    const longueur = refusLongueur(compact, pays);
    if (longueur) return longueur;
    // the right length for its country: a range the metadata does not know (ARCEP allocates blocks every month)
    if (parsed.isPossible() && parsed.countryCallingCode) {
      if (options.plagesInconnues) return { ok: true, numero: { ...decrire(parsed), horsPlan: true } };
      return refus(
        "HORS_PLAGES_CONNUES",
        "Numéro bien formé, mais hors des tranches connues du plan de numérotation : s'il vient d'un bloc récent, acceptez les plages inconnues pour l'enregistrer.",
      );
    }
    return refus(
      "NUMERO_NON_ATTRIBUE",
      "Ce numéro n'appartient à aucune tranche attribuée par le plan de numérotation.",
    );
  }
  return { ok: true, numero: decrire(parsed) };
}

function refusLongueur(compact: string, pays: string): ResultatNormalisation | undefined {
  const erreur = validatePhoneNumberLength(compact, pays as CountryCode);
  switch (erreur) {
    case "TOO_SHORT":
      return refus("TROP_COURT", "Le numéro est trop court.");
    case "TOO_LONG":
      return refus("TROP_LONG", "Le numéro est trop long.");
    case "INVALID_LENGTH":
      return refus("LONGUEUR_INVALIDE", "Le numéro n'a pas une longueur valide pour ce pays.");
    case "INVALID_COUNTRY":
      return refus("PAYS_INCONNU", "L'indicatif pays est inconnu.");
    case "NOT_A_NUMBER":
      return refus("CARACTERES_INVALIDES", "Ce n'est pas un numéro de téléphone.");
    default:
      return undefined;
  }
}

const REGIONS_OUTRE_MER: Record<string, string> = {
  RE: "REU",
  YT: "MAY",
  GP: "GUA",
  BL: "SBH",
  MF: "SMA",
  GF: "GUY",
  MQ: "MAR",
  PM: "SPM",
};

function decrire(parsed: PhoneNumber): NumeroNormalise {
  const indicatif = parsed.countryCallingCode;
  const national = parsed.nationalNumber;
  const pays = parsed.country ?? "";
  const base = { pays, indicatif, national, e164: `+${indicatif}${national}`, horsPlan: false };
  if (indicatif === "33") {
    const { type, region } = typeFrancais(national);
    return { ...base, pays: "FR", type, region };
  }
  const regionOutreMer = REGIONS_OUTRE_MER[pays];
  if (regionOutreMer) {
    const type: TypeDid = parsed.getType() === "MOBILE" ? "MOBILE" : "GEO";
    return { ...base, type, region: regionOutreMer };
  }
  return { ...base, type: "INTERNATIONAL", region: null };
}

/** Digits a person typed to find a number ("53 00", "+33 1 42"), reduced to what can be matched against stored numbers. */
export function chiffresDeRecherche(saisie: string): string {
  let chiffres = saisie.replace(/\(\s*0\s*\)/, "").replace(/\D/g, "");
  const international = /^\s*(\+|00)/.test(saisie);
  if (international) {
    chiffres = chiffres.replace(/^00/, "");
    return chiffres;
  }
  // A French national form "01 42..." is searched without its trunk 0, as numbers are stored.
  if (/^0[1-9]/.test(chiffres)) return chiffres.slice(1);
  return chiffres;
}

/**
 * A number as people read it in a message: national form for France and the overseas departments on its plan
 * (« 01 42 68 53 00 », « 02 62 30 06 66 »), E.164 with « + » elsewhere (the extranet's numeroLisible, for the API's
 * sentences).
 */
export function numeroPourMessage(e164: string): string {
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  return n.country && ["FR", "RE", "YT", "GP", "BL", "MF", "GF", "MQ"].includes(n.country)
    ? n.formatNational()
    : n.formatInternational();
}

const INDICATIFS_OUTRE_MER = OUTRE_MER_DEPUIS_FR.map((o) => ({ ...o, plus: `+${o.indicatif}` }));

/**
 * The digits dialled from France for a number of the French plan (« 0142685300 », « 0262304152 », « 0508412345 »),
 * or null for a foreign one. String work only: a carrier's list of 150,000 numbers must not parse each one.
 */
export function chiffresDepuisLaFrance(e164: string): string | null {
  if (e164.startsWith("+33")) return `0${e164.slice(3)}`;
  for (const o of INDICATIFS_OUTRE_MER)
    if (e164.startsWith(o.plus)) return `0${o.retirerPrefixe ? o.indicatif : ""}${e164.slice(o.plus.length)}`;
  return null;
}
