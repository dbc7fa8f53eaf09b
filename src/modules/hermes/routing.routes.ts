import { Type } from "@sinclair/typebox";
import { stringify } from "csv-stringify/sync";
import type { App } from "../../app.js";
import { ApiError } from "../../http/errors.js";
import { Nullable } from "../../http/listes.js";
import { normaliser } from "../../numbering/index.js";
import { exigerRole } from "../auth/auth.hooks.js";

const ROUTAGE = exigerRole(["admin", "gestionnaire", "lecteur", "hermes"]);
const Campagne = Type.Object({ id: Type.Integer(), code: Type.String(), hermes_id: Nullable(Type.String()) });

// Hermes asks for the same dialled numbers all day: their normalisation is remembered (bounded).
const DEJA_LUS = new Map<string, ReturnType<typeof normaliser>>();
const MAX_DEJA_LUS = 100_000;

function e164(saisie: string, pays = "FR") {
  const cle = `${pays}|${saisie}`;
  let n = DEJA_LUS.get(cle);
  if (!n) {
    n = normaliser(saisie, pays);
    if (DEJA_LUS.size >= MAX_DEJA_LUS) DEJA_LUS.clear();
    DEJA_LUS.set(cle, n);
  }
  if (!n.ok)
    throw new ApiError(422, n.code, n.raison, [{ champ: "numero", message: n.raison, code: n.code }]);
  return n.numero;
}

/**
 * The dialled number in the forms Hermes sends (E.164, national 0X, 00 33) mapped straight to the stored E.164
 * without parsing: libphonenumber costs more than the whole lookup. Only a hit is trusted; anything else goes
 * through the full normalisation, which also decides between 422 (not a number) and 404 (not routed).
 */
function e164Direct(saisie: string, pays: string | undefined): string | undefined {
  if (saisie.charCodeAt(0) === 43 /* + */) return /^\+[1-9]\d{6,14}$/.test(saisie) ? saisie : undefined;
  if (pays !== undefined && pays !== "FR") return undefined;
  if (/^0[1-9]\d{8}$/.test(saisie)) return `+33${saisie.slice(1)}`;
  if (/^0033[1-9]\d{8}$/.test(saisie)) return `+${saisie.slice(2)}`;
  return undefined;
}

export async function routingRoutes(app: App) {
  app.get(
    "/routing/inbound/:numero",
    {
      preValidation: ROUTAGE,
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
    async (request) => {
      const t = app.horloge().getTime();
      const direct = e164Direct(request.params.numero, request.query.pays);
      const route =
        (direct !== undefined ? app.routage.entrant(direct, t) : undefined) ??
        app.routage.entrant(e164(request.params.numero, request.query.pays).e164, t);
      if (!route)
        throw new ApiError(
          404,
          "NON_ROUTE",
          "Ce numéro n'est routé vers aucune campagne (pas en service ou sans affectation entrante en cours).",
        );
      return route;
    },
  );

  app.get(
    "/routing/outbound/:campagne",
    {
      preValidation: ROUTAGE,
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Appel sortant : les numéros que présente la campagne (id, code ou hermes_id), par priorité ; numéros de la région du destinataire d'abord",
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
    "/routing/export",
    {
      preValidation: ROUTAGE,
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
      const etag = app.routage.etag(t);
      reply.header("etag", etag).header("cache-control", "no-cache");
      if (request.headers["if-none-match"] === etag) return reply.status(304).send();
      const routes = [...app.routage.routes(t)].sort(
        (a, b) => a.numero.localeCompare(b.numero) || a.campagne_code.localeCompare(b.campagne_code),
      );
      if (request.query.format === "csv") {
        return reply.type("text/csv; charset=utf-8").send(
          stringify(routes, {
            header: true,
            delimiter: ";",
            columns: ["numero", "sens", "campagne_code", "hermes_id", "config_code", "alias", "priorite"],
          }),
        );
      }
      return reply.type("application/json").send(JSON.stringify({ version: etag, routes }));
    },
  );
}
