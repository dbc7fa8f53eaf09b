// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import * as m0001 from "./migrations/0001_inventaire.js";
import * as m0002 from "./migrations/0002_index_liste_client.js";
import * as m0003 from "./migrations/0003_notifications.js";
import * as m0004 from "./migrations/0004_signal_routage.js";
import * as m0005 from "./migrations/0005_publications.js";
import * as m0006 from "./migrations/0006_signal_routage_par_instruction.js";
import * as m0007 from "./migrations/0007_routes_publiees.js";
import * as m0008 from "./migrations/0008_adresses_cle_api.js";
import * as m0009 from "./migrations/0009_hors_plan.js";
import * as m0010 from "./migrations/0010_statut_numero_tenu.js";
import * as m0011 from "./migrations/0011_tri_numero_national.js";
import * as m0012 from "./migrations/0012_prix_commande.js";
import * as m0013 from "./migrations/0013_tranches_mandats.js";
import * as m0014 from "./migrations/0014_rapprochements.js";
import * as m0015 from "./migrations/0015_usage.js";
import * as m0016 from "./migrations/0016_tarifs.js";
import * as m0017 from "./migrations/0017_couts_en_sql.js";
import * as m0018 from "./migrations/0018_index_echelle.js";
import * as m0019 from "./migrations/0019_signal_cles.js";
import * as m0020 from "./migrations/0020_descriptions_statuts.js";
import * as m0021 from "./migrations/0021_natures_zones.js";
import * as m0022 from "./migrations/0022_resiliation_prevue.js";
import * as m0023 from "./migrations/0023_commentaire_commande.js";
import * as m0024 from "./migrations/0024_vues_lecture.js";
import * as m0025 from "./migrations/0025_sso.js";
import * as m0026 from "./migrations/0026_portabilite.js";
import * as m0027 from "./migrations/0027_sortantes_deplacees.js";
import * as m0028 from "./migrations/0028_index_tableau_de_bord.js";
import * as m0029 from "./migrations/0029_usage_dernier.js";

// Listed here rather than read from a folder so that the built server and the tests run the same set.
export const MIGRATIONS: Record<string, Migration> = {
  "0001_inventaire": m0001,
  "0002_index_liste_client": m0002,
  "0003_notifications": m0003,
  "0004_signal_routage": m0004,
  "0005_publications": m0005,
  "0006_signal_routage_par_instruction": m0006,
  "0007_routes_publiees": m0007,
  "0008_adresses_cle_api": m0008,
  "0009_hors_plan": m0009,
  "0010_statut_numero_tenu": m0010,
  "0011_tri_numero_national": m0011,
  "0012_prix_commande": m0012,
  "0013_tranches_mandats": m0013,
  "0014_rapprochements": m0014,
  "0015_usage": m0015,
  "0016_tarifs": m0016,
  "0017_couts_en_sql": m0017,
  "0018_index_echelle": m0018,
  "0019_signal_cles": m0019,
  "0020_descriptions_statuts": m0020,
  "0021_natures_zones": m0021,
  "0022_resiliation_prevue": m0022,
  "0023_commentaire_commande": m0023,
  "0024_vues_lecture": m0024,
  "0025_sso": m0025,
  "0026_portabilite": m0026,
  "0027_sortantes_deplacees": m0027,
  "0028_index_tableau_de_bord": m0028,
  "0029_usage_dernier": m0029,
};

export const VERSION_SCHEMA = Object.keys(MIGRATIONS).sort().at(-1) ?? "";

class ProviderStatique implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

export class BasePlusRecenteError extends Error {
  constructor(readonly inconnues: string[]) {
    super(
      `La base a été migrée par une version plus récente de l'application (migrations inconnues : ${inconnues.join(", ")}). ` +
        "Mettez l'application à jour avant de la démarrer sur cette base.",
    );
  }
}

export class MigrationError extends Error {}

/** Names of the migrations the database has run; empty on a new database. */
export async function migrationsAppliquees(db: Kysely<any>): Promise<string[]> {
  const existe = await sql<{ existe: boolean }>`
    SELECT to_regclass('public.kysely_migration') IS NOT NULL AS existe`.execute(db);
  if (!existe.rows[0]?.existe) return [];
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Brings the schema up to date; refuses a database that a newer release has migrated. */
export async function migrer(db: Kysely<any>): Promise<{ appliquees: string[]; version: string }> {
  const inconnues = (await migrationsAppliquees(db)).filter((n) => !(n in MIGRATIONS));
  if (inconnues.length > 0) throw new BasePlusRecenteError(inconnues);
  const migrator = new Migrator({ db, provider: new ProviderStatique() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const echec = results?.find((r) => r.status === "Error");
    throw new MigrationError(
      `Échec de la migration ${echec?.migrationName ?? "?"} : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    appliquees: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
    version: VERSION_SCHEMA,
  };
}

export async function versionBase(db: Kysely<any>): Promise<string | null> {
  return (await migrationsAppliquees(db)).at(-1) ?? null;
}

/** The health checks' probe: a plain round trip (a refused connection fails here), then the schema's version. */
export async function sonderBase(db: Kysely<any>): Promise<string | null> {
  await sql`SELECT 1`.execute(db);
  return versionBase(db);
}
