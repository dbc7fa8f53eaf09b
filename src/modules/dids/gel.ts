import { jourMetier, jourPlus } from "../../heure-metier.js";

/**
 * Day from which a number terminated on `dateResiliation` ('YYYY-MM-DD') may go to another client:
 * French rules freeze it 45 to 120 days (FREEZE_DAYS). Calendar days, no time zone involved.
 */
export function finDuGel(dateResiliation: string, jours: number): string {
  return jourPlus(dateResiliation, jours);
}

/** The business day (Europe/Paris) an instant falls on: a number terminated at 00:30 in Paris is terminated that day. */
export const jourDe = jourMetier;
