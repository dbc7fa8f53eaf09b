import { type Kysely, sql } from "kysely";

// The whole validated design in one migration: reference tables, inventory, assignments, history, orders.
// Rules that the database can hold itself are written here, so no code path (API, CLI, import, psql) can break them.
const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- every update moves date_modification and the row version (the ETag), whoever writes
CREATE FUNCTION tel_touch_date_modification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.date_modification := now();
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;

CREATE TABLE tel_indicatif (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2}$'),
  indicatif text NOT NULL CHECK (indicatif ~ '^[1-9][0-9]{0,2}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 100),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_region (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicatif_id integer NOT NULL REFERENCES tel_indicatif(id),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,20}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 100),
  prefixe text CHECK (prefixe ~ '^[0-9]{1,6}$'),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (indicatif_id, code)
);

CREATE TABLE tel_operateur (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
  type text NOT NULL DEFAULT 'VOIP' CHECK (type IN ('VOIP', 'TRADITIONNEL', 'HYBRIDE')),
  contact text CHECK (length(contact) <= 500),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_type_did (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 100),
  description text CHECK (length(description) <= 1000),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_equipement (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
  type text CHECK (length(type) <= 50),
  ip_address inet,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_statut_did (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z_]{2,30}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 100),
  description text CHECK (length(description) <= 1000),
  ordre integer NOT NULL DEFAULT 0,
  couleur text NOT NULL CHECK (couleur ~ '^#[0-9A-Fa-f]{6}$'),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_cloud (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
  routage text CHECK (length(routage) <= 500),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_client (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
  siret text CHECK (siret ~ '^[0-9]{14}$'),
  adresse text CHECK (length(adresse) <= 500),
  contact_nom text CHECK (length(contact_nom) <= 200),
  contact_email text CHECK (length(contact_email) <= 254 AND contact_email LIKE '%_@_%'),
  contact_tel text CHECK (length(contact_tel) <= 30),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE tel_groupement (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id integer NOT NULL REFERENCES tel_client(id),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 200),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (client_id, code),
  -- lets tel_did prove its groupement belongs to its client
  UNIQUE (id, client_id)
);

CREATE TABLE tel_campaign (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id integer NOT NULL REFERENCES tel_client(id),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  hermes_id text UNIQUE CHECK (length(hermes_id) BETWEEN 1 AND 64),
  -- prospecting campaigns may only present NPV numbers (ARCEP, since 2023)
  prospection boolean NOT NULL DEFAULT false,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (id, client_id)
);

CREATE TABLE tel_did (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicatif_id integer NOT NULL REFERENCES tel_indicatif(id),
  did text NOT NULL CHECK (did ~ '^[1-9][0-9]{3,13}$'),
  did_format_e164 text NOT NULL UNIQUE CHECK (did_format_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
  operateur_id integer REFERENCES tel_operateur(id),
  type_id integer REFERENCES tel_type_did(id),
  region_id integer REFERENCES tel_region(id),
  equipement_id integer REFERENCES tel_equipement(id),
  client_id integer REFERENCES tel_client(id),
  groupement_id integer,
  cloud_id integer REFERENCES tel_cloud(id),
  statut_id integer NOT NULL REFERENCES tel_statut_did(id),
  description text CHECK (length(description) <= 2000),
  reference_externe text CHECK (length(reference_externe) <= 100),
  date_acquisition date,
  date_activation date,
  date_resiliation date,
  cout_mensuel numeric(12, 4) CHECK (cout_mensuel >= 0),
  cout_mise_en_service numeric(12, 4) CHECK (cout_mise_en_service >= 0),
  notes text CHECK (length(notes) <= 10000),
  created_by text,
  modified_by text,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_did_numero_unique UNIQUE (indicatif_id, did),
  CONSTRAINT tel_did_e164_coherent CHECK (right(did_format_e164, length(did)) = did),
  CONSTRAINT tel_did_groupement_du_client FOREIGN KEY (groupement_id, client_id)
    REFERENCES tel_groupement(id, client_id),
  CONSTRAINT tel_did_groupement_sans_client CHECK (groupement_id IS NULL OR client_id IS NOT NULL)
);

CREATE TABLE tel_did_config (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_did_config_objet CHECK (jsonb_typeof(config) = 'object'),
  CONSTRAINT tel_did_config_couleur CHECK (NOT config ? 'couleur' OR config->>'couleur' ~ '^#[0-9A-Fa-f]{6}$')
);

CREATE TABLE tel_did_virtual (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  did_id integer NOT NULL REFERENCES tel_did(id),
  campaign_id integer NOT NULL REFERENCES tel_campaign(id),
  config_id integer REFERENCES tel_did_config(id),
  alias text CHECK (length(alias) <= 100),
  priorite integer NOT NULL DEFAULT 1 CHECK (priorite BETWEEN 1 AND 1000),
  date_debut timestamptz NOT NULL DEFAULT now(),
  date_fin timestamptz,
  entrant boolean NOT NULL DEFAULT true,
  sortant boolean NOT NULL DEFAULT false,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_did_virtual_sens CHECK (entrant OR sortant),
  CONSTRAINT tel_did_virtual_periode CHECK (date_fin IS NULL OR date_fin > date_debut),
  -- a dialled number must route to exactly one campaign at any instant
  CONSTRAINT tel_did_virtual_un_entrant EXCLUDE USING gist (
    did_id WITH =,
    tstzrange(date_debut, date_fin, '[)') WITH &&
  ) WHERE (entrant AND actif)
);

CREATE TABLE tel_did_historique (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  did_id integer NOT NULL REFERENCES tel_did(id) ON DELETE CASCADE,
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 50),
  champ text CHECK (length(champ) <= 100),
  ancienne_valeur text,
  nouvelle_valeur text,
  utilisateur text NOT NULL,
  motif text CHECK (length(motif) <= 2000),
  request_id text,
  date_action timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tel_statut_commande (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z_]{2,30}$'),
  libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 100),
  description text CHECK (length(description) <= 1000),
  ordre integer NOT NULL DEFAULT 0,
  couleur text NOT NULL CHECK (couleur ~ '^#[0-9A-Fa-f]{6}$'),
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- one counter row per year: references are gap-free and never cycle
CREATE TABLE tel_commande_sequence (
  annee integer PRIMARY KEY CHECK (annee BETWEEN 2000 AND 9999),
  dernier integer NOT NULL CHECK (dernier BETWEEN 0 AND 99999)
);

CREATE TABLE tel_did_commande (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL UNIQUE CHECK (reference ~ '^CMD-[0-9]{4}-[0-9]{5}$'),
  client_id integer NOT NULL REFERENCES tel_client(id),
  groupement_id integer,
  demandeur_nom text NOT NULL CHECK (length(demandeur_nom) BETWEEN 1 AND 200),
  demandeur_email text CHECK (length(demandeur_email) <= 254 AND demandeur_email LIKE '%_@_%'),
  demandeur_tel text CHECK (length(demandeur_tel) <= 30),
  operateur_id integer REFERENCES tel_operateur(id),
  type_did_id integer NOT NULL REFERENCES tel_type_did(id),
  region_id integer REFERENCES tel_region(id),
  quantite integer NOT NULL CONSTRAINT tel_did_commande_quantite CHECK (quantite BETWEEN 1 AND 1000),
  prefixe_souhaite text CHECK (prefixe_souhaite ~ '^[0-9]{1,8}$'),
  motif text CHECK (length(motif) <= 2000),
  urgence text NOT NULL DEFAULT 'NORMALE'
    CONSTRAINT tel_did_commande_urgence CHECK (urgence IN ('BASSE', 'NORMALE', 'HAUTE', 'URGENTE')),
  date_souhaitee date,
  statut_id integer NOT NULL REFERENCES tel_statut_commande(id),
  valideur_nom text CHECK (length(valideur_nom) <= 200),
  date_validation timestamptz,
  commentaire_validation text CHECK (length(commentaire_validation) <= 2000),
  reference_operateur text CHECK (length(reference_operateur) <= 100),
  date_livraison timestamptz,
  created_by text,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_did_commande_groupement_du_client FOREIGN KEY (groupement_id, client_id)
    REFERENCES tel_groupement(id, client_id)
);

CREATE TABLE tel_did_commande_ligne (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commande_id integer NOT NULL REFERENCES tel_did_commande(id),
  did_id integer NOT NULL UNIQUE REFERENCES tel_did(id),
  date_creation timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tel_did_commande_commentaire (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commande_id integer NOT NULL REFERENCES tel_did_commande(id),
  auteur text NOT NULL CHECK (length(auteur) BETWEEN 1 AND 200),
  commentaire text NOT NULL CHECK (length(commentaire) BETWEEN 1 AND 5000),
  type text NOT NULL DEFAULT 'INFO' CHECK (type IN ('INFO', 'VALIDATION', 'REJET', 'LIVRAISON')),
  date_creation timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tel_utilisateur (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9._@-]{2,100}$'),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
  email text CHECK (length(email) <= 254 AND email LIKE '%_@_%'),
  role text NOT NULL CHECK (role IN ('admin', 'gestionnaire', 'lecteur', 'client', 'hermes')),
  client_id integer REFERENCES tel_client(id),
  mot_de_passe_hash text NOT NULL,
  derniere_connexion timestamptz,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_utilisateur_client_role CHECK ((role = 'client') = (client_id IS NOT NULL))
);

-- the cookie carries a random token; only its SHA-256 is stored
CREATE TABLE tel_session (
  id text PRIMARY KEY,
  utilisateur_id integer NOT NULL REFERENCES tel_utilisateur(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  expire_le timestamptz NOT NULL,
  date_creation timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tel_session_utilisateur_idx ON tel_session (utilisateur_id);

CREATE TABLE tel_cle_api (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
  prefixe text NOT NULL UNIQUE,
  hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'gestionnaire', 'lecteur', 'client', 'hermes')),
  client_id integer REFERENCES tel_client(id),
  expire_le timestamptz,
  revoquee_le timestamptz,
  derniere_utilisation timestamptz,
  created_by text,
  actif boolean NOT NULL DEFAULT true,
  date_creation timestamptz NOT NULL DEFAULT now(),
  date_modification timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tel_cle_api_client_role CHECK ((role = 'client') = (client_id IS NOT NULL))
);

-- every write of every entity: who, when, through which request, before and after
CREATE TABLE tel_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entite text NOT NULL,
  entite_id integer,
  action text NOT NULL,
  acteur text NOT NULL,
  acteur_type text NOT NULL CHECK (acteur_type IN ('UTILISATEUR', 'CLE_API', 'SYSTEME', 'CLI')),
  request_id text,
  motif text,
  avant jsonb,
  apres jsonb,
  date_action timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tel_audit_entite_idx ON tel_audit (entite, entite_id, date_action);
CREATE INDEX tel_audit_acteur_idx ON tel_audit (acteur, date_action);
CREATE INDEX tel_audit_date_idx ON tel_audit (date_action);

-- searches people run on the inventory
CREATE INDEX tel_did_statut_idx ON tel_did (statut_id);
CREATE INDEX tel_did_client_statut_idx ON tel_did (client_id, statut_id);
CREATE INDEX tel_did_operateur_idx ON tel_did (operateur_id);
CREATE INDEX tel_did_region_idx ON tel_did (region_id);
CREATE INDEX tel_did_type_idx ON tel_did (type_id);
CREATE INDEX tel_did_groupement_idx ON tel_did (groupement_id);
CREATE INDEX tel_did_date_resiliation_idx ON tel_did (date_resiliation) WHERE date_resiliation IS NOT NULL;
CREATE INDEX tel_did_did_trgm_idx ON tel_did USING gin (did gin_trgm_ops);
CREATE INDEX tel_did_e164_trgm_idx ON tel_did USING gin (did_format_e164 gin_trgm_ops);
CREATE INDEX tel_did_virtual_did_idx ON tel_did_virtual (did_id);
CREATE INDEX tel_did_virtual_campaign_idx ON tel_did_virtual (campaign_id) WHERE actif;
CREATE INDEX tel_did_virtual_config_idx ON tel_did_virtual (config_id);
CREATE INDEX tel_did_historique_did_idx ON tel_did_historique (did_id, date_action);
CREATE INDEX tel_groupement_client_idx ON tel_groupement (client_id);
CREATE INDEX tel_campaign_client_idx ON tel_campaign (client_id);
CREATE INDEX tel_region_indicatif_idx ON tel_region (indicatif_id);
CREATE INDEX tel_did_commande_statut_idx ON tel_did_commande (statut_id, urgence);
CREATE INDEX tel_did_commande_client_idx ON tel_did_commande (client_id);
CREATE INDEX tel_did_commande_ligne_commande_idx ON tel_did_commande_ligne (commande_id);
CREATE INDEX tel_did_commande_commentaire_commande_idx ON tel_did_commande_commentaire (commande_id);
`;

const TABLES_DATEES = [
  "tel_indicatif",
  "tel_region",
  "tel_operateur",
  "tel_type_did",
  "tel_equipement",
  "tel_statut_did",
  "tel_cloud",
  "tel_client",
  "tel_groupement",
  "tel_campaign",
  "tel_did",
  "tel_did_config",
  "tel_did_virtual",
  "tel_statut_commande",
  "tel_did_commande",
  "tel_utilisateur",
  "tel_cle_api",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db);
  for (const table of TABLES_DATEES) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION tel_touch_date_modification()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    "tel_cle_api",
    "tel_session",
    "tel_utilisateur",
    "tel_audit",
    "tel_did_commande_commentaire",
    "tel_did_commande_ligne",
    "tel_did_commande",
    "tel_commande_sequence",
    "tel_statut_commande",
    "tel_did_historique",
    "tel_did_virtual",
    "tel_did_config",
    "tel_did",
    "tel_campaign",
    "tel_groupement",
    "tel_client",
    "tel_cloud",
    "tel_statut_did",
    "tel_equipement",
    "tel_type_did",
    "tel_operateur",
    "tel_region",
    "tel_indicatif",
  ];
  for (const t of tables) await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  await sql`DROP FUNCTION IF EXISTS tel_touch_date_modification()`.execute(db);
}
