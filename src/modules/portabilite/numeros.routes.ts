import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { fichierDuCorps } from "../../http/fichiers.js";
import { Id, ParamsId } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { ParamColonnes } from "../transfert/colonnes.js";
import { importerNumerosPortabilite } from "./import.js";
import { detailPortabilite } from "./lecture.js";
import { ListeNumerosSaisis, PortabiliteDetail, Preparation } from "./portabilite.schemas.js";
import { ajouterNumeros, preparerNumero, retirerNumerosDemande } from "./portabilite.service.js";

const TAG = ["Portabilité"];

/** A request's numbers: added (by hand or from a file), removed, prepared for the switch. */
export function numerosRoutes(app: App) {
  const db = () => app.database.db;
  const detail = { 200: PortabiliteDetail };

  app.post(
    "/portabilites/:id/numeros",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary: "Ajouter des numéros ou des plages : tout ou rien, les refusés listés",
        params: ParamsId,
        body: Type.Object({ numeros: ListeNumerosSaisis }, { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => {
      await ajouterNumeros(app.contexte(request), request.params.id, request.body.numeros);
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );

  app.post(
    "/portabilites/:id/numeros/retirer",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary: "Retirer des numéros de la demande (avant la soumission ; le personnel jusqu'à la bascule)",
        params: ParamsId,
        body: Type.Object(
          { ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => {
      await retirerNumerosDemande(app.contexte(request), request.params.id, request.body.ids);
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );

  app.post(
    "/portabilites/:id/numeros/import",
    {
      preValidation: exiger("portabilites:demander"),
      bodyLimit: app.config.importLimites.octets,
      schema: {
        tags: TAG,
        summary:
          "Ajouter les numéros d'un fichier CSV ou XLSX (colonnes numero, rio ; mêmes correspondances que les autres imports) : tout ou rien",
        params: ParamsId,
        querystring: Type.Object(
          {
            colonnes: Type.Optional(ParamColonnes),
            strict: Type.Optional(
              Type.Boolean({ description: "Refuser un fichier dont une colonne ne sert à rien" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ ajoutes: Type.Integer(), colonnes_ignorees: Type.Array(Type.String()) }),
        },
      },
    },
    async (request) =>
      importerNumerosPortabilite(
        app.contexte(request),
        request.params.id,
        fichierDuCorps(request.body),
        request.query.colonnes,
        !!request.query.strict,
        app.config.importLimites,
      ),
  );

  app.put(
    "/portabilites/:id/numeros/:ligne/preparation",
    {
      preValidation: exiger("portabilites:traiter"),
      schema: {
        tags: TAG,
        summary:
          "Préparer un numéro avant la bascule : type, groupement, coûts, affectations entrante et sortante (vérifiées comme une affectation)",
        params: Type.Object({ id: Id, ligne: Id }),
        body: Preparation,
        response: detail,
      },
    },
    async (request) => {
      await preparerNumero(app.contexte(request), request.params.id, request.params.ligne, request.body);
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );
}
