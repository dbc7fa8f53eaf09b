// The RIO (relevé d'identité opérateur) a donor gives for a number: 12 characters, the operator's 2-character code,
// the contract type (P: particulier, E: entreprise), a 6-character reference and a 3-character key computed from
// the first nine and the number's 10 national digits, each key character a running sum modulo 37 over the
// alphabet 0-9, A-Z, + with weights 1, 2 and 4.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";
const FORME = /^[0-9A-Z]{2}[PE][0-9A-Z+]{6}[0-9A-Z+]{3}$/;

/** The key of a RIO's first nine characters for a number given by its 10 national digits. */
export function cleRio(debut: string, national: string): string {
  let a = 0;
  let b = 0;
  let c = 0;
  for (const car of debut + national) {
    const v = ALPHABET.indexOf(car);
    a = (a + v) % 37;
    b = (2 * b + v) % 37;
    c = (4 * c + v) % 37;
  }
  return `${ALPHABET[a]}${ALPHABET[b]}${ALPHABET[c]}`;
}

/** Why this RIO is refused for this number (undefined: it is accepted). `national`: 0 and 9 digits. */
export function refusRio(rio: string, national: string): string | undefined {
  if (!FORME.test(rio))
    return `RIO « ${rio} » mal formé : 12 caractères, code opérateur (2), type de contrat P ou E, référence (6), clé (3).`;
  if (!/^0\d{9}$/.test(national)) return "Un RIO ne vaut que pour un numéro français à 10 chiffres.";
  const attendue = cleRio(rio.slice(0, 9), national);
  if (rio.slice(9) !== attendue)
    return `Clé du RIO « ${rio} » fausse pour le ${national} : la clé calculée est ${attendue}.`;
  return undefined;
}
