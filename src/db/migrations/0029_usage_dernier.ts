import { type Kysely, sql } from "kysely";

// Dormant numbers at 1,000,000 (#26): "no call since D" read every daily aggregate of the period (2,250,000 rows of
// 100,000 numbers' 90 days, 1.0 s) to find the numbers with a call. Each number's last day with a call is kept here
// instead, by triggers on the aggregates whatever writes them, and the dormant numbers are those it does not reach.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tel_usage_dernier (
    did_id integer PRIMARY KEY REFERENCES tel_did(id) ON DELETE CASCADE,
    jour date NOT NULL)`.execute(db);
  await sql`INSERT INTO tel_usage_dernier (did_id, jour)
    SELECT did_id, max(jour) FROM tel_usage_jour WHERE entrants + sortants > 0 GROUP BY did_id`.execute(db);
  // per statement, with the rows it changed: a period replaced (thousands of rows) reads each number's days once
  await sql`CREATE FUNCTION tel_usage_dernier_suivre() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE ids integer[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT did_id) INTO ids FROM nouvelles;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT did_id) INTO ids FROM anciennes;
      ELSE
        SELECT array_agg(did_id) INTO ids FROM (SELECT did_id FROM nouvelles UNION SELECT did_id FROM anciennes) x;
      END IF;
      IF ids IS NULL THEN
        RETURN NULL;
      END IF;
      DELETE FROM tel_usage_dernier WHERE did_id = ANY(ids);
      INSERT INTO tel_usage_dernier (did_id, jour)
        SELECT u.did_id, max(u.jour) FROM tel_usage_jour u
        WHERE u.did_id = ANY(ids) AND u.entrants + u.sortants > 0 GROUP BY u.did_id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tel_usage_dernier_insertion AFTER INSERT ON tel_usage_jour
    REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION tel_usage_dernier_suivre()`.execute(
    db,
  );
  await sql`CREATE TRIGGER tel_usage_dernier_modification AFTER UPDATE ON tel_usage_jour
    REFERENCING OLD TABLE AS anciennes NEW TABLE AS nouvelles FOR EACH STATEMENT
    EXECUTE FUNCTION tel_usage_dernier_suivre()`.execute(db);
  await sql`CREATE TRIGGER tel_usage_dernier_suppression AFTER DELETE ON tel_usage_jour
    REFERENCING OLD TABLE AS anciennes FOR EACH STATEMENT EXECUTE FUNCTION tel_usage_dernier_suivre()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER tel_usage_dernier_suppression ON tel_usage_jour`.execute(db);
  await sql`DROP TRIGGER tel_usage_dernier_modification ON tel_usage_jour`.execute(db);
  await sql`DROP TRIGGER tel_usage_dernier_insertion ON tel_usage_jour`.execute(db);
  await sql`DROP FUNCTION tel_usage_dernier_suivre()`.execute(db);
  await sql`DROP TABLE tel_usage_dernier`.execute(db);
}
