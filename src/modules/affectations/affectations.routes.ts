import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import {
  DateHeure,
  Id,
  InstantSaisi,
  Nullable,
  PAR_PAGE_MAX,
  Page,
  ParamsId,
  reponseListe,
} from "../../http/listes.js";
import { TexteLibre, ValeurRoutage } from "../../http/textes.js";
import { type Portee, porteeDuActeur } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import { lireAffectation, pageAffectations } from "./affectations.repository.js";
import {
  creerAffectation,
  type EntreeAffectation,
  modifierAffectation,
  terminerAffectation,
} from "./affectations.service.js";

const Affectation = Type.Object({
  id: Type.Integer(),
  did_id: Type.Integer(),
  did_format_e164: Type.String(),
  client_id: Type.Integer(),
  campaign_id: Type.Integer(),
  campaign_code: Type.String(),
  hermes_id: Nullable(Type.String()),
  config_id: Nullable(Type.Integer()),
  config_code: Nullable(Type.String()),
  alias: Nullable(Type.String()),
  priorite: Type.Integer(),
  date_debut: DateHeure,
  date_fin: Nullable(DateHeure),
  entrant: Type.Boolean(),
  sortant: Type.Boolean(),
  courante: Type.Boolean(),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
});

const Modifiables = {
  config_id: Type.Optional(Nullable(Id)),
  alias: Type.Optional(
    Nullable(
      ValeurRoutage({
        maxLength: 100,
        description: "Une ligne, sans « ; » : l'alias est écrit dans les fichiers de routage",
      }),
    ),
  ),
  priorite: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  date_fin: Type.Optional(Nullable(InstantSaisi)),
  entrant: Type.Optional(Type.Boolean()),
  sortant: Type.Optional(Type.Boolean()),
};

export async function affectationsRoutes(app: App) {
  const db = () => app.database.db;
  const lire = (id: number, portee?: Portee) => lireAffectation(db(), id, app.horloge(), portee);

  app.get(
    "/affectations",
    {
      preValidation: exiger("affectations:lire"),
      schema: {
        tags: ["Affectations"],
        summary: "Affectations des numéros aux campagnes Hermes (DID_VIRTUAL)",
        querystring: Type.Object({
          page: Type.Optional(Page),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
          did_id: Type.Optional(Id),
          did_ids: Type.Optional(
            Type.String({
              pattern: "^[1-9]\\d{0,9}(,[1-9]\\d{0,9}){0,199}$",
              description:
                "Les affectations de l'un de ces numéros (ids séparés par des virgules, 200 au plus)",
              examples: ["12,15,80"],
            }),
          ),
          campaign_id: Type.Optional(Id),
          config_id: Type.Optional(Id),
          client_id: Type.Optional(Id),
          courante: Type.Optional(Type.Boolean({ description: "true : en vigueur maintenant" })),
          entrant: Type.Optional(Type.Boolean()),
          sortant: Type.Optional(Type.Boolean()),
        }),
        response: { 200: reponseListe(Affectation) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, did_ids, ...filtres } = request.query;
      const { data, total } = await pageAffectations(
        db(),
        {
          ...filtres,
          ...(did_ids ? { did_ids: did_ids.split(",").map(Number) } : {}),
          portee: porteeDuActeur(request.acteur),
        },
        page,
        par_page,
        app.horloge(),
      );
      return { data, total, page, par_page };
    },
  );

  app.get(
    "/affectations/:id",
    {
      preValidation: exiger("affectations:lire"),
      schema: {
        tags: ["Affectations"],
        summary: "Une affectation",
        params: ParamsId,
        response: { 200: Affectation },
      },
    },
    async (request, reply) => {
      const a = await lire(request.params.id, porteeDuActeur(request.acteur));
      if (!a) throw introuvable("Affectation");
      reply.header("etag", etag(a.version));
      return a;
    },
  );

  app.post(
    "/affectations",
    {
      preValidation: exiger("affectations:ecrire"),
      schema: {
        tags: ["Affectations"],
        summary: "Affecter un numéro du client à une de ses campagnes (entrant et/ou sortant)",
        body: Type.Object(
          {
            did_id: Id,
            campaign_id: Id,
            date_debut: Type.Optional(InstantSaisi),
            ...Modifiables,
          },
          { additionalProperties: false },
        ),
        response: { 201: Affectation },
      },
    },
    async (request, reply) => {
      const cree = await creerAffectation(app.contexte(request), request.body as EntreeAffectation);
      reply.header("etag", etag(cree.version)).header("location", `/api/v1/affectations/${cree.id}`);
      return reply.status(201).send((await lire(cree.id)) as NonNullable<Awaited<ReturnType<typeof lire>>>);
    },
  );

  app.patch(
    "/affectations/:id",
    {
      preValidation: exiger("affectations:ecrire"),
      schema: {
        tags: ["Affectations"],
        summary: "Modifier une affectation (configuration, alias, priorité, fin, sens)",
        params: ParamsId,
        body: Type.Object(
          {
            ...Modifiables,
            actif: Type.Optional(Type.Boolean()),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            motif: Type.Optional(TexteLibre(2000)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Affectation },
      },
    },
    async (request, reply) => {
      const { version, motif, ...valeurs } = request.body;
      const maj = await modifierAffectation(
        app.contexte(request),
        request.params.id,
        valeurs as never,
        versionAttendue(request.headers["if-match"], version),
        motif,
      );
      reply.header("etag", etag(maj.version));
      return (await lire(maj.id)) as NonNullable<Awaited<ReturnType<typeof lire>>>;
    },
  );

  app.post(
    "/affectations/:id/terminer",
    {
      preValidation: exiger("affectations:ecrire"),
      schema: {
        tags: ["Affectations"],
        summary: "Terminer une affectation (maintenant, ou à une date)",
        params: ParamsId,
        body: Type.Object(
          {
            date_fin: Type.Optional(InstantSaisi),
            motif: Type.Optional(TexteLibre(2000)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Affectation },
      },
    },
    async (request) => {
      const a = await lire(request.params.id);
      if (!a) throw introuvable("Affectation");
      await terminerAffectation(app.contexte(request), a, request.body.date_fin, request.body.motif);
      return (await lire(a.id)) as NonNullable<Awaited<ReturnType<typeof lire>>>;
    },
  );
}
