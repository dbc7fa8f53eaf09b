import { sql } from "kysely";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of costs: the numbers that may cost in a month, the changes of holder and status that divide it, their
// campaigns, and the clients' re-billing prices.

/**
 * What a month's kept costs are checked against: the count and last id of the signals that may change that month
 * (see migration 0017). Read in one statement so that both come from one snapshot.
 */
export async function signatureCouts(db: Executor, periode: string): Promise<string> {
  const r = await sql<{ n: string; m: string | null }>`
    SELECT count(*)::text AS n, max(id)::text AS m FROM tel_couts_signal WHERE periode_min <= ${periode}`.execute(
    db,
  );
  const l = r.rows[0];
  return `${l?.n ?? 0}:${l?.m ?? 0}`;
}

/** A month's figures as kept by the last computation, if any. */
export function coutsGardes(db: Executor, cle: string) {
  return db
    .selectFrom("tel_couts_mois")
    .select(["signature", "calcule_le", "resultat"])
    .where("cle", "=", cle)
    .executeTakeFirst();
}

export async function garderCouts(db: Executor, cle: string, signature: string, le: Date, resultat: unknown) {
  await db
    .insertInto("tel_couts_mois")
    .values({ cle, signature, calcule_le: le, resultat: JSON.stringify(resultat) })
    .onConflict((oc) =>
      oc.column("cle").doUpdateSet({ signature, calcule_le: le, resultat: JSON.stringify(resultat) }),
    )
    .execute();
}

/**
 * Past `seuil` signals, all but the last `garder` are dropped: the check reads a short table. A drop makes every
 * kept month be computed again once (its signature changes), so it happens once per many thousand changes.
 */
export async function purgerSignauxCouts(db: Executor, seuil: number, garder: number) {
  await sql`DELETE FROM tel_couts_signal WHERE (SELECT count(*) FROM tel_couts_signal) > ${seuil}
    AND id <= (SELECT max(id) - ${garder} FROM tel_couts_signal)`.execute(db);
}

/** The labels of what costs are grouped by, read when answering (a label's change needs no new computation). */
export async function libellesCouts(db: Executor) {
  const [clients, groupements, operateurs, campagnes, types] = await Promise.all([
    db.selectFrom("tel_client").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_groupement").select(["id", "libelle"]).execute(),
    db.selectFrom("tel_operateur").select(["id", "nom"]).execute(),
    db.selectFrom("tel_campaign").select(["id", "code"]).execute(),
    db.selectFrom("tel_type_did").select(["id", "libelle"]).execute(),
  ]);
  return {
    clients: new Map(clients.map((c) => [c.id, c])),
    groupements: new Map(groupements.map((g) => [g.id, g.libelle])),
    operateurs: new Map(operateurs.map((o) => [o.id, o.nom])),
    campagnes: new Map(campagnes.map((c) => [c.id, c.code])),
    types: new Map(types.map((t) => [t.id, t.libelle])),
  };
}

export function clientDesCouts(db: Executor, id: number) {
  return db.selectFrom("tel_client").select(["id", "code", "nom"]).where("id", "=", id).executeTakeFirst();
}

export function tarifsDuClient(db: Executor, clientId: number) {
  return db
    .selectFrom("tel_tarif_client as tc")
    .innerJoin("tel_type_did as t", "t.id", "tc.type_id")
    .select([
      "tc.type_id",
      "t.code as type_code",
      "t.libelle as type",
      sql<number>`tc.prix_mensuel::float8`.as("prix_mensuel"),
    ])
    .where("tc.client_id", "=", clientId)
    .orderBy("t.code")
    .execute();
}

/** The client's prices replaced by these (all or nothing, in the caller's transaction). */
export async function remplacerTarifs(
  db: Executor,
  clientId: number,
  tarifs: Array<{ type_id: number; prix_mensuel: number }>,
  par: string,
) {
  await db.deleteFrom("tel_tarif_client").where("client_id", "=", clientId).execute();
  if (tarifs.length)
    await db
      .insertInto("tel_tarif_client")
      .values(tarifs.map((t) => ({ client_id: clientId, ...t, modified_by: par })))
      .execute();
}
