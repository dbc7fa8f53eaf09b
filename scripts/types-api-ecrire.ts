import { writeFileSync } from "node:fs";
import { FICHIER_TYPES, genererTypesApi } from "./types-api.js";

writeFileSync(FICHIER_TYPES, await genererTypesApi());
console.log(`${FICHIER_TYPES} écrit.`);
