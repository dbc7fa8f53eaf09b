// A second, narrow reader of numbers for the routing lookup's hot path: the common forms read straight into
// their digits. Checked against normaliser() by a property test (chiffres.test.ts).

/**
 * The digits of an E.164 number as a number (at most 15 digits: exact in a double), or undefined when the
 * text is not "+" and digits.
 */
export function chiffresE164(e164: string): number | undefined {
  if (e164.charCodeAt(0) !== 43 || e164.length < 8 || e164.length > 16) return undefined;
  return chiffres(e164, 1, 0);
}

function chiffres(texte: string, debut: number, prefixe: number): number | undefined {
  let n = prefixe;
  for (let i = debut; i < texte.length; i++) {
    const c = texte.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The dialled number in the forms Hermes sends (E.164, French national 0X, 00 33) read straight into its
 * digits, without parsing or allocating: libphonenumber costs more than the whole lookup. Only a hit is
 * trusted; anything else goes through the full normalisation, which also decides between 422 and 404.
 */
export function chiffresDirects(saisie: string, pays: string | undefined): number | undefined {
  const premier = saisie.charCodeAt(0);
  if (premier === 43 /* + */) {
    return saisie.length >= 8 && saisie.charCodeAt(1) !== 48 ? chiffresE164(saisie) : undefined;
  }
  if (premier !== 48 /* 0 */ || (pays !== undefined && pays !== "FR")) return undefined;
  if (saisie.length === 10 && saisie.charCodeAt(1) !== 48) return chiffres(saisie, 1, 33);
  if (saisie.length === 13 && saisie.startsWith("0033") && saisie.charCodeAt(4) !== 48)
    return chiffres(saisie, 4, 33);
  return undefined;
}
