import { type Kysely, sql } from "kysely";

// Routing signals once per statement instead of once per row. An import of 100,000 assignments used to send
// 200,000 notifications (assignment, then status), each making every API instance re-read one number: minutes of
// queries after the commit. Now a statement signals each number it touched, or, beyond SEUIL numbers, one
// 'tout' signal on which the instances reload the whole routing (about 2 s for 300,000 routes).
const SEUIL = 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER tel_did_virtual_routage ON tel_did_virtual`.execute(db);
  await sql`DROP TRIGGER tel_did_routage ON tel_did`.execute(db);
  await sql`DROP TRIGGER tel_did_routage_suppression ON tel_did`.execute(db);
  await sql
    .raw(`
    CREATE FUNCTION tel_signal_routage_instruction() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids int[];
    BEGIN
      -- transition tables: "nouveaux" (INSERT, UPDATE) and "anciens" (UPDATE, DELETE)
      IF TG_TABLE_NAME = 'tel_did_virtual' THEN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT did_id) INTO ids FROM nouveaux;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT did_id) INTO ids FROM anciens;
        ELSE
          SELECT array_agg(x) INTO ids FROM (SELECT did_id AS x FROM nouveaux UNION SELECT did_id FROM anciens) t;
        END IF;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO ids FROM anciens;
      ELSE
        -- a number's update matters to routing only through these columns
        SELECT array_agg(n.id) INTO ids FROM nouveaux n JOIN anciens o ON o.id = n.id
        WHERE o.statut_id IS DISTINCT FROM n.statut_id OR o.did_format_e164 IS DISTINCT FROM n.did_format_e164
          OR o.region_id IS DISTINCT FROM n.region_id OR o.type_id IS DISTINCT FROM n.type_id;
      END IF;
      IF ids IS NULL THEN
        RETURN NULL;
      ELSIF cardinality(ids) > ${SEUIL} THEN
        PERFORM pg_notify('tel_routage', 'tout:0:' || nextval('tel_routage_version'));
      ELSE
        PERFORM pg_notify('tel_routage', 'did:' || i || ':' || nextval('tel_routage_version')) FROM unnest(ids) AS i;
      END IF;
      RETURN NULL;
    END $$`)
    .execute(db);
  // transition tables need one trigger per event
  for (const [table, evenement, transitions] of [
    ["tel_did_virtual", "INSERT", "NEW TABLE AS nouveaux"],
    ["tel_did_virtual", "UPDATE", "OLD TABLE AS anciens NEW TABLE AS nouveaux"],
    ["tel_did_virtual", "DELETE", "OLD TABLE AS anciens"],
    ["tel_did", "UPDATE", "OLD TABLE AS anciens NEW TABLE AS nouveaux"],
    ["tel_did", "DELETE", "OLD TABLE AS anciens"],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_routage_${evenement.toLowerCase()} AFTER ${evenement} ON ${table}
         REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION tel_signal_routage_instruction()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "tel_did_virtual_routage_insert ON tel_did_virtual",
    "tel_did_virtual_routage_update ON tel_did_virtual",
    "tel_did_virtual_routage_delete ON tel_did_virtual",
    "tel_did_routage_update ON tel_did",
    "tel_did_routage_delete ON tel_did",
  ]) {
    await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  }
  await sql`DROP FUNCTION tel_signal_routage_instruction()`.execute(db);
  await sql`CREATE TRIGGER tel_did_virtual_routage AFTER INSERT OR UPDATE OR DELETE ON tel_did_virtual
    FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(db);
  await sql`CREATE TRIGGER tel_did_routage AFTER UPDATE OF statut_id, did_format_e164, region_id, type_id ON tel_did
    FOR EACH ROW WHEN (OLD.statut_id IS DISTINCT FROM NEW.statut_id OR OLD.did_format_e164 IS DISTINCT FROM NEW.did_format_e164
      OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.type_id IS DISTINCT FROM NEW.type_id)
    EXECUTE FUNCTION tel_signal_routage()`.execute(db);
  await sql`CREATE TRIGGER tel_did_routage_suppression AFTER DELETE ON tel_did FOR EACH ROW EXECUTE FUNCTION tel_signal_routage()`.execute(
    db,
  );
}
