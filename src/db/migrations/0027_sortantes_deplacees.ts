import { type Kysely, sql } from "kysely";

// A port-out the new operator moves or calls off (#30): the assignments it cut are kept as they were, so that a moved
// notice cuts them again from there and a cancelled one gives them back exactly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_portabilite_sortante DROP CONSTRAINT tel_portabilite_sortante_statut_check`.execute(
    db,
  );
  await sql`ALTER TABLE tel_portabilite_sortante ADD CONSTRAINT tel_portabilite_sortante_statut_check
    CHECK (statut IN ('PREVUE', 'EFFECTUEE', 'ANNULEE'))`.execute(db);
  await sql`CREATE TABLE tel_portabilite_sortante_affectation (
    sortante_id integer NOT NULL REFERENCES tel_portabilite_sortante(id) ON DELETE CASCADE,
    affectation_id integer NOT NULL REFERENCES tel_did_virtual(id) ON DELETE CASCADE,
    date_fin_avant timestamptz,
    PRIMARY KEY (sortante_id, affectation_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_portabilite_sortante_affectation`.execute(db);
  await sql`UPDATE tel_portabilite_sortante SET statut = 'EFFECTUEE' WHERE statut = 'ANNULEE'`.execute(db);
  await sql`ALTER TABLE tel_portabilite_sortante DROP CONSTRAINT tel_portabilite_sortante_statut_check`.execute(
    db,
  );
  await sql`ALTER TABLE tel_portabilite_sortante ADD CONSTRAINT tel_portabilite_sortante_statut_check
    CHECK (statut IN ('PREVUE', 'EFFECTUEE'))`.execute(db);
}
