import { normaliser, type OptionsNormalisation } from "./numbering.js";

export const MAX_PLAGE = 1000;

/** Reads "0162100000-0162100099", lists separated by new lines, commas or semicolons, into E.164-checked inputs. */
export function lireSaisieNumeros(
  saisie: string | string[],
  options: OptionsNormalisation = {},
): {
  numeros: string[];
  erreurs: Array<{ entree: string; raison: string }>;
} {
  const entrees = (Array.isArray(saisie) ? saisie : saisie.split(/[\n,;]+/))
    .map((e) => e.trim())
    .filter(Boolean);
  const numeros: string[] = [];
  const erreurs: Array<{ entree: string; raison: string }> = [];
  for (const entree of entrees) {
    const plage = /^(.+?)\s*(?:-|–|à|\.\.)\s*(\+?[\d\s.]+)$/.exec(entree);
    if (
      plage &&
      /\d{4,}/.test((plage[1] ?? "").replace(/\D/g, "")) &&
      (plage[2] ?? "").replace(/\D/g, "").length >= 4
    ) {
      const a = normaliser(plage[1] as string, "FR", options);
      const b = normaliser(plage[2] as string, "FR", options);
      if (!a.ok || !b.ok) {
        erreurs.push({ entree, raison: !a.ok ? a.raison : (b as { raison: string }).raison });
        continue;
      }
      if (
        a.numero.indicatif !== b.numero.indicatif ||
        a.numero.national.length !== b.numero.national.length
      ) {
        erreurs.push({
          entree,
          raison: "Les deux bornes de la plage doivent être du même pays et de même longueur.",
        });
        continue;
      }
      const debut = BigInt(a.numero.national);
      const fin = BigInt(b.numero.national);
      if (fin < debut || fin - debut >= BigInt(MAX_PLAGE)) {
        erreurs.push({
          entree,
          raison: `Plage invalide : la fin doit suivre le début, ${MAX_PLAGE} numéros au plus.`,
        });
        continue;
      }
      for (let n = debut; n <= fin; n++)
        numeros.push(`+${a.numero.indicatif}${n.toString().padStart(a.numero.national.length, "0")}`);
    } else {
      numeros.push(entree);
    }
  }
  return { numeros, erreurs };
}
