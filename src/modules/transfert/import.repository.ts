import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";

// What the import asks of the database besides its rows: planner settings for its transaction, its start instant,
// and fresh statistics once it has written many rows.

/** The planner settings of an import's transaction (SET LOCAL: they end with it). */
export async function reglerPlanificateur(trx: Kysely<DB>) {
  // The table grows inside this transaction, unknown to the planner's statistics: it then answered each
  // chunk's E.164 lookup from the trigram index, whose pending list grows with every insert (100,000
  // numbers: 88 s). Trigram indexes are only read by bitmap scans: without them, the unique B-tree is used.
  await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
  // A table emptied then vacuumed is known to the planner as empty, and it stays so for the length of this
  // transaction whatever the import adds. The foreign-key checks' plans, made once and kept by each
  // connection, then read the whole referenced table for every row written: 100,000 numbers took 220 s
  // instead of 7. Every read and check of an import goes through an index: no sequential scan is planned
  // here, and the plans this connection kept from before are made again under this rule.
  await sql`SET LOCAL enable_seqscan = off`.execute(trx);
  await sql`DISCARD PLANS`.execute(trx);
}

/** The transaction's start, "now" for an import run without the app clock (the command line). */
export async function debutDeTransaction(trx: Kysely<DB>): Promise<Date> {
  const r = await sql<{ maintenant: Date }>`SELECT now() AS maintenant`.execute(trx);
  return (r.rows[0] as { maintenant: Date }).maintenant;
}

export async function analyser(db: Kysely<DB>, tables: readonly string[]) {
  await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
