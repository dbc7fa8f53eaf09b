import type { Config } from "../config.js";
import { installerCoutsLecture } from "../modules/couts/couts-lecture.js";
import { type Database, openDatabase } from "./database.js";
import { migrer } from "./migrate.js";
import { seedReference } from "./reference-data.js";

/** The key of the lock under which a process brings the database up to date (any fixed number). */
export const VERROU_DEMARRAGE = 7_310_000;

/**
 * The configured database, migrated and with its reference data: what the server and every command start from.
 * `initialiser` runs in the same step (the server creates its first account there). Instances started together
 * take turns under a database lock: the first migrates and creates, the others find everything done.
 */
export async function ouvrirBasePrete(
  config: Config,
  initialiser?: (database: Database) => Promise<void>,
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    await database.sousVerrou(VERROU_DEMARRAGE, async () => {
      await migrer(database.db);
      await seedReference(database.db);
      // the cost function other tools read follows this version's arithmetic and freeze (couts-lecture.ts)
      await installerCoutsLecture(database.db, config.freezeJours);
      await initialiser?.(database);
    });
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}
