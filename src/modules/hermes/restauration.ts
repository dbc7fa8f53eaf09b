import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { lireModele } from "./rendu.js";
import { apresRestauration, routesDuSens, type SensRoute, sensDuModele } from "./routes-par-fichier.js";
import { comparerRoutes, compresserRoutes, lireRoutes } from "./routes-publiees.js";

/** The routes Hermes reads now: those kept by the last publication or restore that kept any. */
export async function routesDeployees(db: Kysely<DB>) {
  const derniere = await db
    .selectFrom("tel_publication")
    .select("routes")
    .where("routes", "is not", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return derniere?.routes ? lireRoutes(derniere.routes) : null;
}

/** The kinds of route a configured file holds (both for a file no longer configured, or unreadable). */
export function sensDuFichier(config: Config, fichier: string): Set<SensRoute> {
  const f = config.fichiersHermes.find((x) => x.nom === fichier);
  try {
    return sensDuModele(f ? lireModele(f.modele) : "");
  } catch {
    return sensDuModele("");
  }
}

/**
 * What writing a version back would change in Hermes' routing, counted as a publication counts it: the routes
 * of the file's kinds deployed now against those of the version. Null when that version kept no routes.
 */
export async function apercuRestauration(db: Kysely<DB>, config: Config, id: number) {
  const ancienne = await db
    .selectFrom("tel_publication")
    .select(["id", "fichier", "version", "routes"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!ancienne) throw new ApiError(404, "INTROUVABLE", "Version de publication introuvable.");
  const courante = await db
    .selectFrom("tel_publication")
    .select("version")
    .where("fichier", "=", ancienne.fichier)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const sens = sensDuFichier(config, ancienne.fichier);
  const deployees = await routesDeployees(db);
  return {
    fichier: ancienne.fichier,
    version: ancienne.version,
    version_deployee: courante.version,
    routes: ancienne.routes
      ? comparerRoutes(
          deployees && routesDuSens(deployees, sens),
          routesDuSens(lireRoutes(ancienne.routes), sens),
        )
      : null,
  };
}

/**
 * A restore rewrites one file: the routes it keeps are the file's kinds as restored and the others as deployed,
 * so that the next publication compares with what Hermes really reads; the version's own when nothing else is.
 */
export async function routesApresRestauration(
  db: Kysely<DB>,
  restaurees: Buffer | null,
  sens: Set<SensRoute>,
) {
  if (!restaurees) return null;
  const deployees = await routesDeployees(db);
  return deployees
    ? compresserRoutes(apresRestauration(deployees, lireRoutes(restaurees), sens))
    : restaurees;
}
