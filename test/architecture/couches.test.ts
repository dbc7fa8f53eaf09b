import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// ARCHITECTURE.md, "Couches": routes hold HTTP only, the SQL lives in repositories and services; no source file
// grows past 400 lines (generated files and applied migrations aside). Biome refuses a kysely import in a route
// file; this check also sees a query built on a handle the route was given.
const RACINE = path.resolve(import.meta.dirname, "../..");

function fichiers(dossier: string, filtre: (f: string) => boolean): string[] {
  return fs
    .readdirSync(path.join(RACINE, dossier), { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dossier, f))
    .filter((f) => filtre(f) && fs.statSync(path.join(RACINE, f)).isFile());
}

const SQL = [
  /from "kysely"/,
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/,
  /\.transaction\(\)/,
  /\bsql(<[^>]*>)?`/,
  /\.execute(TakeFirst|TakeFirstOrThrow)?\(\)/,
];

/** The lines of a source text that build or run SQL, as "line: text". */
function lignesSql(texte: string): string[] {
  return texte
    .split("\n")
    .map((l, i) => [i + 1, l] as const)
    .filter(([, l]) => SQL.some((m) => m.test(l)))
    .map(([n, l]) => `${n}: ${l.trim()}`);
}

describe("the layers", () => {
  it("finds SQL where it is written (the check itself)", () => {
    expect(lignesSql('import { sql } from "kysely";\nconst x = 1;')).toEqual([
      '1: import { sql } from "kysely";',
    ]);
    expect(lignesSql('  const r = await db().selectFrom("tel_did").selectAll().execute();')).toHaveLength(1);
    expect(lignesSql("  await db.transaction().execute(f);")).toHaveLength(1);
    expect(lignesSql("  const n = sql<number>`count(*)`;")).toHaveLength(1);
    expect(lignesSql("  return creerDid(app.contexte(request), request.body);")).toEqual([]);
  });

  it("keeps SQL out of the route files, the generic resources' included", () => {
    // a route file is named so, or declares routes (app.get, app.post...), or defines the uniform resources
    const declareDesRoutes = (f: string) =>
      /\b(app|api|routage)\.(get|post|put|patch|delete|route)\(/.test(
        fs.readFileSync(path.join(RACINE, f), "utf8"),
      );
    const routes = fichiers(
      "src",
      (f) =>
        f.endsWith(".routes.ts") ||
        f.endsWith(`referentiels${path.sep}ressource.ts`) ||
        (/\.ts$/.test(f) && !f.endsWith(".test.ts") && declareDesRoutes(f)),
    );
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContain(path.join("src", "modules", "referentiels", "ressource.ts"));
    expect(routes).toContain(path.join("src", "modules", "referentiels", "ressources.routes.ts"));
    const fautes = routes.flatMap((f) =>
      lignesSql(fs.readFileSync(path.join(RACINE, f), "utf8")).map((l) => `${f}:${l}`),
    );
    expect(fautes).toEqual([]);
  });

  it("keeps every source file under 400 lines, generated files and migrations aside", () => {
    const sources = [
      ...fichiers("src", (f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}migrations${path.sep}`)),
      ...fichiers("web/src", (f) => /\.tsx?$/.test(f) && !f.endsWith("schema.d.ts")),
    ];
    const longs = sources
      .map((f) => [f, fs.readFileSync(path.join(RACINE, f), "utf8").split("\n").length - 1] as const)
      .filter(([, n]) => n > 400)
      .map(([f, n]) => `${f} (${n} lignes)`);
    expect(longs).toEqual([]);
  });
});
