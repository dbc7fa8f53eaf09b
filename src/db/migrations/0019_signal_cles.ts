import { type Kysely, sql } from "kysely";

// A key revoked, deactivated or changed reaches every instance within a second (#27), as sessions do: each
// instance listens on tel_cles and forgets the key it kept. Whatever writes the row (API, CLI, psql). Noting a
// key's last use is not a change of its rights: it notifies nobody.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION tel_signal_cle() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('tel_cles', OLD.prefixe);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tel_cle_api_signal_maj AFTER UPDATE ON tel_cle_api FOR EACH ROW
    WHEN (OLD.revoquee_le IS DISTINCT FROM NEW.revoquee_le OR OLD.actif IS DISTINCT FROM NEW.actif
      OR OLD.role IS DISTINCT FROM NEW.role OR OLD.client_id IS DISTINCT FROM NEW.client_id
      OR OLD.expire_le IS DISTINCT FROM NEW.expire_le OR OLD.hash IS DISTINCT FROM NEW.hash
      OR OLD.prefixe IS DISTINCT FROM NEW.prefixe
      OR OLD.adresses_autorisees IS DISTINCT FROM NEW.adresses_autorisees)
    EXECUTE FUNCTION tel_signal_cle()`.execute(db);
  await sql`CREATE TRIGGER tel_cle_api_signal_suppr AFTER DELETE ON tel_cle_api FOR EACH ROW
    EXECUTE FUNCTION tel_signal_cle()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER tel_cle_api_signal_suppr ON tel_cle_api`.execute(db);
  await sql`DROP TRIGGER tel_cle_api_signal_maj ON tel_cle_api`.execute(db);
  await sql`DROP FUNCTION tel_signal_cle()`.execute(db);
}
