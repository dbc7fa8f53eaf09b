import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of accounts, sessions and API keys.

export const colonnesUtilisateur = [
  "id",
  "login",
  "nom",
  "email",
  "role",
  "client_id",
  "actif",
  "version",
  "derniere_connexion",
  "date_creation",
  "date_modification",
  "origine",
] as const;

export const colonnesCle = [
  "id",
  "nom",
  "prefixe",
  "role",
  "client_id",
  "expire_le",
  "revoquee_le",
  "derniere_utilisation",
  "adresses_autorisees",
  "created_by",
  "actif",
  "version",
  "date_creation",
  "date_modification",
] as const;

export function utilisateurParLogin(db: Kysely<DB>, login: string) {
  return db
    .selectFrom("tel_utilisateur")
    .select(["id", "login", "nom", "role", "client_id", "mot_de_passe_hash", "actif", "origine"])
    .where("login", "=", login.toLowerCase())
    .executeTakeFirst();
}

/** A session opened (its id is the SHA-256 of the cookie's token), and the user's last sign-in noted. */
export async function enregistrerSession(db: Kysely<DB>, session: Insertable<DB["tel_session"]>) {
  await db.insertInto("tel_session").values(session).execute();
  await db
    .updateTable("tel_utilisateur")
    .set({ derniere_connexion: new Date() })
    .where("id", "=", session.utilisateur_id)
    .execute();
}

export async function supprimerSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom("tel_session").where("id", "=", id).execute();
}

export function sessionEtUtilisateur(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("tel_session as s")
    .innerJoin("tel_utilisateur as u", "u.id", "s.utilisateur_id")
    .select(["u.id", "u.login", "u.role", "u.client_id", "u.actif", "s.csrf", "s.expire_le"])
    .where("s.id", "=", id)
    .executeTakeFirst();
}

export async function fermerSessionsDe(db: Executor, utilisateurId: number) {
  await db.deleteFrom("tel_session").where("utilisateur_id", "=", utilisateurId).execute();
}

export function cleParPrefixe(db: Kysely<DB>, prefixe: string) {
  return db
    .selectFrom("tel_cle_api")
    .select([
      "id",
      "nom",
      "hash",
      "role",
      "client_id",
      "expire_le",
      "revoquee_le",
      "actif",
      "adresses_autorisees",
    ])
    .where("prefixe", "=", prefixe)
    .executeTakeFirst();
}

export function noterUtilisationCle(db: Kysely<DB>, id: number, quand: Date) {
  return db.updateTable("tel_cle_api").set({ derniere_utilisation: quand }).where("id", "=", id).execute();
}

export function insererUtilisateur(db: Executor, valeurs: Insertable<DB["tel_utilisateur"]>) {
  return db
    .insertInto("tel_utilisateur")
    .values(valeurs)
    .returning(colonnesUtilisateur)
    .executeTakeFirstOrThrow();
}

export function listerUtilisateurs(db: Kysely<DB>) {
  return db.selectFrom("tel_utilisateur").select(colonnesUtilisateur).orderBy("login").execute();
}

/** Who the signed-in user is, as stored (its role may have changed since the session opened). */
export function profilUtilisateur(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("tel_utilisateur")
    .select(["id", "login", "nom", "role", "client_id"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export function utilisateurParId(db: Executor, id: number) {
  return db.selectFrom("tel_utilisateur").select(colonnesUtilisateur).where("id", "=", id).executeTakeFirst();
}

export function ecrireUtilisateur(db: Executor, id: number, valeurs: Updateable<DB["tel_utilisateur"]>) {
  return db
    .updateTable("tel_utilisateur")
    .set(valeurs)
    .where("id", "=", id)
    .returning(colonnesUtilisateur)
    .executeTakeFirstOrThrow();
}

export async function unUtilisateurExiste(db: Kysely<DB>) {
  return !!(await db.selectFrom("tel_utilisateur").select("id").limit(1).executeTakeFirst());
}

export function insererCle(db: Executor, valeurs: Insertable<DB["tel_cle_api"]>) {
  return db.insertInto("tel_cle_api").values(valeurs).returning(colonnesCle).executeTakeFirstOrThrow();
}

export function listerClesApi(db: Kysely<DB>) {
  return db.selectFrom("tel_cle_api").select(colonnesCle).orderBy("id", "desc").execute();
}

export function revoquerCle(db: Executor, id: number, quand: Date) {
  return db
    .updateTable("tel_cle_api")
    .set({ revoquee_le: quand, actif: false })
    .where("id", "=", id)
    .returning(colonnesCle)
    .executeTakeFirst();
}

/** The display names of a client's own accounts, by login: how its history names them (historique-visible.ts). */
export async function nomsDesComptesDuClient(db: Executor, clientId: number): Promise<Map<string, string>> {
  const lignes = await db
    .selectFrom("tel_utilisateur")
    .select(["login", "nom"])
    .where("client_id", "=", clientId)
    .execute();
  return new Map(lignes.map((l) => [l.login, l.nom]));
}

/** An account's display name and e-mail: who an order's requester is, and where it is told of its order. */
export function coordonneesDuCompte(db: Executor, id: number) {
  return db.selectFrom("tel_utilisateur").select(["nom", "email"]).where("id", "=", id).executeTakeFirst();
}

/** How an account signs in: LOCAL (its password) or OIDC (the company's identity provider). */
export async function origineDe(db: Kysely<DB>, id: number) {
  return (await db.selectFrom("tel_utilisateur").select("origine").where("id", "=", id).executeTakeFirst())
    ?.origine;
}
