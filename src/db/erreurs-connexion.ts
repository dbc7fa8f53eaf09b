/**
 * Errors that say the database could not be reached or dropped the connection (as opposed to a query it
 * refused): a restart, a failover, a network cut, a terminated backend. The request may succeed if retried
 * once the database is back, so they are answered 503 with Retry-After, never 500.
 */
const CODES_SQL = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const CODES_SYSTEME = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
// node-postgres reports these without a code
const MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "Connection terminated unexpectedly",
];

export function estErreurConnexion(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (CODES_SQL.has(e.code) || CODES_SYSTEME.has(e.code))) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  // AggregateError from a connection attempt to several addresses (IPv4 and IPv6 of localhost)
  return Array.isArray(e.errors) && e.errors.some(estErreurConnexion);
}

/** What the server knows of its database's reachability, for the health check and the logs. */
export class EtatBase {
  /** Set while the last contact with the database failed: since when and why. */
  panne: { depuis: Date; raison: string } | undefined;
  /** Connection errors since the start (the metrics count them). */
  erreurs = 0;

  echec(err: unknown) {
    if (!estErreurConnexion(err)) return;
    this.erreurs++;
    this.panne ??= {
      depuis: new Date(),
      raison: (err as Error).message || String((err as { code?: string }).code),
    };
  }

  succes() {
    this.panne = undefined;
  }
}
