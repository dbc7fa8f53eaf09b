import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { sql } from "kysely";
import type { Config } from "../../config.js";
import { type Database, openDatabase } from "../../db/database.js";
import { migrer } from "../../db/migrate.js";
import { seedReference } from "../../db/reference-data.js";
import { NOM_VERROU } from "../../db/verrou-dossier.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";

/**
 * Backups. The embedded database is copied by PGlite itself while the server runs (its data folder as a gzipped
 * tarball, taken between two statements: PostgreSQL replays its journal from it on restore, as after a power cut).
 * A PostgreSQL database is copied by pg_dump in its custom format (one consistent snapshot), restored by pg_restore.
 */

export const EXTENSION = { pglite: "tar.gz", postgres: "dump" } as const;

/**
 * The running database's copy, as a stream: what `GET /api/v1/sauvegarde` and `telephony backup` write. The audit
 * log records it first, so that the copy holds the record of itself and a restored database shows who took it.
 */
export async function fluxSauvegarde(
  database: Database,
  config: Pick<Config, "databaseUrl">,
  acteur: Acteur,
): Promise<Readable> {
  await ecrireAudit(database.db, acteur, {
    entite: "sauvegarde",
    entiteId: null,
    action: "SAUVEGARDE",
    apres: { base: database.mode },
  });
  return copieBase(database, config);
}

/** The copy itself, without its audit record (the caller writes it). */
export async function copieBase(database: Database, config: Pick<Config, "databaseUrl">): Promise<Readable> {
  if (database.mode === "pglite") {
    const archive = await (database.dumpDataDir as () => Promise<Blob>)();
    const { Readable } = await import("node:stream");
    return Readable.from(Buffer.from(await archive.arrayBuffer()));
  }
  const pgDump = outil("pg_dump");
  const processus = spawn(
    pgDump,
    ["--format=custom", "--no-owner", "--no-privileges", config.databaseUrl as string],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let erreurs = "";
  processus.stderr.on("data", (d) => (erreurs += d));
  processus.on("exit", (code) => {
    if (code !== 0)
      processus.stdout.destroy(new Error(`pg_dump a échoué (code ${code}) : ${erreurs.trim()}`));
  });
  return processus.stdout;
}

/** pg_dump or pg_restore, from the PATH or Debian's PostgreSQL folders; a clear error when missing. */
function outil(nom: "pg_dump" | "pg_restore"): string {
  if (spawnSync(nom, ["--version"]).status === 0) return nom;
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const chemin = path.join(debian, v, "bin", nom);
    if (fs.existsSync(chemin)) return chemin;
  }
  throw new ApiError(
    503,
    "OUTIL_ABSENT",
    `${nom} est introuvable : installez le client PostgreSQL (apt-get install postgresql-client), ou lancez vous-même ${
      nom === "pg_dump"
        ? "pg_dump --format=custom -f sauvegarde.dump <DATABASE_URL>"
        : "pg_restore --clean --if-exists -d <DATABASE_URL> sauvegarde.dump"
    }.`,
  );
}

/** Whether the database holds business data (numbers, clients, orders, accounts beyond the first admin). */
async function contientDesDonnees(database: Database): Promise<boolean> {
  const existe = await sql<{ t: string | null }>`SELECT to_regclass('public.tel_did')::text AS t`.execute(
    database.db,
  );
  if (!existe.rows[0]?.t) return false;
  const r = await sql<{ n: number }>`SELECT (SELECT count(*) FROM tel_did) + (SELECT count(*) FROM tel_client)
    + (SELECT count(*) FROM tel_did_commande) AS n`.execute(database.db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/**
 * Restores a backup into the configured database. A database that holds data is refused unless `forcer`; the
 * embedded one is then moved aside (kept, never deleted), PostgreSQL's tables are replaced. The result is migrated
 * to this version's schema.
 */
export async function restaurer(config: Config, fichier: string, forcer: boolean): Promise<string> {
  if (!fs.existsSync(fichier)) throw new ApiError(422, "FICHIER_ABSENT", `Fichier introuvable : ${fichier}.`);
  if (config.databaseUrl) {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
    try {
      if (!forcer && (await contientDesDonnees(database)))
        throw new ApiError(
          409,
          "BASE_NON_VIDE",
          "La base contient des données : la restauration les remplacerait. Relancez avec --force pour les remplacer.",
        );
    } finally {
      await database.close();
    }
    const r = spawnSync(
      outil("pg_restore"),
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "-d",
        config.databaseUrl,
        fichier,
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0)
      throw new ApiError(422, "RESTAURATION_ECHOUEE", `pg_restore a échoué : ${r.stderr.trim()}`);
    await migrerApres({ databaseUrl: config.databaseUrl });
    return "Base PostgreSQL restaurée.";
  }
  const dossier = config.dataDir;
  let mise = "";
  if (fs.existsSync(path.join(dossier, "PG_VERSION"))) {
    // opening it takes its lock: a server running on it refuses this command with its name
    const database = await openDatabase({ dataDir: dossier });
    let pleine: boolean;
    try {
      pleine = await contientDesDonnees(database);
    } finally {
      await database.close();
    }
    if (pleine && !forcer)
      throw new ApiError(
        409,
        "BASE_NON_VIDE",
        `La base embarquée ${dossier} contient des données : relancez avec --force (elle sera mise de côté, pas supprimée).`,
      );
    mise = `${dossier}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dossier, mise);
  } else if (fs.existsSync(dossier) && fs.readdirSync(dossier).some((f) => f !== NOM_VERROU)) {
    throw new ApiError(
      409,
      "DOSSIER_NON_VIDE",
      `${dossier} contient des fichiers qui ne sont pas une base : videz-le d'abord.`,
    );
  }
  fs.mkdirSync(dossier, { recursive: true });
  const archive = new Blob([fs.readFileSync(fichier)]);
  await migrerApres({ dataDir: dossier, archive });
  // the archive holds the lock file of the server it was taken from: this process held the folder, nobody else does
  fs.rmSync(path.join(dossier, NOM_VERROU), { force: true });
  return `Base embarquée restaurée dans ${dossier}${mise ? ` (l'ancienne est gardée dans ${mise})` : ""}.`;
}

async function migrerApres(options: Parameters<typeof openDatabase>[0]) {
  const database = await openDatabase(options);
  try {
    await migrer(database.db);
    await seedReference(database.db);
  } finally {
    await database.close();
  }
}
