import { type Kysely, sql } from "kysely";

// Carrier blocks (tranches) and the right to present a number (ARCEP 2018-0881, 2.2.2).
// - A block is a range of numbers under one carrier contract reference; blocks in service never overlap (exclusion
//   on the range of E.164 digits: numbers of one block have the same length, so the integer range is exact). A
//   block returned to its carrier (actif false) is kept, and no longer holds its range.
// - A number is either ours (titulaire SOCIETE: under our carrier's contract), or the client's (titulaire CLIENT):
//   then it may be presented only under a mandate of that client valid at the instant of the call. Existing
//   numbers are ours: the migration changes no route.
// - Mandates and their coverage signal the routing snapshot ('mandat'), which reads them again in full.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE tel_tranche (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  operateur_id integer NOT NULL REFERENCES tel_operateur(id),
  reference_operateur text CHECK (length(reference_operateur) <= 100),
  premier text NOT NULL CHECK (premier ~ '^\\+[1-9][0-9]{6,14}$'),
  dernier text NOT NULL CHECK (dernier ~ '^\\+[1-9][0-9]{6,14}$'),
  debut bigint NOT NULL,
  fin bigint NOT NULL,
  date_reception date NOT NULL,
  commande_id integer REFERENCES tel_did_commande(id),
  notes text CHECK (length(notes) <= 10000),
  created_by text,
  modified_by text,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_tranche_chiffres CHECK (debut = substr(premier, 2)::bigint AND fin = substr(dernier, 2)::bigint),
  CONSTRAINT tel_tranche_ordre CHECK (debut <= fin AND length(premier) = length(dernier)),
  CONSTRAINT tel_tranche_taille CHECK (fin - debut < 100000),
  CONSTRAINT tel_tranche_sans_chevauchement EXCLUDE USING gist (int8range(debut, fin, '[]') WITH &&) WHERE (actif)
)`.execute(db);
  await sql`ALTER TABLE tel_did
    ADD COLUMN tranche_id integer REFERENCES tel_tranche(id),
    ADD COLUMN titulaire text NOT NULL DEFAULT 'SOCIETE' CHECK (titulaire IN ('SOCIETE', 'CLIENT'))`.execute(
    db,
  );
  await sql`CREATE INDEX tel_did_tranche ON tel_did (tranche_id) WHERE tranche_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX tel_did_chiffres ON tel_did ((substr(did_format_e164, 2)::bigint))`.execute(db);
  // a number entering the inventory inside a block belongs to it, whoever creates it (API, import, delivery)
  await sql`CREATE FUNCTION tel_did_dans_tranche() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.tranche_id IS NULL THEN
        SELECT id INTO NEW.tranche_id FROM tel_tranche
        WHERE actif AND int8range(debut, fin, '[]') @> substr(NEW.did_format_e164, 2)::bigint;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tel_did_dans_tranche BEFORE INSERT ON tel_did
    FOR EACH ROW EXECUTE FUNCTION tel_did_dans_tranche()`.execute(db);

  await sql`
CREATE TABLE tel_mandat (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id integer NOT NULL REFERENCES tel_client(id),
  reference text CHECK (length(reference) <= 100),
  signataire text NOT NULL CHECK (length(signataire) BETWEEN 1 AND 200),
  date_debut date NOT NULL,
  date_fin date,
  document_nom text CHECK (length(document_nom) <= 255),
  document_taille integer,
  document_sha256 text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
  document bytea,
  document_chemin text,
  alerte_30_le timestamptz,
  alerte_7_le timestamptz,
  notes text CHECK (length(notes) <= 10000),
  created_by text,
  modified_by text,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_mandat_dates CHECK (date_fin IS NULL OR date_fin >= date_debut)
)`.execute(db);
  await sql`CREATE TABLE tel_mandat_did (
    mandat_id integer NOT NULL REFERENCES tel_mandat(id) ON DELETE CASCADE,
    did_id integer NOT NULL REFERENCES tel_did(id) ON DELETE CASCADE,
    PRIMARY KEY (mandat_id, did_id))`.execute(db);
  await sql`CREATE INDEX tel_mandat_did_did ON tel_mandat_did (did_id)`.execute(db);
  await sql`CREATE TABLE tel_mandat_tranche (
    mandat_id integer NOT NULL REFERENCES tel_mandat(id) ON DELETE CASCADE,
    tranche_id integer NOT NULL REFERENCES tel_tranche(id) ON DELETE CASCADE,
    PRIMARY KEY (mandat_id, tranche_id))`.execute(db);

  await sql`CREATE TABLE tel_declaration (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operateur_id integer NOT NULL REFERENCES tel_operateur(id),
    instant timestamptz NOT NULL,
    auteur text NOT NULL,
    format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    nombre integer NOT NULL,
    ajouts integer NOT NULL,
    retraits integer NOT NULL,
    somme_sha256 text NOT NULL CHECK (somme_sha256 ~ '^[0-9a-f]{64}$'),
    numeros jsonb NOT NULL,
    fichier bytea NOT NULL,
    date_creation timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`CREATE INDEX tel_declaration_operateur ON tel_declaration (operateur_id, id DESC)`.execute(db);

  await sql`CREATE FUNCTION tel_signal_mandat() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('tel_routage', 'mandat:0:' || nextval('tel_routage_version'));
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ["tel_mandat", "tel_mandat_did", "tel_mandat_tranche"]) {
    await sql
      .raw(`CREATE TRIGGER ${table}_routage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION tel_signal_mandat()`)
      .execute(db);
  }
  // a number's holder and block decide whether it may be presented: they signal like its status does
  await sql`CREATE OR REPLACE FUNCTION tel_signal_routage_instruction() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids int[];
    BEGIN
      IF TG_TABLE_NAME = 'tel_did_virtual' THEN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT did_id) INTO ids FROM nouveaux;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT did_id) INTO ids FROM anciens;
        ELSE
          SELECT array_agg(x) INTO ids FROM (SELECT did_id AS x FROM nouveaux UNION SELECT did_id FROM anciens) t;
        END IF;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO ids FROM anciens;
      ELSE
        SELECT array_agg(n.id) INTO ids FROM nouveaux n JOIN anciens o ON o.id = n.id
        WHERE o.statut_id IS DISTINCT FROM n.statut_id OR o.did_format_e164 IS DISTINCT FROM n.did_format_e164
          OR o.region_id IS DISTINCT FROM n.region_id OR o.type_id IS DISTINCT FROM n.type_id
          OR o.titulaire IS DISTINCT FROM n.titulaire OR o.tranche_id IS DISTINCT FROM n.tranche_id;
      END IF;
      IF ids IS NULL THEN
        RETURN NULL;
      ELSIF cardinality(ids) > 1000 THEN
        PERFORM pg_notify('tel_routage', 'tout:0:' || nextval('tel_routage_version'));
      ELSE
        PERFORM pg_notify('tel_routage', 'did:' || i || ':' || nextval('tel_routage_version')) FROM unnest(ids) AS i;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["tel_mandat", "tel_mandat_did", "tel_mandat_tranche"]) {
    await sql.raw(`DROP TRIGGER ${table}_routage ON ${table}`).execute(db);
  }
  await sql`DROP FUNCTION tel_signal_mandat()`.execute(db);
  await sql`DROP TABLE tel_declaration, tel_mandat_tranche, tel_mandat_did, tel_mandat`.execute(db);
  await sql`DROP TRIGGER tel_did_dans_tranche ON tel_did`.execute(db);
  await sql`DROP FUNCTION tel_did_dans_tranche()`.execute(db);
  await sql`ALTER TABLE tel_did DROP COLUMN tranche_id, DROP COLUMN titulaire`.execute(db);
  await sql`DROP TABLE tel_tranche`.execute(db);
}
