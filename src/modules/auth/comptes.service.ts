import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { type Acteur, SYSTEME } from "./acteur.js";
import { lirePlage } from "./adresses.js";
import {
  ecrireUtilisateur,
  fermerSessionsDe,
  insererCle,
  insererUtilisateur,
  revoquerCle,
  unUtilisateurExiste,
  utilisateurParId,
} from "./auth.repository.js";
import {
  genererMotDePasse,
  hacherMotDePasse,
  sha256,
  verifierMotDePasse,
  verifierRole,
} from "./auth.service.js";

// Accounts and API keys, managed by an admin (Administration › Comptes, Clés API) or the CLI.

export interface NouvelUtilisateur {
  login: string;
  nom: string;
  email?: string | null;
  role: string;
  client_id?: number | null;
  mot_de_passe: string;
}

export async function creerUtilisateur(db: Kysely<DB>, acteur: Acteur, u: NouvelUtilisateur) {
  verifierRole(u.role, u.client_id);
  verifierMotDePasse(u.mot_de_passe);
  const mot_de_passe_hash = await hacherMotDePasse(u.mot_de_passe);
  return enTransaction(db, async (trx) => {
    const cree = await insererUtilisateur(trx, {
      login: u.login.toLowerCase(),
      nom: u.nom,
      email: u.email ?? null,
      role: u.role,
      client_id: u.client_id ?? null,
      mot_de_passe_hash,
    });
    await ecrireAudit(trx, acteur, {
      entite: "tel_utilisateur",
      entiteId: cree.id,
      action: "CREATION",
      apres: cree,
    });
    return cree;
  });
}

/**
 * An account's changes. A new password is checked and hashed; deactivating the account, changing its password or
 * its role closes its sessions (it signs in again with what it may now do).
 */
export async function modifierUtilisateur(
  { db, acteur }: Contexte,
  id: number,
  changements: Record<string, unknown> & { mot_de_passe?: string | undefined },
) {
  const { mot_de_passe, ...reste } = changements;
  const valeurs: Record<string, unknown> = { ...reste };
  if (mot_de_passe) {
    verifierMotDePasse(mot_de_passe);
    valeurs.mot_de_passe_hash = await hacherMotDePasse(mot_de_passe);
  }
  return enTransaction(db, async (trx) => {
    const avant = await utilisateurParId(trx, id);
    if (!avant) throw introuvable("Utilisateur");
    // an account of the company's sign-on or directory proves who it is there: a password here would never serve
    if (mot_de_passe && avant.origine !== "LOCAL")
      throw new ApiError(
        422,
        "VALIDATION",
        "Ce compte se connecte avec le compte de l'entreprise : il n'a pas de mot de passe ici.",
        [{ champ: "mot_de_passe", message: "Pas de mot de passe pour un compte de l'entreprise." }],
      );
    const apres = await ecrireUtilisateur(trx, id, valeurs);
    if (reste.actif === false || mot_de_passe || reste.role) await fermerSessionsDe(trx, apres.id);
    await ecrireAudit(trx, acteur, {
      entite: "tel_utilisateur",
      entiteId: apres.id,
      action: "MODIFICATION",
      avant,
      apres,
    });
    return apres;
  });
}

// ---- API keys: "tel_<prefix>_<secret>"; the prefix finds the row, the SHA-256 of the whole key proves it.

export interface NouvelleCle {
  nom: string;
  role: string;
  client_id?: number | null;
  expire_le?: string | Date | null;
  /** CIDR ranges or addresses the key may be used from (none: anywhere). */
  adresses_autorisees?: string[] | null;
}

export async function creerCleApi(db: Kysely<DB>, acteur: Acteur, c: NouvelleCle) {
  verifierRole(c.role, c.client_id);
  if (c.expire_le && new Date(c.expire_le) <= new Date()) {
    throw new ApiError(422, "EXPIRATION_PASSEE", "La date d'expiration doit être dans le futur.", [
      { champ: "expire_le", message: "Date passée." },
    ]);
  }
  const adresses = c.adresses_autorisees?.length ? c.adresses_autorisees.map((a) => a.trim()) : null;
  const fausses = (adresses ?? []).filter((a) => !lirePlage(a));
  if (fausses.length > 0)
    throw new ApiError(
      422,
      "ADRESSE_INVALIDE",
      `Adresse ou plage invalide : ${fausses.join(", ")} (attendu : 10.0.0.0/8, 192.168.1.10, 2001:db8::/32).`,
      [{ champ: "adresses_autorisees", message: "Adresse IP ou plage CIDR attendue." }],
    );
  const prefixe = randomBytes(6).toString("hex");
  const cle = `tel_${prefixe}_${randomBytes(24).toString("base64url")}`;
  return enTransaction(db, async (trx) => {
    const cree = await insererCle(trx, {
      nom: c.nom,
      prefixe,
      hash: sha256(cle),
      role: c.role,
      client_id: c.client_id ?? null,
      expire_le: c.expire_le ?? null,
      adresses_autorisees: adresses,
      created_by: acteur.nom,
    });
    await ecrireAudit(trx, acteur, {
      entite: "tel_cle_api",
      entiteId: cree.id,
      action: "CREATION",
      apres: cree,
    });
    return { ...cree, cle };
  });
}

/** Revokes a key at once in the database, which notifies every instance (migration 0019). */
export function revoquerCleApi({ db, acteur, maintenant }: Contexte, id: number) {
  return enTransaction(db, async (trx) => {
    const apres = await revoquerCle(trx, id, maintenant);
    if (!apres) throw introuvable("Clé API");
    await ecrireAudit(trx, acteur, {
      entite: "tel_cle_api",
      entiteId: apres.id,
      action: "REVOCATION",
      apres,
    });
    return apres;
  });
}

/** The first start: an admin account, with the given password or a generated one (returned to be shown once). */
export async function initialiserAdmin(
  db: Kysely<DB>,
  motDePasse: string | undefined,
): Promise<string | null> {
  if (await unUtilisateurExiste(db)) return null;
  const mdp = motDePasse ?? genererMotDePasse();
  await creerUtilisateur(db, SYSTEME, {
    login: "admin",
    nom: "Administrateur",
    role: "admin",
    mot_de_passe: mdp,
  });
  return motDePasse ? null : mdp;
}
