import { type Kysely, sql } from "kysely";

// The platform's call records, kept as aggregates per number and per day only (no caller number: GDPR), and the
// imports that brought them (the days each covers: a dormant number is judged on calls only where they are known).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tel_usage_jour (
    did_id integer NOT NULL REFERENCES tel_did(id) ON DELETE CASCADE,
    jour date NOT NULL,
    entrants integer NOT NULL DEFAULT 0,
    sortants integer NOT NULL DEFAULT 0,
    repondus integer NOT NULL DEFAULT 0,
    abandonnes integer NOT NULL DEFAULT 0,
    duree_s bigint NOT NULL DEFAULT 0,
    dernier_appel timestamptz NOT NULL,
    PRIMARY KEY (did_id, jour))`.execute(db);
  await sql`CREATE INDEX tel_usage_jour_jour ON tel_usage_jour (jour)`.execute(db);
  await sql`CREATE TABLE tel_usage_import (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fichier_nom text NOT NULL CHECK (length(fichier_nom) <= 255),
    fichier_sha256 text NOT NULL CHECK (fichier_sha256 ~ '^[0-9a-f]{64}$'),
    format text NOT NULL CHECK (format IN ('HERMES', 'SIMPLE')),
    du date NOT NULL,
    au date NOT NULL,
    lignes integer NOT NULL,
    appels integer NOT NULL,
    non_attribues integer NOT NULL,
    rejetes integer NOT NULL,
    auteur text NOT NULL,
    date_creation timestamptz NOT NULL DEFAULT now(),
    CHECK (du <= au))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_usage_import, tel_usage_jour`.execute(db);
}
