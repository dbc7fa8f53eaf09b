import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { lancerServeur } from "../helpers/processus.js";

type Famille = {
  name: string;
  type: string;
  metrics: Array<{ value?: string; labels?: Record<string, string> }>;
};

/** A value of a family, for the labels given (all of them must match), as a number; 0 when absent. */
function valeur(familles: Famille[], nom: string, etiquettes: Record<string, string> = {}): number {
  const f = familles.find((x) => x.name === nom);
  const m = f?.metrics.find((x) => Object.entries(etiquettes).every(([k, v]) => x.labels?.[k] === v));
  return m?.value === undefined ? 0 : Number(m.value);
}

describe.each(CIBLES)("metrics for Prometheus ($nom)", (cible) => {
  let ctx: Contexte;
  beforeAll(async () => {
    ctx = await contexte(cible);
  });
  afterAll(async () => ctx?.fermer());

  const gratter = async () => {
    const r = await ctx.app.inject({ method: "GET", url: "/api/v1/metrics", headers: ctx.cles.admin });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusTextFormat(r.body) as Famille[];
  };

  it("counts requests, routing lookups and imports as they happen, and keeps them from other roles", async () => {
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/metrics", headers: ctx.cles.gestionnaire }))
        .statusCode,
    ).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/metrics" })).statusCode).toBe(401);

    const avant = await gratter();
    for (let i = 0; i < 3; i++)
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids?q=0142", headers: ctx.cles.lecteur });
    await ctx.app.inject({ method: "GET", url: "/api/v1/dids/999999", headers: ctx.cles.lecteur });
    await ctx.app.inject({
      method: "GET",
      url: "/api/v1/routage/entrant/0142000999",
      headers: ctx.cles.hermes,
    });
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: "numero\n0142000701\n0142000702\n0142\n",
      query: { accepter_rejets: "true" },
    });
    const apres = await gratter();

    const requetes = (f: Famille[], route: string, statut: string) =>
      valeur(f, "telephony_requetes_http_total", { methode: "GET", route, statut });
    expect(requetes(apres, "/api/v1/dids", "200") - requetes(avant, "/api/v1/dids", "200")).toBe(3);
    expect(requetes(apres, "/api/v1/dids/:id", "404") - requetes(avant, "/api/v1/dids/:id", "404")).toBe(1);
    const histogramme = apres.find((f) => f.name === "telephony_requete_http_duree_secondes");
    expect(histogramme?.type).toBe("HISTOGRAM");
    const recherches = (f: Famille[]) =>
      valeur(f, "telephony_routage_recherches_total", { voie: "route", sens: "entrant", resultat: "absent" });
    expect(recherches(apres) - recherches(avant)).toBe(1);
    const lignes = (f: Famille[], issue: string) =>
      valeur(f, "telephony_import_lignes_total", { type: "numeros", issue });
    expect(lignes(apres, "ecrites") - lignes(avant, "ecrites")).toBe(2);
    expect(lignes(apres, "rejetees") - lignes(avant, "rejetees")).toBe(1);

    // the routing snapshot, the database, the process
    expect(valeur(apres, "telephony_routage_age_secondes")).toBeGreaterThanOrEqual(0);
    expect(valeur(apres, "telephony_base_joignable")).toBe(1);
    expect(valeur(apres, "telephony_base_connexions", { etat: "total" })).toBeGreaterThanOrEqual(1);
    expect(valeur(apres, "telephony_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(apres.some((f) => f.name === "telephony_nodejs_eventloop_lag_seconds")).toBe(true);
    expect(apres.some((f) => f.name === "telephony_publications_total")).toBe(true);
  });

  it("counts the lookups the fast lane answers before Fastify", async () => {
    const did = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/dids",
        headers: ctx.cles.admin,
        payload: { numero: "0142000801", client_id: ctx.clientA },
      })
    ).json();
    const campagne = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/campagnes",
        headers: ctx.cles.admin,
        payload: { client_id: ctx.clientA, code: "A-METRIQUES", nom: "Métriques" },
      })
    ).json();
    await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: ctx.cles.admin,
      payload: { did_id: did.id, campaign_id: campagne.id },
    });
    const adresse = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const chercher = () =>
      fetch(`${adresse}/api/v1/routage/entrant/0142000801`, { headers: ctx.cles.hermes }).then(
        (r) => r.status,
      );
    // the first lookup warms the key and the answer, through the route
    await expect.poll(chercher).toBe(200);
    const avant = valeur(await gratter(), "telephony_routage_recherches_total", { voie: "rapide" });
    for (let i = 0; i < 5; i++) expect(await chercher()).toBe(200);
    const apres = valeur(await gratter(), "telephony_routage_recherches_total", { voie: "rapide" });
    expect(apres - avant).toBe(5);
  });
});

describe("metrics on a separate address, one log line per request, a line when the server stops", () => {
  it("serves /metrics without a key on METRICS_LISTEN only", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "metriques-"));
    const serveur = await lancerServeur({
      DATA_DIR: dossier,
      DATABASE_URL: "",
      METRICS_LISTEN: `127.0.0.1:${port}`,
      LOG_LEVEL: "info",
      ADMIN_PASSWORD: "mot-de-passe-admin-42",
    });
    try {
      const texte = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(valeur(parsePrometheusTextFormat(texte) as Famille[], "telephony_base_joignable")).toBe(1);
      expect((await fetch(`http://127.0.0.1:${port}/autre`)).status).toBe(404);
      // on the API's address, a key is still needed
      expect((await fetch(`${serveur.url}/api/v1/metrics`)).status).toBe(401);
      await fetch(`${serveur.url}/api/v1/health`);
      await new Promise((r) => setTimeout(r, 200));
      const lignes = serveur
        .sortie()
        .split("\n")
        .filter((l) => l.includes('"url":"/api/v1/health"'));
      expect(lignes).toHaveLength(1);
      expect(JSON.parse(lignes[0] as string)).toMatchObject({
        msg: "requête servie",
        statut: 200,
        methode: "GET",
      });
    } finally {
      await serveur.arreter();
      fs.rmSync(dossier, { recursive: true, force: true });
    }
    expect(serveur.sortie()).toContain("serveur arrêté");
  }, 120_000);
});
