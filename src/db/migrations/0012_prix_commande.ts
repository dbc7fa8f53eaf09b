import { type Kysely, sql } from "kysely";

// An order records the carrier's price for its numbers, as the carrier portals do: the operator and its
// reference were already there; the monthly and set-up prices are copied onto each number delivered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did_commande
    ADD COLUMN cout_mensuel numeric(12, 4) CHECK (cout_mensuel >= 0),
    ADD COLUMN cout_mise_en_service numeric(12, 4) CHECK (cout_mise_en_service >= 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did_commande DROP COLUMN cout_mensuel, DROP COLUMN cout_mise_en_service`.execute(
    db,
  );
}
