import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { Id, PAR_PAGE_MAX, ParamsId, reponseListe } from "../../http/listes.js";
import { normaliser } from "../../numbering/index.js";
import { exiger } from "../auth/politique.js";
import { pageTranches } from "./tranches.repository.js";
import {
  EntreeTranche,
  ModificationTranche,
  Numero,
  Restitution,
  ResultatCreation,
  Tranche,
  TrancheDetail,
} from "./tranches.schemas.js";
import {
  creerTranche,
  detailTranche,
  modifierInfosTranche,
  prochainLibre,
  restituerTranche,
} from "./tranches.service.js";

const TAG = ["Tranches"];

export async function tranchesRoutes(app: App) {
  app.get(
    "/tranches",
    {
      preValidation: exiger("tranches:lire"),
      schema: {
        tags: TAG,
        summary: "Tranches de numéros reçues des opérateurs, avec leur occupation par statut",
        querystring: Type.Object({
          operateur_id: Type.Optional(Id),
          actif: Type.Optional(Type.Boolean({ description: "Faux : tranches restituées" })),
          contient: Type.Optional(Numero),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
        }),
        response: { 200: reponseListe(Tranche) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, contient, ...filtres } = request.query;
      let e164: string | undefined;
      if (contient !== undefined) {
        const n = normaliser(contient, "FR", { plagesInconnues: true });
        if (!n.ok)
          throw new ApiError(422, "VALIDATION", `contient : ${n.raison}`, [
            { champ: "contient", message: n.raison, code: n.code },
          ]);
        e164 = n.numero.e164;
      }
      const r = await pageTranches(app.database.db, { ...filtres, contient: e164 }, page, par_page);
      return { ...r, page, par_page };
    },
  );

  app.post(
    "/tranches",
    {
      preValidation: exiger("tranches:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Enregistrer une tranche : les numéros de sa plage déjà en inventaire y sont rattachés, les autres créés en stock avec creer_numeros",
        body: EntreeTranche,
        response: { 201: ResultatCreation },
      },
    },
    async (request, reply) => {
      const r = await creerTranche(app.contexte(request), request.body);
      return reply.code(201).header("location", `/api/v1/tranches/${r.id}`).send(r);
    },
  );

  app.get(
    "/tranches/:id",
    {
      preValidation: exiger("tranches:lire"),
      schema: {
        tags: TAG,
        summary:
          "Une tranche : occupation, numéros libres, coût mensuel, clients qui en tiennent des numéros",
        params: ParamsId,
        response: { 200: TrancheDetail },
      },
    },
    async (request) => detailTranche(app.database.db, request.params.id),
  );

  app.patch(
    "/tranches/:id",
    {
      preValidation: exiger("tranches:gerer"),
      schema: {
        tags: TAG,
        summary: "Modifier la référence opérateur, la date de réception ou les notes d'une tranche",
        params: ParamsId,
        body: ModificationTranche,
        response: { 200: TrancheDetail },
      },
    },
    async (request) => modifierInfosTranche(app.contexte(request), request.params.id, request.body),
  );

  app.get(
    "/tranches/:id/prochain-libre",
    {
      preValidation: exiger("tranches:lire"),
      schema: {
        tags: TAG,
        summary: "Les n premiers numéros disponibles (en stock) de la tranche, dans l'ordre des numéros",
        params: ParamsId,
        querystring: Type.Object({
          n: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 10 })),
        }),
        response: {
          200: Type.Object({ data: Type.Array(Type.Object({ id: Type.Integer(), numero: Type.String() })) }),
        },
      },
    },
    async (request) => ({
      data: await prochainLibre(app.database.db, request.params.id, request.query.n ?? 10),
    }),
  );

  app.post(
    "/tranches/:id/restitution",
    {
      preValidation: exiger("tranches:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Rendre la tranche à l'opérateur : ses numéros sont résiliés par le cycle de vie (gel compris) ; refusé tant qu'un client en tient un",
        params: ParamsId,
        body: Restitution,
        response: { 200: Type.Object({ id: Type.Integer(), resilies: Type.Array(Type.String()) }) },
      },
    },
    async (request) => restituerTranche(app.contexte(request), request.params.id, request.body),
  );
}
