import { type Kysely, sql } from "kysely";

// Single sign-on (#31): accounts come from the company's identity provider (OpenID Connect) or its directory (LDAP)
// and get their role from their groups, through a mapping kept here and edited in Administration. A local password stays for local accounts
// only (the break-glass admin among them): an account from the provider never signs in with a password.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_utilisateur
    ADD COLUMN origine text NOT NULL DEFAULT 'LOCAL' CHECK (origine IN ('LOCAL', 'OIDC', 'LDAP')),
    ADD COLUMN sujet text CHECK (length(sujet) <= 255),
    ADD CONSTRAINT tel_utilisateur_sujet_origine CHECK ((origine = 'LOCAL') = (sujet IS NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX tel_utilisateur_sujet_idx ON tel_utilisateur (origine, sujet) WHERE sujet IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE TABLE tel_sso_correspondance (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    groupe text NOT NULL UNIQUE CHECK (length(groupe) BETWEEN 1 AND 255),
    role text NOT NULL CHECK (role IN ('admin', 'gestionnaire', 'lecteur', 'client')),
    client_id integer REFERENCES tel_client(id),
    actif boolean NOT NULL DEFAULT true,
    date_creation timestamptz NOT NULL DEFAULT now(),
    date_modification timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT tel_sso_correspondance_client_role CHECK ((role = 'client') = (client_id IS NOT NULL))
  )`.execute(db);
  // a sign-in under way: what the return from the provider is checked against (any instance may receive it)
  await sql`CREATE TABLE tel_sso_etat (
    etat text PRIMARY KEY,
    nonce text NOT NULL,
    verificateur text NOT NULL,
    expire_le timestamptz NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tel_sso_etat`.execute(db);
  await sql`DROP TABLE tel_sso_correspondance`.execute(db);
  await sql`DELETE FROM tel_utilisateur WHERE origine <> 'LOCAL'`.execute(db);
  await sql`ALTER TABLE tel_utilisateur DROP CONSTRAINT tel_utilisateur_sujet_origine,
    DROP COLUMN sujet, DROP COLUMN origine`.execute(db);
}
