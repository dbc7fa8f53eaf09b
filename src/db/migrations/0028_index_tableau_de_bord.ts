import { type Kysely, sql } from "kysely";

// The dashboard at 1,000,000 numbers (#26). Its stock (available numbers held by no client, by region and type) read
// 150,000 rows of the table, 0.6 s: this index answers it alone. Its numbers leaving their freeze within 30 days
// read every number terminated in the window to count them (46,000 rows, 0.43 s): this one counts them alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_stock_idx ON tel_did (statut_id, region_id, type_id)
    INCLUDE (date_resiliation) WHERE client_id IS NULL`.execute(db);
  await sql`CREATE INDEX tel_did_statut_resiliation_idx ON tel_did (statut_id, date_resiliation)
    INCLUDE (client_id, portee_vers) WHERE date_resiliation IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX tel_did_statut_resiliation_idx`.execute(db);
  await sql`DROP INDEX tel_did_stock_idx`.execute(db);
}
