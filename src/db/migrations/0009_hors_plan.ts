import { type Kysely, sql } from "kysely";

// A number accepted outside the ranges the numbering metadata knows is marked, to be reviewed; the mark clears by
// itself once an update of the metadata knows the range (see numeros/hors-plan.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did ADD COLUMN hors_plan boolean NOT NULL DEFAULT false`.execute(db);
  // the review list and the check at start read the few marked numbers only
  await sql`CREATE INDEX tel_did_hors_plan_idx ON tel_did (id) WHERE hors_plan`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did DROP COLUMN hors_plan`.execute(db);
}
