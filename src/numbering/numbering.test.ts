import { describe, expect, it } from "vitest";
import { chiffresDeRecherche, normaliser } from "./index.js";
import { chiffresDepuisLaFrance } from "./numbering.js";

type Attendu = [e164: string, pays: string, national: string, type: string, region: string | null];
// [input, country hint, expected]
const VALIDES: Array<[string, string | undefined, Attendu]> = [
  // Metropolitan geographic numbers, one or more per zone
  ["0142685300", undefined, ["+33142685300", "FR", "142685300", "GEO", "IDF"]],
  ["01 45 67 89 10", undefined, ["+33145678910", "FR", "145678910", "GEO", "IDF"]],
  ["0233123456", undefined, ["+33233123456", "FR", "233123456", "GEO", "NOR"]],
  ["02-99-12-34-56", undefined, ["+33299123456", "FR", "299123456", "GEO", "NOR"]],
  ["0388123456", undefined, ["+33388123456", "FR", "388123456", "GEO", "NES"]],
  ["03 20 12 34 56", undefined, ["+33320123456", "FR", "320123456", "GEO", "NES"]],
  ["0491123456", undefined, ["+33491123456", "FR", "491123456", "GEO", "SES"]],
  ["04/72/12/34/56", undefined, ["+33472123456", "FR", "472123456", "GEO", "SES"]],
  ["0556123456", undefined, ["+33556123456", "FR", "556123456", "GEO", "SOU"]],
  ["05.61.12.34.56", undefined, ["+33561123456", "FR", "561123456", "GEO", "SOU"]],
  // Every NPV block
  ["0162123456", undefined, ["+33162123456", "FR", "162123456", "NPV", "IDF"]],
  ["0163123456", undefined, ["+33163123456", "FR", "163123456", "NPV", "IDF"]],
  ["0270123456", undefined, ["+33270123456", "FR", "270123456", "NPV", "NOR"]],
  ["0271123456", undefined, ["+33271123456", "FR", "271123456", "NPV", "NOR"]],
  ["0377123456", undefined, ["+33377123456", "FR", "377123456", "NPV", "NES"]],
  ["0378123456", undefined, ["+33378123456", "FR", "378123456", "NPV", "NES"]],
  ["0424123456", undefined, ["+33424123456", "FR", "424123456", "NPV", "SES"]],
  ["0425123456", undefined, ["+33425123456", "FR", "425123456", "NPV", "SES"]],
  ["0568123456", undefined, ["+33568123456", "FR", "568123456", "NPV", "SOU"]],
  ["0569123456", undefined, ["+33569123456", "FR", "569123456", "NPV", "SOU"]],
  ["0948123456", undefined, ["+33948123456", "FR", "948123456", "NPV", null]],
  ["0949123456", undefined, ["+33949123456", "FR", "949123456", "NPV", null]],
  ["0947512345", undefined, ["+33947512345", "FR", "947512345", "NPV", null]],
  ["0947612345", undefined, ["+33947612345", "FR", "947612345", "NPV", null]],
  ["0947712345", undefined, ["+33947712345", "FR", "947712345", "NPV", null]],
  ["0947812345", undefined, ["+33947812345", "FR", "947812345", "NPV", null]],
  ["0947912345", undefined, ["+33947912345", "FR", "947912345", "NPV", null]],
  ["+33 1 62 12 34 56", undefined, ["+33162123456", "FR", "162123456", "NPV", "IDF"]],
  // Overseas: dialled from France, they belong to their own country code
  ["0262 30 12 34", undefined, ["+262262301234", "RE", "262301234", "GEO", "REU"]],
  ["0262201234", undefined, ["+262262201234", "RE", "262201234", "GEO", "REU"]],
  ["0692123456", undefined, ["+262692123456", "RE", "692123456", "MOBILE", "REU"]],
  ["0269601234", undefined, ["+262269601234", "YT", "269601234", "GEO", "MAY"]],
  ["0639012345", undefined, ["+262639012345", "YT", "639012345", "MOBILE", "MAY"]],
  ["0590 81 12 34", undefined, ["+590590811234", "GP", "590811234", "GEO", "GUA"]],
  ["0690 30 12 34", undefined, ["+590690301234", "GP", "690301234", "MOBILE", "GUA"]],
  ["0594301234", undefined, ["+594594301234", "GF", "594301234", "GEO", "GUY"]],
  ["0694201234", undefined, ["+594694201234", "GF", "694201234", "MOBILE", "GUY"]],
  ["0596 61 12 34", undefined, ["+596596611234", "MQ", "596611234", "GEO", "MAR"]],
  ["0696123456", undefined, ["+596696123456", "MQ", "696123456", "MOBILE", "MAR"]],
  ["0508411234", undefined, ["+508411234", "PM", "411234", "GEO", "SPM"]],
  ["+262 262 20 12 34", undefined, ["+262262201234", "RE", "262201234", "GEO", "REU"]],
  ["+508 41 12 34", undefined, ["+508411234", "PM", "411234", "GEO", "SPM"]],
  // Mobiles, 09, SVA
  ["0612345678", undefined, ["+33612345678", "FR", "612345678", "MOBILE", null]],
  ["06 98 76 54 32", undefined, ["+33698765432", "FR", "698765432", "MOBILE", null]],
  ["0756123456", undefined, ["+33756123456", "FR", "756123456", "MOBILE", null]],
  ["+33 7 81 23 45 67", undefined, ["+33781234567", "FR", "781234567", "MOBILE", null]],
  ["0912345678", undefined, ["+33912345678", "FR", "912345678", "NON_GEO", null]],
  ["09 70 12 34 56", undefined, ["+33970123456", "FR", "970123456", "NON_GEO", null]],
  ["0800123456", undefined, ["+33800123456", "FR", "800123456", "SVA_GRATUIT", null]],
  ["0805123456", undefined, ["+33805123456", "FR", "805123456", "SVA_GRATUIT", null]],
  ["0806123456", undefined, ["+33806123456", "FR", "806123456", "SVA_NORMAL", null]],
  ["0809123456", undefined, ["+33809123456", "FR", "809123456", "SVA_NORMAL", null]],
  ["0810123456", undefined, ["+33810123456", "FR", "810123456", "SVA_SURTAXE", null]],
  ["0820123456", undefined, ["+33820123456", "FR", "820123456", "SVA_SURTAXE", null]],
  ["0890123456", undefined, ["+33890123456", "FR", "890123456", "SVA_SURTAXE", null]],
  ["0899123456", undefined, ["+33899123456", "FR", "899123456", "SVA_SURTAXE", null]],
  // Belgium, Switzerland, United Kingdom with a country hint, and international forms
  ["02 511 22 33", "BE", ["+3225112233", "BE", "25112233", "INTERNATIONAL", null]],
  ["0470 12 34 56", "BE", ["+32470123456", "BE", "470123456", "INTERNATIONAL", null]],
  ["+32 2 511 22 33", undefined, ["+3225112233", "BE", "25112233", "INTERNATIONAL", null]],
  ["0032 470 12 34 56", undefined, ["+32470123456", "BE", "470123456", "INTERNATIONAL", null]],
  ["044 668 18 00", "CH", ["+41446681800", "CH", "446681800", "INTERNATIONAL", null]],
  ["079 123 45 67", "CH", ["+41791234567", "CH", "791234567", "INTERNATIONAL", null]],
  ["+41 44 668 18 00", undefined, ["+41446681800", "CH", "446681800", "INTERNATIONAL", null]],
  ["020 7946 0018", "GB", ["+442079460018", "GB", "2079460018", "INTERNATIONAL", null]],
  ["07400 123456", "GB", ["+447400123456", "GB", "7400123456", "INTERNATIONAL", null]],
  ["0161 496 0000", "GB", ["+441614960000", "GB", "1614960000", "INTERNATIONAL", null]],
  ["+44 (0)20 7946 0018", undefined, ["+442079460018", "GB", "2079460018", "INTERNATIONAL", null]],
  ["+352 27 12 34 56", undefined, ["+35227123456", "LU", "27123456", "INTERNATIONAL", null]],
  ["+49 30 123456", undefined, ["+4930123456", "DE", "30123456", "INTERNATIONAL", null]],
  ["+34 912 34 56 78", undefined, ["+34912345678", "ES", "912345678", "INTERNATIONAL", null]],
  ["+31 20 123 4567", undefined, ["+31201234567", "NL", "201234567", "INTERNATIONAL", null]],
  ["+351 21 123 4567", undefined, ["+351211234567", "PT", "211234567", "INTERNATIONAL", null]],
];

const INVALIDES: Array<[string, string | undefined, string]> = [
  ["", undefined, "NUMERO_VIDE"],
  ["   ", undefined, "NUMERO_VIDE"],
  ["01 42 68 53", undefined, "TROP_COURT"],
  ["12", undefined, "TROP_COURT"],
  ["0142685300123", undefined, "TROP_LONG"],
  ["+33 1 42 68 53 00 00 00 00 00 00 00 00 00 00 00", undefined, "TROP_LONG"],
  ["01 42 AB 53 00", undefined, "CARACTERES_INVALIDES"],
  ["*123#", undefined, "CARACTERES_INVALIDES"],
  ["0142685300; DROP TABLE tel_did", undefined, "CARACTERES_INVALIDES"],
  ["<script>0142685300</script>", undefined, "CARACTERES_INVALIDES"],
  ["+999 123456", undefined, "PAYS_INCONNU"],
  ["0142685300", "XX", "PAYS_INCONNU"],
  // well formed, in no range the metadata knows: refused unless unknown ranges are accepted (below)
  ["0712345678", undefined, "HORS_PLAGES_CONNUES"],
  ["02 123 45 67", "BE", "HORS_PLAGES_CONNUES"],
  ["+33400000832", undefined, "HORS_PLAGES_CONNUES"],
];

describe("normaliser: numbers outside the known ranges", () => {
  it("reads a well-formed number outside the known ranges only when asked, marked horsPlan", () => {
    expect(normaliser("+33 4 00 00 08 32", "FR", { plagesInconnues: true })).toEqual({
      ok: true,
      numero: {
        e164: "+33400000832",
        pays: "FR",
        indicatif: "33",
        national: "400000832",
        type: "GEO",
        region: "SES",
        horsPlan: true,
      },
    });
    // a known number is not marked; a badly formed one stays refused
    expect(normaliser("0142685300", "FR", { plagesInconnues: true })).toMatchObject({
      ok: true,
      numero: { horsPlan: false },
    });
    expect(normaliser("+3340000083", "FR", { plagesInconnues: true })).toMatchObject({
      ok: false,
      code: "TROP_COURT",
    });
  });
});

describe("normaliser: valid numbers", () => {
  it.each(VALIDES)("%s (%s)", (saisie, pays, [e164, codePays, national, type, region]) => {
    const r = normaliser(saisie, pays);
    expect(r).toEqual({
      ok: true,
      numero: {
        e164,
        pays: codePays,
        national,
        type,
        region,
        indicatif: e164.slice(1, e164.length - national.length),
        horsPlan: false,
      },
    });
  });
});

describe("normaliser: refusals carry a code and a reason", () => {
  it.each(INVALIDES)("%s (%s) → %s", (saisie, pays, code) => {
    const r = normaliser(saisie, pays);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.raison.length).toBeGreaterThan(5);
    }
  });
});

describe("normaliser: every common French way of writing one number gives one result", () => {
  const ecritures = [
    "0142685300",
    "01 42 68 53 00",
    "01.42.68.53.00",
    "+33 1 42 68 53 00",
    "0033142685300",
    "+33 (0)1 42 68 53 00",
    "142685300",
    "+33142685300",
    " 01-42-68-53-00 ",
  ];
  it.each(ecritures)("%s", (saisie) => {
    expect(normaliser(saisie)).toEqual(normaliser("0142685300"));
    expect(normaliser(saisie)).toMatchObject({
      ok: true,
      numero: { e164: "+33142685300", national: "142685300" },
    });
  });
});

describe("chiffresDeRecherche", () => {
  it.each([
    ["53 00", "5300"],
    ["01 42 68", "14268"],
    ["+33 1 42", "33142"],
    ["0033 1 42", "33142"],
    ["426853", "426853"],
  ])("%s → %s", (saisie, attendu) => {
    expect(chiffresDeRecherche(saisie)).toBe(attendu);
  });
});

describe("chiffresDepuisLaFrance", () => {
  // the digits dialled from France, as a carrier's list writes them; normaliser reads each of them back
  it.each([
    ["+33142685300", "0142685300"],
    ["+262262304152", "0262304152"],
    ["+262639012345", "0639012345"],
    ["+590590123456", "0590123456"],
    ["+508412345", "0508412345"],
    ["+3222123456", null],
  ])("%s → %s", (e164, attendu) => {
    expect(chiffresDepuisLaFrance(e164)).toBe(attendu);
    if (attendu)
      expect(normaliser(attendu, "FR", { plagesInconnues: true })).toMatchObject({
        ok: true,
        numero: { e164 },
      });
  });
});
