import { type RawBuilder, sql } from "kysely";

/**
 * "Current at instant t", written once: an assignment is in force when it is active, has started and has not
 * ended. Every query asks it with the app clock (the one the scheduler and the tests move), never SQL's now().
 */
export function courante(t: Date, alias = "v"): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`(${col("actif")} AND ${col("date_debut")} <= ${t} AND (${col("date_fin")} IS NULL OR ${col("date_fin")} > ${t}))`;
}
