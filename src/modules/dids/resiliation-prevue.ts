import { sql } from "kysely";
import type { ContexteAvec } from "../../contexte.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { type Executor, ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { ecrireHistorique, etatVerrouille } from "./dids.repository.js";

/**
 * A termination at a future instant (#28: carriers' notice, a contract's last day). Until then the number stays as
 * it is: held, routed, « en cours de résiliation » in the extranet; at that instant the scheduler terminates it
 * through the lifecycle's own action (cycle-de-vie.ts), whose termination day is the last day before the instant.
 */

/** The business day a termination effective at this instant is dated: the last day the number was ours. */
export const jourDeResiliation = (effet: Date) => jourMetier(new Date(effet.getTime() - 1));

/** Plans the termination (or moves its date): nothing else changes now. */
export async function planifierResiliation(
  trx: Executor,
  acteur: Acteur,
  maintenant: Date,
  didId: number,
  effet: Date,
  motif: string | undefined,
) {
  const d = await etatVerrouille(trx, didId);
  if (!d) throw introuvable("Numéro");
  if (d.portabilite_sortante_id)
    throw new ApiError(
      409,
      "PORTABILITE_SORTANTE_PREVUE",
      "Une portabilité sortante est prévue pour ce numéro : déplacez-la ou annulez-la (Portabilités sortantes).",
    );
  const avant = d.resiliation_prevue_le ? new Date(d.resiliation_prevue_le) : null;
  const apres = await trx
    .updateTable("tel_did")
    .set({
      resiliation_prevue_le: effet,
      modified_by: acteur.nom,
      version: sql`version + 1`,
      date_modification: sql`now()`,
    })
    .where("id", "=", didId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ecrireHistorique(
    trx,
    acteur,
    didId,
    "RESILIATION_PREVUE",
    [{ champ: "resiliation_prevue_le", avant: avant?.toISOString() ?? null, apres: effet.toISOString() }],
    motif,
    maintenant,
  );
  await ecrireAudit(trx, acteur, {
    entite: "tel_did",
    entiteId: didId,
    action: "RESILIATION_PREVUE",
    avant: d,
    apres,
    motif: motif ?? null,
  });
  return apres;
}

/** The numbers whose planned termination is due at this instant. */
async function resiliationsEchues(db: Executor, maintenant: Date) {
  return db
    .selectFrom("tel_did as d")
    .leftJoin("tel_portabilite_sortante as ps", "ps.id", "d.portabilite_sortante_id")
    .select(["d.id", "d.resiliation_prevue_le", "ps.operateur_receveur"])
    .where("d.resiliation_prevue_le", "<=", maintenant)
    .orderBy("d.resiliation_prevue_le")
    .limit(1000)
    .execute();
}

/**
 * The scheduler's job: each due termination applied by the lifecycle's action, dated the last day before its
 * instant, one transaction per number (one that can no longer be terminated is logged and its plan kept).
 */
export async function appliquerResiliationsEchues(
  ctx: ContexteAvec<"freezeJours">,
  resilier: (
    ctx: ContexteAvec<"freezeJours">,
    didId: number,
    p: { date_resiliation: string; motif: string; portee_vers?: string },
  ) => Promise<unknown>,
  journal: (message: string, err?: unknown) => void,
): Promise<number> {
  let n = 0;
  for (const e of await resiliationsEchues(ctx.db, ctx.maintenant)) {
    const effet = new Date(e.resiliation_prevue_le as Date);
    try {
      const fait = await enTransaction(ctx.db, async (trx) => {
        // another instance's scheduler may have applied it meanwhile: checked again under the number's lock
        const encore = await trx
          .selectFrom("tel_did")
          .select("id")
          .where("id", "=", e.id)
          .where("resiliation_prevue_le", "<=", ctx.maintenant)
          .forUpdate()
          .executeTakeFirst();
        if (!encore) return false;
        await resilier(
          { ...ctx, db: trx },
          e.id,
          // a port-out notice: the number leaves for another operator, with no freeze
          e.operateur_receveur
            ? {
                date_resiliation: jourDeResiliation(effet),
                motif: `portée vers ${e.operateur_receveur}`,
                portee_vers: e.operateur_receveur,
              }
            : {
                date_resiliation: jourDeResiliation(effet),
                motif: `Résiliation prévue au ${effet.toISOString()}`,
              },
        );
        return true;
      });
      if (fait) n++;
    } catch (err) {
      journal(`résiliation prévue du numéro ${e.id}`, err);
    }
  }
  return n;
}
