import { type Kysely, sql } from "kysely";

// A client's numbers in one status, in number order: the page people open most. This index gives the
// rows already sorted, so the first page reads 50 entries instead of sorting every matching number.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_client_statut_did_idx ON tel_did (client_id, statut_id, did)`.execute(db);
  await sql`DROP INDEX tel_did_client_statut_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_client_statut_idx ON tel_did (client_id, statut_id)`.execute(db);
  await sql`DROP INDEX tel_did_client_statut_did_idx`.execute(db);
}
