// Run by `npm run build`: writes the migrated, seeded PGlite template next to the built code.
import fs from "node:fs";
import { openDatabase } from "./database.js";
import { migrer, VERSION_SCHEMA } from "./migrate.js";
import { cheminModele } from "./modele-pglite.js";
import { seedReference } from "./reference-data.js";

const database = await openDatabase({ dataDir: "memory://", sansModele: true });
await migrer(database.db);
await seedReference(database.db);
const archive = await database.dumpDataDir?.();
await database.close();
if (!archive) throw new Error("PGlite n'a pas produit d'archive");
fs.writeFileSync(cheminModele(VERSION_SCHEMA), Buffer.from(await archive.arrayBuffer()));
console.log(`Modèle PGlite ${VERSION_SCHEMA} écrit (${Math.round(archive.size / 1024)} Kio).`);
