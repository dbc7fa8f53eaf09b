import { type Kysely, sql } from "kysely";

// Every routing file ever deployed, byte for byte: publication history, drift detection and rollback.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tel_publication (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      fichier text NOT NULL CHECK (length(fichier) BETWEEN 1 AND 200),
      version integer NOT NULL CHECK (version >= 1),
      type text NOT NULL DEFAULT 'PUBLICATION' CHECK (type IN ('PUBLICATION', 'RESTAURATION')),
      chemin text NOT NULL,
      somme_sha256 text NOT NULL CHECK (somme_sha256 ~ '^[0-9a-f]{64}$'),
      contenu text NOT NULL,
      etag_routage text,
      auteur text NOT NULL,
      motif text,
      commande text,
      code_sortie integer,
      sortie_commande text,
      date_publication timestamptz NOT NULL DEFAULT now(),
      UNIQUE (fichier, version)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_publication`.execute(db);
}
