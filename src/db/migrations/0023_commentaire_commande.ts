import { type Kysely, sql } from "kysely";

// An order's thread tells a person's comment from the workflow's own events (#29): a client's question was labelled
// « Information » like « Commande soumise ».
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did_commande_commentaire DROP CONSTRAINT tel_did_commande_commentaire_type_check`.execute(
    db,
  );
  await sql`ALTER TABLE tel_did_commande_commentaire ADD CONSTRAINT tel_did_commande_commentaire_type_check
    CHECK (type IN ('INFO', 'VALIDATION', 'REJET', 'LIVRAISON', 'COMMENTAIRE'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE tel_did_commande_commentaire SET type = 'INFO' WHERE type = 'COMMENTAIRE'`.execute(db);
  await sql`ALTER TABLE tel_did_commande_commentaire DROP CONSTRAINT tel_did_commande_commentaire_type_check`.execute(
    db,
  );
  await sql`ALTER TABLE tel_did_commande_commentaire ADD CONSTRAINT tel_did_commande_commentaire_type_check
    CHECK (type IN ('INFO', 'VALIDATION', 'REJET', 'LIVRAISON'))`.execute(db);
}
