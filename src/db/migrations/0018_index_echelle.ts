import { type Kysely, sql } from "kysely";

// Lists at 1,000,000 numbers (#26): the assignments' list is read latest first; without this index each page
// sorted every assignment (0.2 s, then the joins). Imported call records signal the dormant numbers' kept counts
// ('appels' in tel_couts_signal: after every month in text order, so no month's costs reads it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_virtual_debut_idx ON tel_did_virtual (date_debut DESC, id DESC)`.execute(db);
  await sql`CREATE FUNCTION tel_signal_appels() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO tel_couts_signal (periode_min) VALUES ('appels');
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tel_usage_import_signal AFTER INSERT OR UPDATE OR DELETE ON tel_usage_import
    FOR EACH STATEMENT EXECUTE FUNCTION tel_signal_appels()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER tel_usage_import_signal ON tel_usage_import`.execute(db);
  await sql`DROP FUNCTION tel_signal_appels()`.execute(db);
  await sql`DROP INDEX tel_did_virtual_debut_idx`.execute(db);
}
