import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import type { App } from "../../app.js";
import { VERSION_SCHEMA, versionBase } from "../../db/migrate.js";

export async function healthRoutes(app: App) {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["Santé"],
        security: [],
        summary: "État du service et de sa base",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            base: Type.Union([Type.Literal("pglite"), Type.Literal("postgres")]),
            version_migration: Type.Union([Type.String(), Type.Null()]),
            version_attendue: Type.String(),
          }),
        },
      },
    },
    async () => {
      const { db, mode } = app.database;
      await sql`SELECT 1`.execute(db);
      const version = await versionBase(db);
      return {
        ok: version === VERSION_SCHEMA,
        base: mode,
        version_migration: version,
        version_attendue: VERSION_SCHEMA,
      };
    },
  );
}
