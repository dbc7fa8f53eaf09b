import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { type SessionOuverte, sessionPour } from "../auth/auth.service.js";
import {
  compteExterne,
  correspondancesDe,
  enregistrerCompteExterne,
  fermerSessionsDe,
  loginPris,
  type Origine,
} from "./sso.repository.js";

/** The stronger role wins when several groups map: an administrator who is also a reader is an administrator. */
const ORDRE_ROLES = ["admin", "gestionnaire", "lecteur", "client"];

/** The strongest role the groups map to; refused when they map to two different clients and nothing else. */
async function roleDesGroupes(db: Kysely<DB>, groupes: string[]) {
  if (groupes.length === 0) return null;
  const trouves = await correspondancesDe(db, groupes);
  trouves.sort((a, b) => ORDRE_ROLES.indexOf(a.role) - ORDRE_ROLES.indexOf(b.role));
  const premier = trouves[0];
  if (!premier) return null;
  if (premier.role === "client" && new Set(trouves.map((t) => t.client_id)).size > 1)
    throw new ApiError(
      409,
      "SSO_AMBIGU",
      "Vos groupes donnent accès à plusieurs clients : un compte client n'en voit qu'un. Demandez à un administrateur.",
    );
  return { role: premier.role, client_id: premier.client_id };
}

/** A login for a new account, as logins are written; refused when a local account has it. */
async function loginLibre(db: Kysely<DB>, propose: string) {
  const login = propose
    .toLowerCase()
    .replace(/[^a-z0-9._@-]/g, "-")
    .slice(0, 100)
    .padEnd(2, "-");
  if (await loginPris(db, login))
    throw new ApiError(
      409,
      "SSO_LOGIN_PRIS",
      `L'identifiant « ${login} » est déjà celui d'un compte local : un administrateur doit le renommer ou le supprimer.`,
    );
  return login;
}

/**
 * A person the company's provider or directory vouched for (#31): its role from its groups through the mapping, its
 * account created at the first sign-in and brought up to date at each, a session opened. A person whose groups map
 * to nothing is refused, and the sessions of its account end.
 */
export async function sessionExterne(
  db: Kysely<DB>,
  dureeHeures: number,
  origine: Origine,
  p: { sujet: string; groupes: string[]; login: string; nom: string; email: string | null },
): Promise<SessionOuverte> {
  const existant = await compteExterne(db, origine, p.sujet);
  const role = await roleDesGroupes(db, p.groupes);
  if (!role) {
    if (existant) await fermerSessionsDe(db, existant.id);
    throw new ApiError(
      403,
      "SSO_SANS_ROLE",
      "Votre compte de l'entreprise n'appartient à aucun groupe qui donne accès à API Telephony : demandez-le à un administrateur.",
    );
  }
  const login = existant?.login ?? (await loginLibre(db, p.login));
  const nom = p.nom.slice(0, 200) || login;
  const email = p.email?.includes("@") ? p.email : null;
  const id = await enregistrerCompteExterne(db, origine, existant?.id, {
    sujet: p.sujet,
    login,
    nom,
    email,
    role: role.role,
    client_id: role.client_id,
  });
  return sessionPour(db, { id, login, nom, role: role.role, client_id: role.client_id }, dureeHeures);
}
