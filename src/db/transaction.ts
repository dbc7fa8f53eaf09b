import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema.js";

/**
 * The transaction convention (ARCHITECTURE.md): a service that must be atomic runs its work through this helper.
 * Called with the database, it opens a transaction; called with a transaction the caller already opened (an order's
 * delivery creating numbers, an import's batch), it joins it, so that the caller's rollback undoes it too.
 */
export function enTransaction<T>(db: Kysely<DB>, travail: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  // a Kysely handle that says it is a transaction is the Transaction a caller opened
  return db.isTransaction ? travail(db as Transaction<DB>) : db.transaction().execute(travail);
}
