import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { type Acteur, ROLES, type Role } from "./acteur.js";
import { listeAdresses } from "./adresses.js";
import {
  cleParPrefixe,
  enregistrerSession,
  noterUtilisationCle,
  sessionEtUtilisateur,
  supprimerSession,
  utilisateurParLogin,
} from "./auth.repository.js";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): slow for a guesser, quick enough for a login.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hacherMotDePasse = (mdp: string) => argonHash(mdp, ARGON);

export function genererMotDePasse(): string {
  return randomBytes(18).toString("base64url");
}

export function verifierRole(role: string, clientId: number | null | undefined) {
  if (!ROLES.includes(role as Role))
    throw new ApiError(422, "ROLE_INCONNU", `Rôle inconnu : ${role}. Rôles : ${ROLES.join(", ")}.`);
  if ((role === "client") !== (clientId != null)) {
    throw new ApiError(
      422,
      "CLIENT_ROLE",
      "Le rôle « client » exige un client, et seul ce rôle en accepte un.",
      [{ champ: "client_id", message: "Client obligatoire pour le rôle client, interdit sinon." }],
    );
  }
}

export function verifierMotDePasse(mdp: string) {
  if (mdp.length < 10 || mdp.length > 200) {
    throw new ApiError(
      422,
      "MOT_DE_PASSE_FAIBLE",
      "Le mot de passe doit compter entre 10 et 200 caractères.",
      [{ champ: "mot_de_passe", message: "10 caractères au moins." }],
    );
  }
}

export interface SessionOuverte {
  jeton: string;
  csrf: string;
  expire: Date;
  utilisateur: { id: number; login: string; nom: string; role: string; client_id: number | null };
}

export async function ouvrirSession(
  db: Kysely<DB>,
  login: string,
  motDePasse: string,
  dureeHeures: number,
  /** The company's directory (LDAP): asked for a login that no local account has (sso/ldap.ts). */
  annuaire?: { ouvrir(login: string, motDePasse: string): Promise<SessionOuverte | null> },
): Promise<SessionOuverte | null> {
  const u = await utilisateurParLogin(db, login);
  if (annuaire && u?.origine !== "LOCAL") return annuaire.ouvrir(login, motDePasse);
  // Verify against a dummy hash when the login is unknown so timing does not reveal which logins exist.
  const hashAVerifier = u?.mot_de_passe_hash ?? (await leurre());
  const ok = await argonVerify(hashAVerifier, motDePasse).catch(() => false);
  // an account from the identity provider signs in there only (migration 0025)
  if (!u || !ok || !u.actif || u.origine !== "LOCAL") return null;
  return sessionPour(db, u, dureeHeures);
}

/** A session for an account whose identity was checked (a password, or the company's identity provider). */
export async function sessionPour(
  db: Kysely<DB>,
  u: SessionOuverte["utilisateur"],
  dureeHeures: number,
): Promise<SessionOuverte> {
  const jeton = randomBytes(32).toString("base64url");
  const csrf = randomBytes(24).toString("base64url");
  const expire = new Date(Date.now() + dureeHeures * 3600_000);
  await enregistrerSession(db, { id: sha256(jeton), utilisateur_id: u.id, csrf, expire_le: expire });
  return {
    jeton,
    csrf,
    expire,
    utilisateur: { id: u.id, login: u.login, nom: u.nom, role: u.role, client_id: u.client_id },
  };
}

let hashLeurre: Promise<string> | undefined;
function leurre() {
  hashLeurre ??= hacherMotDePasse(randomBytes(16).toString("hex"));
  return hashLeurre;
}

export async function fermerSession(db: Kysely<DB>, jeton: string) {
  await supprimerSession(db, sha256(jeton));
}

export async function acteurDeSession(
  db: Kysely<DB>,
  jeton: string,
): Promise<{ acteur: Acteur; csrf: string } | null> {
  const s = await sessionEtUtilisateur(db, sha256(jeton));
  if (!s?.actif || new Date(s.expire_le) < new Date()) return null;
  return {
    acteur: {
      nom: s.login,
      type: "UTILISATEUR",
      role: s.role as Role,
      clientId: s.client_id,
      utilisateurId: s.id,
    },
    csrf: s.csrf,
  };
}

interface CleEnCache {
  acteur: Acteur;
  /** The stored SHA-256, decoded once: every request compares against it. */
  hash: Buffer;
  expire: number | null;
  lueA: number;
}

/**
 * Resolves Bearer keys. A short in-memory cache keeps the routing hot path off the database. A change to a key
 * (revocation, deactivation) is notified on tel_cles by the database, whatever wrote it: every instance forgets the
 * key at once (migration 0019); CACHE_MS bounds it if a notification is lost.
 */
const FORME_CLE = /^tel_([0-9a-f]{12})_[A-Za-z0-9_-]{20,64}$/;

export class CacheClesApi {
  private readonly cache = new Map<string, CleEnCache>();
  /** Keys already checked against their hash, while their entry is fresh: the hot path skips SHA-256. */
  private readonly verifiees = new Map<string, CleEnCache>();
  private readonly derniereEcriture = new Map<number, number>();
  private readonly lectures = new Map<string, Promise<CleEnCache | undefined>>();
  /** Prefixes that matched no key, and when: see resoudre. */
  private readonly inconnues = new Map<string, number>();
  static readonly CACHE_MS = 10_000;

  constructor(private readonly db: Kysely<DB>) {}

  oublier() {
    this.cache.clear();
    this.verifiees.clear();
    this.inconnues.clear();
  }

  /**
   * A key changed in the database (revoked, deactivated, its role...), as another instance notified: it is read
   * again at its next use. Its verified entries go too, so the hot path cannot answer from them.
   */
  oublierPrefixe(prefixe: string) {
    const entree = this.cache.get(prefixe);
    this.cache.delete(prefixe);
    this.inconnues.delete(prefixe);
    if (entree) for (const [cle, e] of this.verifiees) if (e === entree) this.verifiees.delete(cle);
  }

  /**
   * Notifications may have been lost (the listening connection dropped): every key is read again at its next use,
   * in the background, served as it was meanwhile; a database that is away keeps them as they were.
   */
  relire() {
    for (const e of this.cache.values()) e.lueA = 0;
  }

  /** A key that matched its hash a moment ago, while its cached entry is fresh. */
  private deja(cle: string, prefixe: string, maintenant: number): Acteur | null | undefined {
    const connue = this.verifiees.get(cle);
    if (!connue || connue !== this.cache.get(prefixe) || maintenant - connue.lueA > CacheClesApi.CACHE_MS)
      return undefined;
    if (connue.expire !== null && connue.expire <= maintenant) return null;
    this.noterUtilisation(connue.acteur.utilisateurId as number, maintenant);
    return connue.acteur;
  }

  /**
   * Without waiting: the caller for a key verified a moment ago, null for a key that cannot be valid,
   * undefined when the database or the hash must be consulted (then call resoudre).
   */
  resoudreImmediat(cle: string): Acteur | null | undefined {
    const m = FORME_CLE.exec(cle);
    if (!m) return null;
    return this.deja(cle, m[1] as string, Date.now());
  }

  async resoudre(cle: string): Promise<Acteur | null> {
    const m = FORME_CLE.exec(cle);
    if (!m) return null;
    const prefixe = m[1] as string;
    const maintenant = Date.now();
    const connue = this.deja(cle, prefixe, maintenant);
    if (connue !== undefined) return connue;
    let entree = this.cache.get(prefixe);
    if (!entree) {
      // a prefix found unknown a moment ago costs no query: a flood of made-up keys does not reach the database
      const inconnue = this.inconnues.get(prefixe);
      if (inconnue !== undefined && maintenant - inconnue < CacheClesApi.CACHE_MS) return null;
      entree = await this.rafraichir(prefixe);
      if (!entree) {
        if (this.inconnues.size >= 10_000) this.inconnues.clear();
        this.inconnues.set(prefixe, maintenant);
        return null;
      }
    } else if (maintenant - entree.lueA > CacheClesApi.CACHE_MS) {
      // A key read before is served as it was while it is read again in the background: a database that is
      // busy (an import holds the embedded database's only connection) or away must not hold Hermes' lookups.
      // A revocation is seen as soon as that read returns (at once when made through this process).
      const ancienne = entree;
      this.rafraichir(prefixe).catch(() => {
        // read again in a second, not at every request
        ancienne.lueA = Date.now() - CacheClesApi.CACHE_MS + 1000;
      });
    }
    const recu = createHash("sha256").update(cle).digest();
    if (entree.hash.length !== recu.length || !timingSafeEqual(entree.hash, recu)) return null;
    // only keys that matched are remembered, so a flood of wrong keys cannot fill this map
    if (this.verifiees.size >= 10_000) this.verifiees.clear();
    this.verifiees.set(cle, entree);
    if (entree.expire !== null && entree.expire <= maintenant) return null;
    this.noterUtilisation(entree.acteur.utilisateurId as number, maintenant);
    return entree.acteur;
  }

  /** Reads a key again (one read at a time per key): the new entry, or undefined when it is unknown or revoked. */
  private rafraichir(prefixe: string): Promise<CleEnCache | undefined> {
    const enCours = this.lectures.get(prefixe);
    if (enCours) return enCours;
    const lecture = this.lireCle(prefixe)
      .then((row) => {
        if (!row || row.revoquee_le || !row.actif) {
          this.cache.delete(prefixe);
          return undefined;
        }
        const entree: CleEnCache = {
          acteur: {
            nom: `cle:${row.nom}`,
            type: "CLE_API",
            role: row.role as Role,
            clientId: row.client_id,
            utilisateurId: row.id,
            ...(row.adresses_autorisees?.length
              ? { adressesAutorisees: listeAdresses(row.adresses_autorisees) }
              : {}),
          },
          hash: Buffer.from(row.hash, "hex"),
          expire: row.expire_le ? new Date(row.expire_le).getTime() : null,
          lueA: Date.now(),
        };
        this.cache.set(prefixe, entree);
        return entree;
      })
      .finally(() => this.lectures.delete(prefixe));
    this.lectures.set(prefixe, lecture);
    return lecture;
  }

  private lireCle(prefixe: string) {
    return cleParPrefixe(this.db, prefixe);
  }

  private noterUtilisation(id: number, maintenant: number) {
    if (maintenant - (this.derniereEcriture.get(id) ?? 0) < 60_000) return;
    this.derniereEcriture.set(id, maintenant);
    noterUtilisationCle(this.db, id, new Date(maintenant)).catch(() => this.derniereEcriture.delete(id));
  }
}
