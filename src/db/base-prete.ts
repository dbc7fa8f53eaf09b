import type { Config } from "../config.js";
import { type Database, openDatabase } from "./database.js";
import { migrer } from "./migrate.js";
import { seedReference } from "./reference-data.js";

/** The configured database, migrated and with its reference data: what the server and every command start from. */
export async function ouvrirBasePrete(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    await migrer(database.db);
    await seedReference(database.db);
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}
