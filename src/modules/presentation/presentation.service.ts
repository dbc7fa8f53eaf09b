import { refusPresentation } from "../../numbering/presentation.js";
import type { Executor } from "../audit/audit.repository.js";
import { exigerAcces } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { type Fondement, fondementA, periodeMandat, REFUS_SANS_FONDEMENT } from "./fondement.js";
import { mandatsDuNumero, numeroPourFondement, sortantesA } from "./presentation.repository.js";

/** The basis on which a client may present a number at an instant, read from the database (assignment checks). */
export async function fondementDuNumero(
  db: Executor,
  did: { id: number; titulaire: string },
  clientId: number,
  instant: Date,
): Promise<Fondement | undefined> {
  if (did.titulaire === "SOCIETE") return { type: "CONTRAT" };
  const mandats = await mandatsDuNumero(db, did.id);
  return fondementA(did.titulaire, mandats.map(periodeMandat), clientId, instant.getTime());
}

export { REFUS_SANS_FONDEMENT };

/**
 * Who presented a number at an instant: each outbound assignment in force then, its campaign and client, and the
 * basis that applied (the carrier contract, or which mandate), or why the routing would not present it.
 */
export async function quiPresentait(db: Executor, didId: number, instant: Date, acteur: Acteur) {
  const n = exigerAcces(acteur, "Numéro", await numeroPourFondement(db, didId), (x) => x.client_id);
  const [affectations, mandats] = await Promise.all([
    sortantesA(db, didId, instant),
    mandatsDuNumero(db, didId),
  ]);
  const periodes = mandats.map(periodeMandat);
  return {
    numero: n.did_format_e164,
    instant,
    titulaire: n.titulaire,
    presentations: affectations.map((a) => {
      const refus = refusPresentation(n.type, a);
      const f = fondementA(n.titulaire, periodes, a.client_id, instant.getTime());
      const mandat = f?.type === "MANDAT" ? (mandats.find((m) => m.id === f.mandat_id) ?? null) : null;
      return {
        affectation_id: a.affectation_id,
        date_debut: a.date_debut,
        date_fin: a.date_fin,
        campagne: { id: a.campagne_id, code: a.campagne_code, nom: a.campagne },
        client: { id: a.client_id, code: a.client_code, nom: a.client },
        fondement: f?.type ?? null,
        mandat,
        presente: !refus && f !== undefined,
        raison: refus?.raison ?? (f ? null : REFUS_SANS_FONDEMENT),
      };
    }),
  };
}
