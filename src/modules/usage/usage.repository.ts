import { sql } from "kysely";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of call usage: the aggregates replaced for a period, a number's days, and the dormant numbers.

export async function idsParE164(db: Executor, e164: string[]) {
  if (e164.length === 0) return new Map<string, number>();
  const r = await sql<{ id: number; e164: string }>`
    SELECT d.id, d.did_format_e164 AS e164 FROM unnest(${e164}::text[]) AS e(e164)
    JOIN tel_did d ON d.did_format_e164 = e.e164`.execute(db);
  return new Map(r.rows.map((l) => [l.e164, l.id]));
}

export interface Agregat {
  did_id: number;
  jour: string;
  entrants: number;
  sortants: number;
  repondus: number;
  abandonnes: number;
  duree_s: number;
  dernier_appel: Date;
}

/** The period's aggregates replaced by these: a file imported twice counts its calls once. */
export async function remplacerPeriode(db: Executor, du: string, au: string, agregats: Agregat[]) {
  await db.deleteFrom("tel_usage_jour").where("jour", ">=", du).where("jour", "<=", au).execute();
  for (let i = 0; i < agregats.length; i += 5000) {
    const t = agregats.slice(i, i + 5000);
    await sql`
      INSERT INTO tel_usage_jour (did_id, jour, entrants, sortants, repondus, abandonnes, duree_s, dernier_appel)
      SELECT * FROM unnest(${t.map((a) => a.did_id)}::int[], ${t.map((a) => a.jour)}::date[],
        ${t.map((a) => a.entrants)}::int[], ${t.map((a) => a.sortants)}::int[], ${t.map((a) => a.repondus)}::int[],
        ${t.map((a) => a.abandonnes)}::int[], ${t.map((a) => a.duree_s)}::bigint[],
        ${t.map((a) => a.dernier_appel.toISOString())}::timestamptz[])`.execute(db);
  }
}

export function insererImport(
  db: Executor,
  v: {
    fichier_nom: string;
    fichier_sha256: string;
    format: "HERMES" | "SIMPLE";
    du: string;
    au: string;
    lignes: number;
    appels: number;
    non_attribues: number;
    rejetes: number;
    auteur: string;
  },
) {
  return db
    .insertInto("tel_usage_import")
    .values(v)
    .returning(["id", "date_creation"])
    .executeTakeFirstOrThrow();
}

/** A number's days from `depuis`, and its last call ever recorded. */
export async function usageDuNumero(db: Executor, didId: number, depuis: string) {
  const [jours, dernier] = await Promise.all([
    db
      .selectFrom("tel_usage_jour")
      .select(["jour", "entrants", "sortants", "repondus", "abandonnes", "duree_s"])
      .where("did_id", "=", didId)
      .where("jour", ">=", depuis)
      .orderBy("jour")
      .execute(),
    db
      .selectFrom("tel_usage_jour")
      .select((eb) => eb.fn.max("dernier_appel").as("dernier"))
      .where("did_id", "=", didId)
      .executeTakeFirst(),
  ]);
  return { jours, dernier_appel: (dernier?.dernier as Date | null | undefined) ?? null };
}

/** Whether the imported call records cover every day from `du` to `au`. */
export async function couvert(db: Executor, du: string, au: string): Promise<boolean> {
  const r = await sql<{ trou: boolean }>`
    SELECT EXISTS (SELECT 1 FROM generate_series(${du}::date, ${au}::date, interval '1 day') AS j(jour)
      WHERE NOT EXISTS (SELECT 1 FROM tel_usage_import i WHERE j.jour::date BETWEEN i.du AND i.au)) AS trou`.execute(
    db,
  );
  return !r.rows[0]?.trou;
}

export interface Dormant {
  id: number;
  numero: string;
  statut: string;
  client_id: number | null;
  client: string | null;
  operateur: string | null;
  cout_mensuel: number;
  dernier_appel: Date | null;
  dernier_usage: Date | null;
  campagnes: string[] | null;
}

/** Where a page of dormant numbers ends, in their order: the number (E.164). */
export type CleDormant = string;

/** Which numbers are dormant: `methode` and the period, as chercherDormants decides them. */
export interface CritereDormants {
  methode: "appels" | "statut";
  depuis: string;
  depuisInstant: Date;
}

/**
 * Numbers that cost money (a monthly cost, not terminated) and were not used since `depuis`: by calls (none received
 * or presented in the period), or by status (not in use, and not since `depuis` by their history).
 */
function dormantsDe(c: CritereDormants) {
  const critere =
    c.methode === "appels"
      ? // the number's last day with a call (migration 0029), not its days: one row per number that had any
        sql`NOT EXISTS (SELECT 1 FROM tel_usage_dernier u WHERE u.did_id = d.id AND u.jour >= ${c.depuis}::date)`
      : sql`s.code <> 'UTILISE' AND NOT EXISTS (SELECT 1 FROM tel_did_historique h WHERE h.did_id = d.id
          AND h.champ = 'statut' AND h.ancienne_valeur = 'UTILISE' AND h.date_action >= ${c.depuisInstant})`;
  return sql`FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
    LEFT JOIN tel_client c ON c.id = d.client_id
    LEFT JOIN tel_tranche t ON t.id = d.tranche_id
    LEFT JOIN tel_operateur o ON o.id = coalesce(t.operateur_id, d.operateur_id)
    WHERE d.cout_mensuel > 0 AND s.code NOT IN ('RESILIE', 'COMMANDE') AND d.date_creation < ${c.depuisInstant}
      AND ${critere}`;
}

/** The dormant numbers by client and operator, with what they cost a month: counted in SQL, whatever their number. */
export async function groupesDormants(db: Executor, c: CritereDormants) {
  const r = await sql<{ client: string | null; operateur: string | null; n: number; economie: number }>`
    SELECT c.nom AS client, o.nom AS operateur, count(*)::int AS n, sum(d.cout_mensuel)::float8 AS economie
    ${dormantsDe(c)}
    GROUP BY c.nom, o.nom ORDER BY coalesce(c.nom, ''), coalesce(o.nom, '')`.execute(db);
  return r.rows;
}

/**
 * The dormant numbers themselves, by number (the E.164 index reads them in order and stops at the page's end, where
 * a sort by client would read all of them): one page, or those among `ids` (a termination checks its list).
 */
export async function dormants(
  db: Executor,
  c: CritereDormants,
  maintenant: Date,
  quels: { limite: number; decalage?: number; apres?: CleDormant } | { ids: number[] },
) {
  const suite =
    "ids" in quels
      ? sql`AND d.id = ANY(${quels.ids}::int[])`
      : quels.apres
        ? sql`AND d.did_format_e164 > ${quels.apres}`
        : sql``;
  const r = await sql<Dormant>`
    SELECT d.id, d.did_format_e164 AS numero, s.code AS statut, d.client_id, c.nom AS client, o.nom AS operateur,
      d.cout_mensuel::float8 AS cout_mensuel,
      (SELECT max(u.dernier_appel) FROM tel_usage_jour u WHERE u.did_id = d.id) AS dernier_appel,
      (SELECT max(h.date_action) FROM tel_did_historique h WHERE h.did_id = d.id AND h.champ = 'statut'
        AND (h.ancienne_valeur = 'UTILISE' OR h.nouvelle_valeur = 'UTILISE')) AS dernier_usage,
      (SELECT array_agg(DISTINCT k.code ORDER BY k.code) FROM tel_did_virtual v JOIN tel_campaign k ON k.id = v.campaign_id
        WHERE v.did_id = d.id AND v.actif AND v.date_debut <= ${maintenant}
          AND (v.date_fin IS NULL OR v.date_fin > ${maintenant})) AS campagnes
    ${dormantsDe(c)} ${suite}
    ORDER BY d.did_format_e164
    ${"ids" in quels ? sql`` : sql`LIMIT ${quels.limite} OFFSET ${quels.decalage ?? 0}`}`.execute(db);
  return r.rows;
}
