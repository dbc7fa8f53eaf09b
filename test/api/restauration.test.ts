import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

describe.each(CIBLES)("restoring a routing file ($nom)", (cible) => {
  let ctx: Contexte;
  let dossier: string;
  let campagne: number;
  const appel = async (methode: "GET" | "POST", url: string, payload?: Record<string, unknown>) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: ctx.cles.gestionnaire,
      ...(payload ? { payload } : {}),
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  // a number routed inbound and presented outbound by the campaign
  const router = async (numero: string) => {
    const d = await appel("POST", "/dids", { numero });
    await appel("POST", `/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    await appel("POST", "/affectations", {
      did_id: d.id,
      campaign_id: campagne,
      entrant: true,
      sortant: true,
    });
    const fin = Date.now() + 2000;
    while (!ctx.app.routage.entrant(`+33${numero.slice(1)}`)) {
      if (Date.now() > fin) throw new Error("not routed");
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const version = async (fichier: string, v: number) =>
    (await appel("GET", `/hermes/publications?fichier=${fichier}`)).data.find(
      (x: { version: number }) => x.version === v,
    ).id as number;

  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), "hermes-restauration-"));
    ctx = await contexte(cible, { env: { HERMES_OUTPUT_DIR: dossier } });
    campagne = (
      await appel("POST", "/campagnes", {
        client_id: ctx.clientA,
        code: "R-SAV",
        nom: "SAV",
        hermes_id: "H9",
      })
    ).id;
  });
  afterAll(async () => {
    await ctx?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("says beforehand what a restore changes in the file's own routes, and the next publication counts from it", async () => {
    await router("0142000101");
    await router("0142000102");
    await appel("POST", "/hermes/publication", { motif: "v1" });
    await router("0142000103");
    await appel("POST", "/hermes/publication", { motif: "v2" });

    // recept.ons holds the inbound routes only: going back to v1 removes one, and leaves the outbound ones alone
    const recept1 = await version("recept.ons", 1);
    const apercu = await appel("GET", `/hermes/publications/${recept1}/restauration`);
    expect(apercu).toMatchObject({
      fichier: "recept.ons",
      version: 1,
      version_deployee: 2,
      routes: { deployees: 3, a_publier: 2, ajoutees: 0, supprimees: 1, modifiees: 0 },
    });
    expect(apercu.routes.exemples.supprimees).toEqual([expect.stringMatching(/^entrant \+33142000103 → /)]);
    const s21 = await version("S2.ons", 1);
    expect((await appel("GET", `/hermes/publications/${s21}/restauration`)).routes).toMatchObject({
      deployees: 3,
      a_publier: 2,
      supprimees: 1,
      exemples: { supprimees: [expect.stringMatching(/^sortant R-SAV \+33142000103 → /)] },
    });

    await appel("POST", `/hermes/publications/${recept1}/restaurer`, { motif: "retour" });
    // Hermes now reads recept.ons v1 and S2.ons v2: publishing again brings back the inbound route only
    const ensuite = await appel("GET", "/hermes/publication");
    expect(ensuite.routes).toMatchObject({ ajoutees: 1, supprimees: 0, modifiees: 0 });
    expect(ensuite.routes.exemples.ajoutees).toEqual([expect.stringMatching(/^entrant \+33142000103 → /)]);
    // restoring the version deployed changes nothing
    const recept3 = await version("recept.ons", 3);
    expect((await appel("GET", `/hermes/publications/${recept3}/restauration`)).routes).toMatchObject({
      ajoutees: 0,
      supprimees: 0,
      modifiees: 0,
    });
    const inconnue = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/hermes/publications/999999/restauration",
      headers: ctx.cles.gestionnaire,
    });
    expect(inconnue.statusCode).toBe(404);
  });
});
