import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { normaliser } from "../../numbering/index.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { ecrireHistorique } from "./dids.repository.js";

/**
 * Numbers accepted outside the ranges the numbering metadata knew are marked hors_plan. The metadata comes with
 * the libphonenumber-js version the server runs: after an update, the numbers it now knows lose their mark, each
 * with a line in its history and in the audit log. Run at each start; the marked numbers are few (a partial index).
 */
export async function revoirHorsPlan(db: Kysely<DB>, acteur: Acteur): Promise<string[]> {
  const marques = await db
    .selectFrom("tel_did")
    .select(["id", "did_format_e164"])
    .where("hors_plan", "=", true)
    .execute();
  const connus = marques.filter((d) => normaliser(d.did_format_e164).ok);
  if (connus.length === 0) return [];
  await db.transaction().execute(async (trx) => {
    for (const d of connus) {
      // another instance starting at the same time may have cleared it first
      const r = await trx
        .updateTable("tel_did")
        .set({ hors_plan: false })
        .where("id", "=", d.id)
        .where("hors_plan", "=", true)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) continue;
      const motif = "Tranche désormais connue du plan de numérotation";
      await ecrireHistorique(
        trx,
        acteur,
        d.id,
        "MODIFICATION",
        [{ champ: "hors_plan", avant: true, apres: false }],
        motif,
      );
      await ecrireAudit(trx, acteur, {
        entite: "tel_did",
        entiteId: d.id,
        action: "HORS_PLAN_CONNU",
        avant: { hors_plan: true },
        apres: { hors_plan: false },
        motif,
      });
    }
  });
  return connus.map((d) => d.did_format_e164);
}
