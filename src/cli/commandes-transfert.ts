import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { ApiError } from "../http/errors.js";
import { commandeImport, type OptionsCli } from "../modules/transfert/cli.js";
import { modeleCsv, TYPES_IMPORT, type TypeImport } from "../modules/transfert/colonnes.js";
import {
  exporter,
  FORMATS_EXPORT,
  type FormatExport,
  TYPES_EXPORT,
  type TypeExport,
} from "../modules/transfert/export.service.js";
import { documentOpenApi } from "../openapi-document.js";
import { commandeAppels } from "./import-appels.js";
import { idClient, type Outils } from "./sortie.js";

export function commandesTransfert(programme: Command, { ctx, io, avecBase, fixerCode }: Outils) {
  programme
    .command("openapi")
    .description("Écrit le document OpenAPI 3.1 de l'API (sur la sortie standard, ou dans --output)")
    .option("--output <fichier>")
    .action(async (o: { output?: string }) => {
      const texte = `${JSON.stringify(await documentOpenApi(), null, 2)}\n`;
      if (o.output) writeFileSync(o.output, texte);
      else io.out(texte);
    });

  programme
    .command("import [fichier]")
    .description(
      "Importe un fichier CSV (; ou ,, UTF-8 ou Windows-1252) ou XLSX : numéros, affectations, clients, campagnes. Tout ou rien par défaut ; --dry-run pour le rapport seul",
    )
    .requiredOption("--type <type>", [...TYPES_IMPORT, "appels"].join(" | "))
    .option("--dry-run", "ne rien écrire : lire, vérifier et compter")
    .option("--json", "le rapport en JSON sur la sortie standard")
    .option(
      "--create-missing",
      "« créer ce qui manque » : les clients, groupements, opérateurs, campagnes inconnus (et, pour les affectations, les numéros absents) au lieu de refuser la ligne",
    )
    .option("--accept-rejects", "écrire les lignes valides même si d'autres sont refusées")
    .option(
      "--modele",
      "écrire sur la sortie standard le modèle CSV du type (ses colonnes), sans rien importer",
    )
    .option("--strict", "refuser un fichier dont une colonne ne correspond à aucun champ")
    .option(
      "--accept-unknown-ranges",
      "« accepter les plages inconnues » : créer les numéros bien formés hors des tranches connues du plan de numérotation (marqués à revoir)",
    )
    .option(
      "--rejets <fichier.csv>",
      "écrire les lignes refusées (telles quelles, plus la raison) dans ce fichier, à corriger puis réimporter",
    )
    .option("--map <champ=colonne...>", "colonne du fichier pour un champ (ex. --map numero=SDA)")
    .option("--mapping <fichier.json>", "correspondances champ → colonne dans un fichier JSON")
    .option(
      "--batch-size <n>",
      "valider par lots de n lignes (reprise possible) au lieu d'une seule transaction",
    )
    .action(async (fichier: string | undefined, o: OptionsCli & { modele?: boolean }) => {
      if (o.type === "appels") {
        if (o.modele) {
          io.out("\uFEFFnumero;date_heure;sens;repondu;duree\r\n");
          return;
        }
        if (!fichier) throw new ApiError(422, "FICHIER_ATTENDU", "Indiquez le fichier des appels.");
        await avecBase((base) => commandeAppels(base, fichier, loadConfig(ctx.env), io, !!o.json));
        return;
      }
      if (!TYPES_IMPORT.includes(o.type as TypeImport))
        throw new ApiError(
          422,
          "TYPE_INCONNU",
          `Type d'import inconnu : ${o.type} (${TYPES_IMPORT.join(", ")}).`,
        );
      if (o.modele) {
        io.out(modeleCsv(o.type as TypeImport));
        return;
      }
      if (!fichier)
        throw new ApiError(422, "FICHIER_ATTENDU", "Indiquez le fichier à importer (ou --modele).");
      const code = await avecBase(({ db }) => commandeImport(db, fichier, o, loadConfig(ctx.env), io));
      fixerCode(code);
    });

  programme
    .command("export")
    .description("Exporte numéros, affectations, clients, campagnes ou commandes en CSV, JSON ou XLSX")
    .requiredOption("--type <type>", TYPES_EXPORT.join(" | "))
    .option("--format <format>", "csv | json | xlsx", "csv")
    .option("--output <fichier>", "fichier de sortie (sinon la sortie standard)")
    .option("--client <code>", "seulement ce client")
    .option("--statut <code>", "numéros : seulement ce statut")
    .action(
      async (o: { type: string; format: string; output?: string; client?: string; statut?: string }) => {
        if (!TYPES_EXPORT.includes(o.type as TypeExport))
          throw new ApiError(
            422,
            "TYPE_INCONNU",
            `Type d'export inconnu : ${o.type} (${TYPES_EXPORT.join(", ")}).`,
          );
        if (!FORMATS_EXPORT.includes(o.format as FormatExport))
          throw new ApiError(422, "FORMAT_INCONNU", `Format inconnu : ${o.format} (csv, json, xlsx).`);
        await avecBase(async ({ db }) => {
          const contenu = await exporter(db, o.type as TypeExport, o.format as FormatExport, {
            client_id: (await idClient(db, o.client)) ?? undefined,
            statut: o.statut,
          });
          if (o.output) writeFileSync(o.output, contenu);
          else io.out(contenu);
        });
      },
    );
}
