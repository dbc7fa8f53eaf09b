import { type Kysely, sql } from "kysely";

// Transactional outbox: a notification is written in the same transaction as the event that causes it,
// then sent (SMTP, webhook) by a dispatcher that retries with back-off. Without SMTP, e-mails stay here,
// readable through the API.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tel_notification (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      canal text NOT NULL CHECK (canal IN ('EMAIL', 'WEBHOOK')),
      evenement text NOT NULL CHECK (length(evenement) BETWEEN 1 AND 60),
      destinataire text NOT NULL CHECK (length(destinataire) BETWEEN 1 AND 2000),
      sujet text NOT NULL,
      corps text NOT NULL,
      commande_id integer REFERENCES tel_did_commande(id),
      statut text NOT NULL DEFAULT 'EN_ATTENTE' CHECK (statut IN ('EN_ATTENTE', 'ENVOYEE', 'ECHEC', 'NON_ENVOYEE')),
      tentatives integer NOT NULL DEFAULT 0,
      prochain_essai timestamptz NOT NULL DEFAULT now(),
      derniere_erreur text,
      date_envoi timestamptz,
      date_creation timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tel_notification_a_envoyer_idx ON tel_notification (prochain_essai) WHERE statut = 'EN_ATTENTE'`.execute(
    db,
  );
  await sql`CREATE INDEX tel_notification_commande_idx ON tel_notification (commande_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_notification`.execute(db);
}
