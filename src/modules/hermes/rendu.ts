import fs from "node:fs";
import { ApiError } from "../../http/errors.js";
import { valeurRoutageInvalide } from "../../http/textes.js";
import { type DifferenceRoutes, type JeuRoutes, jeuDeRoutes } from "./routes-publiees.js";
import type { RouteCourante, SnapshotRoutage } from "./snapshot.js";

// Default templates: the real .ons format is site-specific, so these write a documented line per number.
const MODELES_DEFAUT: Record<string, string> = {
  "recept.ons": `# recept.ons — routage des appels entrants, généré par API Telephony
# Une ligne par numéro : E164;HERMES_ID;CODE_CAMPAGNE;CODE_CONFIG;ALIAS
{% for r in entrantes %}{{ r.numero }};{{ r.hermes_id }};{{ r.campagne_code }};{{ r.config_code }};{{ r.alias }}
{% endfor %}`,
  "S2.ons": `# S2.ons — numéros présentés en appel sortant, généré par API Telephony
# Une ligne par numéro : HERMES_ID;CODE_CAMPAGNE;E164;PRIORITE
{% for r in sortantes %}{{ r.hermes_id }};{{ r.campagne_code }};{{ r.numero }};{{ r.priorite }}
{% endfor %}`,
};

export interface FichierRendu {
  nom: string;
  chemin: string;
  contenu: string;
  deploye: string | null;
  derniere: { version: number; somme_sha256: string } | null;
  /** The deployed file differs from what was last published: someone edited it by hand. */
  derive: boolean;
  change: boolean;
  diff: string;
}

/** A current route that cannot be printed in a routing file: reported, left out of the files, and publishing refused. */
export interface RouteInvalide {
  numero: string;
  campagne_code: string;
  champ: string;
  valeur: string;
  raison: string;
}

/** What a publication would do now: the files, the route changes against what is deployed, the refusals. */
export interface Apercu {
  fichiers: FichierRendu[];
  routes: DifferenceRoutes;
  /** Removals allowed without a confirmation (see suppressionsPermises). */
  suppressions_permises: number;
  confirmation_requise: boolean;
  invalides: RouteInvalide[];
  jeu: JeuRoutes;
}

/** The fields of a route that templates print, checked before rendering. */
export const CHAMPS_IMPRIMES = ["numero", "campagne_code", "hermes_id", "config_code", "alias"] as const;

/** The routes to print at instant t, sorted as the files list them; a route that would break its line is refused. */
export function donneesDeRendu(routage: SnapshotRoutage, t: number) {
  const invalides: RouteInvalide[] = [];
  const routes: RouteCourante[] = [];
  for (const r of routage.routes(t)) {
    // a value that would break its line (a newline, a control character, the separator) could forge a route:
    // such a route is left out and named, and the publication is refused until it is corrected
    const fautes = CHAMPS_IMPRIMES.flatMap((champ) => {
      const raison = valeurRoutageInvalide(r[champ]);
      return raison ? [{ champ, valeur: String(r[champ]), raison }] : [];
    });
    if (fautes.length === 0) routes.push(r);
    else for (const f of fautes) invalides.push({ numero: r.numero, campagne_code: r.campagne_code, ...f });
  }
  const parNumero = (
    a: { numero: string; campagne_code: string },
    b: { numero: string; campagne_code: string },
  ) => a.numero.localeCompare(b.numero) || a.campagne_code.localeCompare(b.campagne_code);
  return {
    invalides,
    jeu: jeuDeRoutes(routes),
    contexte: {
      entrantes: routes.filter((r) => r.sens !== "sortant").sort(parNumero),
      sortantes: routes
        .filter((r) => r.sens !== "entrant")
        .sort(
          (a, b) =>
            a.campagne_code.localeCompare(b.campagne_code) ||
            a.priorite - b.priorite ||
            a.numero.localeCompare(b.numero),
        ),
    },
  };
}
/** A template's text: a default one ("defaut:recept.ons"), or a file of the site's. */
export function lireModele(source: string): string {
  if (source.startsWith("defaut:")) {
    const m = MODELES_DEFAUT[source.slice("defaut:".length)];
    if (!m) throw new ApiError(500, "MODELE_INCONNU", `Modèle par défaut inconnu : ${source}.`);
    return m;
  }
  return fs.readFileSync(source, "utf8");
}
