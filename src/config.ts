import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fuseauValide } from "./heure-metier.js";

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Folder where mandates' PDF documents are written; undefined: they are kept in the database (MANDATES_DIR). */
  dossierMandats: string | undefined;
  /** A client's accounts may read their own re-billing statement (CLIENT_REBILLING=true). */
  refacturationClients: boolean;
  /** Connections to the PostgreSQL server per API instance. */
  dbPoolSize: number;
  host: string;
  port: number;
  /** Public base path of the extranet, for links printed at start. */
  publicUrl: string | undefined;
  logLevel: string;
  /** Password of the first `admin` account; when absent one is generated and printed once. */
  adminPassword: string | undefined;
  sessionHeures: number;
  cookieSecure: boolean;
  connexionsParMinute: number;
  /** Days a terminated number stays frozen before another client may have it (ARCEP: 45 to 120). */
  freezeJours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Extra addresses told of every submitted order, besides the staff accounts that have an e-mail. */
  valideursEmails: string[];
  webhookUrls: string[];
  webhookSecret: string | undefined;
  /** Seconds between two runs of the scheduler (dated assignments, notification retries); 0 disables it. */
  planificateurSecondes: number;
  /** Routing files Hermes reads: JSON file declaring [{nom, modele, sortie}]; default: recept.ons and S2.ons. */
  fichiersHermes: Array<{ nom: string; modele: string; sortie: string }>;
  /** Single sign-on through the company's OpenID Connect provider, when OIDC_ISSUER is set (sso/oidc.ts). */
  oidc: ConfigOidc | undefined;
  /** Sign-in with the directory's password (LDAP, Active Directory), when LDAP_URL is set (sso/ldap.ts). */
  ldap: ConfigLdap | undefined;
  /** Command run after a publication (to make Hermes reload); its exit code and output are kept. */
  commandeApresPublication: string | undefined;
  /** Publish the routing files automatically once routing changes have been quiet this long (0: by hand only). */
  publicationAutoSecondes: number;
  /** What an imported file may cost: upload size, and the limits of the worker that reads it. */
  importLimites: {
    octets: number;
    lignes: number;
    colonnes: number;
    xlsxDecompresseOctets: number;
    memoireMo: number;
    dureeMs: number;
  };
  /** Route removals a publication makes without an explicit confirmation: at most this many and this share. */
  seuilSuppressionsPublication: { nombre: number; pourcent: number };
  /** Business time (IANA zone): dates and times without an offset, in files and forms, are read in it. */
  fuseauMetier: string;
  /** A separate address serving /metrics without a key, for Prometheus on a private network (METRICS_LISTEN). */
  metriquesEcoute: { host: string; port: number } | undefined;
  /** Automatic backups into a folder, every so many hours, the newest kept (BACKUP_DIR; off without it). */
  sauvegardes: { dossier: string; intervalleHeures: number; garder: number } | undefined;
}

export class ConfigError extends Error {}

function entier(nom: string, valeur: string | undefined, defaut: number, min: number, max: number): number {
  if (valeur === undefined || valeur === "") return defaut;
  const n = Number(valeur);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${nom} doit être un entier entre ${min} et ${max} (reçu « ${valeur} »).`);
  }
  return n;
}

function liste(valeur: string | undefined): string[] {
  return (valeur ?? "")
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function fichiersHermes(env: NodeJS.ProcessEnv, dataDir: string) {
  const sortie = path.resolve(env.HERMES_OUTPUT_DIR?.trim() || path.join(dataDir, "hermes"));
  if (!env.HERMES_FILES?.trim()) {
    return ["recept.ons", "S2.ons"].map((nom) => ({
      nom,
      modele: `defaut:${nom}`,
      sortie: path.join(sortie, nom),
    }));
  }
  let declares: unknown;
  try {
    declares = JSON.parse(fs.readFileSync(env.HERMES_FILES, "utf8"));
  } catch (e) {
    throw new ConfigError(`HERMES_FILES : fichier illisible ou JSON invalide (${(e as Error).message}).`);
  }
  if (
    !Array.isArray(declares) ||
    declares.some(
      (f) => typeof f?.nom !== "string" || typeof f?.modele !== "string" || typeof f?.sortie !== "string",
    )
  ) {
    throw new ConfigError('HERMES_FILES doit contenir une liste [{"nom", "modele", "sortie"}].');
  }
  const base = path.dirname(path.resolve(env.HERMES_FILES));
  return (declares as Array<{ nom: string; modele: string; sortie: string }>).map((f) => ({
    nom: f.nom,
    modele: f.modele.startsWith("defaut:") ? f.modele : path.resolve(base, f.modele),
    sortie: path.resolve(base, f.sortie),
  }));
}

/** Every setting, read once at start; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL doit commencer par postgres:// ou postgresql://.");
  }
  const webhookUrls = liste(env.WEBHOOK_URLS);
  for (const u of webhookUrls) {
    if (!/^https?:\/\//.test(u))
      throw new ConfigError(`WEBHOOK_URLS : adresse invalide « ${u} » (http:// ou https:// attendu).`);
  }
  if (webhookUrls.length > 0 && !env.WEBHOOK_SECRET) {
    throw new ConfigError(
      "WEBHOOK_SECRET est obligatoire avec WEBHOOK_URLS : chaque envoi est signé (HMAC-SHA256).",
    );
  }
  const fuseauMetier = env.TZ_METIER?.trim() || "Europe/Paris";
  if (!fuseauValide(fuseauMetier))
    throw new ConfigError(`TZ_METIER : fuseau horaire inconnu « ${fuseauMetier} » (ex. Europe/Paris).`);
  const ecoute = env.METRICS_LISTEN?.trim();
  let metriquesEcoute: Config["metriquesEcoute"];
  if (ecoute) {
    const m = /^(.+):(\d{1,5})$/.exec(ecoute);
    if (!m)
      throw new ConfigError(
        `METRICS_LISTEN : adresse:port attendu (ex. 127.0.0.1:9464), reçu « ${ecoute} ».`,
      );
    metriquesEcoute = {
      host: (m[1] as string).replace(/^\[|\]$/g, ""),
      port: entier("METRICS_LISTEN", m[2], 9464, 0, 65535),
    };
  }
  const dossierSauvegardes = env.BACKUP_DIR?.trim();
  if (!dossierSauvegardes && (env.BACKUP_INTERVAL_HOURS?.trim() || env.BACKUP_KEEP?.trim()))
    throw new ConfigError(
      "BACKUP_INTERVAL_HOURS et BACKUP_KEEP demandent BACKUP_DIR (le dossier où écrire les sauvegardes).",
    );
  const sauvegardes = dossierSauvegardes
    ? {
        dossier: path.resolve(dossierSauvegardes),
        intervalleHeures: entier("BACKUP_INTERVAL_HOURS", env.BACKUP_INTERVAL_HOURS, 24, 1, 24 * 366),
        garder: entier("BACKUP_KEEP", env.BACKUP_KEEP, 7, 1, 10_000),
      }
    : undefined;
  return {
    databaseUrl,
    fuseauMetier,
    sauvegardes,
    metriquesEcoute,
    dataDir: path.resolve(env.DATA_DIR?.trim() || "./data"),
    dossierMandats: env.MANDATES_DIR?.trim() ? path.resolve(env.MANDATES_DIR.trim()) : undefined,
    refacturationClients: env.CLIENT_REBILLING === "true" || env.CLIENT_REBILLING === "1",
    // about two connections per core: more only makes PostgreSQL's processes fight over the same cores
    dbPoolSize: entier("DB_POOL_SIZE", env.DB_POOL_SIZE, Math.max(4, 2 * os.availableParallelism()), 1, 500),
    host: env.HOST?.trim() || "127.0.0.1",
    port: entier("PORT", env.PORT, 3000, 0, 65535),
    publicUrl: env.PUBLIC_URL?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || "info",
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionHeures: entier("SESSION_HOURS", env.SESSION_HOURS, 12, 1, 24 * 30),
    cookieSecure: env.COOKIE_SECURE === "true" || env.COOKIE_SECURE === "1",
    connexionsParMinute: entier("LOGIN_RATE_PER_MINUTE", env.LOGIN_RATE_PER_MINUTE, 10, 1, 10_000),
    freezeJours: entier("FREEZE_DAYS", env.FREEZE_DAYS, 90, 45, 120),
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    mailFrom: env.MAIL_FROM?.trim() || "API Telephony <telephony@localhost>",
    valideursEmails: liste(env.NOTIFY_VALIDATORS),
    webhookUrls: liste(env.WEBHOOK_URLS),
    webhookSecret: env.WEBHOOK_SECRET || undefined,
    planificateurSecondes: entier(
      "SCHEDULER_INTERVAL_SECONDS",
      env.SCHEDULER_INTERVAL_SECONDS,
      30,
      0,
      86_400,
    ),
    fichiersHermes: fichiersHermes(env, path.resolve(env.DATA_DIR?.trim() || "./data")),
    oidc: configOidc(env),
    ldap: configLdap(env),
    commandeApresPublication: env.HERMES_POST_PUBLISH?.trim() || undefined,
    publicationAutoSecondes: entier(
      "HERMES_AUTO_PUBLISH_SECONDS",
      env.HERMES_AUTO_PUBLISH_SECONDS,
      0,
      0,
      86_400,
    ),
    importLimites: {
      octets: entier("IMPORT_MAX_MB", env.IMPORT_MAX_MB, 50, 1, 2048) * 1024 * 1024,
      lignes: entier("IMPORT_MAX_ROWS", env.IMPORT_MAX_ROWS, 1_000_000, 1, 50_000_000),
      colonnes: 500,
      xlsxDecompresseOctets:
        entier("IMPORT_XLSX_MAX_INFLATED_MB", env.IMPORT_XLSX_MAX_INFLATED_MB, 256, 1, 16_384) * 1024 * 1024,
      memoireMo: entier("IMPORT_WORKER_MEMORY_MB", env.IMPORT_WORKER_MEMORY_MB, 1024, 64, 16_384),
      dureeMs: 5 * 60_000,
    },
    seuilSuppressionsPublication: {
      nombre: entier("HERMES_PUBLISH_MAX_REMOVALS", env.HERMES_PUBLISH_MAX_REMOVALS, 50, 1, 10_000_000),
      pourcent: entier(
        "HERMES_PUBLISH_MAX_REMOVALS_PERCENT",
        env.HERMES_PUBLISH_MAX_REMOVALS_PERCENT,
        5,
        0,
        100,
      ),
    },
  };
}

export interface ConfigOidc {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** The claim that lists the user's groups (id token or userinfo). */
  claimGroupes: string;
}

function configOidc(env: NodeJS.ProcessEnv): ConfigOidc | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  if (!URL.canParse(issuer)) throw new ConfigError(`OIDC_ISSUER n'est pas une URL : ${issuer}`);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError("OIDC_ISSUER est donné sans OIDC_CLIENT_ID.");
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    scopes: env.OIDC_SCOPES?.trim() || "openid profile email groups",
    claimGroupes: env.OIDC_GROUPS_CLAIM?.trim() || "groups",
  };
}

export interface ConfigLdap {
  url: string;
  /** StartTLS on an ldap:// connection (ldaps:// is TLS from the start). */
  starttls: boolean;
  /** The DN a person binds as, {login} replaced (uid={login},ou=people,dc=entreprise,dc=example). */
  dnUtilisateur: string;
  /** Where the groups are, and which of them hold the person ({dn}, {login}); a group is named by its cn. */
  baseGroupes: string;
  filtreGroupes: string;
  /** A CA to trust for TLS (a file), besides the system's. */
  fichierCa: string | undefined;
}

function configLdap(env: NodeJS.ProcessEnv): ConfigLdap | undefined {
  const url = env.LDAP_URL?.trim();
  if (!url) return undefined;
  if (!/^ldaps?:\/\//.test(url))
    throw new ConfigError(`LDAP_URL doit commencer par ldap:// ou ldaps:// : ${url}`);
  const dnUtilisateur = env.LDAP_USER_DN?.trim();
  const baseGroupes = env.LDAP_GROUP_BASE?.trim();
  if (!dnUtilisateur?.includes("{login}") || !baseGroupes)
    throw new ConfigError("LDAP_URL demande LDAP_USER_DN (avec {login}) et LDAP_GROUP_BASE.");
  return {
    url,
    starttls: env.LDAP_STARTTLS === "true" || env.LDAP_STARTTLS === "1",
    dnUtilisateur,
    baseGroupes,
    filtreGroupes: env.LDAP_GROUP_FILTER?.trim() || "(|(member={dn})(uniqueMember={dn})(memberUid={login}))",
    fichierCa: env.LDAP_CA_FILE?.trim() || undefined,
  };
}
