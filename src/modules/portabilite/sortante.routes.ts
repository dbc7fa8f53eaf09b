import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { Id, PAR_PAGE_MAX, Page, reponseListe } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { exiger } from "../auth/politique.js";
import { InstantParis, Sortante } from "./portabilite.schemas.js";
import { enregistrerSortante, pageSortantes } from "./sortante.js";
import { actionSortante } from "./sortante-actions.js";

const TAG = ["Portabilité"];

export function sortantesRoutes(app: App) {
  app.get(
    "/portabilites-sortantes",
    {
      preValidation: exiger("portabilites:traiter"),
      schema: {
        tags: TAG,
        summary: "Portabilités sortantes enregistrées, les plus récentes d'abord",
        querystring: Type.Object(
          {
            page: Type.Optional(Page),
            par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
            client_id: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: reponseListe(Sortante) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, client_id } = request.query;
      return { ...(await pageSortantes({ db: app.database.db }, client_id, page, par_page)), page, par_page };
    },
  );

  app.post(
    "/portabilites-sortantes",
    {
      preValidation: exiger("portabilites:traiter"),
      schema: {
        tags: TAG,
        summary:
          "Enregistrer une portabilité sortante : à cet instant le routage s'arrête dans les deux sens, les affectations finissent, le numéro est résilié « portée vers <opérateur> », sans gel ni réemploi ; les numéros que le client ne détient pas sont refusés, listés",
        body: Type.Object(
          {
            client_id: Id,
            operateur_receveur: Ligne({ minLength: 1, maxLength: 100 }),
            effet: InstantParis,
            numeros: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
              minItems: 1,
              maxItems: 10000,
            }),
            notes: Type.Optional(Type.Union([TexteLibre(10000), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const id = await enregistrerSortante(app.contexte(request), request.body, (m, err) =>
        request.log.error({ err }, m),
      );
      app.planificateur.reprogrammer();
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/portabilites-sortantes/:id/actions/:action",
    {
      preValidation: exiger("portabilites:traiter"),
      schema: {
        tags: TAG,
        summary:
          "Avant son instant : déplacer une portabilité sortante (effet : le routage suit) ou l'annuler (les affectations reviennent comme elles étaient)",
        params: Type.Object({
          id: Id,
          action: Type.Union([Type.Literal("deplacer"), Type.Literal("annuler")]),
        }),
        body: Type.Object(
          { effet: Type.Optional(InstantParis), motif: Type.Optional(TexteLibre(2000)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.Integer() }) },
      },
    },
    async (request) => {
      const id = await actionSortante(
        app.contexte(request),
        request.params.id,
        request.params.action,
        request.body,
      );
      app.planificateur.reprogrammer();
      return { id };
    },
  );
}
