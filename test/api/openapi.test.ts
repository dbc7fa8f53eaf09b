import fs from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { CODES_ERREUR } from "../../src/http/codes-erreur.js";
import { type BaseDeTest, ouvrirBaseDeTest } from "../helpers/bases.js";
import { RACINE } from "../helpers/processus.js";

describe("OpenAPI document and login rate limit", () => {
  let base: BaseDeTest;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    base = await ouvrirBaseDeTest({ nom: "pglite" });
    app = await buildApp({ database: base, config: loadConfig({ LOGIN_RATE_PER_MINUTE: "3" }) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await base?.close();
  });

  it("publishes the error-code catalogue as an enum, and every error the API sends uses a code from it", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const enumeres: string[] = doc.components.schemas.CodeErreur.enum;
    expect([...enumeres].sort()).toEqual(Object.keys(CODES_ERREUR).sort());
    expect(doc.components.schemas.Probleme.properties.code).toEqual({
      $ref: "#/components/schemas/CodeErreur",
    });
    // every literal code in the source is in the catalogue (the type says so too; this reads what is written)
    const ecrits = new Set<string>();
    const lire = (dossier: string) => {
      for (const f of fs.readdirSync(dossier, { withFileTypes: true })) {
        const chemin = path.join(dossier, f.name);
        if (f.isDirectory()) lire(chemin);
        else if (f.name.endsWith(".ts"))
          for (const m of fs.readFileSync(chemin, "utf8").matchAll(/new ApiError\(\s*\d+,\s*"([A-Z_0-9]+)"/g))
            ecrits.add(m[1] as string);
      }
    };
    lire(path.join(RACINE, "src"));
    expect(ecrits.size).toBeGreaterThan(60);
    expect([...ecrits].filter((c) => !enumeres.includes(c))).toEqual([]);
    // and errors as they are answered
    for (const [url, attendu] of [
      ["/api/v1/nulle-part", "ROUTE_INCONNUE"],
      ["/api/v1/dids", "NON_AUTHENTIFIE"],
    ] as const) {
      const r = await app.inject({ method: "GET", url });
      expect(r.json().code).toBe(attendu);
      expect(enumeres).toContain(r.json().code);
    }
  });

  it("is served publicly, passes an OpenAPI 3.1 validator and documents every route", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe("3.1.0");
    const resultat = await validate(structuredClone(doc));
    expect(resultat.valid, JSON.stringify(resultat.valid ? [] : resultat.errors)).toBe(true);
    const documentees = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const declarees = app.routesDeclarees
      .filter((r) => r.includes(" /api/v1/"))
      .map((r) => r.replace(/:([a-z_]+)/g, "{$1}"));
    expect(declarees.length).toBeGreaterThan(60);
    expect(declarees.filter((r) => !documentees.has(r))).toEqual([]);
    for (const [chemin, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>,
    )) {
      for (const [m, op] of Object.entries(ops)) {
        expect(op.summary, `${m} ${chemin}`).toBeTruthy();
        expect(op.tags?.length, `${m} ${chemin}`).toBeGreaterThan(0);
      }
    }
    for (const attendu of [
      "GET /api/v1/dids",
      "POST /api/v1/dids",
      "PATCH /api/v1/dids/{id}",
      "GET /api/v1/dids/{id}/historique",
      "GET /api/v1/audit",
      "POST /api/v1/cles-api",
      "POST /api/v1/affectations",
      "POST /api/v1/commandes",
    ]) {
      expect(documentees.has(attendu), attendu).toBe(true);
    }
    const docs = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("rate-limits login attempts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: "admin", mot_de_passe: `essai-${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
