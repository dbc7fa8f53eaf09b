import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { parmiTextes } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";

// The SQL of single sign-on: the groups-to-role mapping, the sign-ins under way, the accounts from the provider.

export function listerCorrespondances(db: Kysely<DB>) {
  return db
    .selectFrom("tel_sso_correspondance as s")
    .leftJoin("tel_client as c", "c.id", "s.client_id")
    .select(["s.id", "s.groupe", "s.role", "s.client_id", "c.code as client_code", "s.actif", "s.version"])
    .orderBy("s.groupe")
    .execute();
}

export function creerCorrespondance(
  db: Kysely<DB>,
  v: { groupe: string; role: string; client_id: number | null },
) {
  return db.insertInto("tel_sso_correspondance").values(v).returning("id").executeTakeFirstOrThrow();
}

export function supprimerCorrespondance(db: Kysely<DB>, id: number) {
  return db.deleteFrom("tel_sso_correspondance").where("id", "=", id).executeTakeFirst();
}

/** The active mappings of any of these groups. */
export function correspondancesDe(db: Kysely<DB>, groupes: string[]) {
  return db
    .selectFrom("tel_sso_correspondance")
    .select(["groupe", "role", "client_id"])
    .where("actif", "=", true)
    .where(parmiTextes("groupe", groupes))
    .execute();
}

export async function garderEtat(
  db: Kysely<DB>,
  e: { etat: string; nonce: string; verificateur: string; expire_le: Date },
) {
  await db.deleteFrom("tel_sso_etat").where("expire_le", "<", new Date()).execute();
  await db.insertInto("tel_sso_etat").values(e).execute();
}

/** The sign-in under way for this state, once: read and forgotten together. */
export function reprendreEtat(db: Kysely<DB>, etat: string) {
  return db
    .deleteFrom("tel_sso_etat")
    .where("etat", "=", etat)
    .where("expire_le", ">", new Date())
    .returning(["nonce", "verificateur"])
    .executeTakeFirst();
}

export type Origine = "OIDC" | "LDAP";

/** The account of a person the provider or the directory names (its subject, or its entry's DN). */
export function compteExterne(db: Kysely<DB>, origine: Origine, sujet: string) {
  return db
    .selectFrom("tel_utilisateur")
    .select(["id", "login"])
    .where("origine", "=", origine)
    .where("sujet", "=", sujet)
    .executeTakeFirst();
}

export function loginPris(db: Kysely<DB>, login: string) {
  return db.selectFrom("tel_utilisateur").select("id").where("login", "=", login).executeTakeFirst();
}

/** An account from the provider or the directory, created or brought up to date: no usable local password. */
export async function enregistrerCompteExterne(
  db: Kysely<DB>,
  origine: Origine,
  existant: number | undefined,
  v: {
    sujet: string;
    login: string;
    nom: string;
    email: string | null;
    role: string;
    client_id: number | null;
  },
) {
  if (existant !== undefined) {
    await db
      .updateTable("tel_utilisateur")
      .set({
        nom: v.nom,
        email: v.email,
        role: v.role,
        client_id: v.client_id,
        actif: true,
        date_modification: new Date(),
        version: sql`version + 1`,
      })
      .where("id", "=", existant)
      .execute();
    return existant;
  }
  const r = await db
    .insertInto("tel_utilisateur")
    .values({
      ...v,
      origine,
      mot_de_passe_hash: `sso:${randomBytes(24).toString("base64url")}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An account refused at sign-in: its sessions end with it. */
export function fermerSessionsDe(db: Kysely<DB>, utilisateurId: number) {
  return db.deleteFrom("tel_session").where("utilisateur_id", "=", utilisateurId).execute();
}
