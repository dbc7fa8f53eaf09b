import { type Kysely, sql } from "kysely";

// An API key may be limited to addresses (CIDR ranges): the platform's key then works from Hermes' servers only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_cle_api ADD COLUMN adresses_autorisees text[]`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_cle_api DROP COLUMN adresses_autorisees`.execute(db);
}
