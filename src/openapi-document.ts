import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrer } from "./db/migrate.js";

/** The OpenAPI document as the server serves it, built on a throwaway in-memory database (no data is read). */
export async function documentOpenApi(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await migrer(database.db);
    const app = await buildApp({ database, config: loadConfig({}), logger: false });
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
