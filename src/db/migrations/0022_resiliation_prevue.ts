import { type Kysely, sql } from "kysely";

// A termination at a future date (#28): carriers take notice, a contract ends on a day. The number stays as it is
// (routed, held) until then; the scheduler terminates it at that instant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did ADD COLUMN resiliation_prevue_le timestamptz`.execute(db);
  await sql`CREATE INDEX tel_did_resiliation_prevue_idx ON tel_did (resiliation_prevue_le)
    WHERE resiliation_prevue_le IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX tel_did_resiliation_prevue_idx`.execute(db);
  await sql`ALTER TABLE tel_did DROP COLUMN resiliation_prevue_le`.execute(db);
}
