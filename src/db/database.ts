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
  /**
   * Calls `recevoir` for each notification on `canal` (LISTEN/NOTIFY), and `perte` when notifications may
   * have been missed (lost connection): the listener must then reload what it keeps.
   */
  ecouter(
    canal: string,
    recevoir: (payload: string) => void,
    perte: () => void,
  ): Promise<() => Promise<void>>;
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
      // jit off: short OLTP queries never repay LLVM's compile time; on a table that grew inside a transaction
      // (an import) the planner's guesses made each 500-number lookup compile for 2 to 3 s
      options: `-c join_collapse_limit=${JOIN_COLLAPSE_LIMIT} -c jit=off`,
    });
    // An idle connection dropped by the server (restart, failover) must not take the process down:
    // the pool discards it and opens a new one on the next query.
    pool.on("error", (err) =>
      process.stderr.write(`Connexion PostgreSQL inactive perdue : ${err.message}\n`),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = options.databaseUrl;
    return {
      db,
      mode: "postgres",
      close: () => db.destroy(),
      ecouter: (canal, recevoir, perte) => ecouterPostgres(url, canal, recevoir, perte),
    };
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
    // one process, one database: notifications come from PGlite itself
    ecouter: async (canal, recevoir) => {
      const arreter = await lite.listen(canal, recevoir);
      return async () => arreter();
    },
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

/** A dedicated connection that LISTENs, reconnecting with back-off; the pool's connections come and go. */
async function ecouterPostgres(
  url: string,
  canal: string,
  recevoir: (payload: string) => void,
  perte: () => void,
) {
  let client: pg.Client | undefined;
  let fini = false;
  let attente = 500;
  const connecter = async (): Promise<void> => {
    if (fini) return;
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => n.channel === canal && recevoir(n.payload ?? ""));
    c.on("error", () => {
      c.end().catch(() => {});
      if (client === c) client = undefined;
      if (!fini) setTimeout(() => void connecter().then(perte), attente).unref();
      attente = Math.min(attente * 2, 30_000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(canal)}`);
      client = c;
      attente = 500;
    } catch {
      c.end().catch(() => {});
      if (!fini) {
        await new Promise((r) => setTimeout(r, attente).unref());
        attente = Math.min(attente * 2, 30_000);
        return connecter();
      }
    }
  };
  await connecter();
  return async () => {
    fini = true;
    await client?.end().catch(() => {});
  };
}
