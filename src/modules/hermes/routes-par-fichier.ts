import type { JeuRoutes } from "./routes-publiees.js";

/** The two kinds of route a template can print: its context offers `entrantes` and `sortantes`. */
export type SensRoute = "entrant" | "sortant";

/**
 * The kinds of route a file holds, read from its template: a file that names neither list (an unusual site
 * template) is taken to hold both, so that a restore never hides a change it makes.
 */
export function sensDuModele(modele: string): Set<SensRoute> {
  const sens = new Set<SensRoute>();
  if (/\bentrantes\b/.test(modele)) sens.add("entrant");
  if (/\bsortantes\b/.test(modele)) sens.add("sortant");
  return sens.size ? sens : new Set(["entrant", "sortant"]);
}

const sensDeCle = (cle: string) => cle.slice(0, cle.indexOf(" ")) as SensRoute;

/** The routes of the given kinds only (a route's key starts with its kind: routes-publiees.ts). */
export function routesDuSens(jeu: JeuRoutes, sens: Set<SensRoute>): JeuRoutes {
  const garde: JeuRoutes = new Map();
  for (const [cle, valeur] of jeu) if (sens.has(sensDeCle(cle))) garde.set(cle, valeur);
  return garde;
}

/**
 * The routes deployed once one file is written back: the file's kinds as in the version restored, the other
 * kinds as they were. The next publication is then compared with what Hermes really reads.
 */
export function apresRestauration(deployees: JeuRoutes, restaurees: JeuRoutes, sens: Set<SensRoute>) {
  const resultat: JeuRoutes = new Map();
  for (const [cle, valeur] of deployees) if (!sens.has(sensDeCle(cle))) resultat.set(cle, valeur);
  for (const [cle, valeur] of routesDuSens(restaurees, sens)) resultat.set(cle, valeur);
  return resultat;
}
