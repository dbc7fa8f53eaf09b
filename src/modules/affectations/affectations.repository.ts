import { type Insertable, sql, type Updateable } from "kysely";
import { parmiIds } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import { verrouiller } from "../../db/verrou.js";
import type { Executor } from "../audit/audit.repository.js";
import { clientDe, type Portee, restreindre, TOUT } from "../auth/acces.js";
import { courante } from "./courante.js";

/** Assignments with their number, campaign and configuration codes, and whether they are current at `maintenant`. */
export function selectAffectation(db: Executor, maintenant: Date) {
  return db
    .selectFrom("tel_did_virtual as v")
    .innerJoin("tel_did as d", "d.id", "v.did_id")
    .innerJoin("tel_campaign as c", "c.id", "v.campaign_id")
    .leftJoin("tel_did_config as cf", "cf.id", "v.config_id")
    .select([
      "v.id",
      "v.did_id",
      "d.did_format_e164",
      "c.client_id",
      "v.campaign_id",
      "c.code as campaign_code",
      "c.hermes_id",
      "v.config_id",
      "cf.code as config_code",
      "v.alias",
      "v.priorite",
      "v.date_debut",
      "v.date_fin",
      "v.entrant",
      "v.sortant",
      courante(maintenant).as("courante"),
      "v.actif",
      "v.version",
      "v.date_creation",
      "v.date_modification",
    ]);
}

export interface FiltresAffectation {
  did_id?: number | undefined;
  /** Any of these numbers (a selection's, 200 at most: the route says so). */
  did_ids?: number[] | undefined;
  campaign_id?: number | undefined;
  config_id?: number | undefined;
  client_id?: number | undefined;
  entrant?: boolean | undefined;
  sortant?: boolean | undefined;
  /** current at `maintenant` (true), or not (false) */
  courante?: boolean | undefined;
  /** The caller's scope, set by the server from who calls (acces.ts), never by the caller. */
  portee?: Portee | undefined;
}

function filtrerAffectations<Q extends ReturnType<typeof selectAffectation>>(
  q: Q,
  f: FiltresAffectation,
  maintenant: Date,
): Q {
  let r = q;
  if (f.did_id) r = r.where("v.did_id", "=", f.did_id) as Q;
  if (f.did_ids) r = r.where(parmiIds("v.did_id", f.did_ids)) as Q;
  if (f.campaign_id) r = r.where("v.campaign_id", "=", f.campaign_id) as Q;
  if (f.config_id) r = r.where("v.config_id", "=", f.config_id) as Q;
  if (f.client_id) r = r.where("c.client_id", "=", f.client_id) as Q;
  if (f.entrant !== undefined) r = r.where("v.entrant", "=", f.entrant) as Q;
  if (f.sortant !== undefined) r = r.where("v.sortant", "=", f.sortant) as Q;
  if (f.courante !== undefined) {
    const cond = courante(maintenant);
    r = r.where(f.courante ? cond : sql<boolean>`NOT ${cond}`) as Q;
  }
  if (f.portee) r = restreindre(r, f.portee, "c.client_id");
  return r;
}

/** One page of assignments, the latest first, and the total. */
export async function pageAffectations(
  db: Executor,
  f: FiltresAffectation,
  page: number,
  parPage: number,
  maintenant: Date,
) {
  const [data, total] = await Promise.all([
    filtrerAffectations(selectAffectation(db, maintenant), f, maintenant)
      .orderBy("v.date_debut", "desc")
      .orderBy("v.id", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    compterAffectations(db, f, maintenant),
  ]);
  return { data, total };
}

/**
 * How many assignments the filters keep, counted on the assignments alone: every one has its number and campaign
 * (foreign keys), so the joins of the page add nothing to the count but their cost (1.5 s over 1,000,000 rows).
 */
async function compterAffectations(db: Executor, f: FiltresAffectation, maintenant: Date) {
  let q = db.selectFrom("tel_did_virtual as v").select(sql<number>`count(*)`.as("n"));
  if (f.did_id) q = q.where("v.did_id", "=", f.did_id);
  if (f.did_ids) q = q.where(parmiIds("v.did_id", f.did_ids));
  if (f.campaign_id) q = q.where("v.campaign_id", "=", f.campaign_id);
  if (f.config_id) q = q.where("v.config_id", "=", f.config_id);
  if (f.entrant !== undefined) q = q.where("v.entrant", "=", f.entrant);
  if (f.sortant !== undefined) q = q.where("v.sortant", "=", f.sortant);
  if (f.courante !== undefined) {
    const cond = courante(maintenant);
    q = q.where(f.courante ? cond : sql<boolean>`NOT ${cond}`);
  }
  for (const client of [f.client_id, f.portee && clientDe(f.portee)])
    if (client !== undefined && client !== 0)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("tel_campaign as c")
            .select("c.id")
            .whereRef("c.id", "=", "v.campaign_id")
            .where("c.client_id", "=", client),
        ),
      );
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function lireAffectation(db: Executor, id: number, maintenant: Date, portee: Portee = TOUT) {
  return restreindre(
    selectAffectation(db, maintenant).where("v.id", "=", id),
    portee,
    "c.client_id",
  ).executeTakeFirst();
}

/** A number as an assignment needs it (client, status, type), its row locked until the end of the transaction. */
export async function numeroVerrouille(db: Executor, didId: number) {
  await verrouiller(db, "tel_did", [didId]);
  return (
    db
      .selectFrom("tel_did as d")
      .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
      .leftJoin("tel_type_did as t", "t.id", "d.type_id")
      .select([
        "d.id",
        "d.client_id",
        "d.did_format_e164",
        "d.titulaire",
        "d.portabilite_sortante_id",
        "d.resiliation_prevue_le",
        "s.code as statut",
      ])
      // the rules read the nature (nature.ts), whatever the company calls the type
      .select(sql<string | null>`coalesce(t.nature, t.code)`.as("type"))
      .where("d.id", "=", didId)
      .executeTakeFirst()
  );
}

export function campagneDe(db: Executor, campaignId: number) {
  return db
    .selectFrom("tel_campaign")
    .select(["id", "client_id", "prospection", "code", "actif"])
    .where("id", "=", campaignId)
    .executeTakeFirst();
}

/**
 * Held numbers whose status disagrees with their assignments at `maintenant`: Affecté with a current assignment,
 * or Utilisé without one (among `didIds` when given).
 */
export function numerosDecales(db: Executor, maintenant: Date, didIds?: number[]) {
  const enCours = sql<boolean>`EXISTS (SELECT 1 FROM tel_did_virtual v
    WHERE v.did_id = d.id AND ${courante(maintenant)})`;
  let q = db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.id", "s.code as statut"])
    .where("s.code", "in", ["AFFECTE", "UTILISE"])
    .where(sql<boolean>`(s.code = 'AFFECTE') = ${enCours}`);
  if (didIds) q = q.where(parmiIds("d.id", didIds));
  return q.execute();
}

/**
 * Moves these numbers, if still out of step at `maintenant`, to the status their assignments give (AFFECTE↔UTILISE)
 * and writes each move's history line, in two set-based statements whatever their count. The caller has locked them.
 */
export async function basculerStatutsDecales(
  db: Executor,
  ids: number[],
  maintenant: Date,
  h: { auteur: string; motif: string; requestId: string | null },
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await sql<{ n: number }>`
    WITH decales AS (
      SELECT d.id, s.code AS avant FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
      WHERE d.id = ANY(${ids}::int[]) AND s.code IN ('AFFECTE', 'UTILISE')
        AND (s.code = 'AFFECTE') = EXISTS (SELECT 1 FROM tel_did_virtual v WHERE v.did_id = d.id AND ${courante(maintenant)})
    ), maj AS (
      UPDATE tel_did d SET modified_by = ${h.auteur},
        statut_id = (SELECT id FROM tel_statut_did WHERE code = CASE x.avant WHEN 'AFFECTE' THEN 'UTILISE' ELSE 'AFFECTE' END)
      FROM decales x WHERE d.id = x.id
      RETURNING d.id, x.avant
    ), hist AS (
      INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif,
        request_id, date_action)
      SELECT id, 'STATUT', 'statut', avant, CASE avant WHEN 'AFFECTE' THEN 'UTILISE' ELSE 'AFFECTE' END,
        ${h.auteur}, ${h.motif}, ${h.requestId}, ${maintenant}
      FROM maj ORDER BY id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM hist`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export function insererAffectation(db: Executor, valeurs: Insertable<DB["tel_did_virtual"]>) {
  return db.insertInto("tel_did_virtual").values(valeurs).returningAll().executeTakeFirstOrThrow();
}

export function affectationPourMaj(db: Executor, id: number) {
  return db.selectFrom("tel_did_virtual").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function ecrireAffectation(db: Executor, id: number, valeurs: Updateable<DB["tel_did_virtual"]>) {
  return db
    .updateTable("tel_did_virtual")
    .set(valeurs)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A campaign's assignments current at an instant, or to come (ended by its deactivation). */
export async function affectationsEnCoursDeCampagne(db: Executor, campaignId: number, maintenant: Date) {
  return db
    .selectFrom("tel_did_virtual as v")
    .select(["v.id", "v.date_debut", "v.date_fin"])
    .where("v.campaign_id", "=", campaignId)
    .where("v.actif", "=", true)
    .where((eb) => eb.or([eb("v.date_fin", "is", null), eb("v.date_fin", ">", maintenant)]))
    .orderBy("v.id")
    .execute();
}
