import { sql } from "kysely";
import type { Contexte } from "../../contexte.js";
import { parmiIds } from "../../db/parmi.js";
import { enTransaction } from "../../db/transaction.js";
import { lireIsoMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { couperAffectations, restaurerAffectations } from "./sortante.js";

// A port-out the new operator moves or calls off before its instant: the numbers' routing follows (cut again from
// their assignments as they were, or given back), their planned termination too. After the instant it is done.

export async function actionSortante(
  ctx: Contexte,
  id: number,
  action: "deplacer" | "annuler",
  p: { effet?: string | undefined; motif?: string | undefined },
) {
  const { acteur, maintenant } = ctx;
  return enTransaction(ctx.db, async (trx) => {
    const s = await trx
      .selectFrom("tel_portabilite_sortante")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw introuvable("Portabilité sortante");
    if (s.statut !== "PREVUE" || new Date(s.effet) <= maintenant)
      throw new ApiError(
        409,
        "PORTABILITE_TRANSITION_INTERDITE",
        "Cette portabilité sortante a déjà eu lieu (ou a été annulée) : elle ne se déplace ni ne s'annule plus.",
      );
    const ids = (
      await trx
        .selectFrom("tel_portabilite_sortante_numero")
        .select("did_id")
        .where("sortante_id", "=", id)
        .execute()
    ).map((n) => n.did_id);
    let effet: Date | null = null;
    if (action === "deplacer") {
      effet = p.effet ? (lireIsoMetier(p.effet) ?? null) : null;
      if (!effet || effet <= maintenant)
        throw new ApiError(
          422,
          "DATE_INVALIDE",
          "Indiquez la nouvelle date et heure, dans le futur (heure de Paris).",
          [{ champ: "effet", message: "Date et heure à venir." }],
        );
      await couperAffectations(trx, id, ids, effet);
      await trx.updateTable("tel_portabilite_sortante").set({ effet }).where("id", "=", id).execute();
    } else {
      await restaurerAffectations(trx, id);
      await trx
        .updateTable("tel_portabilite_sortante")
        .set({ statut: "ANNULEE" })
        .where("id", "=", id)
        .execute();
    }
    await trx
      .updateTable("tel_did")
      .set({
        resiliation_prevue_le: effet,
        portabilite_sortante_id: effet ? id : null,
        modified_by: acteur.nom,
        version: sql`version + 1`,
      })
      .where(parmiIds("id", ids))
      .execute();
    for (const didId of ids)
      await ecrireHistorique(
        trx,
        acteur,
        didId,
        action === "deplacer" ? "PORTABILITE_SORTANTE_DEPLACEE" : "PORTABILITE_SORTANTE_ANNULEE",
        [
          {
            champ: "resiliation_prevue_le",
            avant: new Date(s.effet).toISOString(),
            apres: effet?.toISOString() ?? null,
          },
        ],
        p.motif ?? null,
        maintenant,
      );
    await ecrireAudit(trx, acteur, {
      entite: "tel_portabilite_sortante",
      entiteId: id,
      action: action === "deplacer" ? "DEPLACEMENT" : "ANNULATION",
      avant: { effet: s.effet, statut: s.statut },
      apres: { effet: effet ?? s.effet, statut: action === "annuler" ? "ANNULEE" : s.statut },
      motif: p.motif ?? null,
    });
    return id;
  });
}
