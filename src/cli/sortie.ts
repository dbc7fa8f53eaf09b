import type { Database } from "../db/database.js";
import { ApiError } from "../http/errors.js";

/** Where a command writes: the process's streams, or a test's buffers. */
export interface SortieCli {
  /** raw content (a file's, a JSON report) */
  out(contenu: string | Uint8Array): void;
  /** a line for a person */
  ligne(texte: string): void;
  /** a line for a person, on the error stream */
  erreur(texte: string): void;
  /** the error stream is a terminal: progress as a bar rather than a line per tenth */
  terminal: boolean;
}

export interface ContexteCli {
  env: NodeJS.ProcessEnv;
  io: SortieCli;
  /** an open database to work on instead of the one the environment names (kept open) */
  base?: Database;
}

export const sortieProcessus: SortieCli = {
  out: (t) => void process.stdout.write(t),
  ligne: (t) => void process.stdout.write(`${t}\n`),
  erreur: (t) => void process.stderr.write(`${t}\n`),
  terminal: !!process.stderr.isTTY,
};

/** What every command group works with: the context, its output, and the database it opens (or was given). */
export interface Outils {
  ctx: ContexteCli;
  io: SortieCli;
  avecBase<T>(travail: (database: Database) => Promise<T>): Promise<T>;
  fixerCode(code: number): void;
}

/** A client named on the command line by its code (--client ALPHA). */
export async function idClient(db: Database["db"], code: string | undefined) {
  if (!code) return null;
  const c = await db
    .selectFrom("tel_client")
    .select("id")
    .where("code", "=", code.toUpperCase())
    .executeTakeFirst();
  if (!c) throw new ApiError(422, "CLIENT_INCONNU", `Client inconnu : ${code}.`);
  return c.id;
}
