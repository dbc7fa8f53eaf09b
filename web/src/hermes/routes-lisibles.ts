import { numeroLisible } from "../composants/format";

// A publication's route changes as people read them. The server keys a route « entrant <E.164> » or « sortant
// <campaign> <E.164> » and writes its value « campaign | hermes_id | configuration | alias » (inbound) or
// « hermes_id | priorité n | configuration | alias » (outbound): see src/modules/hermes/routes-publiees.ts.

const numeros = (t: string) => t.replace(/\+\d{6,15}/g, (n) => numeroLisible(n));

/** « entrant +33142685300 » → « Entrant : 01 42 68 53 00 »; « sortant RELANCE +33… » → « RELANCE présente 01 42… ». */
export function routeLisible(route: string): string {
  const entrant = /^entrant (\S+)$/.exec(route);
  if (entrant) return `Entrant : ${numeroLisible(entrant[1])}`;
  const sortant = /^sortant (\S+) (\S+)$/.exec(route);
  if (sortant) return `Sortant : ${sortant[1]} présente ${numeroLisible(sortant[2])}`;
  return numeros(route);
}

/** A route's value in words: « campagne RELANCE (Hermes 1031), configuration JOUR, alias Accueil ». */
export function valeurRouteLisible(route: string, valeur: string): string {
  if (!valeur) return "";
  const [a, b, c, d] = valeur.split(" | ");
  const morceaux = route.startsWith("entrant ")
    ? [
        `campagne ${a || "—"}`,
        b ? `Hermes ${b}` : "",
        c ? `configuration ${c}` : "sans configuration",
        d ? `alias ${d}` : "",
      ]
    : [
        b ? `Hermes ${a || "—"}, ${b}` : `Hermes ${a || "—"}`,
        c ? `configuration ${c}` : "sans configuration",
        d ? `alias ${d}` : "",
      ];
  return numeros(morceaux.filter(Boolean).join(", "));
}
