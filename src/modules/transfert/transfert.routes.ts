import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { fichierDuCorps } from "../../http/fichiers.js";
import { Id } from "../../http/listes.js";
import { acteurTransporte } from "../../travaux/registre.js";
import { porteeDuActeur } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import { lireCorrespondances, modeleCsv, ParamColonnes, TYPES_IMPORT, type TypeImport } from "./colonnes.js";
import { correspondancesRoutes } from "./correspondances.routes.js";
import { FORMATS_EXPORT, type FormatExport, TYPES_EXPORT, type TypeExport } from "./export.service.js";
import type { Rapport as RapportImport } from "./import.service.js";

const TYPES_FICHIER = [
  "text/csv",
  "application/csv",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
];

const Rapport = Type.Object({
  type: Type.String(),
  simulation: Type.Boolean(),
  ecrit: Type.Boolean({ description: "Vrai quand les lignes sont enregistrées" }),
  lus: Type.Integer(),
  a_creer: Type.Integer(),
  a_mettre_a_jour: Type.Integer(),
  inchanges: Type.Integer(),
  doublons: Type.Integer({ description: "Lignes répétant exactement une ligne précédente" }),
  rejetes: Type.Integer(),
  rejets: Type.Array(
    Type.Object({
      ligne: Type.Integer(),
      colonne: Type.Union([Type.String(), Type.Null()]),
      valeur: Type.Union([Type.String(), Type.Null()]),
      raison: Type.String(),
    }),
  ),
  avertissements: Type.Array(
    Type.Object({
      ligne: Type.Integer(),
      colonne: Type.Union([Type.String(), Type.Null()]),
      valeur: Type.Union([Type.String(), Type.Null()]),
      raison: Type.String(),
    }),
    {
      description:
        "Lignes écrites autrement que le fichier ne le disait, par les règles du produit (statut déduit des faits, date du jour prise pour une date absente)",
    },
  ),
  references_creees: Type.Array(Type.String()),
  numeros_crees: Type.Array(Type.String(), {
    description: "Numéros (E.164) créés par un import d'affectations avec creer_manquants",
  }),
  hors_plan: Type.Array(Type.String(), {
    description:
      "Numéros (E.164) créés hors des tranches connues (accepter_plages_inconnues), marqués à revoir",
  }),
  colonnes: Type.Record(Type.String(), Type.String(), { description: "Champ → colonne du fichier utilisée" }),
  colonnes_ignorees: Type.Array(Type.String(), {
    description:
      "Colonnes du fichier qui ne correspondent à aucun champ : rien n'en est lu (strict=true les refuse)",
  }),
  duree_ms: Type.Integer(),
});

const MIME: Record<FormatExport, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A spreadsheet as the request body, as is (CSV or XLSX), up to IMPORT_MAX_MB: the parsers for the routes of one
 * plugin that take such a file (imports, carrier files, call records).
 */
export function accepterFichiers(app: App) {
  for (const t of TYPES_FICHIER)
    app.addContentTypeParser(
      t,
      { parseAs: "buffer", bodyLimit: app.config.importLimites.octets },
      (_r, corps, done) => done(null, corps),
    );
}

export async function transfertRoutes(app: App) {
  const limites = app.config.importLimites;
  accepterFichiers(app);
  correspondancesRoutes(app);

  app.post(
    "/imports/:type",
    {
      preValidation: exiger("import"),
      bodyLimit: limites.octets,
      schema: {
        tags: ["Import et export"],
        summary:
          "Importer un fichier CSV ou XLSX (corps brut) : simulation=true pour le rapport seul, puis sans simulation pour écrire (tout ou rien)",
        params: Type.Object({ type: Type.Union(TYPES_IMPORT.map((t) => Type.Literal(t))) }),
        querystring: Type.Object({
          simulation: Type.Optional(Type.Boolean({ default: false })),
          creer_manquants: Type.Optional(
            Type.Boolean({ description: "Créer clients, groupements, opérateurs inconnus" }),
          ),
          accepter_rejets: Type.Optional(
            Type.Boolean({ description: "Écrire les lignes valides malgré des rejets" }),
          ),
          accepter_plages_inconnues: Type.Optional(
            Type.Boolean({
              description:
                "Créer les numéros bien formés hors des tranches connues, marqués hors_plan (à revoir)",
            }),
          ),
          strict: Type.Optional(
            Type.Boolean({
              description: "Refuser (422 COLONNES_IGNOREES) un fichier dont une colonne n'est pas lue",
            }),
          ),
          colonnes: Type.Optional(ParamColonnes),
        }),
        response: { 200: Rapport },
      },
    },
    async (request) => {
      const q = request.query;
      const type = request.params.type as TypeImport;
      const compter = (r: RapportImport) => {
        const lignes = app.metriques.importLignes;
        lignes.inc({ type, issue: "rejetees" }, r.rejetes);
        lignes.inc({ type, issue: r.ecrit ? "ecrites" : "simulees" }, r.lus - r.rejetes);
      };
      try {
        const { octets, transfert } = app.travaux.fichier(fichierDuCorps(request.body));
        const rapport = await app.travaux.executer(
          "import",
          {
            acteur: acteurTransporte(request.acteur),
            type,
            octets,
            limites,
            options: {
              simulation: q.simulation,
              creerManquants: q.creer_manquants,
              accepterRejets: q.accepter_rejets,
              strict: q.strict,
              accepterPlagesInconnues: q.accepter_plages_inconnues,
              mapping: lireCorrespondances(q.colonnes),
              maintenant: app.horloge(),
            },
          },
          transfert,
        );
        compter(rapport);
        return rapport;
      } catch (e) {
        const refuse = e instanceof ApiError ? (e.extra?.rapport as RapportImport | undefined) : undefined;
        if (refuse) compter(refuse);
        throw e;
      }
    },
  );

  app.get(
    "/imports/:type/modele",
    {
      preValidation: exiger("import"),
      schema: {
        tags: ["Import et export"],
        summary: "Le modèle CSV d'un type : les colonnes que l'import lit (celles que l'export écrit)",
        params: Type.Object({ type: Type.Union(TYPES_IMPORT.map((t) => Type.Literal(t))) }),
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="modele-${request.params.type}.csv"`);
      return modeleCsv(request.params.type as TypeImport);
    },
  );

  app.post(
    "/imports/:type/rejets",
    {
      preValidation: exiger("import"),
      bodyLimit: limites.octets,
      schema: {
        tags: ["Import et export"],
        summary:
          "Les lignes refusées d'un fichier (simulation, rien n'est écrit), en CSV : ses colonnes telles quelles et la raison (motif_rejet), à corriger puis réimporter",
        params: Type.Object({ type: Type.Union(TYPES_IMPORT.map((t) => Type.Literal(t))) }),
        querystring: Type.Object({
          creer_manquants: Type.Optional(Type.Boolean()),
          accepter_plages_inconnues: Type.Optional(Type.Boolean()),
          colonnes: Type.Optional(ParamColonnes),
        }),
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { octets, transfert } = app.travaux.fichier(fichierDuCorps(request.body));
      const csv = await app.travaux.executer(
        "rejets",
        {
          acteur: acteurTransporte(request.acteur),
          type: request.params.type as TypeImport,
          octets,
          limites,
          options: {
            creerManquants: request.query.creer_manquants,
            // declared by the route, so read: a number outside the known ranges is not a reject when accepted
            accepterPlagesInconnues: request.query.accepter_plages_inconnues,
            mapping: lireCorrespondances(request.query.colonnes),
            maintenant: app.horloge(),
          },
        },
        transfert,
      );
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="rejets-${request.params.type}.csv"`);
      return csv;
    },
  );

  app.get(
    "/exports/:type",
    {
      preValidation: exiger("export"),
      schema: {
        tags: ["Import et export"],
        summary:
          "Exporter numéros, affectations, clients, campagnes ou commandes (CSV, JSON, XLSX), relisibles par l'import",
        description:
          "Une clé client n'exporte que ce que la liste lui montre : ses numéros, leurs affectations, sa fiche, ses campagnes et ses commandes. Les configurations ne sont pas exportables par un client (comme GET /configs).",
        params: Type.Object({ type: Type.Union(TYPES_EXPORT.map((t) => Type.Literal(t))) }),
        querystring: Type.Object({
          format: Type.Optional(
            Type.Union(
              FORMATS_EXPORT.map((f) => Type.Literal(f)),
              { default: "csv" },
            ),
          ),
          client_id: Type.Optional(Id),
          statut: Type.Optional(Type.String({ pattern: "^[A-Z_]{2,30}$" })),
          campaign_id: Type.Optional(Id),
        }),
      },
    },
    async (request, reply) => {
      const { format = "csv", ...filtres } = request.query;
      const type = request.params.type as TypeExport;
      const portee = porteeDuActeur(request.acteur);
      if ("client" in portee && type === "configs")
        throw new ApiError(403, "INTERDIT", "Les configurations ne sont pas exportables par un client.");
      const contenu = app.travaux.flux("export", {
        args: [
          type,
          format as FormatExport,
          { ...filtres, portee },
          app.horloge(),
          { role: request.acteur.role },
        ],
      });
      return reply
        .type(MIME[format as FormatExport])
        .header(
          "content-disposition",
          `attachment; filename="${type}-${new Date().toISOString().slice(0, 10)}.${format}"`,
        )
        .send(contenu);
    },
  );
}
