import { ApiError } from "../../http/errors.js";
import type { Executor } from "../audit/audit.repository.js";
import { NATURES, zoneDuPrefixe } from "../dids/nature.js";
import { regionsDuPays, typeUtilise } from "../dids/nature.repository.js";
import type { Ligne } from "./ressource.js";

/**
 * A type's nature: a built-in type is its own nature, for good; a company's type keeps the nature it was given once a
 * number has it (its numbers would contradict it).
 */
export async function verifierType(db: Executor, valeurs: Ligne, existant: Ligne | null) {
  const nature = valeurs.nature as string | null | undefined;
  if (existant === null) {
    if (NATURES.includes(valeurs.code as string) && nature !== valeurs.code)
      throw new ApiError(409, "CODE_FIGE", `Le type ${valeurs.code} est sa propre nature.`, [
        { champ: "nature", message: `Nature ${valeurs.code}.`, code: "CODE_FIGE" },
      ]);
    return;
  }
  if (nature === existant.nature) return;
  if (NATURES.includes(existant.code as string))
    throw new ApiError(
      409,
      "CODE_FIGE",
      `Le type ${existant.code} est sa propre nature : elle ne change pas.`,
      [{ champ: "nature", message: "Nature fixe.", code: "CODE_FIGE" }],
    );
  if (await typeUtilise(db, existant.id as number))
    throw new ApiError(
      409,
      "REFERENCE_INVALIDE",
      `Des numéros sont du type ${existant.code} : sa nature ne change plus (créez un autre type).`,
      [{ champ: "nature", message: "Type utilisé.", code: "REFERENCE_INVALIDE" }],
    );
}

/** A region lies inside a zone of its country: the zone whose prefix starts its own, computed at each write. */
export async function completerRegion(db: Executor, valeurs: Ligne, existant: Ligne | null): Promise<Ligne> {
  const prefixe = (valeurs.prefixe === undefined ? existant?.prefixe : valeurs.prefixe) as string | null;
  const indicatifId = (valeurs.indicatif_id ?? existant?.indicatif_id) as number;
  const code = (valeurs.code ?? existant?.code) as string;
  // a zone itself stays its own zone
  if (existant && existant.zone === existant.code && code === existant.code) return valeurs;
  if (!prefixe)
    throw new ApiError(
      422,
      "VALIDATION",
      "Indiquez le préfixe de la région : il dit dans quelle zone elle est.",
      [{ champ: "prefixe", message: "Préfixe obligatoire (04, 0491...).", code: "VALIDATION" }],
    );
  const zone = zoneDuPrefixe(prefixe, indicatifId, await regionsDuPays(db, indicatifId));
  if (!zone)
    throw new ApiError(
      422,
      "VALEUR_INCOHERENTE",
      `Le préfixe ${prefixe} n'est dans aucune zone de ce pays.`,
      [{ champ: "prefixe", message: "Hors de toute zone.", code: "INCOHERENT" }],
    );
  return { ...valeurs, zone };
}
