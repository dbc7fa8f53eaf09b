export { PREFIXES_NPV, ZONES_FR } from "./arcep.js";
export { chiffresDirects, chiffresE164 } from "./chiffres.js";
export {
  chiffresDeRecherche,
  type NumeroNormalise,
  normaliser,
  numeroPourMessage,
  type OptionsNormalisation,
  type ResultatNormalisation,
  TYPES_DID,
  type TypeDid,
} from "./numbering.js";
export { lireSaisieNumeros, MAX_PLAGE } from "./saisie.js";
