import { type Kysely, sql } from "kysely";

// Every write that can change a route (assignment, number status, campaign, configuration) signals
// 'table:id' on the tel_routage channel, whatever wrote it (API, CLI, import, psql). NOTIFY is delivered
// at commit, so API instances update their in-memory routing only with committed data.
export async function up(db: Kysely<unknown>): Promise<void> {
  // a global counter of routing changes: every instance that has applied change n serves the same ETag
  await sql`CREATE SEQUENCE tel_routage_version`.execute(db);
  await sql`
    CREATE FUNCTION tel_signal_routage() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- record fields are resolved when an expression is planned, so each table gets its own branch
      IF TG_TABLE_NAME = 'tel_did_virtual' THEN
        IF TG_OP <> 'DELETE' THEN
          PERFORM pg_notify('tel_routage', 'did:' || NEW.did_id || ':' || nextval('tel_routage_version'));
        END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.did_id <> NEW.did_id) THEN
          PERFORM pg_notify('tel_routage', 'did:' || OLD.did_id || ':' || nextval('tel_routage_version'));
        END IF;
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('tel_routage', substr(TG_TABLE_NAME, 5) || ':' || OLD.id || ':' || nextval('tel_routage_version'));
      ELSE
        PERFORM pg_notify('tel_routage', substr(TG_TABLE_NAME, 5) || ':' || NEW.id || ':' || nextval('tel_routage_version'));
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tel_did_virtual_routage AFTER INSERT OR UPDATE OR DELETE ON tel_did_virtual
    FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(db);
  await sql`CREATE TRIGGER tel_did_routage AFTER UPDATE OF statut_id, did_format_e164, region_id, type_id ON tel_did
    FOR EACH ROW WHEN (OLD.statut_id IS DISTINCT FROM NEW.statut_id OR OLD.did_format_e164 IS DISTINCT FROM NEW.did_format_e164
      OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.type_id IS DISTINCT FROM NEW.type_id)
    EXECUTE FUNCTION tel_signal_routage()`.execute(db);
  await sql`CREATE TRIGGER tel_did_routage_suppression AFTER DELETE ON tel_did FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(
    db,
  );
  await sql`CREATE TRIGGER tel_campaign_routage AFTER INSERT OR UPDATE OR DELETE ON tel_campaign FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(
    db,
  );
  await sql`CREATE TRIGGER tel_did_config_routage AFTER INSERT OR UPDATE OR DELETE ON tel_did_config FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(
    db,
  );
  // lookups by campaign of current outbound routes
  await sql`CREATE INDEX tel_did_virtual_courantes_idx ON tel_did_virtual (did_id) WHERE actif`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "tel_did_virtual_routage ON tel_did_virtual",
    "tel_did_routage ON tel_did",
    "tel_did_routage_suppression ON tel_did",
    "tel_campaign_routage ON tel_campaign",
    "tel_did_config_routage ON tel_did_config",
  ]) {
    await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  }
  await sql`DROP FUNCTION tel_signal_routage()`.execute(db);
  await sql`DROP SEQUENCE tel_routage_version`.execute(db);
  await sql`DROP INDEX tel_did_virtual_courantes_idx`.execute(db);
}
