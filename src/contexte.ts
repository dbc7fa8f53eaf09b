import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { DB } from "./db/schema.js";
import type { Acteur } from "./modules/auth/acteur.js";

/**
 * What a service call works with: the database (or the caller's transaction), who acts, the instant of the app
 * clock (one clock: the scheduler and the tests move it), and the configuration. Routes build it from the request.
 */
export interface Contexte {
  db: Kysely<DB>;
  acteur: Acteur;
  maintenant: Date;
  config: Config;
}

/** A context whose configuration is only the settings a service reads (an import passes those it was given). */
export type ContexteAvec<K extends keyof Config> = Omit<Contexte, "config"> & { config: Pick<Config, K> };
