import { randomUUID } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import { fixerFuseauMetier } from "./heure-metier.js";
import type { App } from "./http/app-type.js";
import { surveillerBoucle } from "./http/boucle.js";
import { CODES_ERREUR } from "./http/codes-erreur.js";
import { entetesSecurite } from "./http/entetes-securite.js";
import { ApiError } from "./http/errors.js";
import { gardeEntrees, gardeNombres } from "./http/garde-entrees.js";
import { registerErrorHandler } from "./http/problem.js";
import { affectationsRoutes } from "./modules/affectations/affectations.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { SYSTEME } from "./modules/auth/acteur.js";
import { authentifier, champsSelonAcces } from "./modules/auth/auth.hooks.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { CacheClesApi } from "./modules/auth/auth.service.js";
import { commandesRoutes } from "./modules/commandes/commandes.routes.js";
import { coutsRoutes } from "./modules/couts/couts.routes.js";
import { memoCoutsPour } from "./modules/couts/memo-couts.js";
import { didsRoutes } from "./modules/dids/dids.routes.js";
import { revoirHorsPlan } from "./modules/dids/hors-plan.js";
import { extranetRoutes } from "./modules/extranet/extranet.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { PublicationHermes } from "./modules/hermes/publication.js";
import { publicationRoutes } from "./modules/hermes/publication.routes.js";
import { PublicationAutomatique } from "./modules/hermes/publication-auto.js";
import { routageRoutes } from "./modules/hermes/routage.routes.js";
import { SnapshotRoutage } from "./modules/hermes/snapshot.js";
import { repondreEnVoieRapide, type VoieRapide } from "./modules/hermes/voie-rapide.js";
import { instantRoutes } from "./modules/instant/instant.routes.js";
import { Metriques } from "./modules/metriques/metriques.js";
import { metriquesRoutes } from "./modules/metriques/metriques.routes.js";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.js";
import { Expediteur } from "./modules/notifications/notifications.service.js";
import { Planificateur } from "./modules/planificateur/planificateur.js";
import { portabiliteRoutes } from "./modules/portabilite/portabilite.routes.js";
import { presentationRoutes } from "./modules/presentation/presentation.routes.js";
import { rapprochementsRoutes } from "./modules/rapprochements/rapprochements.routes.js";
import { Libelles } from "./modules/referentiels/libelles.js";
import { referentielsRoutes } from "./modules/referentiels/referentiels.routes.js";
import { sauvegardeRoutes } from "./modules/sauvegarde/sauvegarde.routes.js";
import { SauvegardesPlanifiees } from "./modules/sauvegarde/sauvegardes-planifiees.js";
import { connexionsEntreprise } from "./modules/sso/connexions.js";
import { ssoRoutes } from "./modules/sso/sso.routes.js";
import { tableauDeBordRoutes } from "./modules/tableau-de-bord/tableau-de-bord.routes.js";
import { tranchesRoutes } from "./modules/tranches/tranches.routes.js";
import { transfertRoutes } from "./modules/transfert/transfert.routes.js";
import { usageRoutes } from "./modules/usage/usage.routes.js";
import { Travaux } from "./travaux/travaux.js";

export interface AppOptions {
  database: Database;
  config: Config;
  /** The time the rules see (freeze periods, dated assignments); tests pass a clock they control. */
  horloge?: () => Date;
  logger?: FastifyServerOptions["logger"];
  /**
   * Load the routing snapshot after the server starts listening (the server does): until it is loaded, /ready
   * and every API route but the health checks answer 503 with Retry-After, so that a load balancer waits and
   * Hermes never gets an answer from an empty table. Otherwise ready() waits for the load (the tests).
   */
  routageEnArrierePlan?: boolean;
}

export type { App };

// A caller's request id is kept so one id follows a call from Hermes or a script through our logs.
function idRequete(req: IncomingMessage): string {
  const fourni = req.headers["x-request-id"];
  return typeof fourni === "string" && /^[\w.-]{1,64}$/.test(fourni) ? fourni : randomUUID();
}

export async function buildApp(options: AppOptions): Promise<App> {
  let voieRapide: VoieRapide | undefined;
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: idRequete,
    // the inbound routing lookup's common case is answered before Fastify (see voie-rapide.ts)
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (voieRapide === undefined || !repondreEnVoieRapide(voieRapide, req, res)) handler(req, res);
      }),
    requestIdHeader: false,
    // one line per request served, written when it is answered (the onResponse hook below), not two
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { coerceTypes: "array", removeAdditional: false, allErrors: false } },
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("database", options.database);
  app.decorate("routesDeclarees", [] as string[]);
  app.addHook("onRoute", (route) => {
    if (route.schema?.hide) return;
    for (const m of ([] as string[]).concat(route.method))
      if (m !== "HEAD") app.routesDeclarees.push(`${m} ${route.url}`);
  });
  app.decorate("config", options.config);
  fixerFuseauMetier(options.config.fuseauMetier);
  const cles = new CacheClesApi(options.database.db);
  app.decorate("clesApi", cles);
  app.decorate("libelles", new Libelles(options.database.db, options.config.freezeJours));
  const horloge = options.horloge ?? (() => new Date());
  app.decorate("horloge", horloge);
  app.decorate("contexte", (request: FastifyRequest) => ({
    db: options.database.db,
    acteur: request.acteur,
    maintenant: horloge(),
    config: options.config,
  }));
  const expediteur = new Expediteur(options.database.db, options.config, horloge);
  app.decorate("expediteur", expediteur);
  const memoCouts = memoCoutsPour(options.database);
  const travaux = new Travaux({ db: options.database.db, memo: memoCouts, url: options.database.url });
  app.decorate("travaux", travaux);
  app.addHook("onClose", () => travaux.close());
  const sso = connexionsEntreprise(options.database.db, options.config);
  const planificateur = new Planificateur(
    options.database.db,
    options.config,
    expediteur,
    horloge,
    (message, err) => (err ? app.log.error({ err }, message) : app.log.info(message)),
    // costs ahead on PostgreSQL only: a month (2.2 s at 100k) would hold the embedded database's one connection
    options.database.mode === "postgres" ? { memoCouts, anticiperBascules: true } : {},
  );
  app.decorate("planificateur", planificateur);
  const sauvegardes = new SauvegardesPlanifiees(options.database, options.config, horloge, (message, err) =>
    err ? app.log.error({ err }, message) : app.log.info(message),
  );
  app.decorate("sauvegardes", sauvegardes);
  const routage = new SnapshotRoutage(options.database.db, horloge);
  app.decorate("routage", routage);
  voieRapide = {
    routage,
    cles,
    horloge,
    idRequete,
    servies: 0,
    ...(options.logger ? { journal: app.log } : {}),
  };
  app.decorate("voieRapide", voieRapide);
  const publication = new PublicationHermes(options.database.db, options.config, routage, horloge);
  app.decorate("publication", publication);
  const publicationAuto = new PublicationAutomatique(
    publication,
    options.config.publicationAutoSecondes * 1000,
    app.log,
  );
  app.addHook("onClose", async () => publicationAuto.arreter());
  const metriques = new Metriques({
    database: options.database,
    routage,
    voieRapide: () => voieRapide,
    publication,
    planificateur,
    sauvegardes,
    horloge,
    travaux,
  });
  app.decorate("metriques", metriques);
  app.decorate("memoCouts", memoCouts);
  surveillerBoucle(app, 100);
  // every request Fastify serves: counted by route template and status, timed, and logged once
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "(aucune route)";
    const etiquettes = { methode: request.method, route, statut: String(reply.statusCode) };
    metriques.requetes.inc(etiquettes);
    metriques.duree.observe(etiquettes, reply.elapsedTime / 1000);
    request.log.info(
      {
        methode: request.method,
        url: request.url,
        statut: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "requête servie",
    );
    done();
  });
  let arreterEcoute: (() => Promise<void>) | undefined;
  let arreterEcouteCles: (() => Promise<void>) | undefined;
  // Hermes lookups are served from memory, updated per change in commit order (a lost notification: full reload)
  app.addHook("onReady", async () => {
    const erreur = (err: unknown) => app.log.error({ err }, "mise à jour du routage");
    const charger = async () => {
      // listening first: a change committed during the load is applied after it, never lost
      arreterEcoute ??= await options.database.ecouter(
        "tel_routage",
        (signal) => {
          routage.signaler(signal, erreur);
          publicationAuto.programmer();
        },
        () => routage.signaler("tout:0:0", erreur),
      );
      // a key revoked or deactivated through any instance, or straight in the database, is forgotten here at once
      arreterEcouteCles ??= await options.database.ecouter(
        "tel_cles",
        (prefixe) => cles.oublierPrefixe(prefixe),
        () => cles.relire(),
      );
      const { routes, ms } = await routage.chargerTout();
      app.log.info(`routage chargé : ${routes} affectations en ${Math.round(ms)} ms`);
      // numbers accepted outside the known ranges that this version's numbering metadata now knows
      const connus = await revoirHorsPlan(options.database.db, {
        ...SYSTEME,
        nom: "système:plan-de-numerotation",
      }).catch((err) => {
        app.log.warn({ err }, "revue des numéros hors plan");
        return [];
      });
      if (connus.length)
        app.log.info(`${connus.length} numéro(s) hors plan désormais connu(s) : ${connus.join(", ")}`);
    };
    if (!options.routageEnArrierePlan) {
      await charger();
      return;
    }
    // a database that does not answer yet: tried again until it does, the health checks saying why
    const chargerJusquAuSucces = async (): Promise<void> => {
      while (!ferme) {
        try {
          return await charger();
        } catch (err) {
          if (routage.chargeLe) return;
          app.log.error({ err }, "chargement du routage : nouvel essai dans 2 s");
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    };
    chargement = chargerJusquAuSucces();
  });
  let ferme = false;
  let chargement: Promise<void> = Promise.resolve();
  app.decorate("routageCharge", {
    getter: () => chargement,
  });
  // until the snapshot is loaded, nothing that may depend on it answers (see routageEnArrierePlan)
  const TOUJOURS_SERVIES = new Set(["/api/v1/health", "/api/v1/ready", "/api/v1/metrics"]);
  app.addHook("onRequest", (request, reply, done) => {
    if (
      routage.chargeLe ||
      !request.url.startsWith("/api/") ||
      TOUJOURS_SERVIES.has(request.url.split("?")[0] as string)
    )
      return done();
    reply.header("retry-after", "2");
    done(
      new ApiError(
        503,
        "DEMARRAGE_EN_COURS",
        "Le serveur démarre : le routage se charge. Réessayez dans quelques secondes.",
      ),
    );
  });
  app.addHook("onClose", async () => {
    ferme = true;
    await chargement;
    await arreterEcoute?.();
    await arreterEcouteCles?.();
    routage.arreter();
    await planificateur.arreter();
    await sauvegardes.arreter();
    expediteur.fermer();
  });
  // set on arrival (errors keep it too); a callback hook, not an async one: it runs on every request
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  registerErrorHandler(app);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "API Telephony",
        version: "1.0.0",
        description:
          "Inventaire centralisé des SDA (DID), affectations aux campagnes Hermes, commandes de numéros.",
      },
      servers: [{ url: "/" }],
      components: {
        schemas: {
          // every error's code, from the one catalogue (src/http/codes-erreur.ts)
          CodeErreur: {
            type: "string",
            enum: Object.keys(CODES_ERREUR),
            description: Object.entries(CODES_ERREUR)
              .map(([code, sens]) => `${code} : ${sens}`)
              .join("\n"),
          },
          Probleme: {
            type: "object",
            description:
              "Corps de toute erreur (application/problem+json, RFC 9457) : un code stable du catalogue et un message en français",
            required: ["type", "title", "status", "code", "detail"],
            properties: {
              type: { type: "string" },
              title: { type: "string" },
              status: { type: "integer" },
              code: { $ref: "#/components/schemas/CodeErreur" },
              detail: { type: "string" },
              instance: { type: "string" },
              request_id: { type: "string" },
              details: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    champ: { type: "string" },
                    message: { type: "string" },
                    code: { type: "string" },
                  },
                },
              },
            },
          },
        },
        securitySchemes: {
          cleApi: { type: "http", scheme: "bearer", description: "Clé API : Authorization: Bearer tel_..." },
          session: { type: "apiKey", in: "cookie", name: "tel_session" },
        },
      },
      security: [{ cleApi: [] }, { session: [] }],
    },
  });
  // Everything people and integrators use, with cookies and the page-protection headers...
  await app.register(async (site) => {
    await site.register(cookie);
    site.addHook("onRequest", entetesSecurite(options.config.cookieSecure));
    await site.register(swaggerUi, { routePrefix: "/api/docs" });
    await site.register(
      async (api) => {
        api.addHook("onRequest", authentifier(cles));
        api.addHook("preValidation", gardeEntrees);
        api.addHook("preHandler", gardeNombres);
        api.addHook("preSerialization", champsSelonAcces);
        await api.register(healthRoutes);
        await api.register(authRoutes, {
          cles,
          dureeSessionHeures: options.config.sessionHeures,
          cookieSecure: options.config.cookieSecure,
          maxConnexionsParMinute: options.config.connexionsParMinute,
          dataDir: options.config.dataDir,
          sso,
        });
        await api.register(ssoRoutes, { oidc: sso.oidc, config: options.config });
        await api.register(referentielsRoutes);
        await api.register(didsRoutes);
        await api.register(instantRoutes);
        await api.register(affectationsRoutes);
        await api.register(commandesRoutes);
        await api.register(portabiliteRoutes);
        await api.register(tranchesRoutes);
        await api.register(presentationRoutes);
        await api.register(rapprochementsRoutes);
        await api.register(usageRoutes);
        await api.register(coutsRoutes);
        await api.register(auditRoutes);
        await api.register(tableauDeBordRoutes);
        await api.register(publicationRoutes);
        await api.register(notificationsRoutes);
        await api.register(transfertRoutes);
        await api.register(metriquesRoutes);
        await api.register(sauvegardeRoutes);
        api.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
          app.swagger(),
        );
      },
      { prefix: "/api/v1" },
    );
    await site.register(extranetRoutes);
  });
  // ...and the platform's routing lookups, on their own: an API key, no cookie parsing, no page headers. They
  // are the hot path (thousands of calls per second) and nothing in them is rendered by a browser.
  await app.register(
    async (routage) => {
      routage.addHook("onRequest", authentifier(cles));
      await routage.register(routageRoutes);
    },
    { prefix: "/api/v1" },
  );
  return app;
}
