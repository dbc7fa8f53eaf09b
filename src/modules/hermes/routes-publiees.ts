import { gunzipSync, gzipSync } from "node:zlib";
import type { RouteCourante } from "./snapshot.js";

/**
 * Routes as a publication sees them: one entry per inbound number and one per number a campaign presents, so
 * that a publication can say how many routes it adds, removes and changes against what is deployed. An inbound
 * route is keyed by its number (one inbound campaign at a time); an outbound one by campaign and number.
 */
export type JeuRoutes = Map<string, string>;

export function jeuDeRoutes(routes: Iterable<RouteCourante>): JeuRoutes {
  const jeu: JeuRoutes = new Map();
  for (const r of routes) {
    if (r.sens !== "sortant")
      jeu.set(`entrant ${r.numero}`, [r.campagne_code, r.hermes_id, r.config_code, r.alias].join(" | "));
    if (r.sens !== "entrant")
      jeu.set(
        `sortant ${r.campagne_code} ${r.numero}`,
        [r.hermes_id, `priorité ${r.priorite}`, r.config_code, r.alias].join(" | "),
      );
  }
  return jeu;
}

export const compresserRoutes = (jeu: JeuRoutes): Buffer => gzipSync(JSON.stringify([...jeu]));
export const lireRoutes = (octets: Buffer): JeuRoutes =>
  new Map(JSON.parse(gunzipSync(octets).toString("utf8")) as Array<[string, string]>);

/** How many changes are listed by name; the counts are always complete. */
const EXEMPLES = 200;

export interface DifferenceRoutes {
  /** Routes deployed (by the last publication), null when nothing was ever published with its routes. */
  deployees: number | null;
  a_publier: number;
  ajoutees: number;
  supprimees: number;
  modifiees: number;
  /** The first changes of each kind, by route key, for people to read. */
  exemples: {
    ajoutees: string[];
    supprimees: string[];
    modifiees: Array<{ route: string; avant: string; apres: string }>;
  };
}

export function comparerRoutes(deployees: JeuRoutes | null, aPublier: JeuRoutes): DifferenceRoutes {
  const d: DifferenceRoutes = {
    deployees: deployees?.size ?? null,
    a_publier: aPublier.size,
    ajoutees: 0,
    supprimees: 0,
    modifiees: 0,
    exemples: { ajoutees: [], supprimees: [], modifiees: [] },
  };
  const avant = deployees ?? new Map<string, string>();
  for (const [cle, valeur] of aPublier) {
    const ancienne = avant.get(cle);
    if (ancienne === undefined) {
      d.ajoutees++;
      if (d.exemples.ajoutees.length < EXEMPLES) d.exemples.ajoutees.push(`${cle} → ${valeur}`);
    } else if (ancienne !== valeur) {
      d.modifiees++;
      if (d.exemples.modifiees.length < EXEMPLES)
        d.exemples.modifiees.push({ route: cle, avant: ancienne, apres: valeur });
    }
  }
  for (const [cle, valeur] of avant) {
    if (aPublier.has(cle)) continue;
    d.supprimees++;
    if (d.exemples.supprimees.length < EXEMPLES) d.exemples.supprimees.push(`${cle} → ${valeur}`);
  }
  return d;
}

export interface SeuilSuppressions {
  /** Removals beyond this count need a confirmation... */
  nombre: number;
  /** ...and so do removals beyond this share of the deployed routes, in percent; a single removal never does. */
  pourcent: number;
}

/** The number of removals a publication may make without an explicit confirmation. */
export function suppressionsPermises(d: DifferenceRoutes, seuil: SeuilSuppressions): number {
  const part = Math.floor(((d.deployees ?? 0) * seuil.pourcent) / 100);
  return Math.max(1, Math.min(seuil.nombre, part));
}
