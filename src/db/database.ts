import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { VERSION_SCHEMA } from "./migrate.js";
import { lireModele } from "./modele-pglite.js";
import type { DB } from "./schema.js";

export type ModeBase = "pglite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  mode: ModeBase;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a gzipped tarball. */
  dumpDataDir?: () => Promise<Blob>;
}

// One set of type parsers for both modes (PGlite is reached through node-postgres too):
// counts and ids as numbers, money as numbers, SQL dates as the 'YYYY-MM-DD' people typed.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

// The inventory queries join a number to up to nine lookup tables by primary key. Searching every join
// order costs ~11 ms of planning per query against well under 1 ms of execution; the order as written
// (the number first, then its labels) is the right one, so the planner keeps it.
const JOIN_COLLAPSE_LIMIT = 1;

export interface OptionsBase {
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Start a new PGlite folder with initdb even when a template exists (used to build the template). */
  sansModele?: boolean;
}

export async function openDatabase(options: OptionsBase): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: `-c join_collapse_limit=${JOIN_COLLAPSE_LIMIT}`,
    });
    // An idle connection dropped by the server (restart, failover) must not take the process down:
    // the pool discards it and opens a new one on the next query.
    pool.on("error", (err) =>
      process.stderr.write(`Connexion PostgreSQL inactive perdue : ${err.message}\n`),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, mode: "postgres", close: () => db.destroy() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  const dataDir = options.dataDir ?? "memory://";
  const enMemoire = dataDir.startsWith("memory://");
  if (!enMemoire) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const nouvelle = enMemoire || !fs.existsSync(path.join(path.resolve(dataDir), "PG_VERSION"));
  const modele = nouvelle && !options.sansModele ? lireModele(VERSION_SCHEMA) : undefined;
  const lite = await PGlite.create(dataDir, {
    extensions: { btree_gist, pg_trgm },
    ...(modele ? { loadDataDir: modele } : {}),
  });
  await lite.exec(`SET join_collapse_limit = ${JOIN_COLLAPSE_LIMIT}`);
  // PGlite is a single connection: a pool of one serialises queries and keeps each transaction on it.
  const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    mode: "pglite",
    dumpDataDir: async () => (await lite.dumpDataDir("gzip")) as Blob,
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}
