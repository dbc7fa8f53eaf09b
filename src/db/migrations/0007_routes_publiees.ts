import { type Kysely, sql } from "kysely";

// The routes each published file was rendered from (gzipped JSON): the next publication compares its routes with
// them, counts what it adds, removes and changes, and asks for a confirmation before removing many at once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_publication ADD COLUMN routes bytea`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_publication DROP COLUMN routes`.execute(db);
}
