import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

describe.each(CIBLES)("publication of Hermes routing files ($nom)", (cible) => {
  let ctx: Contexte;
  let h: Record<string, string>;
  let dossier: string;
  let campagne: number;
  const recept = () => path.join(dossier, "recept.ons");
  const post = async (url: string, payload: Record<string, unknown> = {}) =>
    ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers: h, payload });
  const router = async (numero: string) => {
    const d = (await post("/dids", { numero })).json();
    await post(`/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    await post("/affectations", { did_id: d.id, campaign_id: campagne, alias: "Accueil" });
    const fin = Date.now() + 1000;
    while (!ctx.app.routage.entrant(`+33${numero.slice(1)}`)) {
      if (Date.now() > fin) throw new Error("not routed");
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), "hermes-"));
    ctx = await contexte(cible, {
      env: { HERMES_OUTPUT_DIR: dossier, HERMES_POST_PUBLISH: "echo rechargement-hermes; exit 3" },
    });
    h = ctx.cles.gestionnaire;
    campagne = (
      await post("/campagnes", { client_id: ctx.clientA, code: "A-SAV", nom: "SAV", hermes_id: "H42" })
    ).json().id;
    await router("0142000001");
  });
  afterAll(async () => {
    await ctx?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("shows the rendered files and the diff, publishes them atomically, keeps the version and the reload command's result", async () => {
    const apercu = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/hermes/publication", headers: h })
    ).json();
    expect(apercu.en_attente).toBe(true);
    const fichier = apercu.fichiers.find((f: { nom: string }) => f.nom === "recept.ons");
    expect(fichier.contenu).toContain("+33142000001;H42;A-SAV;;Accueil");
    expect(fichier.diff).toContain("+\u002b33142000001;H42;A-SAV;;Accueil");
    expect(fs.existsSync(recept())).toBe(false);

    const r = await post("/hermes/publication", { motif: "mise en service" });
    expect(r.statusCode, r.body).toBe(200);
    expect(
      r
        .json()
        .publies.map((p: { fichier: string; version: number }) => `${p.fichier}@${p.version}`)
        .sort(),
    ).toEqual(["S2.ons@1", "recept.ons@1"]);
    expect(fs.readFileSync(recept(), "utf8")).toBe(fichier.contenu);
    expect(fs.readdirSync(dossier).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const versions = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/hermes/publications?fichier=recept.ons",
        headers: h,
      })
    ).json().data;
    expect(versions[0]).toMatchObject({
      version: 1,
      auteur: "cle:test-gestionnaire",
      motif: "mise en service",
      code_sortie: 3,
      sortie_commande: "rechargement-hermes\n",
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/hermes/publication", headers: h })).json()
        .en_attente,
    ).toBe(false);
    // nothing changed: nothing published
    expect((await post("/hermes/publication")).json()).toMatchObject({
      publies: [],
      inchanges: ["recept.ons", "S2.ons"],
    });
  });

  it("leaves the deployed file intact when a write fails half-way", async () => {
    const avant = fs.readFileSync(recept(), "utf8");
    await router("0142000002");
    // the disk fails after the new bytes were written to the temporary file, before they reach the real one
    const espion = vi.spyOn(fs, "fsyncSync").mockImplementationOnce(() => {
      throw new Error("EIO: disque en panne");
    });
    try {
      const r = await post("/hermes/publication");
      expect(r.statusCode).toBe(500);
    } finally {
      espion.mockRestore();
    }
    expect(fs.readFileSync(recept(), "utf8")).toBe(avant);
    expect(fs.readdirSync(dossier).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const versions = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/hermes/publications?fichier=recept.ons",
        headers: h,
      })
    ).json().data;
    expect(versions).toHaveLength(1);
  });

  it("stops on a hand-edited file, shows the difference, publishes when forced, and rolls back byte for byte", async () => {
    const publie = fs.readFileSync(recept(), "utf8");
    fs.appendFileSync(recept(), "+33999999999;MAIN;EDITION;;à la main\n");
    const r = await post("/hermes/publication");
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe("FICHIER_MODIFIE_A_LA_MAIN");
    expect(r.json().fichiers[0].diff).toContain("-+33999999999;MAIN;EDITION;;à la main");
    const force = await post("/hermes/publication", {
      forcer: true,
      motif: "écrase la modification manuelle",
    });
    expect(force.statusCode, force.body).toBe(200);
    expect(fs.readFileSync(recept(), "utf8")).toContain("+33142000002;H42");
    const versions = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/hermes/publications?fichier=recept.ons",
        headers: h,
      })
    ).json().data;
    const v1 = versions.find((v: { version: number }) => v.version === 1);
    const retour = await post(`/hermes/publications/${v1.id}/restaurer`, { motif: "retour arrière" });
    expect(retour.json()).toMatchObject({ fichier: "recept.ons", version: 3 });
    expect(fs.readFileSync(recept()).equals(Buffer.from(publie, "utf8"))).toBe(true);
  });

  it("publishes automatically once changes have settled, when configured", async () => {
    const auto = await contexte(cible, { env: { HERMES_AUTO_PUBLISH_SECONDS: "1" } });
    try {
      const sortie = auto.app.config.fichiersHermes.find((f) => f.nom === "recept.ons")?.sortie as string;
      const p = (url: string, payload: Record<string, unknown>) =>
        auto.app.inject({ method: "POST", url: `/api/v1${url}`, headers: auto.cles.gestionnaire, payload });
      const c = (
        await p("/campagnes", { client_id: auto.clientA, code: "AUTO", nom: "Auto", hermes_id: "H7" })
      ).json();
      const d = (await p("/dids", { numero: "0142000777" })).json();
      await p(`/dids/${d.id}/actions/affecter`, { client_id: auto.clientA });
      await p("/affectations", { did_id: d.id, campaign_id: c.id });
      // the file is written inside the publication's transaction: wait for its committed version too
      const versionsPubliees = async () =>
        (
          await auto.app.inject({
            method: "GET",
            url: "/api/v1/hermes/publications?fichier=recept.ons",
            headers: auto.cles.admin,
          })
        ).json().data;
      const fin = Date.now() + 5000;
      let versions = await versionsPubliees();
      while (versions.length === 0 || !fs.readFileSync(sortie, "utf8").includes("+33142000777;H7")) {
        if (Date.now() > fin) throw new Error("no automatic publication");
        await new Promise((r) => setTimeout(r, 100));
        versions = await versionsPubliees();
      }
      expect(versions[0]).toMatchObject({ auteur: "système:publication-auto" });
    } finally {
      await auto.fermer();
    }
  });

  it("serialises simultaneous publications", async () => {
    await router("0142000003");
    const [a, b] = await Promise.all([
      post("/hermes/publication", { motif: "a" }),
      post("/hermes/publication", { motif: "b" }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const publies = [...a.json().publies, ...b.json().publies].filter(
      (p: { fichier: string }) => p.fichier === "recept.ons",
    );
    // the second waited for the first, then found nothing left to publish
    expect(publies).toHaveLength(1);
    const versions = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/hermes/publications?fichier=recept.ons",
        headers: h,
      })
    ).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
  });
  it("publishes the files together: when one cannot be put in place, the others get their previous bytes back", async () => {
    const s2 = path.join(dossier, "S2.ons");
    const avant = { recept: fs.readFileSync(recept(), "utf8"), s2: fs.readFileSync(s2, "utf8") };
    // a number routed inbound and outbound: both files change
    const d = (await post("/dids", { numero: "0142000093" })).json();
    await post(`/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    const a = await post("/affectations", {
      did_id: d.id,
      campaign_id: campagne,
      entrant: true,
      sortant: true,
    });
    expect(a.statusCode, a.body).toBe(201);
    const fin = Date.now() + 1000;
    while (ctx.app.routage.sortant(campagne, null).length < 1) {
      if (Date.now() > fin) throw new Error("not routed");
      await new Promise((r) => setTimeout(r, 10));
    }
    // recept.ons goes in place first, then S2.ons cannot (the disk refuses the rename)
    const renommer = fs.renameSync;
    const espion = vi.spyOn(fs, "renameSync").mockImplementation((de, vers) => {
      if (String(vers).endsWith("S2.ons")) throw new Error("EACCES: refusé");
      return renommer(de, vers);
    });
    try {
      const r = await post("/hermes/publication");
      expect(r.statusCode).toBe(500);
    } finally {
      espion.mockRestore();
    }
    expect(fs.readFileSync(recept(), "utf8")).toBe(avant.recept);
    expect(fs.readFileSync(s2, "utf8")).toBe(avant.s2);
    expect(fs.readdirSync(dossier).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // no version was recorded, and the next publication sees no hand edit: it simply publishes
    const r = await post("/hermes/publication", { motif: "après l'incident" });
    expect(r.statusCode, r.body).toBe(200);
    expect(fs.readFileSync(recept(), "utf8")).toContain("+33142000093");
  });
});
