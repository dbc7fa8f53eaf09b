import { type Kysely, sql } from "kysely";

// Number porting (#30): a client's own numbers arrive from another operator at a switch instant (port-in, prepared in
// advance and activated by the scheduler), and leave for another operator at an instant (port-out: no freeze, no
// reuse unless ported back in).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tel_portabilite (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    client_id integer NOT NULL REFERENCES tel_client(id),
    operateur_donneur text NOT NULL CHECK (length(operateur_donneur) BETWEEN 1 AND 100),
    operateur_id integer NOT NULL REFERENCES tel_operateur(id),
    statut text NOT NULL DEFAULT 'BROUILLON'
      CHECK (statut IN ('BROUILLON', 'SOUMISE', 'DATE_CONFIRMEE', 'PORTEE', 'REJETEE', 'ANNULEE')),
    date_souhaitee date,
    bascule_le timestamptz,
    motif_rejet text CHECK (length(motif_rejet) <= 2000),
    notes text CHECK (length(notes) <= 10000),
    demandeur_nom text NOT NULL,
    demandeur_email text,
    mandat_nom text CHECK (length(mandat_nom) <= 255),
    mandat_taille integer,
    mandat_sha256 text CHECK (mandat_sha256 ~ '^[0-9a-f]{64}$'),
    mandat_document bytea,
    mandat_signataire text CHECK (length(mandat_signataire) <= 200),
    mandat_id integer REFERENCES tel_mandat(id),
    rappel_j7_le timestamptz,
    rappel_j1_le timestamptz,
    erreur_bascule text,
    created_by text,
    modified_by text,
    actif boolean NOT NULL DEFAULT true,
    date_creation timestamptz NOT NULL DEFAULT now(),
    date_modification timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT tel_portabilite_bascule CHECK (statut <> 'DATE_CONFIRMEE' OR bascule_le IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX tel_portabilite_client ON tel_portabilite (client_id, id DESC)`.execute(db);
  await sql`CREATE INDEX tel_portabilite_bascule_idx ON tel_portabilite (bascule_le)
    WHERE statut = 'DATE_CONFIRMEE'`.execute(db);
  await sql`CREATE TABLE tel_portabilite_numero (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portabilite_id integer NOT NULL REFERENCES tel_portabilite(id) ON DELETE CASCADE,
    numero text NOT NULL,
    rio text CHECK (rio ~ '^[0-9A-Z]{2}[PE][0-9A-Z+]{6}[0-9A-Z+]{3}$'),
    statut text NOT NULL DEFAULT 'EN_ATTENTE' CHECK (statut IN ('EN_ATTENTE', 'REJETE', 'PORTE')),
    motif_rejet text CHECK (length(motif_rejet) <= 2000),
    preparation jsonb,
    did_id integer REFERENCES tel_did(id),
    UNIQUE (portabilite_id, numero)
  )`.execute(db);
  await sql`CREATE INDEX tel_portabilite_numero_numero ON tel_portabilite_numero (numero)`.execute(db);
  await sql`CREATE TABLE tel_portabilite_commentaire (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portabilite_id integer NOT NULL REFERENCES tel_portabilite(id) ON DELETE CASCADE,
    auteur text NOT NULL,
    commentaire text NOT NULL CHECK (length(commentaire) <= 5000),
    type text NOT NULL DEFAULT 'COMMENTAIRE' CHECK (type IN ('INFO', 'REJET', 'BASCULE', 'COMMENTAIRE')),
    date_creation timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX tel_portabilite_commentaire_idx ON tel_portabilite_commentaire (portabilite_id, id)`.execute(
    db,
  );
  await sql`CREATE TABLE tel_portabilite_sortante (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id integer NOT NULL REFERENCES tel_client(id),
    operateur_receveur text NOT NULL CHECK (length(operateur_receveur) BETWEEN 1 AND 100),
    effet timestamptz NOT NULL,
    statut text NOT NULL DEFAULT 'PREVUE' CHECK (statut IN ('PREVUE', 'EFFECTUEE')),
    notes text CHECK (length(notes) <= 10000),
    created_by text,
    date_creation timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE tel_portabilite_sortante_numero (
    sortante_id integer NOT NULL REFERENCES tel_portabilite_sortante(id) ON DELETE CASCADE,
    did_id integer NOT NULL REFERENCES tel_did(id),
    PRIMARY KEY (sortante_id, did_id)
  )`.execute(db);
  await sql`CREATE INDEX tel_portabilite_sortante_numero_did ON tel_portabilite_sortante_numero (did_id)`.execute(
    db,
  );
  // the operator a number left for by porting: no freeze, no cost after that day, no reuse unless ported back in
  await sql`ALTER TABLE tel_did ADD COLUMN portee_vers text`.execute(db);
  await sql`ALTER TABLE tel_did ADD COLUMN portabilite_sortante_id integer REFERENCES tel_portabilite_sortante(id)`.execute(
    db,
  );
  await sql`CREATE TRIGGER tel_portabilite_touch BEFORE UPDATE ON tel_portabilite FOR EACH ROW
    EXECUTE FUNCTION tel_touch_date_modification()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_did DROP COLUMN portabilite_sortante_id`.execute(db);
  await sql`ALTER TABLE tel_did DROP COLUMN portee_vers`.execute(db);
  for (const t of [
    "tel_portabilite_sortante_numero",
    "tel_portabilite_sortante",
    "tel_portabilite_commentaire",
    "tel_portabilite_numero",
    "tel_portabilite",
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
}
