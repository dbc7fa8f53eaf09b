import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { fichierDuCorps } from "../../http/fichiers.js";
import { Nullable } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { proposerCorrespondances, SORTES_FICHIER, type SorteFichier } from "./correspondances.service.js";
import { lireTableau } from "./lecture.js";

/** The mapping step of every upload screen (registered with the imports, which accept raw files). */
export function correspondancesRoutes(app: App) {
  app.post(
    "/imports/colonnes",
    {
      preValidation: exiger("import"),
      bodyLimit: app.config.importLimites.octets,
      schema: {
        tags: ["Import et export"],
        summary:
          "Les colonnes d'un fichier et les champs qu'elles nourriraient (par leurs noms connus), avant tout envoi : l'étape de correspondance de chaque écran d'envoi",
        querystring: Type.Object({
          pour: Type.Union(
            SORTES_FICHIER.map((s) => Type.Literal(s)),
            {
              description:
                "Le genre du fichier : un import, les appels, ou une facture d'opérateur (rapprochement)",
            },
          ),
        }),
        response: {
          200: Type.Object({
            entetes: Type.Array(Type.String()),
            lignes: Type.Integer(),
            champs: Type.Array(
              Type.Object({ champ: Type.String(), requis: Type.Boolean(), colonne: Nullable(Type.String()) }),
            ),
            colonnes_ignorees: Type.Array(Type.String()),
            manquants: Type.Array(Type.String(), { description: "Champs obligatoires sans colonne" }),
          }),
        },
      },
    },
    async (request) =>
      proposerCorrespondances(
        request.query.pour as SorteFichier,
        await lireTableau(fichierDuCorps(request.body), app.config.importLimites),
      ),
  );
}
