import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.js";

/**
 * Locks rows by id, alone. A `SELECT ... JOIN ... FOR UPDATE` is not enough on PostgreSQL: when it waits for
 * a concurrent writer, it re-checks the join against the *old* rows of the other tables, so a row whose
 * status just changed vanishes from the result ("not found" instead of the right refusal). Lock first,
 * read the joined view after.
 */
export async function verrouiller(
  trx: Kysely<DB>,
  table: "tel_did" | "tel_did_commande" | "tel_did_virtual",
  ids: number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ id: number }>`
    SELECT id FROM ${sql.table(table)} WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`.execute(trx);
  return r.rows.map((x) => x.id);
}
