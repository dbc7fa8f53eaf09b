// Run by `npm run build`: writes the migrated, seeded PGlite template next to the built code. Kept when it is
// newer than what makes it (the migrations and the reference data), so that `npm test` rebuilds nothing unchanged.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "./database.js";
import { migrer, VERSION_SCHEMA } from "./migrate.js";
import { cheminModele } from "./modele-pglite.js";
import { seedReference } from "./reference-data.js";

const ici = path.dirname(fileURLToPath(import.meta.url));
const sources = [
  path.join(ici, "migrate.js"),
  path.join(ici, "reference-data.js"),
  ...fs.readdirSync(path.join(ici, "migrations")).map((f) => path.join(ici, "migrations", f)),
];
const modele = cheminModele(VERSION_SCHEMA);
const aJour =
  fs.existsSync(modele) && sources.every((f) => fs.statSync(f).mtimeMs <= fs.statSync(modele).mtimeMs);
if (aJour) {
  console.log(`Modèle PGlite ${VERSION_SCHEMA} à jour.`);
  process.exit(0);
}
const database = await openDatabase({ dataDir: "memory://", sansModele: true });
await migrer(database.db);
await seedReference(database.db);
const archive = await database.dumpDataDir?.();
await database.close();
if (!archive) throw new Error("PGlite n'a pas produit d'archive");
fs.writeFileSync(modele, Buffer.from(await archive.arrayBuffer()));
console.log(`Modèle PGlite ${VERSION_SCHEMA} écrit (${Math.round(archive.size / 1024)} Kio).`);
