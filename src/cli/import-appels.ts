import { basename } from "node:path";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { ApiError } from "../http/errors.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { importerAppels } from "../modules/usage/usage.service.js";
import { fichierCli } from "./arguments.js";
import type { SortieCli } from "./sortie.js";

/** `telephony import appels.csv --type appels`: the platform's call records, as aggregates per number and day. */
export async function commandeAppels(
  base: Database,
  fichier: string,
  config: Config,
  io: SortieCli,
  json: boolean,
) {
  const contenu = fichierCli(fichier);
  const r = await importerAppels(
    { db: base.db, acteur: acteurCli(), maintenant: new Date(), config },
    { nom: basename(fichier), contenu, limites: config.importLimites },
  );
  if (json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  io.ligne(
    `Appels (${r.format === "HERMES" ? "export Hermes ODCalls" : "fichier simple"}) du ${r.du} au ${r.au} : ${r.appels} appel(s) sur ${r.numeros} numéro(s), période remplacée.`,
  );
  if (r.non_attribues.length)
    io.ligne(
      `Numéros absents de l'inventaire : ${r.non_attribues.map((n) => `${n.numero} (${n.appels})`).join(", ")}`,
    );
  for (const x of r.rejets) io.ligne(`Ligne ${x.ligne} refusée : ${x.raison}`);
}
