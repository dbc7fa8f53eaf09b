import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { Nullable } from "../../http/listes.js";
import { chiffresDirects, chiffresE164 } from "../../numbering/chiffres.js";
import { normaliser } from "../../numbering/index.js";
import { trierSansBloquer } from "../../tri-sans-bloquer.js";
import type { Ligne } from "../transfert/export.repository.js";
import { fluxDePages, fluxJson, parPages } from "../transfert/export.service.js";
import type { RouteCourante } from "./snapshot.js";
import { ROLES_ROUTAGE } from "./voie-rapide.js";

const Campagne = Type.Object({ id: Type.Integer(), code: Type.String(), hermes_id: Nullable(Type.String()) });

// Hermes asks for the same dialled numbers all day: their normalisation is remembered (bounded).
const DEJA_LUS = new Map<string, ReturnType<typeof normaliser>>();
const MAX_DEJA_LUS = 100_000;

function e164(saisie: string, pays = "FR") {
  const cle = `${pays}|${saisie}`;
  let n = DEJA_LUS.get(cle);
  if (!n) {
    // a lookup never depends on the ranges the metadata knows: a number accepted outside them is routed too
    n = normaliser(saisie, pays, { plagesInconnues: true });
    if (DEJA_LUS.size >= MAX_DEJA_LUS) DEJA_LUS.clear();
    DEJA_LUS.set(cle, n);
  }
  if (!n.ok)
    throw new ApiError(422, n.code, n.raison, [{ champ: "numero", message: n.raison, code: n.code }]);
  return n.numero;
}

export async function routageRoutes(app: App) {
  app.get(
    "/routage/entrant/:numero",
    {
      // checked while authenticating (see authentifier): no separate hook on the hot path
      config: { roles: ROLES_ROUTAGE },
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Appel entrant : la campagne et la configuration du numéro composé (404 s'il n'est pas en service)",
        params: Type.Object({ numero: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ pays: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })) }),
        response: {
          200: Type.Object({
            numero: Type.String(),
            did_id: Type.Integer(),
            campagne: Campagne,
            config: Nullable(Type.Object({}, { additionalProperties: true })),
            config_code: Nullable(Type.String()),
            alias: Nullable(Type.String()),
            affectation_id: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const t = app.horloge().getTime();
      const { numero } = request.params;
      const { pays } = request.query;
      let chiffres = chiffresDirects(numero, pays);
      let json = chiffres === undefined ? undefined : app.routage.entrantJson(chiffres, t);
      if (json === undefined) {
        chiffres = chiffresE164(e164(numero, pays).e164);
        json = chiffres === undefined ? undefined : app.routage.entrantJson(chiffres, t);
      }
      app.metriques.recherches.inc({
        voie: "route",
        sens: "entrant",
        resultat: json === undefined ? "absent" : "trouve",
      });
      if (json === undefined)
        throw new ApiError(
          404,
          "NON_ROUTE",
          "Ce numéro n'est routé vers aucune campagne (pas en service ou sans affectation entrante en cours).",
        );
      // already JSON, in the shape of the response schema: sent as is
      return reply.type("application/json; charset=utf-8").send(json as never);
    },
  );

  app.get(
    "/routage/sortant/:campagne",
    {
      config: { roles: ROLES_ROUTAGE },
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Appel sortant : les numéros que présente la campagne (hermes_id, code ou id, dans cet ordre), par priorité ; numéros de la région du destinataire d'abord",
        params: Type.Object({ campagne: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ destination: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: {
          200: Type.Object({
            campagne: Type.Composite([Campagne, Type.Object({ prospection: Type.Boolean() })]),
            region_destination: Nullable(Type.String()),
            numeros: Type.Array(
              Type.Object({
                numero: Type.String(),
                did_id: Type.Integer(),
                priorite: Type.Integer(),
                region: Nullable(Type.String()),
                type: Nullable(Type.String()),
                alias: Nullable(Type.String()),
                local: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const c = app.routage.campagne(request.params.campagne);
      app.metriques.recherches.inc({
        voie: "route",
        sens: "sortant",
        resultat: c?.actif ? "trouve" : "absent",
      });
      if (!c?.actif) throw new ApiError(404, "CAMPAGNE_INCONNUE", "Campagne inconnue ou désactivée.");
      const region = request.query.destination ? e164(request.query.destination).region : null;
      return {
        campagne: c,
        region_destination: region,
        numeros: app.routage.sortant(c.id, region, app.horloge().getTime()),
      };
    },
  );

  app.get(
    "/routage/export",
    {
      config: { roles: ROLES_ROUTAGE },
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Toutes les routes en cours (JSON ou CSV), avec un ETag : If-None-Match donne 304 si rien n'a changé",
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("csv")])),
        }),
      },
    },
    async (request, reply) => {
      const t = app.horloge().getTime();
      const etag = await app.routage.etag(t);
      reply.header("etag", etag).header("cache-control", "no-cache");
      if (request.headers["if-none-match"] === etag) return reply.status(304).send();
      // read and sorted by slices: a million routes never hold the loop that answers Hermes' lookups
      let routes: RouteCourante[] | undefined;
      for (let essai = 0; !routes && essai < 5; essai++) routes = await app.routage.routesParTranches(t);
      routes ??= [...app.routage.routes(t)];
      const tries = await trierSansBloquer(routes, (a, b) =>
        a.numero < b.numero ? -1 : a.numero > b.numero ? 1 : a.campagne_code.localeCompare(b.campagne_code),
      );
      const pages = parPages(tries as unknown as Ligne[], 1000);
      if (request.query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .send(
            fluxDePages(
              pages,
              "csv",
              "routes",
              ["numero", "sens", "campagne_code", "hermes_id", "config_code", "alias", "priorite"],
              { pour: "routage" },
            ),
          );
      return reply
        .type("application/json")
        .send(fluxJson(`{"version":${JSON.stringify(etag)},"routes":[`, pages, "]}"));
    },
  );
}
