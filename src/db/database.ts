import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { EtatBase } from "./erreurs-connexion.js";
import { VERSION_SCHEMA } from "./migrate.js";
import { lireModele } from "./modele-pglite.js";
import { PGliteDistante } from "./pglite-distante.js";
import { attendreRepos } from "./repos.js";
import type { DB } from "./schema.js";
import { verrouillerDossier } from "./verrou-dossier.js";

export type ModeBase = "pglite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  mode: ModeBase;
  /** PostgreSQL's connection string: what another thread connects with (travaux.ts). */
  url?: string;
  /** Whether the database answered last time it was asked, for the health check. */
  etat: EtatBase;
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
  /**
   * Runs `travail` while holding a database-wide lock of the given key, across every process on this
   * database: what instances starting together must do once (migrations, reference data, first account).
   */
  sousVerrou<T>(cle: number, travail: () => Promise<T>): Promise<T>;
  /**
   * One statement prepared once per connection under `nom` (PostgreSQL): the hot reads whose shape never changes
   * skip the query builder and the server's parse and plan. `texte` must be the same for a given `nom`.
   */
  preparee<R>(nom: string, texte: string, valeurs: unknown[]): Promise<R[]>;
  /** The pool's connections now: for the metrics. */
  connexions(): { total: number; inactives: number; enAttente: number };
  /** PGlite only: the whole data folder as a gzipped tarball. */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * PGlite only (it runs one query at a time): resolves once the database has been free for `calmeMs`, or after
   * `maxMs` (repos.ts). What long background work waits for between two of its queries.
   */
  auRepos?: (calmeMs: number, maxMs: number) => Promise<void>;
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
  /** A new PGlite folder made from this backup (telephony restore) instead of the template. */
  archive?: Blob;
}

export async function openDatabase(options: OptionsBase): Promise<Database> {
  if (options.databaseUrl) {
    const etat = new EtatBase();
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // a database that does not answer (network cut, host down) fails the request within seconds, as a 503,
      // instead of holding it until the client gives up
      connectionTimeoutMillis: 5000,
      // a server gone without a reset (network partition) is noticed by the keep-alive probes
      keepAlive: true,
      // jit off: short OLTP queries never repay LLVM's compile time; on a table that grew inside a transaction
      // (an import) the planner's guesses made each 500-number lookup compile for 2 to 3 s
      options: `-c join_collapse_limit=${JOIN_COLLAPSE_LIMIT} -c jit=off`,
    });
    // A connection dropped by the server (terminated backend, restart, failover) must not take the process
    // down. The pool listens for errors on its idle connections only: one that is checked out (between two
    // queries of a transaction) and loses its server emits an 'error' nobody hears, which ends the process.
    // Each connection gets a listener of its own for its whole life; the query in flight fails as a 503, and
    // the pool drops the broken connection when it is released and opens a new one on the next query.
    pool.on("connect", (client) =>
      client.on("error", (err) => {
        etat.echec(err);
        process.stderr.write(`Connexion PostgreSQL perdue : ${err.message}\n`);
      }),
    );
    pool.on("error", (err) => {
      etat.echec(err);
      process.stderr.write(`Connexion PostgreSQL inactive perdue : ${err.message}\n`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = options.databaseUrl;
    return {
      db,
      mode: "postgres",
      url: options.databaseUrl,
      etat,
      connexions: () => ({ total: pool.totalCount, inactives: pool.idleCount, enAttente: pool.waitingCount }),
      preparee: async <R>(nom: string, texte: string, valeurs: unknown[]) =>
        (await pool.query({ name: nom, text: texte, values: valeurs })).rows as R[],
      close: () => db.destroy(),
      ecouter: (canal, recevoir, perte) => ecouterPostgres(url, canal, recevoir, perte, etat),
      sousVerrou: (cle, travail) => sousVerrouPostgres(url, cle, travail),
    };
  }
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  const dataDir = options.dataDir ?? "memory://";
  const enMemoire = dataDir.startsWith("memory://");
  if (!enMemoire) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const liberer = enMemoire ? () => {} : verrouillerDossier(path.resolve(dataDir));
  // the template is read only for a new folder, also when the database thread starts again after dying
  const nouvelle = () => enMemoire || !fs.existsSync(path.join(path.resolve(dataDir), "PG_VERSION"));
  const modele = () =>
    !nouvelle()
      ? undefined
      : (options.archive ?? (options.sansModele ? undefined : lireModele(VERSION_SCHEMA)));
  const lite = new PGliteDistante(dataDir, `SET join_collapse_limit = ${JOIN_COLLAPSE_LIMIT}`, modele);
  try {
    await lite.waitReady;
  } catch (e) {
    await lite.close().catch(() => {});
    liberer();
    throw e;
  }
  // PGlite is a single connection: a pool of one serialises queries and keeps each transaction on it.
  const pool = new pg.Pool({
    ...(createPgConfig(lite as unknown as Parameters<typeof createPgConfig>[0]) as unknown as pg.PoolConfig),
    max: 1,
  });
  const etat = new EtatBase();
  // a dead database thread is a lost connection (see pglite-distante.ts): the pool's client is dropped
  pool.on("connect", (client) => client.on("error", (err) => etat.echec(err)));
  pool.on("error", (err) => etat.echec(err));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    mode: "pglite",
    etat,
    connexions: () => ({ total: pool.totalCount, inactives: pool.idleCount, enAttente: pool.waitingCount }),
    // the embedded database has no planner cost worth a named statement's bookkeeping
    preparee: async <R>(_nom: string, texte: string, valeurs: unknown[]) =>
      (await pool.query(texte, valeurs)).rows as R[],
    // one process per data folder (see verrou-dossier.ts): nobody else to wait for
    sousVerrou: (_cle, travail) => travail(),
    dumpDataDir: () => lite.dumpDataDir(),
    auRepos: (calmeMs, maxMs) =>
      attendreRepos(() => pool.waitingCount === 0 && pool.idleCount === pool.totalCount, calmeMs, maxMs),
    // one process, one database: notifications come from PGlite itself
    ecouter: async (canal, recevoir, perte) => {
      const arreter = await lite.listen(canal, recevoir, perte);
      return async () => arreter();
    },
    close: async () => {
      try {
        await db.destroy();
        await lite.close();
      } finally {
        liberer();
      }
    },
  };
}

/**
 * A session advisory lock held on a connection of its own, outside the pool: the work inside uses the pool
 * freely (whatever its size) while every other process asking for the same key waits.
 */
async function sousVerrouPostgres<T>(url: string, cle: number, travail: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [cle]);
    return await travail();
  } finally {
    // ending the session releases the lock, also when the work failed
    await client.end().catch(() => {});
  }
}

/** Longest wait between two attempts to reconnect the LISTEN connection: routing catches up within it. */
const ATTENTE_MAX_MS = 2000;

/**
 * A dedicated connection that LISTENs, reconnecting with back-off (0.25 s doubling to 2 s) for as long as the
 * database is away. Notifications sent while it was away are lost: `perte` is called once it listens again,
 * and the listener reloads everything it keeps.
 */
async function ecouterPostgres(
  url: string,
  canal: string,
  recevoir: (payload: string) => void,
  perte: () => void,
  etat: EtatBase,
) {
  let client: pg.Client | undefined;
  let fini = false;
  let attente = 250;
  const pause = () => new Promise((r) => setTimeout(r, attente).unref());
  /** Connects and listens, retrying until it works or the server stops; true once listening. */
  const connecter = async (): Promise<boolean> => {
    while (!fini) {
      // keep-alive probes: a connection cut without a reset (a network partition) ends in an error instead of
      // listening to nothing for ever
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
      let perdu = false;
      c.on("notification", (n) => n.channel === canal && recevoir(n.payload ?? ""));
      const perdre = (err: Error) => {
        etat.echec(err);
        // once per connection: a broken connection may report more than one error, then its end
        if (perdu) return;
        perdu = true;
        c.end().catch(() => {});
        if (client !== c || fini) return;
        client = undefined;
        void pause().then(async () => {
          if (await connecter()) perte();
        });
      };
      c.on("error", perdre);
      // the server closed it without an error (or after one, ignored then)
      c.on("end", () => perdre(new Error("Connection terminated")));
      try {
        await c.connect();
        await c.query(`LISTEN ${pg.escapeIdentifier(canal)}`);
        if (fini) {
          await c.end().catch(() => {});
          return false;
        }
        client = c;
        attente = 250;
        etat.succes();
        return true;
      } catch (err) {
        perdu = true;
        etat.echec(err);
        c.end().catch(() => {});
        await pause();
        attente = Math.min(attente * 2, ATTENTE_MAX_MS);
      }
    }
    return false;
  };
  await connecter();
  return async () => {
    fini = true;
    await client?.end().catch(() => {});
  };
}
