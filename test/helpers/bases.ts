import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/database.js";
import { migrer } from "../../src/db/migrate.js";
import { seedReference } from "../../src/db/reference-data.js";
import { installerCoutsLecture } from "../../src/modules/couts/couts-lecture.js";

export interface Cible {
  nom: "pglite" | "postgres";
  url?: string;
}

/** Every database test runs on PGlite and, when TEST_DATABASE_URL is set, on that PostgreSQL server too. */
export const CIBLES: Cible[] = [
  { nom: "pglite" },
  ...(process.env.TEST_DATABASE_URL
    ? [{ nom: "postgres" as const, url: process.env.TEST_DATABASE_URL }]
    : []),
];

export interface BaseDeTest extends Database {
  /** URL of the throwaway PostgreSQL database (postgres target only). */
  url?: string;
}

/** A fresh database per test file: in-memory PGlite, or a new database on the PostgreSQL server, dropped afterwards. */
export async function ouvrirBaseDeTest(
  cible: Cible,
  /** vierge: an empty database, not even the embedded template's schema (to migrate it step by step). */
  options: { migrer?: boolean; vierge?: boolean } = {},
): Promise<BaseDeTest> {
  let database: Database;
  let url: string | undefined;
  let nettoyer = async () => {};
  if (cible.nom === "postgres" && cible.url) {
    const nom = `tel_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: cible.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${nom}`);
    await admin.end();
    const u = new URL(cible.url);
    u.pathname = `/${nom}`;
    url = u.toString();
    database = await openDatabase({ databaseUrl: url, poolSize: 20 });
    nettoyer = async () => {
      const a = new pg.Client({ connectionString: cible.url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
      await a.end();
    };
  } else {
    database = await openDatabase({ dataDir: "memory://", ...(options.vierge ? { sansModele: true } : {}) });
  }
  if (options.migrer !== false && !options.vierge) {
    await migrer(database.db);
    await seedReference(database.db);
    await installerCoutsLecture(database.db, 90);
  }
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await nettoyer();
    },
  };
}
