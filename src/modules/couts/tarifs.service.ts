import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { remplacerTarifs, tarifsDuClient } from "./couts.repository.js";

export const lireTarifs = (db: Kysely<DB>, clientId: number) => tarifsDuClient(db, clientId);

/** A client's re-billing prices replaced, with their audit line; one price per type. */
export async function modifierTarifs(
  ctx: Contexte,
  clientId: number,
  tarifs: Array<{ type_id: number; prix_mensuel: number }>,
) {
  const types = tarifs.map((t) => t.type_id);
  if (new Set(types).size !== types.length)
    throw new ApiError(422, "DOUBLON", "Un seul prix par type de numéro.", [
      { champ: "tarifs", message: "Type en double.", code: "DOUBLON" },
    ]);
  return enTransaction(ctx.db, async (trx) => {
    const avant = await tarifsDuClient(trx, clientId);
    await remplacerTarifs(trx, clientId, tarifs, ctx.acteur.nom);
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_tarif_client",
      entiteId: clientId,
      action: "MODIFICATION",
      avant: { tarifs: avant },
      apres: { tarifs },
    });
    return tarifsDuClient(trx, clientId);
  });
}
