import { debutDuJour, jourPlus } from "../../heure-metier.js";

// The right to present a number (ARCEP 2018-0881, 2.2.2), in one function read by the routing (lookup and files),
// the assignment checks (API and import), the carriers' declarations and "who presented it on date D".

/** A mandate's validity as instants: from 00:00 of its first day to 00:00 after its last day, business time. */
export interface PeriodeMandat {
  mandat_id: number;
  client_id: number;
  debut: number;
  /** null: no end date. */
  fin: number | null;
}

export type Fondement = { type: "CONTRAT" } | { type: "MANDAT"; mandat_id: number };

export const REFUS_SANS_FONDEMENT =
  "Ce numéro appartient au client : il ne peut être présenté qu'avec un mandat de ce client valide à cet instant " +
  "(plan de numérotation, ARCEP 2018-0881 §2.2.2).";

/** The period of a mandate given by its first and last days (YYYY-MM-DD, the last one included). */
export function periodeMandat(m: {
  id: number;
  client_id: number;
  date_debut: string;
  date_fin: string | null;
}): PeriodeMandat {
  return {
    mandat_id: m.id,
    client_id: m.client_id,
    debut: debutDuJour(m.date_debut).getTime(),
    fin: m.date_fin === null ? null : debutDuJour(jourPlus(m.date_fin, 1)).getTime(),
  };
}

/**
 * Why a number may be presented at instant t on behalf of a client: ours under the carrier's contract, or the
 * client's under one of its mandates covering the number at t (the one ending last is named). Undefined: it may not.
 */
export function fondementA(
  titulaire: string,
  mandats: Iterable<PeriodeMandat>,
  clientId: number | null,
  t: number,
): Fondement | undefined {
  if (titulaire === "SOCIETE") return { type: "CONTRAT" };
  let retenu: PeriodeMandat | undefined;
  for (const m of mandats) {
    if (m.client_id !== clientId || m.debut > t || (m.fin !== null && m.fin <= t)) continue;
    if (!retenu || (retenu.fin !== null && (m.fin === null || m.fin > retenu.fin))) retenu = m;
  }
  return retenu ? { type: "MANDAT", mandat_id: retenu.mandat_id } : undefined;
}

/** The instants at which a set of mandates starts or stops: when the routes they allow may change. */
export function* bornesMandats(mandats: Iterable<PeriodeMandat>): Generator<number> {
  for (const m of mandats) {
    yield m.debut;
    if (m.fin !== null) yield m.fin;
  }
}
