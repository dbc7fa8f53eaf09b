import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estErreurConnexion } from "../../src/db/erreurs-connexion.js";
import { VERSION_SCHEMA } from "../../src/db/migrate.js";
import { lireModele } from "../../src/db/modele-pglite.js";
import { PGliteDistante } from "../../src/db/pglite-distante.js";
import { type Contexte, contexte } from "../helpers/app.js";

// The embedded database runs in a thread of its own: a long statement no longer holds the event loop that
// answers Hermes, and a thread that dies is a lost connection the server comes back from.
describe("embedded database in its own thread", () => {
  let ctx: Contexte;
  beforeAll(async () => {
    ctx = await contexte({ nom: "pglite" });
  });
  afterAll(async () => ctx?.fermer());

  it("answers a routing lookup while the database runs a long statement", async () => {
    const hermes = ctx.cles.hermes;
    const d = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids",
      headers: ctx.cles.admin,
      payload: { numero: "0142000100" },
    });
    expect(d.statusCode).toBe(201);
    const recherche = () =>
      ctx.app.inject({ method: "GET", url: "/api/v1/routage/entrant/0142000100", headers: hermes });
    // the key is read once, then known from memory
    expect((await recherche()).statusCode).toBe(404);

    const ordre: string[] = [];
    const longue = sql`SELECT pg_sleep(1.5)`.execute(ctx.db).then(() => ordre.push("base"));
    await new Promise((r) => setTimeout(r, 100));
    const r = await recherche();
    ordre.push("routage");
    await longue;
    // before, PGlite ran on the main thread: the lookup (and the timer before it) waited for the statement's end
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe("NON_ROUTE");
    expect(ordre).toEqual(["routage", "base"]);
  });
});

describe("embedded database thread that dies", () => {
  let dossier: string;
  let lite: PGliteDistante;
  let pool: pg.Pool;
  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-fil-"));
    lite = new PGliteDistante(dossier, "SET join_collapse_limit = 1", () =>
      fs.existsSync(path.join(dossier, "PG_VERSION")) ? undefined : lireModele(VERSION_SCHEMA),
    );
    await lite.waitReady;
    pool = new pg.Pool({ ...(createPgConfig(lite as never) as unknown as pg.PoolConfig), max: 1 });
    pool.on("connect", (c) => c.on("error", () => {}));
  });
  afterAll(async () => {
    await pool?.end();
    await lite?.close();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("fails the statement in flight as a lost connection, then opens the same folder again by itself", async () => {
    await pool.query("INSERT INTO tel_operateur (code, nom) VALUES ('AVANT', 'Avant la panne')");
    const recus: string[] = [];
    let pertes = 0;
    await lite.listen(
      "essai",
      (p) => recus.push(p),
      () => pertes++,
    );

    const enCours = pool.query("SELECT pg_sleep(2)").then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 200));
    // what an abort inside the WebAssembly does to the thread
    await (lite as unknown as { worker: Worker }).worker.terminate();
    const erreur = await enCours;
    expect(erreur).toBeInstanceOf(Error);
    expect(estErreurConnexion(erreur)).toBe(true);
    expect(pertes).toBe(1);

    // the pool dropped its broken client; the next one starts a new thread on the same data folder
    const { rows } = await pool.query("SELECT nom FROM tel_operateur WHERE code = 'AVANT'");
    expect(rows).toEqual([{ nom: "Avant la panne" }]);
    // and that thread listens again for the listeners registered before
    await pool.query("SELECT pg_notify('essai', 'après')");
    await new Promise((r) => setTimeout(r, 100));
    expect(recus).toEqual(["après"]);
  });
});
