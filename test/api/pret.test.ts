import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { SYSTEME } from "../../src/modules/auth/acteur.js";
import { creerCleApi } from "../../src/modules/auth/comptes.service.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";

// /ready is what a load balancer asks: 503 until the routing snapshot is loaded, then 200. The server listens
// before it loads the snapshot (routageEnArrierePlan), so the wait is seen, and nothing that may depend on the
// snapshot answers meanwhile: a routing lookup from an empty table would send calls nowhere.
describe.each(CIBLES)("readiness while the routing snapshot loads ($nom)", (cible) => {
  let base: BaseDeTest;
  let app: App | undefined;
  afterAll(async () => {
    await app?.close();
    await base?.close();
  });

  it("answers 503 on /ready and on the routing lookup until the snapshot is loaded, 200 after", async () => {
    base = await ouvrirBaseDeTest(cible);
    const db = base.db;
    const cle = await creerCleApi(db, SYSTEME, { nom: "hermes", role: "hermes", client_id: null });
    const hermes = { authorization: `Bearer ${cle.cle}` };

    // the snapshot's table is locked by another transaction: its load waits for the release
    let liberer = () => {};
    const libere = new Promise<void>((r) => {
      liberer = r;
    });
    let verrouPris = () => {};
    const pris = new Promise<void>((r) => {
      verrouPris = r;
    });
    const verrou = db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE tel_did_virtual IN ACCESS EXCLUSIVE MODE`.execute(trx);
      verrouPris();
      await libere;
    });
    await pris;

    app = await buildApp({
      database: base,
      config: loadConfig({
        HERMES_OUTPUT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "hermes-test-")),
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "data-test-")),
      }),
      routageEnArrierePlan: true,
    });
    await app.ready();
    expect(app.routage.chargeLe).toBeUndefined();

    const pret = await app.inject({ method: "GET", url: "/api/v1/ready" });
    expect(pret.statusCode).toBe(503);
    expect(pret.json().raisons).toContain("routage pas encore chargé");
    expect(pret.json().routage.charge).toBe(false);
    // liveness stays 200: the process is alive, a supervisor must not kill it
    const vivant = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(vivant.statusCode).toBe(200);
    expect(vivant.json().statut).toBe("degrade");
    const recherche = await app.inject({
      method: "GET",
      url: "/api/v1/routage/entrant/0142000001",
      headers: hermes,
    });
    expect(recherche.statusCode).toBe(503);
    expect(recherche.headers["retry-after"]).toBe("2");
    expect(recherche.json().code).toBe("DEMARRAGE_EN_COURS");

    liberer();
    await verrou;
    await app.routageCharge;
    expect(app.routage.chargeLe).toBeInstanceOf(Date);
    const apres = await app.inject({ method: "GET", url: "/api/v1/ready" });
    expect(apres.statusCode, apres.body).toBe(200);
    expect(apres.json()).toMatchObject({ ok: true, statut: "ok", routage: { charge: true } });
    const inconnu = await app.inject({
      method: "GET",
      url: "/api/v1/routage/entrant/0142000001",
      headers: hermes,
    });
    expect(inconnu.statusCode).toBe(404);
  }, 60_000);
});
