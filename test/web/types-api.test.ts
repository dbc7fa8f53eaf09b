import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FICHIER_TYPES, genererTypesApi } from "../../scripts/types-api.js";
import { RACINE } from "../helpers/processus.js";

describe("the extranet's API types", () => {
  it("are those generated from the current OpenAPI document (run `npm run api:types` after changing a route)", async () => {
    const attendu = await genererTypesApi();
    const actuel = fs.readFileSync(path.join(RACINE, FICHIER_TYPES), "utf8");
    expect(actuel === attendu, "web/src/api/schema.d.ts is stale: run `npm run api:types`").toBe(true);
  }, 60_000);
});
