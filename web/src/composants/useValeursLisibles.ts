import { useGetMany } from "react-admin";
import { REFERENCES, valeurLisible } from "./libelles";

const CHAMPS_REFERENCES = Object.keys(REFERENCES);

/**
 * Values of the history and the audit log as people read them: names instead of ids (one request per kind of
 * reference shown), French dates, Oui/Non, status labels.
 */
export function useValeursLisibles(valeurs: Array<{ champ: string; valeur: unknown }>) {
  const resultats: Record<string, Array<Record<string, unknown>> | undefined> = {};
  for (const champ of CHAMPS_REFERENCES) {
    const ids = [
      ...new Set(
        valeurs
          .filter((v) => v.champ === champ && /^\d+$/.test(String(v.valeur ?? "")))
          .map((v) => Number(v.valeur)),
      ),
    ];
    const ref = REFERENCES[champ] as { ressource: string };
    // a fixed list of hooks, in a fixed order: one per kind of reference, disabled when none is shown
    // biome-ignore lint/correctness/useHookAtTopLevel: the loop runs over a constant list
    const { data } = useGetMany(ref.ressource, { ids }, { enabled: ids.length > 0 });
    resultats[champ] = data;
  }
  return (champ: string, valeur: unknown): string => {
    const ref = REFERENCES[champ];
    if (ref && valeur !== null && valeur !== undefined) {
      const trouve = resultats[champ]?.find((r) => String(r.id) === String(valeur));
      if (trouve) return String(trouve[ref.texte] ?? valeur);
    }
    return valeurLisible(champ, valeur);
  };
}
