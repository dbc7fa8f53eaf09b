import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { fichierDuCorps } from "../../http/fichiers.js";
import { DateHeure, Entier, Id, Nullable, ParamsId } from "../../http/listes.js";
import { exigerAcces } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import { numeroPourFondement } from "../presentation/presentation.repository.js";
import { lireCorrespondances, ParamColonnes } from "../transfert/colonnes.js";
import { enLignes, fluxDePages } from "../transfert/export.service.js";
import { accepterFichiers } from "../transfert/transfert.routes.js";
import {
  chercherDormants,
  importerAppels,
  resilierDormants,
  tousLesDormants,
  usageNumero,
} from "./usage.service.js";

const TAG = ["Usage et numéros dormants"];
const Jours = Entier(7, 730, { default: 90, description: "Jours sans usage" });

export async function usageRoutes(app: App) {
  const limites = app.config.importLimites;
  accepterFichiers(app);

  app.post(
    "/imports/appels",
    {
      preValidation: exiger("import"),
      bodyLimit: limites.octets,
      schema: {
        tags: TAG,
        summary:
          "Importer les appels de la plateforme (export de HN_Ondata.dbo.ODCalls, ou fichier numéro, date-heure, sens, répondu, durée) : agrégats par numéro et par jour, la période du fichier remplacée",
        querystring: Type.Object({
          nom: Type.Optional(Type.String({ maxLength: 255 })),
          colonnes: Type.Optional(ParamColonnes),
        }),
        response: {
          201: Type.Object({
            id: Type.Integer(),
            format: Type.String(),
            colonnes: Type.Record(Type.String(), Type.String()),
            du: Type.String(),
            au: Type.String(),
            lignes: Type.Integer(),
            appels: Type.Integer({ description: "Appels attribués à un numéro de l'inventaire" }),
            numeros: Type.Integer(),
            non_attribues: Type.Array(Type.Object({ numero: Type.String(), appels: Type.Integer() }), {
              description: "Numéros absents de l'inventaire (100 premiers)",
            }),
            rejets: Type.Array(Type.Object({ ligne: Type.Integer(), raison: Type.String() })),
            rejetes: Type.Integer(),
            duree_ms: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const r = await importerAppels(app.contexte(request), {
        nom: request.query.nom ?? "appels",
        contenu: fichierDuCorps(request.body),
        limites,
        colonnes: lireCorrespondances(request.query.colonnes),
      });
      return reply.code(201).send(r);
    },
  );

  app.get(
    "/dids/:id/usage",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: TAG,
        summary: "Les appels d'un numéro jour par jour (90 derniers jours par défaut) et son dernier appel",
        params: ParamsId,
        querystring: Type.Object({
          jours: Type.Optional(Entier(1, 730, { default: 90 })),
        }),
        response: {
          200: Type.Object({
            dernier_appel: Nullable(DateHeure),
            jours: Type.Array(
              Type.Object({
                jour: Type.String(),
                entrants: Type.Integer(),
                sortants: Type.Integer(),
                repondus: Type.Integer(),
                abandonnes: Type.Integer(),
                duree_s: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const n = await numeroPourFondement(app.database.db, request.params.id);
      exigerAcces(request.acteur, "Numéro", n, (x) => x.client_id);
      return usageNumero(app.database.db, request.params.id, app.horloge(), request.query.jours ?? 90);
    },
  );

  const Dormant = Type.Object({
    id: Type.Integer(),
    numero: Type.String(),
    statut: Type.String(),
    client_id: Nullable(Type.Integer()),
    client: Nullable(Type.String()),
    operateur: Nullable(Type.String()),
    cout_mensuel: Nullable(Type.Number()),
    dernier_appel: Nullable(DateHeure),
    dernier_usage: Nullable(DateHeure),
    campagnes: Type.Array(Type.String(), { description: "Campagnes qui le routent encore" }),
  });

  app.get(
    "/dormants",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary:
          "Numéros qui coûtent sans servir : sans appel depuis N jours quand les appels importés couvrent la période, sinon pas utilisés depuis N jours ; par client et opérateur, avec l'économie mensuelle",
        querystring: Type.Object({
          jours: Type.Optional(Jours),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          format: Type.Optional(
            Type.Union([Type.Literal("json"), Type.Literal("csv"), Type.Literal("xlsx")]),
          ),
        }),
        response: {
          200: Type.Object({
            methode: Type.Union([Type.Literal("appels"), Type.Literal("statut")]),
            jours: Type.Integer(),
            depuis: Type.String(),
            total: Type.Integer(),
            economie_mensuelle: Type.Number(),
            groupes: Type.Array(
              Type.Object({
                client: Nullable(Type.String()),
                operateur: Nullable(Type.String()),
                n: Type.Integer(),
                economie: Type.Number(),
              }),
            ),
            numeros: Type.Array(Dormant, {
              description:
                "Une page des numéros dormants (page, par_page) ; le fichier CSV ou XLSX les donne tous",
            }),
            page: Type.Integer(),
            par_page: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { jours = 90, page = 1, par_page = 100 } = request.query;
      const format = request.query.format ?? "json";
      if (format === "json")
        return chercherDormants(app.database.db, app.memoCouts, app.horloge(), jours, page, par_page);
      const contenu = fluxDePages(
        enLignes(tousLesDormants(app.database.db, app.horloge(), jours), (n) => ({
          numero: n.numero,
          client: n.client ?? "",
          operateur: n.operateur ?? "",
          statut: n.statut,
          cout_mensuel: n.cout_mensuel,
          dernier_appel: n.dernier_appel ? new Date(n.dernier_appel).toISOString() : "",
          campagnes: n.campagnes.join(" "),
        })),
        format,
        "Dormants",
        ["numero", "client", "operateur", "statut", "cout_mensuel", "dernier_appel", "campagnes"],
      );
      return reply
        .type(
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header("content-disposition", `attachment; filename="dormants-${jours}-jours.${format}"`)
        .send(contenu as never);
    },
  );

  app.post(
    "/dormants/resiliation",
    {
      preValidation: exiger("couts:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Résilier des numéros dormants par le cycle de vie ; sans « confirmer », la réponse 409 nomme les clients qui les tiennent et les campagnes qui les routent",
        body: Type.Object(
          {
            ids: Type.Array(Id, { minItems: 1, maxItems: 10_000 }),
            jours: Type.Optional(Jours),
            confirmer: Type.Optional(Type.Boolean()),
            motif: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      resilierDormants(app.contexte(request), { ...request.body, jours: request.body.jours ?? 90 }),
  );
}
