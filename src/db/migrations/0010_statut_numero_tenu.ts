import { type Kysely, sql } from "kysely";

// One rule for the status of a number a client holds with no campaign in use: Affecté, whatever the path (before,
// an order delivery and a reactivation left it Disponible while the import and the API made it Affecté).
// The rows that disagree move DISPONIBLE→AFFECTE, an allowed move, with a line in each number's history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    WITH cibles AS (
      UPDATE tel_did d SET statut_id = (SELECT id FROM tel_statut_did WHERE code = 'AFFECTE'),
        version = d.version + 1, modified_by = 'système:migration', date_modification = now()
      WHERE d.client_id IS NOT NULL
        AND d.statut_id = (SELECT id FROM tel_statut_did WHERE code = 'DISPONIBLE')
      RETURNING d.id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif)
    SELECT id, 'CHANGEMENT_STATUT', 'statut', 'DISPONIBLE', 'AFFECTE', 'système:migration',
      'Règle unique : un numéro qu''un client détient est Affecté'
    FROM cibles`.execute(db);
}

export async function down(): Promise<void> {
  // the statuses it changed are in the numbers' history; nothing to undo in the schema
}
