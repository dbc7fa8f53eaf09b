import { sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { Did } from "../../db/schema.js";
import type { Portee } from "../auth/acces.js";

const colonnes = new WeakMap<Database, Promise<string>>();

/**
 * The number's columns, named: a prepared `SELECT *` fails (« cached plan must not change result type ») on every
 * connection that prepared it once another instance's migration adds a column; named columns are planned again.
 */
function colonnesDid(database: Database): Promise<string> {
  let liste = colonnes.get(database);
  if (!liste) {
    liste = sql<{ c: string }>`
      SELECT quote_ident(column_name) AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'tel_did' ORDER BY ordinal_position`
      .execute(database.db)
      .then((r) => r.rows.map((l) => l.c).join(", "));
    liste.catch(() => colonnes.delete(database));
    colonnes.set(database, liste);
  }
  return liste;
}

/**
 * A number by its E.164 form, within a scope: the integrators' most frequent read, as one prepared statement per
 * scope shape (restreindre's rule), not a query built and planned each time.
 */
export async function didParE164(database: Database, e164: string, portee: Portee): Promise<Did | undefined> {
  const champs = await colonnesDid(database);
  const lignes =
    "client" in portee
      ? await database.preparee<Did>(
          "did-par-e164-client",
          `SELECT ${champs} FROM tel_did WHERE did_format_e164 = $1 AND client_id = $2`,
          [e164, portee.client],
        )
      : await database.preparee<Did>(
          "did-par-e164",
          `SELECT ${champs} FROM tel_did WHERE did_format_e164 = $1`,
          [e164],
        );
  return lignes[0];
}
