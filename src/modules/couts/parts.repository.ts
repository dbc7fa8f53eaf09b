import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../audit/audit.repository.js";
import { STATUTS_DETENUS } from "../dids/statuts.js";

// A month's parts, set-based in SQL: who bears each number's monthly cost on each day of the month. A day belongs to
// whoever holds the number at the end of that day (Paris time): the state at the day's last millisecond. That
// state is rebuilt from the number's current one and its history read backwards (the value a change replaced is
// what held before it), so a history that never recorded a first holder still reads right.
//
// Everything works in days: an instant q first weighs on day F(q), the first day whose end is at or after q, that
// is the business day of q + 999 µs. A change at q sets the state of days ≥ F(q); an assignment [debut, fin) routes
// days F(debut) ≤ d < F(fin). Each number's month is cut where one of these falls inside it, and each stretch
// gets its holder, status, campaign and day count: a stretch, not a day, so 1,000,000 numbers make about as many
// rows, never thirty times as many.

export interface ParametresMois {
  /** The month's first day and the next month's ('2026-11-01'), or SQL that gives them (couts-lecture.ts). */
  premier: string | RawBuilder<unknown>;
  suivant: string | RawBuilder<unknown>;
  fuseau: string;
  freezeJours: number;
  /** Only the numbers this client holds now or held once (its re-billing statement). */
  clientId?: number | undefined;
  /** Only the numbers whose id is in [de, a): one slice of the inventory (resumeDuMois by slices). */
  ids?: { de: number; a: number } | undefined;
}

/**
 * The month cut in stretches as a `bouts_payes` CTE, one row per stretch of a number with one payer, campaign and
 * freeze: did_id, numero, type_id, operateur_id, cout, client_id (null: the company), groupement_id, campaign_id,
 * gel, du, au_exclu (dates). `suite` is the statement that reads it (it may add CTEs, starting with a comma).
 */
export function avecParts(p: ParametresMois, suite: RawBuilder<unknown>) {
  const jf = (col: RawBuilder<unknown>) =>
    sql`((${col} + interval '999 microseconds') AT TIME ZONE ${p.fuseau})::date`;
  const finDuJour = sql`((${p.premier}::date + 1)::timestamp AT TIME ZONE ${p.fuseau})`;
  const debutMois = sql`(${p.premier}::date::timestamp AT TIME ZONE ${p.fuseau})`;
  const finMois = sql`(${p.suivant}::date::timestamp AT TIME ZONE ${p.fuseau})`;
  const client = p.clientId === undefined ? null : p.clientId;
  // with every number (no client), joining on n later costs less than filtering on it here
  const dansN = (col: RawBuilder<unknown>) =>
    sql`${p.clientId === undefined ? sql`` : sql`AND ${col} IN (SELECT id FROM n)`} ${dansLaTranche(col)}`;
  const dansLaTranche = (col: RawBuilder<unknown>) =>
    p.ids ? sql`AND ${col} >= ${p.ids.de}::int AND ${col} < ${p.ids.a}::int` : sql``;
  return sql`
    WITH n AS (
      SELECT d.id, d.did_format_e164 AS numero, d.cout_mensuel::float8 AS cout, d.client_id, d.groupement_id,
        s.code AS statut, d.type_id, coalesce(tr.operateur_id, d.operateur_id) AS operateur_id,
        d.date_acquisition, d.date_resiliation, d.portee_vers IS NOT NULL AS portee
      FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
      LEFT JOIN tel_tranche tr ON tr.id = d.tranche_id
      WHERE d.cout_mensuel > 0 ${dansLaTranche(sql`d.id`)} AND (s.code <> 'RESILIE' OR d.date_resiliation IS NULL
          OR d.date_resiliation >= ${p.premier}::date - 121)
        AND (d.date_acquisition IS NULL OR d.date_acquisition < ${p.suivant}::date)
        AND (${client}::int IS NULL OR d.client_id = ${client}::int OR d.id IN (
          SELECT h.did_id FROM tel_did_historique h WHERE h.champ = 'client_id'
            AND (h.nouvelle_valeur = ${client}::text OR h.ancienne_valeur = ${client}::text)))
    ),
    -- the changes that decide a day of the month or later: those whose first day F is after the first day
    ev AS (
      SELECT h.did_id, h.id, h.champ, h.ancienne_valeur AS avant, h.date_action AS quand,
        ${jf(sql`h.date_action`)} AS jf
      FROM tel_did_historique h
      WHERE h.champ IN ('client_id', 'statut') AND h.date_action > ${finDuJour} - interval '1 millisecond'
        ${dansN(sql`h.did_id`)}
    ),
    evs AS (
      SELECT did_id,
        array_agg(jf ORDER BY quand, id) FILTER (WHERE champ = 'client_id') AS c_jf,
        array_agg(avant ORDER BY quand, id) FILTER (WHERE champ = 'client_id') AS c_av,
        array_agg(jf ORDER BY quand, id) FILTER (WHERE champ = 'statut') AS s_jf,
        array_agg(avant ORDER BY quand, id) FILTER (WHERE champ = 'statut') AS s_av,
        array_agg(quand ORDER BY quand, id) FILTER (WHERE champ = 'statut') AS s_q
      FROM ev GROUP BY did_id
    ),
    aff AS (
      SELECT v.did_id, v.id, v.campaign_id, v.entrant, v.priorite, ${jf(sql`v.date_debut`)} AS jd,
        ${jf(sql`v.date_fin`)} AS jfin
      FROM tel_did_virtual v
      WHERE v.actif AND v.date_debut < ${finMois} AND (v.date_fin IS NULL OR v.date_fin > ${debutMois})
        ${dansN(sql`v.did_id`)}
    ),
    coupures AS (
      SELECT did_id, jf AS j FROM ev WHERE jf < ${p.suivant}::date
      UNION SELECT did_id, jd FROM aff WHERE jd > ${p.premier}::date AND jd < ${p.suivant}::date
      UNION SELECT did_id, jfin FROM aff WHERE jfin > ${p.premier}::date AND jfin < ${p.suivant}::date
    ),
    bouts AS (
      SELECT did_id, j AS du, lead(j, 1, ${p.suivant}::date) OVER (PARTITION BY did_id ORDER BY j) AS au
      FROM (SELECT did_id, j FROM coupures UNION SELECT did_id, ${p.premier}::date FROM coupures) x
    ),
    etats AS (
      SELECT n.*, coalesce(b.du, ${p.premier}::date) AS du, coalesce(b.au, ${p.suivant}::date) AS au,
        e.c_jf, e.c_av, e.s_jf, e.s_av, e.s_q
      FROM n LEFT JOIN bouts b ON b.did_id = n.id LEFT JOIN evs e ON e.did_id = n.id
    ),
    -- each stretch's holder and status: the value replaced by the first later change, else the current one
    lus AS (
      SELECT x.*,
        CASE WHEN x.c_jf IS NOT NULL AND x.c_jf[cardinality(x.c_jf)] > x.du
          THEN (SELECT u.a FROM unnest(x.c_jf, x.c_av) WITH ORDINALITY u(j, a, o) WHERE u.j > x.du ORDER BY u.o LIMIT 1)::int
          ELSE x.client_id END AS tenant,
        CASE WHEN x.s_jf IS NOT NULL AND x.s_jf[cardinality(x.s_jf)] > x.du
          THEN (SELECT u.a FROM unnest(x.s_jf, x.s_av) WITH ORDINALITY u(j, a, o) WHERE u.j > x.du ORDER BY u.o LIMIT 1)
          ELSE x.statut END AS etat,
        NOT (x.s_jf IS NOT NULL AND x.s_jf[cardinality(x.s_jf)] > x.du) AS actuel
      FROM etats x
    ),
    -- a termination's freeze runs from its day: the number's recorded date for the current one, else the day of
    -- the change that made it
    dates AS (
      SELECT l.*,
        CASE WHEN l.etat <> 'RESILIE' THEN NULL
          WHEN l.actuel AND l.date_resiliation IS NOT NULL THEN l.date_resiliation
          ELSE coalesce(
          (SELECT (u.q AT TIME ZONE ${p.fuseau})::date FROM unnest(l.s_jf, l.s_q) WITH ORDINALITY u(j, q, o)
            WHERE u.j <= l.du ORDER BY u.o DESC LIMIT 1),
          (SELECT (h.date_action AT TIME ZONE ${p.fuseau})::date FROM tel_did_historique h
            WHERE h.did_id = l.id AND h.champ = 'statut' AND h.date_action <= ${finDuJour} - interval '1 millisecond'
            ORDER BY h.date_action DESC, h.id DESC LIMIT 1),
          l.date_resiliation) END AS resilie
      FROM lus l
    ),
    bornes AS (
      SELECT d.*,
        CASE WHEN d.etat = ANY(${[...STATUTS_DETENUS]}::text[]) THEN d.tenant END AS payeur,
        d.etat = 'RESILIE' AS gel,
        greatest(d.du, coalesce(d.date_acquisition, d.du)) AS du_eff,
        -- a number gone by porting costs nothing from its last day: no freeze
        CASE WHEN d.etat = 'RESILIE' THEN least(d.au, d.resilie + CASE WHEN d.portee AND d.actuel THEN 0
          ELSE ${p.freezeJours}::int END) ELSE d.au END AS au_eff
      FROM dates d
      WHERE d.etat IN ('AFFECTE', 'UTILISE', 'DISPONIBLE') OR (d.etat = 'RESILIE' AND d.resilie IS NOT NULL)
    ),
    -- the campaign of a held stretch: the first assignment routing it (inbound first, then by priority)
    campagnes AS (
      SELECT DISTINCT ON (b.id, b.du) b.id, b.du, a.campaign_id
      FROM bornes b JOIN aff a ON a.did_id = b.id AND a.jd <= b.du AND (a.jfin IS NULL OR a.jfin > b.du)
      WHERE b.payeur IS NOT NULL AND b.au_eff > b.du_eff
      ORDER BY b.id, b.du, a.entrant DESC, a.priorite, a.id
    ),
    bouts_payes AS (
      SELECT b.id AS did_id, b.numero, b.type_id, b.operateur_id, b.cout, b.payeur AS client_id,
        CASE WHEN b.payeur IS NOT NULL AND b.payeur = b.client_id THEN b.groupement_id END AS groupement_id,
        c.campaign_id, b.gel, b.du_eff AS du, b.au_eff AS au_exclu, b.au_eff - b.du_eff AS jours
      FROM bornes b LEFT JOIN campagnes c ON c.id = b.id AND c.du = b.du
      WHERE b.au_eff > b.du_eff
    )
    ${suite}`;
}

export interface LigneResume {
  dimension: "client" | "groupement" | "operateur" | "campagne" | "type";
  /** The group's id (null: none; for the client dimension, null is the company's stock or freeze as `gel` says). */
  cle: number | null;
  gel: boolean | null;
  numeros: number;
  jours: number;
  montant: number;
}

type LigneDuResume = Omit<LigneResume, "dimension"> & { dimension: LigneResume["dimension"] | "total" };

/**
 * The month's cost by each of the five groupings at once, and the total (dimension 'total'). With `lot`, the
 * inventory is read in slices of that many ids, one query each, and the sums added up (every figure is a sum over
 * numbers, each number in one slice): the embedded database runs one query at a time, and a whole month of 100,000
 * numbers held it for 2 to 5 s, so every page waited behind it (#32). Before each slice, `repos` waits for the
 * database to be free: people's requests go first.
 */
export async function resumeDuMois(
  db: Executor,
  p: ParametresMois,
  joursDuMois: number,
  lot = 0,
  repos: () => Promise<void> = async () => {},
) {
  if (lot <= 0) return resumeDUneTranche(db, p, joursDuMois);
  const bornes = await sql<{ min: number | null; max: number | null }>`
    SELECT min(id) AS min, max(id) AS max FROM tel_did WHERE cout_mensuel > 0`.execute(db);
  const { min, max } = bornes.rows[0] ?? { min: null, max: null };
  if (min === null || max === null) return resumeDUneTranche(db, p, joursDuMois);
  const somme = new Map<string, LigneDuResume>();
  for (let de = min; de <= max; de += lot) {
    await repos();
    for (const l of await resumeDUneTranche(db, { ...p, ids: { de, a: de + lot } }, joursDuMois)) {
      const cle = `${l.dimension}|${l.cle}|${l.gel}`;
      const deja = somme.get(cle);
      if (!deja) somme.set(cle, { ...l });
      else {
        deja.numeros += l.numeros;
        deja.jours += l.jours;
        deja.montant += l.montant;
      }
    }
  }
  return [...somme.values()];
}

async function resumeDUneTranche(db: Executor, p: ParametresMois, joursDuMois: number) {
  const requete = requeteResume(p, joursDuMois);
  if (!p.ids || db.isTransaction) return (await requete.execute(db)).rows as LigneDuResume[];
  // on a slice the planner expects a row or two where there are thousands, and it joined each stretch to its
  // campaigns by a nested loop: 18 s for 10,000 numbers instead of 0.3 s. Every join here is over sets.
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await requete.execute(trx)).rows as LigneDuResume[];
  });
}

/** The statement of resumeDuMois for one slice (or all): exported for EXPLAIN. */
export function requeteResume(p: ParametresMois, joursDuMois: number) {
  return avecParts(
    p,
    sql`
    SELECT CASE WHEN grouping(client_id, gel) = 0 THEN 'client'
        WHEN grouping(groupement_id) = 0 THEN 'groupement'
        WHEN grouping(operateur_id) = 0 THEN 'operateur'
        WHEN grouping(campaign_id) = 0 THEN 'campagne'
        WHEN grouping(type_id) = 0 THEN 'type' ELSE 'total' END AS dimension,
      CASE WHEN grouping(client_id, gel) = 0 THEN client_id
        WHEN grouping(groupement_id) = 0 THEN groupement_id
        WHEN grouping(operateur_id) = 0 THEN operateur_id
        WHEN grouping(campaign_id) = 0 THEN campaign_id
        WHEN grouping(type_id) = 0 THEN type_id END AS cle,
      CASE WHEN grouping(client_id, gel) = 0 THEN gel END AS gel,
      count(DISTINCT did_id)::int AS numeros, sum(jours)::int AS jours,
      sum(cout * jours / ${joursDuMois}::float8) AS montant
    FROM bouts_payes
    GROUP BY GROUPING SETS ((client_id, gel), (groupement_id), (operateur_id), (campaign_id), (type_id), ())`,
  );
}

export interface PartClient {
  did_id: number;
  numero: string;
  type_id: number | null;
  campaign_id: number | null;
  cout: number;
  du: string;
  au: string;
  jours: number;
}

/** A client's parts of the month (its re-billing statement's lines), by number then date. */
export async function partsDuClient(db: Executor, p: ParametresMois & { clientId: number }) {
  const r = await avecParts(
    p,
    sql`,
    -- stretches next to each other with the same payer, campaign and freeze make one part
    suites AS (
      SELECT x.*, CASE WHEN lag(x.au_exclu) OVER w = x.du
          AND lag(x.client_id) OVER w IS NOT DISTINCT FROM x.client_id
          AND lag(x.campaign_id) OVER w IS NOT DISTINCT FROM x.campaign_id
          AND lag(x.gel) OVER w = x.gel THEN 0 ELSE 1 END AS nouveau
      FROM bouts_payes x WHERE x.client_id = ${p.clientId}::int WINDOW w AS (PARTITION BY x.did_id ORDER BY x.du)
    ),
    ilots AS (
      SELECT s.*, sum(s.nouveau) OVER (PARTITION BY s.did_id ORDER BY s.du) AS ilot FROM suites s
    ),
    parts AS (
      SELECT did_id, min(numero) AS numero, min(type_id) AS type_id, min(operateur_id) AS operateur_id,
        min(cout) AS cout, client_id, min(groupement_id) AS groupement_id, campaign_id, gel,
        min(du) AS du, max(au_exclu) AS au_exclu, sum(au_exclu - du)::int AS jours
      FROM ilots GROUP BY did_id, ilot, client_id, campaign_id, gel
    )
    SELECT did_id, numero, type_id, campaign_id, cout, du::text AS du, (au_exclu - 1)::text AS au, jours
    FROM parts ORDER BY numero, du`,
  ).execute(db);
  return r.rows as PartClient[];
}

/**
 * Each number's cost in the month, by who bore it: one row per number and payer (client_id null: the company, in
 * stock or, with gel, in its freeze). `joursDuMois` may be SQL (the month of a function's argument).
 */
export function requeteCoutsParNumero(p: ParametresMois, joursDuMois: RawBuilder<unknown>) {
  return avecParts(
    p,
    sql`
    SELECT did_id, min(numero) AS numero, client_id, gel, sum(jours)::int AS jours,
      sum(cout * jours / ${joursDuMois}) AS montant
    FROM bouts_payes GROUP BY did_id, client_id, gel`,
  );
}
