import http from "node:http";
import { type App, buildApp } from "./app.js";
import type { Config } from "./config.js";
import { ouvrirBasePrete } from "./db/base-prete.js";
import { initialiserAdmin } from "./modules/auth/comptes.service.js";
import { annoncerMotDePasseInitial } from "./modules/auth/mot-de-passe-initial.js";

/** Opens the database, brings it up to date, seeds reference data, and serves the API and the extranet. */
export async function demarrer(config: Config) {
  let motDePasse: string | null = null;
  const database = await ouvrirBasePrete(config, async ({ db }) => {
    motDePasse = await initialiserAdmin(db, config.adminPassword);
  });
  const app = await buildApp({
    database,
    config,
    logger: { level: config.logLevel },
    routageEnArrierePlan: true,
  });
  // listening at once: /health and /ready answer (503 "démarrage") while the routing snapshot loads
  const adresse = await app.listen({ host: config.host, port: config.port });
  await app.routageCharge;
  // once the routes are in, not beside their load
  app.travaux.prechauffer();
  app.planificateur.demarrer(config.planificateurSecondes * 1000);
  app.sauvegardes.demarrer();
  const base = config.publicUrl ?? adresse.replace("127.0.0.1", "localhost");
  const lignes = [
    `API Telephony prête (base ${database.mode === "pglite" ? `embarquée PGlite dans ${config.dataDir}` : "PostgreSQL"}).`,
    `  Extranet :       ${base}/admin/telephony`,
    `  API :            ${base}/api/v1`,
    `  Documentation :  ${base}/api/docs`,
  ];
  if (motDePasse)
    lignes.push(...annoncerMotDePasseInitial(motDePasse, config.dataDir, process.stdout.isTTY === true));
  // listening before the banner says the server is ready
  const metriques = config.metriquesEcoute ? await servirMetriques(app, config.metriquesEcoute) : undefined;
  process.stdout.write(`${lignes.join("\n")}\n`);
  let arretEnCours = false;
  const arreter = async (signal: string) => {
    if (arretEnCours) return;
    arretEnCours = true;
    // the requests in flight finish; past the delay, the process ends anyway
    app.log.info(`arrêt demandé (${signal}) : fin des requêtes en cours, ${DELAI_ARRET_MS / 1000} s au plus`);
    setTimeout(() => {
      app.log.warn("arrêt forcé : des requêtes duraient encore");
      process.exit(1);
    }, DELAI_ARRET_MS).unref();
    metriques?.close();
    await app.close();
    await database.close();
    app.log.info("serveur arrêté");
    process.exit(0);
  };
  process.once("SIGINT", () => void arreter("SIGINT"));
  process.once("SIGTERM", () => void arreter("SIGTERM"));
  return app;
}

/** How long a stop waits for the requests in flight. */
const DELAI_ARRET_MS = 10_000;

/** /metrics on an address of its own, without a key: Prometheus on a private network (METRICS_LISTEN). */
async function servirMetriques(app: App, ecoute: { host: string; port: number }): Promise<http.Server> {
  const serveur = http.createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res
        .writeHead(404, { "content-type": "text/plain; charset=utf-8" })
        .end("Seul /metrics est servi ici.\n");
      return;
    }
    app.metriques.texte().then(
      (texte) => res.writeHead(200, { "content-type": app.metriques.typeContenu }).end(texte),
      (err) => {
        app.log.error({ err }, "métriques");
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    serveur.once("error", reject);
    serveur.listen(ecoute.port, ecoute.host, () => resolve());
  });
  const a = serveur.address();
  app.log.info(
    `métriques sur http://${ecoute.host}:${typeof a === "object" && a ? a.port : ecoute.port}/metrics`,
  );
  return serveur;
}
