import { sql } from "kysely";
import type { Executor } from "../audit/audit.repository.js";
import { avanceBascule } from "./portabilite.repository.js";

/** The next port-in switch or planned termination (port-outs included) within `horizonMs` after `maintenant`. */
export async function prochaineEcheance(
  db: Executor,
  maintenant: Date,
  horizonMs: number,
  anticiper: boolean,
): Promise<Date | undefined> {
  const fin = new Date(maintenant.getTime() + horizonMs);
  const r = await sql<{ t: Date | null }>`
    SELECT least(
      (SELECT min(p.bascule_le - ${avanceBascule(anticiper)}) FROM tel_portabilite p WHERE p.statut = 'DATE_CONFIRMEE'
        AND p.bascule_le - ${avanceBascule(anticiper)} > ${maintenant} AND p.bascule_le - ${avanceBascule(anticiper)} <= ${fin}),
      (SELECT min(resiliation_prevue_le) FROM tel_did
        WHERE resiliation_prevue_le > ${maintenant} AND resiliation_prevue_le <= ${fin})) AS t`.execute(db);
  const t = r.rows[0]?.t;
  return t ? new Date(t) : undefined;
}
