import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A new PGlite folder costs an initdb (3 to 5 s here) and then the migrations. The build makes that once
// into a compressed data folder, migrated and seeded; a new database starts from a copy in about 1.5 s.
const DOSSIER = path.dirname(fileURLToPath(import.meta.url));

export function cheminModele(versionSchema: string): string {
  return path.join(DOSSIER, `pglite-modele-${versionSchema}.tar.gz`);
}

/** The template for this schema version, if the build made it (found from dist/ and from src/ alike). */
export function lireModele(versionSchema: string): Blob | undefined {
  const nom = path.basename(cheminModele(versionSchema));
  const chemin = [DOSSIER, path.resolve(DOSSIER, "../../dist/db")]
    .map((d) => path.join(d, nom))
    .find((c) => fs.existsSync(c));
  return chemin ? new Blob([fs.readFileSync(chemin)]) : undefined;
}
