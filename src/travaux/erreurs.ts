import { ApiError } from "../http/errors.js";

/**
 * An error thrown in the work thread, as a message can carry it: a structured clone of an Error keeps its name and
 * message only, and the error handler reads more (an ApiError's status and code, a PostgreSQL error's code and
 * constraint, a connection error's code: a 503 must stay a 503 whatever thread met it).
 */
export interface ErreurTransportee {
  api: boolean;
  message: string;
  name: string;
  stack?: string | undefined;
  proprietes: Record<string, unknown>;
  errors?: ErreurTransportee[];
}

const CLONABLE = new Set(["string", "number", "boolean"]);

export function emballer(e: unknown): ErreurTransportee {
  const err = e instanceof Error ? e : new Error(String(e));
  const proprietes: Record<string, unknown> = {};
  for (const [cle, valeur] of Object.entries(err)) {
    if (valeur === undefined || valeur === null || CLONABLE.has(typeof valeur)) proprietes[cle] = valeur;
    // an ApiError's details and extra (a refused import's report) are plain data
    else if (cle === "details" || cle === "extra") proprietes[cle] = structuredClone(valeur);
  }
  return {
    api: err instanceof ApiError,
    message: err.message,
    name: err.name,
    stack: err.stack,
    proprietes,
    ...(Array.isArray((err as { errors?: unknown }).errors)
      ? { errors: ((err as unknown as { errors: unknown[] }).errors ?? []).map(emballer) }
      : {}),
  };
}

/** The error as the main thread's handlers expect it: an ApiError again, or an Error with the same fields. */
export function deballer(t: ErreurTransportee): Error {
  const p = t.proprietes;
  if (t.api)
    return new ApiError(
      p.status as number,
      p.code as ApiError["code"],
      t.message,
      p.details as ApiError["details"],
      p.extra as ApiError["extra"],
    );
  const err = Object.assign(new Error(t.message), p);
  err.name = t.name;
  if (t.stack) err.stack = t.stack;
  if (t.errors) Object.assign(err, { errors: t.errors.map(deballer) });
  return err;
}
