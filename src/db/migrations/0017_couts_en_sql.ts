import { type Kysely, sql } from "kysely";

// Costs computed in SQL (#26). Indexes for the changes that cut a month (history of holders and statuses by date) and
// for a client's past numbers (its re-billing statement). A signal log: every statement that can change a month's
// costs appends, once per transaction, the first month it may change; a kept month is still right while no signal
// for it or an earlier month became visible (count and last id of those signals, read in one query). Appending
// takes no lock another writer waits on, and a transaction committed late still raises the count. The months'
// figures are kept in tel_couts_mois with that signature: computed once, even across restarts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tel_did_historique_changements_idx ON tel_did_historique (date_action)
    WHERE champ IN ('client_id', 'statut')`.execute(db);
  await sql`CREATE INDEX tel_did_historique_client_apres_idx ON tel_did_historique (nouvelle_valeur)
    WHERE champ = 'client_id'`.execute(db);
  await sql`CREATE INDEX tel_did_historique_client_avant_idx ON tel_did_historique (ancienne_valeur)
    WHERE champ = 'client_id'`.execute(db);
  await sql`CREATE TABLE tel_couts_signal (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    periode_min text NOT NULL,
    le timestamptz NOT NULL DEFAULT now())`.execute(db);
  // a month's figures kept across restarts and instances, with the signature of the data they come from
  await sql`CREATE TABLE tel_couts_mois (
    cle text PRIMARY KEY,
    signature text NOT NULL,
    calcule_le timestamptz NOT NULL,
    resultat jsonb NOT NULL)`.execute(db);
  await sql
    .raw(`
    CREATE FUNCTION tel_signal_couts() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      depuis timestamptz;
      periode text;
      deja text;
    BEGIN
      IF TG_TABLE_NAME = 'tel_did_historique' THEN
        SELECT min(date_action) INTO depuis FROM nouveaux WHERE champ IN ('client_id', 'statut');
      ELSIF TG_TABLE_NAME = 'tel_did_virtual' THEN
        IF TG_OP = 'INSERT' THEN
          SELECT min(date_debut) INTO depuis FROM nouveaux;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT min(date_debut) INTO depuis FROM anciens;
        ELSE
          SELECT least(min(o.date_debut), min(n.date_debut)) INTO depuis
          FROM nouveaux n JOIN anciens o ON o.id = n.id
          WHERE (o.actif, o.date_debut, o.date_fin, o.campaign_id, o.entrant, o.priorite)
            IS DISTINCT FROM (n.actif, n.date_debut, n.date_fin, n.campaign_id, n.entrant, n.priorite);
        END IF;
      ELSIF TG_TABLE_NAME = 'tel_did' THEN
        IF TG_OP = 'INSERT' THEN
          SELECT min(coalesce(date_acquisition, date '0001-01-02')) INTO depuis FROM nouveaux WHERE cout_mensuel > 0;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT '-infinity' INTO depuis FROM anciens WHERE cout_mensuel > 0 LIMIT 1;
        ELSE
          -- a holder's change alone is in the history; the current holder only decides the groupement
          SELECT '-infinity' INTO depuis FROM nouveaux n JOIN anciens o ON o.id = n.id
          WHERE (o.cout_mensuel, o.type_id, o.operateur_id, o.tranche_id, o.groupement_id, o.date_acquisition,
              o.date_resiliation)
            IS DISTINCT FROM (n.cout_mensuel, n.type_id, n.operateur_id, n.tranche_id, n.groupement_id,
              n.date_acquisition, n.date_resiliation)
            OR (o.client_id IS DISTINCT FROM n.client_id AND coalesce(o.groupement_id, n.groupement_id) IS NOT NULL)
          LIMIT 1;
        END IF;
      ELSE
        -- a block's carrier
        SELECT '-infinity' INTO depuis FROM nouveaux n JOIN anciens o ON o.id = n.id
        WHERE o.operateur_id IS DISTINCT FROM n.operateur_id LIMIT 1;
      END IF;
      IF depuis IS NULL THEN
        RETURN NULL;
      END IF;
      -- a day early: the month is read in business time, this in the server's
      periode := CASE WHEN depuis = '-infinity' THEN '0000-00' ELSE to_char(depuis - interval '1 day', 'YYYY-MM') END;
      deja := current_setting('tel.couts_signal', true);
      IF deja IS NULL OR deja = '' OR periode < deja THEN
        INSERT INTO tel_couts_signal (periode_min) VALUES (periode);
        PERFORM set_config('tel.couts_signal', periode, true);
      END IF;
      RETURN NULL;
    END $$`)
    .execute(db);
  for (const [table, evenement, transitions] of [
    ["tel_did_historique", "INSERT", "NEW TABLE AS nouveaux"],
    ["tel_did_virtual", "INSERT", "NEW TABLE AS nouveaux"],
    ["tel_did_virtual", "UPDATE", "OLD TABLE AS anciens NEW TABLE AS nouveaux"],
    ["tel_did_virtual", "DELETE", "OLD TABLE AS anciens"],
    ["tel_did", "INSERT", "NEW TABLE AS nouveaux"],
    ["tel_did", "UPDATE", "OLD TABLE AS anciens NEW TABLE AS nouveaux"],
    ["tel_did", "DELETE", "OLD TABLE AS anciens"],
    ["tel_tranche", "UPDATE", "OLD TABLE AS anciens NEW TABLE AS nouveaux"],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_couts_${evenement.toLowerCase()} AFTER ${evenement} ON ${table}
         REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION tel_signal_couts()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "tel_did_historique_couts_insert ON tel_did_historique",
    "tel_did_virtual_couts_insert ON tel_did_virtual",
    "tel_did_virtual_couts_update ON tel_did_virtual",
    "tel_did_virtual_couts_delete ON tel_did_virtual",
    "tel_did_couts_insert ON tel_did",
    "tel_did_couts_update ON tel_did",
    "tel_did_couts_delete ON tel_did",
    "tel_tranche_couts_update ON tel_tranche",
  ]) {
    await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  }
  await sql`DROP FUNCTION tel_signal_couts()`.execute(db);
  await sql`DROP TABLE tel_couts_signal`.execute(db);
  await sql`DROP TABLE tel_couts_mois`.execute(db);
  await sql`DROP INDEX tel_did_historique_client_avant_idx`.execute(db);
  await sql`DROP INDEX tel_did_historique_client_apres_idx`.execute(db);
  await sql`DROP INDEX tel_did_historique_changements_idx`.execute(db);
}
