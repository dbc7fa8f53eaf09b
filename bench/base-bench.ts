import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../src/db/database.js";

/**
 * A bench's PostgreSQL database: a throwaway one named `<prefixe>_<random>`, dropped by `fermer`, or the one
 * BENCH_GARDER names, created when missing and kept (seeding a million numbers takes minutes). `existe` says
 * whether it was there already. BENCH_DATABASE_URL is the server's maintenance database.
 */
export async function baseDeBench(prefixe: string, poolSize: number) {
  const maintenance = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const garder = process.env.BENCH_GARDER;
  const nom = garder ?? `${prefixe}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  const existe = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [nom])).rowCount === 1;
  if (!existe) await admin.query(`CREATE DATABASE ${nom}`);
  const url = new URL(maintenance);
  url.pathname = `/${nom}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    database,
    url: url.toString(),
    existe,
    fermer: async () => {
      await database.close();
      if (!garder) await admin.query(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
      await admin.end();
    },
  };
}
