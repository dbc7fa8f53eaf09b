import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { fuseauMetier } from "../../heure-metier.js";
import { requeteCoutsParNumero } from "./parts.repository.js";

/** SQL for a value: what a function body needs where a query had a parameter. */
function litteral(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `ARRAY[${v.map(litteral).join(", ")}]`;
  if (typeof v === "string") return `'${v.replaceAll("'", "''")}'`;
  throw new Error(`Valeur non prévue dans une fonction SQL : ${String(v)}`);
}

/**
 * telephony_lecture.couts_mois_v1(periode text): each number's cost in a month ('2026-11'), by who bore it, for the
 * other tools that read the views (#31). The arithmetic is the API's own (parts.repository.ts), written once:
 * the function is rendered from it at each start, so it follows the code. Its columns are in the views' contract.
 */
export async function installerCoutsLecture(db: Kysely<DB>, freezeJours: number) {
  const premier = sql.raw(`(periode || '-01')::date`);
  const suivant = sql.raw(`((periode || '-01')::date + interval '1 month')::date`);
  const requete = requeteCoutsParNumero(
    { premier, suivant, fuseau: fuseauMetier(), freezeJours },
    sql.raw(`(((periode || '-01')::date + interval '1 month')::date - (periode || '-01')::date)::float8`),
  ).compile(db);
  // from the last placeholder down: $1 is not the start of $12
  let corps = requete.sql;
  for (let i = requete.parameters.length; i >= 1; i--)
    corps = corps.replaceAll(`$${i}`, litteral(requete.parameters[i - 1]));
  await sql`${sql.raw(`CREATE OR REPLACE FUNCTION telephony_lecture.couts_mois_v1(periode text)
    RETURNS TABLE (did_id integer, numero_e164 text, client_id integer, client_code text, gel boolean,
      jours integer, montant numeric)
    -- its owner's rights, as the views have: the reading role reads no table itself
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $corps$
      SELECT x.did_id, x.numero, x.client_id, c.code, x.gel, x.jours, round(x.montant::numeric, 4)
      FROM (${corps}) x LEFT JOIN public.tel_client c ON c.id = x.client_id
    $corps$`)}`.execute(db);
  await sql`COMMENT ON FUNCTION telephony_lecture.couts_mois_v1(text) IS ${sql.lit(
    "Le coût de chaque numéro dans un mois (« 2026-11 »), par qui l'a porté : client_id vide pour la société (stock, ou gel si gel) ; jours et montant comme GET /api/v1/couts.",
  )}`.execute(db);
}
