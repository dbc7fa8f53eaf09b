import { type Kysely, sql } from "kysely";

// A client's re-billing price per type of number (optional): the re-billing statement uses it instead of the
// number's own monthly cost.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tel_tarif_client (
    client_id integer NOT NULL REFERENCES tel_client(id) ON DELETE CASCADE,
    type_id integer NOT NULL REFERENCES tel_type_did(id),
    prix_mensuel numeric(12, 4) NOT NULL CHECK (prix_mensuel >= 0),
    modified_by text,
    date_modification timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, type_id))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_tarif_client`.execute(db);
}
