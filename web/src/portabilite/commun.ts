import type { Reponse } from "../api/types";

export type Portabilite = Reponse<"/api/v1/portabilites/{id}", "get">;
export type LigneApercu = Reponse<"/api/v1/portabilites/apercu", "post">["numeros"][number];

export const STATUTS_PORTABILITE = [
  { id: "BROUILLON", name: "Brouillon", couleur: "#7A869A" },
  { id: "SOUMISE", name: "Soumise", couleur: "#FFAB00" },
  { id: "DATE_CONFIRMEE", name: "Date confirmée", couleur: "#0052CC" },
  { id: "PORTEE", name: "Portée", couleur: "#2BC016" },
  { id: "REJETEE", name: "Rejetée", couleur: "#FF3C38" },
  { id: "ANNULEE", name: "Annulée", couleur: "#6B778C" },
];
export const statutPortabilite = (code: string) =>
  STATUTS_PORTABILITE.find((s) => s.id === code) ?? { id: code, name: code, couleur: "#7A869A" };

export const STATUTS_NUMERO: Record<string, { libelle: string; couleur: string }> = {
  EN_ATTENTE: { libelle: "En attente", couleur: "#FFAB00" },
  REJETE: { libelle: "Rejeté", couleur: "#FF3C38" },
  PORTE: { libelle: "Porté", couleur: "#2BC016" },
};

/** What the preview says of each number, in the words and colours of the form. */
export const CLASSES: Record<string, { libelle: string; couleur: string }> = {
  NOUVEAU: { libelle: "Nouveau", couleur: "#2BC016" },
  REVIENT: { libelle: "Revient", couleur: "#00B8D9" },
  DANS_UNE_TRANCHE: { libelle: "Dans une tranche", couleur: "#FFAB00" },
  DEJA_CHEZ_NOUS: { libelle: "Déjà chez nous", couleur: "#FF3C38" },
  AUTRE_CLIENT: { libelle: "Autre client", couleur: "#FF3C38" },
  EN_COURS: { libelle: "Déjà demandé", couleur: "#FF3C38" },
  INVALIDE: { libelle: "Illisible", couleur: "#FF3C38" },
};

/**
 * The numbers typed in the form, one per line: a number or a range (« 0142687700-0142687709 »), and after a
 * semicolon, a tab or a space its RIO when there is one.
 */
export function lireNumerosSaisis(texte: string): Array<{ numero: string; rio?: string }> {
  return texte
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const m = /^(.*?)[\s;,\t]+([0-9A-Za-z+]{12})$/.exec(l);
      return m ? { numero: (m[1] as string).trim(), rio: (m[2] as string).toUpperCase() } : { numero: l };
    });
}

const FUSEAU = "Europe/Paris";

/** An instant's day in Paris, AAAA-MM-JJ, and its time, hh:mm. */
export function jourEtHeureParis(iso: string): { jour: string; heure: string } {
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: FUSEAU,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { jour: `${v("year")}-${v("month")}-${v("day")}`, heure: `${v("hour")}:${v("minute")}` };
}
