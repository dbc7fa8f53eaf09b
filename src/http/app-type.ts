import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import type { Contexte } from "../contexte.js";
import type { Database } from "../db/database.js";
import type { CacheClesApi } from "../modules/auth/auth.service.js";
import type { MemoCouts } from "../modules/couts/memo-couts.js";
import type { PublicationHermes } from "../modules/hermes/publication.js";
import type { SnapshotRoutage } from "../modules/hermes/snapshot.js";
import type { VoieRapide } from "../modules/hermes/voie-rapide.js";
import type { Metriques } from "../modules/metriques/metriques.js";
import type { Expediteur } from "../modules/notifications/notifications.service.js";
import type { Planificateur } from "../modules/planificateur/planificateur.js";
import type { Libelles } from "../modules/referentiels/libelles.js";
import type { SauvegardesPlanifiees } from "../modules/sauvegarde/sauvegardes-planifiees.js";
import type { Travaux } from "../travaux/travaux.js";

// The application's type and what app.ts decorates it with, apart from app.ts: the routes and services that
// need the type import it from here, not from the composition root that imports them.
declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    /** Where long work runs: a thread of its own on PostgreSQL (travaux.ts). */
    travaux: Travaux;
    config: Config;
    clesApi: CacheClesApi;
    libelles: Libelles;
    horloge: () => Date;
    expediteur: Expediteur;
    planificateur: Planificateur;
    sauvegardes: SauvegardesPlanifiees;
    routage: SnapshotRoutage;
    voieRapide: VoieRapide;
    publication: PublicationHermes;
    metriques: Metriques;
    /** Months' costs computed once and kept while their data is unchanged. */
    memoCouts: MemoCouts;
    /** Settles once the routing snapshot is loaded (at once when ready() waited for it). */
    routageCharge: Promise<void>;
    /** Every route registered, "METHOD /url": what the OpenAPI document must cover. */
    routesDeclarees: string[];
    /** The services' context for a request: database, the caller, the app clock's instant, the configuration. */
    contexte(request: FastifyRequest): Contexte;
  }
}

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
