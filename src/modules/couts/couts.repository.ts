import { sql } from "kysely";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of costs: the numbers that may cost in a month, the changes of holder and status that divide it, their
// campaigns, and the clients' re-billing prices.

export interface NumeroCoutant {
  id: number;
  numero: string;
  cout: number;
  client_id: number | null;
  groupement_id: number | null;
  statut: string;
  type_id: number | null;
  type: string | null;
  operateur: string | null;
  date_acquisition: string | null;
  date_resiliation: string | null;
}

/** Numbers with a monthly cost that may weigh on the month (not terminated before the longest freeze). */
export async function numerosCoutants(db: Executor, premier: string, clientId?: number) {
  const r = await sql<NumeroCoutant>`
    SELECT d.id, d.did_format_e164 AS numero, d.cout_mensuel::float8 AS cout, d.client_id, d.groupement_id,
      s.code AS statut, d.type_id, t.libelle AS type, o.nom AS operateur, d.date_acquisition::text AS date_acquisition,
      d.date_resiliation::text AS date_resiliation
    FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id LEFT JOIN tel_type_did t ON t.id = d.type_id
    LEFT JOIN tel_tranche tr ON tr.id = d.tranche_id
    LEFT JOIN tel_operateur o ON o.id = coalesce(tr.operateur_id, d.operateur_id)
    WHERE d.cout_mensuel > 0 AND (s.code <> 'RESILIE' OR d.date_resiliation IS NULL
      OR d.date_resiliation >= ${premier}::date - 121)
      ${
        clientId === undefined
          ? sql``
          : sql`AND (d.client_id = ${clientId} OR EXISTS (SELECT 1 FROM tel_did_historique h
        WHERE h.did_id = d.id AND h.champ = 'client_id' AND (h.ancienne_valeur = ${String(clientId)}
          OR h.nouvelle_valeur = ${String(clientId)})))`
      }
    ORDER BY d.did_format_e164`.execute(db);
  return r.rows;
}

export interface Evenement {
  did_id: number;
  champ: "client_id" | "statut";
  avant: string | null;
  apres: string | null;
  quand: Date;
}

/** The changes of holder and status of these numbers, oldest first. */
export async function evenements(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const r = await sql<Evenement>`
    SELECT did_id, champ, ancienne_valeur AS avant, nouvelle_valeur AS apres, date_action AS quand
    FROM tel_did_historique WHERE did_id = ANY(${ids}::int[]) AND champ IN ('client_id', 'statut')
    ORDER BY did_id, date_action, id`.execute(db);
  return r.rows.map((e) => ({ ...e, quand: new Date(e.quand) }));
}

export interface AffectationPeriode {
  did_id: number;
  code: string;
  debut: Date;
  fin: Date | null;
  entrant: boolean;
  priorite: number;
}

/** Their campaign assignments that meet the month. */
export async function affectationsDuMois(db: Executor, ids: number[], debut: Date, fin: Date) {
  if (ids.length === 0) return [];
  const r = await sql<AffectationPeriode>`
    SELECT v.did_id, k.code, v.date_debut AS debut, v.date_fin AS fin, v.entrant, v.priorite
    FROM tel_did_virtual v JOIN tel_campaign k ON k.id = v.campaign_id
    WHERE v.did_id = ANY(${ids}::int[]) AND v.actif AND v.date_debut < ${fin}
      AND (v.date_fin IS NULL OR v.date_fin > ${debut})
    ORDER BY v.did_id, v.entrant DESC, v.priorite, v.id`.execute(db);
  return r.rows.map((a) => ({ ...a, debut: new Date(a.debut), fin: a.fin ? new Date(a.fin) : null }));
}

export async function nomsClientsGroupements(db: Executor) {
  const [clients, groupements] = await Promise.all([
    db.selectFrom("tel_client").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_groupement").select(["id", "libelle"]).execute(),
  ]);
  return {
    clients: new Map(clients.map((c) => [c.id, c])),
    groupements: new Map(groupements.map((g) => [g.id, g.libelle])),
  };
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
