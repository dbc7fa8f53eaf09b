import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

// Lists of values travel as one array parameter (`= ANY($1)`), never as an `IN (...)` list built from data: past
// 65,535 values PostgreSQL refuses the statement (the protocol counts parameters in 16 bits), and a long list
// makes a new plan each time. One parameter, whatever the size.

/** `colonne = ANY($1::int[])`: the column is one of these ids. */
export function parmiIds(colonne: string | Expression<unknown>, ids: readonly number[]): RawBuilder<SqlBool> {
  const c = typeof colonne === "string" ? sql.ref(colonne) : colonne;
  return sql<SqlBool>`${c} = ANY(${[...ids]}::int[])`;
}

/** `colonne = ANY($1::text[])`: the column is one of these texts. */
export function parmiTextes(
  colonne: string | Expression<unknown>,
  valeurs: readonly string[],
): RawBuilder<SqlBool> {
  const c = typeof colonne === "string" ? sql.ref(colonne) : colonne;
  return sql<SqlBool>`${c} = ANY(${[...valeurs]}::text[])`;
}
