import type { StatutPortabilite } from "../../db/schema-portabilite.js";
import type { Acteur } from "../auth/acteur.js";
import { type Permission, peut } from "../auth/politique.js";

// The port-in workflow in one place: which move, from which statuses, by whom. The server computes what a caller
// may do next (actions_possibles) and the extranet shows it.

export const STATUTS_PORTABILITE: readonly StatutPortabilite[] = [
  "BROUILLON",
  "SOUMISE",
  "DATE_CONFIRMEE",
  "PORTEE",
  "REJETEE",
  "ANNULEE",
];

export const LIBELLES_PORTABILITE: Record<StatutPortabilite, string> = {
  BROUILLON: "Brouillon",
  SOUMISE: "Soumise",
  DATE_CONFIRMEE: "Date confirmée",
  PORTEE: "Portée",
  REJETEE: "Rejetée",
  ANNULEE: "Annulée",
};

export const TRANSITIONS_PORTABILITE = {
  /** The requester sends it to the receiving operator (numbers and signed mandate required). */
  soumettre: { depuis: ["BROUILLON"], permission: "portabilites:demander" },
  /** The requester withdraws it before a date is set; staff may cancel it until the switch. */
  annuler: { depuis: ["BROUILLON", "SOUMISE", "DATE_CONFIRMEE"], permission: "portabilites:demander" },
  /** The carrier gives the switch's date and time, or moves it. */
  confirmer: { depuis: ["SOUMISE", "DATE_CONFIRMEE"], permission: "portabilites:traiter" },
  /** The donor refuses the whole request, with its reason. */
  rejeter: { depuis: ["SOUMISE", "DATE_CONFIRMEE"], permission: "portabilites:traiter" },
  /** The donor refuses some numbers: the others go on. */
  "rejeter-numeros": { depuis: ["SOUMISE", "DATE_CONFIRMEE"], permission: "portabilites:traiter" },
  /** The switch did not happen: nothing stays live, the request waits for a new date. */
  echec: { depuis: ["DATE_CONFIRMEE", "PORTEE"], permission: "portabilites:traiter" },
} as const satisfies Record<string, { depuis: readonly StatutPortabilite[]; permission: Permission }>;
export type TransitionPortabilite = keyof typeof TRANSITIONS_PORTABILITE;

export function actionsPossiblesPortabilite(acteur: Acteur, statut: string): TransitionPortabilite[] {
  return (Object.keys(TRANSITIONS_PORTABILITE) as TransitionPortabilite[]).filter((t) => {
    const r = TRANSITIONS_PORTABILITE[t];
    if (!(r.depuis as readonly string[]).includes(statut) || !peut(acteur, r.permission)) return false;
    // once a date is set the carrier is committed: only staff cancel then
    return !(t === "annuler" && statut === "DATE_CONFIRMEE" && !peut(acteur, "portabilites:traiter"));
  });
}

/** Whether the numbers and the request's fields may still change: before the switch, by the requester or staff. */
export function modifiable(acteur: Acteur, statut: string): boolean {
  if (statut === "BROUILLON") return peut(acteur, "portabilites:demander");
  return (statut === "SOUMISE" || statut === "DATE_CONFIRMEE") && peut(acteur, "portabilites:traiter");
}
