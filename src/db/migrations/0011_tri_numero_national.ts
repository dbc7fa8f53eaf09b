import { type Kysely, sql } from "kysely";

// The number list sorts by the national number (01… before 02 62…, as a French user reads them): an index keeps
// its first page as fast as the E.164 order was, at a million numbers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_did_idx ON tel_did (did, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tel_did_did_idx`.execute(db);
}
