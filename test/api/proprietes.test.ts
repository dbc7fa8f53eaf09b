import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

/** Text made of what PostgreSQL cannot store and what breaks lines and files: NUL, control characters, separators. */
const controle = fc.string({
  unit: fc.constantFrom(
    "\u0000",
    "\u0001",
    "\u001f",
    "\u007f",
    "\n",
    "\r",
    "\t",
    ";",
    ",",
    '"',
    "a",
    "é",
    "=",
  ),
  maxLength: 20,
});

const hostile = fc.oneof(
  controle,
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "'; DROP TABLE tel_did; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u0000",
    "\u202e\u0645\ud83d\ude00",
    "%00%27",
    "../../etc/passwd",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text
    "${7*7}{{7*7}}",
    "NaN",
    "-1",
    "9999999999999999999999",
    "0142685300",
    "+33142685300",
    "#ZZZZZZ",
    "2026-02-30",
    "",
  ),
  fc.constant("x".repeat(100_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.constant(Array.from({ length: 200 }).reduce<unknown>((acc) => ({ a: acc }), 1)),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 5 }),
);

describe.each(CIBLES)("hostile input on every write route ($nom)", (cible) => {
  let ctx: Contexte;
  let cleSacrifiee: number;
  beforeAll(async () => {
    ctx = await contexte(cible);
    const h = ctx.cles.admin;
    // the revoke route is aimed at this key, not at the one the test authenticates with
    cleSacrifiee = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/cles-api",
        headers: h,
        payload: { nom: "sacrifiee", role: "lecteur" },
      })
    ).json().id;
    // rows to aim PATCH and actions at
    const d = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/dids",
        headers: h,
        payload: { numero: "0142685300" },
      })
    ).json();
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/dids/${d.id}/actions/affecter`,
      headers: h,
      payload: { client_id: ctx.clientA },
    });
  });
  afterAll(async () => ctx?.fermer());

  const empreinte = async () =>
    (
      await sql<{ e: string }>`SELECT concat_ws('|',
        (SELECT count(*) FROM tel_audit), (SELECT coalesce(sum(version), 0) FROM tel_did),
        (SELECT count(*) FROM tel_did), (SELECT count(*) FROM tel_did_historique),
        (SELECT coalesce(sum(version), 0) FROM tel_client), (SELECT count(*) FROM tel_did_virtual),
        (SELECT count(*) FROM tel_did_commande), (SELECT count(*) FROM tel_utilisateur)) AS e`.execute(ctx.db)
    ).rows[0]?.e;

  it("answers 4xx problem+json, never 5xx, and leaves the database unchanged when it refuses", async () => {
    const paths = (
      ctx.app.swagger() as {
        paths: Record<
          string,
          Record<
            string,
            {
              requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
            }
          >
        >;
      }
    ).paths;
    const ecritures = Object.entries(paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ["post", "patch", "put"].includes(m) && p !== "/api/v1/auth/login")
        .map(([m, op]) => ({
          methode: m.toUpperCase(),
          chemin: p,
          champs: Object.keys(op.requestBody?.content["application/json"]?.schema.properties ?? {}),
        })),
    );
    expect(ecritures.length).toBeGreaterThan(25);
    const cinqcents: string[] = [];
    for (const route of ecritures) {
      const id = route.chemin.startsWith("/api/v1/cles-api") ? cleSacrifiee : 1;
      const url = route.chemin.replace("{id}", String(id)).replace("{action}", "affecter");
      const corps = fc.oneof(
        fc.record(Object.fromEntries(route.champs.map((c) => [c, hostile])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 20 }), hostile, { maxKeys: 4 }),
        hostile,
      );
      await fc.assert(
        fc.asyncProperty(corps, async (payload) => {
          const avant = await empreinte();
          const r = await ctx.app.inject({
            method: route.methode as "POST",
            url,
            headers: { ...ctx.cles.admin, "content-type": "application/json" },
            payload: JSON.stringify(payload),
          });
          if (r.statusCode >= 500)
            cinqcents.push(
              `${route.methode} ${route.chemin} ${r.statusCode} ${JSON.stringify(payload).slice(0, 200)} ${r.body.slice(0, 200)}`,
            );
          expect(r.statusCode).toBeLessThan(500);
          expect(r.statusCode, "the test key must stay valid").not.toBe(401);
          if (r.statusCode >= 400) {
            expect(r.headers["content-type"]).toContain("application/problem+json");
            const p = r.json();
            expect(typeof p.code).toBe("string");
            expect(r.body).not.toMatch(/SELECT |INSERT |violates|at .*\.ts:|node_modules/);
            expect(await empreinte()).toBe(avant);
          }
        }),
        { numRuns: 12, seed: 42 },
      );
    }
    expect(cinqcents).toEqual([]);
  });

  it("answers every list's query string, hostile text included, with 2xx or 4xx, never 5xx", async () => {
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const listes = Object.entries(paths)
      .filter(([p, ops]) => "get" in ops && !p.includes("{") && !p.includes("/routage/"))
      .map(([p]) => p);
    expect(listes.length).toBeGreaterThan(15);
    const cinqcents: string[] = [];
    for (const chemin of listes) {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom("q", "tri", "page", "statut", "client_id", "fichier", "format"),
            controle,
            {
              maxKeys: 3,
            },
          ),
          async (requete) => {
            const r = await ctx.app.inject({
              method: "GET",
              url: chemin,
              query: requete,
              headers: ctx.cles.admin,
            });
            if (r.statusCode >= 500)
              cinqcents.push(`${chemin} ${JSON.stringify(requete)} ${r.body.slice(0, 200)}`);
            expect(r.statusCode).toBeLessThan(500);
          },
        ),
        { numRuns: 8, seed: 7 },
      );
    }
    expect(cinqcents).toEqual([]);
  });

  it("imports hostile files without a 5xx, and the simulation predicts the write", async () => {
    const cellule = fc.oneof(controle, fc.constantFrom("0142685301", "CLIENT_A", "-", ""));
    for (const type of ["numeros", "clients", "campagnes", "affectations"]) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(cellule, cellule, cellule), { minLength: 1, maxLength: 4 }),
          async (lignes) => {
            const entete =
              type === "clients"
                ? "code;nom;siret"
                : type === "campagnes"
                  ? "code;nom;client"
                  : "numero;client;description";
            const csv = `${entete}\n${lignes.map((l) => l.map((c) => `"${c.replaceAll('"', '""')}"`).join(";")).join("\n")}\n`;
            const envoyer = (q: string) =>
              ctx.app.inject({
                method: "POST",
                url: `/api/v1/imports/${type}${q}`,
                headers: { ...ctx.cles.admin, "content-type": "text/csv" },
                payload: csv,
              });
            const simulation = await envoyer("?simulation=true");
            expect(simulation.statusCode, simulation.body).toBeLessThan(500);
            if (simulation.statusCode !== 200) return;
            const avant = await empreinte();
            const ecriture = await envoyer("");
            expect(ecriture.statusCode, ecriture.body).toBeLessThan(500);
            // what the simulation refused, the write refuses; what it accepted, the write writes
            if (simulation.json().rejetes > 0) {
              expect(ecriture.statusCode).toBe(422);
              expect(ecriture.json().rapport.rejetes).toBe(simulation.json().rejetes);
              expect(await empreinte()).toBe(avant);
            } else expect(ecriture.statusCode, ecriture.body).toBe(200);
          },
        ),
        { numRuns: 10, seed: 11 },
      );
    }
    // 80 uploads, each read by a worker thread of its own: about 30 s alone, twice that beside the other files
  }, 180_000);

  it("reads NUL and control bytes in every upload route's file without a 5xx", async () => {
    const fichiers: Record<string, string> = {
      "/api/v1/imports/numeros": "numero;description",
      "/api/v1/imports/clients": "code;nom",
      "/api/v1/imports/campagnes": "code;nom;client",
      "/api/v1/imports/affectations": "numero;campagne",
      "/api/v1/imports/configs": "code;nom;config",
      "/api/v1/imports/appels": "date;numero;sens;duree;repondu",
      "/api/v1/imports/numeros/rejets": "numero;description",
      "/api/v1/imports/colonnes?pour=numeros": "numero;description",
      "/api/v1/rapprochements?operateur_id=1&periode=2026-11": "numero;reference;prix",
    };
    // every upload route the API documents is in the list
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const televersements = Object.keys(paths).filter(
      (p) =>
        "post" in (paths[p] ?? {}) && (p.startsWith("/api/v1/imports/") || p === "/api/v1/rapprochements"),
    );
    for (const p of televersements)
      expect(
        Object.keys(fichiers).some((u) => u.startsWith(p.replace("{type}", "numeros"))),
        p,
      ).toBe(true);
    const cinqcents: string[] = [];
    for (const [url, entete] of Object.entries(fichiers))
      for (const octet of ["\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f"]) {
        const cellules = entete.split(";").map((_c, i) => (i === 0 ? "0142685301" : `a${octet}b`));
        const csv = `${entete}\n${cellules.join(";")}\n${entete
          .split(";")
          .map((_c, i) => (i === 0 ? `01${octet}42` : "x"))
          .join(";")}\n`;
        const r = await ctx.app.inject({
          method: "POST",
          url: url.includes("?") ? url : `${url}?simulation=true`,
          headers: { ...ctx.cles.admin, "content-type": "text/csv" },
          payload: csv,
        });
        if (r.statusCode >= 500) cinqcents.push(`${url} ${JSON.stringify(octet)} ${r.body.slice(0, 200)}`);
      }
    expect(cinqcents).toEqual([]);
  });

  it("answers Infinity, NaN and 1e400 in every numeric parameter with 4xx, never 5xx", async () => {
    type Operation = {
      parameters?: Array<{ name: string; in: string; schema?: { type?: string } }>;
      requestBody?: {
        content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }>;
      };
    };
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
    const cinqcents: string[] = [];
    let essais = 0;
    for (const [gabarit, ops] of Object.entries(paths))
      for (const [methode, op] of Object.entries(ops)) {
        const numeriques = (op.parameters ?? []).filter((p) =>
          ["integer", "number"].includes(p.schema?.type ?? ""),
        );
        const corps = Object.entries(op.requestBody?.content?.["application/json"]?.schema?.properties ?? {})
          .filter(([, s]) => ["integer", "number"].includes(s.type ?? ""))
          .map(([nom]) => nom);
        for (const valeur of ["Infinity", "-Infinity", "NaN", "1e400"]) {
          for (const p of numeriques) {
            const chemin = gabarit.replace(/\{[a-z_]+\}/g, (m) => (m === `{${p.name}}` ? valeur : "1"));
            const url = p.in === "query" ? `${chemin}?${p.name}=${valeur}` : chemin;
            const r = await ctx.app.inject({
              method: methode.toUpperCase() as "GET",
              url,
              headers: ctx.cles.admin,
              ...(methode === "get" || methode === "delete" ? {} : { payload: {} }),
            });
            essais++;
            if (r.statusCode >= 500) cinqcents.push(`${methode} ${url} ${r.body.slice(0, 200)}`);
          }
          for (const nom of corps) {
            if (valeur === "NaN" || valeur.includes("Infinity")) continue; // not JSON: refused as such
            const r = await ctx.app.inject({
              method: methode.toUpperCase() as "POST",
              url: gabarit.replace(/\{[a-z_]+\}/g, "1"),
              headers: { ...ctx.cles.admin, "content-type": "application/json" },
              payload: `{"${nom}": ${valeur}}`,
            });
            essais++;
            if (r.statusCode >= 500)
              cinqcents.push(`${methode} ${gabarit} body.${nom} ${r.body.slice(0, 200)}`);
          }
        }
      }
    expect(essais).toBeGreaterThan(100);
    expect(cinqcents).toEqual([]);
  }, 120_000);

  it("refuses bodies that are not JSON, with a problem response", async () => {
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids",
      headers: { ...ctx.cles.admin, "content-type": "application/json" },
      payload: "{pas du json",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe("JSON_INVALIDE");
    const xml = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids",
      headers: { ...ctx.cles.admin, "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
  });
});
