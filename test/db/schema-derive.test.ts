import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { RACINE } from "../helpers/processus.js";

/**
 * src/db/schema.ts is written by hand: it must say what the migrations make, table by table and column by
 * column, with the same nullability. Read with TypeScript's own checker (inherited columns, ColumnType and
 * Generated wrappers resolved), compared with the migrated database's catalogue.
 */
function schemaDeclare(): Map<string, Map<string, boolean>> {
  const fichier = path.join(RACINE, "src/db/schema.ts");
  const programme = ts.createProgram([fichier], { strict: true, skipLibCheck: true, noEmit: true });
  const verif = programme.getTypeChecker();
  const source = programme.getSourceFile(fichier) as ts.SourceFile;
  const db = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "DB",
  );
  if (!db) throw new Error("interface DB introuvable dans schema.ts");
  const tables = new Map<string, Map<string, boolean>>();
  for (const table of verif.getTypeAtLocation(db.name).getProperties()) {
    const colonnes = new Map<string, boolean>();
    for (const col of verif.getTypeOfSymbolAtLocation(table, db).getProperties()) {
      const type = verif.getTypeOfSymbolAtLocation(col, db);
      // ColumnType<Select, Insert, Update> and Generated<T>: the type a SELECT gives
      const select = type.getProperty("__select__");
      const lu = select ? verif.getTypeOfSymbolAtLocation(select, db) : type;
      const nullable = lu.isUnion()
        ? lu.types.some((t) => (t.flags & ts.TypeFlags.Null) !== 0)
        : (lu.flags & ts.TypeFlags.Null) !== 0;
      colonnes.set(col.name, nullable);
    }
    tables.set(table.name, colonnes);
  }
  return tables;
}

async function schemaReel(base: BaseDeTest): Promise<Map<string, Map<string, boolean>>> {
  const r = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    SELECT table_name, column_name, is_nullable FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, ordinal_position`.execute(
    base.db,
  );
  const tables = new Map<string, Map<string, boolean>>();
  for (const l of r.rows) {
    if (!tables.has(l.table_name)) tables.set(l.table_name, new Map());
    tables.get(l.table_name)?.set(l.column_name, l.is_nullable === "YES");
  }
  return tables;
}

/** Every difference, in words: what a reviewer reads when the test fails. */
function ecarts(
  declare: Map<string, Map<string, boolean>>,
  reel: Map<string, Map<string, boolean>>,
): string[] {
  const dit: string[] = [];
  for (const [table, colonnes] of reel) {
    const d = declare.get(table);
    if (!d) {
      dit.push(`table ${table} : dans la base, absente de schema.ts`);
      continue;
    }
    for (const [col, nullable] of colonnes) {
      if (!d.has(col)) dit.push(`${table}.${col} : dans la base, absente de schema.ts`);
      else if (d.get(col) !== nullable)
        dit.push(
          `${table}.${col} : ${nullable ? "NULL permis" : "NOT NULL"} dans la base, ${d.get(col) ? "| null" : "sans null"} dans schema.ts`,
        );
    }
    for (const col of d.keys())
      if (!colonnes.has(col)) dit.push(`${table}.${col} : dans schema.ts, absente de la base`);
  }
  for (const table of declare.keys())
    if (!reel.has(table)) dit.push(`table ${table} : dans schema.ts, absente de la base`);
  return dit;
}

describe.each(CIBLES)("schema.ts against the migrated database ($nom)", (cible) => {
  let base: BaseDeTest;
  const declare = schemaDeclare();
  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible);
  });
  afterAll(() => base?.close());

  it("declares every table and column the migrations make, with their nullability", async () => {
    expect(declare.size).toBeGreaterThan(20);
    expect(ecarts(declare, await schemaReel(base))).toEqual([]);
  });

  it("fails when a migration adds a column schema.ts does not declare", async () => {
    await sql`ALTER TABLE tel_did ADD COLUMN colonne_oubliee text`.execute(base.db);
    await sql`ALTER TABLE tel_client ALTER COLUMN nom DROP NOT NULL`.execute(base.db);
    expect(ecarts(declare, await schemaReel(base))).toEqual([
      "tel_client.nom : NULL permis dans la base, sans null dans schema.ts",
      "tel_did.colonne_oubliee : dans la base, absente de schema.ts",
    ]);
  });
});
