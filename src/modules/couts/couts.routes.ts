import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { Entier, Id, Nullable, ParamsId } from "../../http/listes.js";
import { clientDe, porteeDuActeur } from "../auth/acces.js";
import { exiger, interdit, peut } from "../auth/politique.js";
import { encoder } from "../transfert/export.service.js";
import { DIMENSIONS, tendance, vueCouts } from "./couts.service.js";
import { lireTarifs, modifierTarifs } from "./tarifs.service.js";

const TAG = ["Coûts et refacturation"];

const contexteCouts = (app: App) => ({
  db: app.database.db,
  config: app.config,
  memo: app.memoCouts,
  maintenant: app.horloge(),
});

const Fraicheur = {
  calcule_le: Type.String({
    format: "date-time",
    description: "Instant des données dont viennent les chiffres",
  }),
  a_jour: Type.Boolean({
    description:
      "Faux : les données ont changé depuis ; le nouveau calcul, plus long qu'une seconde, est en cours et ces chiffres sont les derniers calculés",
  }),
};
const Periode = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "Mois, AAAA-MM" });
const MIME = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const Refacturation = Type.Object({
  client: Type.Object({ id: Type.Integer(), code: Type.String(), nom: Type.String() }),
  periode: Type.String(),
  jours: Type.Integer(),
  total: Type.Number(),
  lignes: Type.Array(
    Type.Object({
      numero: Type.String(),
      type: Nullable(Type.String()),
      campagne: Nullable(Type.String()),
      du: Type.String(),
      au: Type.String(),
      jours: Type.Integer(),
      prix_mensuel: Nullable(Type.Number()),
      tarif_client: Type.Boolean({
        description: "Prix du client pour ce type, sinon coût mensuel du numéro",
      }),
      montant: Type.Number(),
    }),
  ),
  ...Fraicheur,
});

/** A client reading its own statement sees its own prices (acces.ts). */
const CHAMPS_PROPRES_RELEVE = ["prix_mensuel"] as const;

export async function coutsRoutes(app: App) {
  app.get(
    "/couts",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary:
          "Coût d'un mois par client, groupement, opérateur, campagne ou type : coût mensuel de chaque numéro au prorata des jours où chacun le tenait (stock et gel à la charge de la société)",
        querystring: Type.Object({
          periode: Periode,
          par: Type.Optional(
            Type.Union(
              DIMENSIONS.map((d) => Type.Literal(d)),
              { default: "client" },
            ),
          ),
          format: Type.Optional(
            Type.Union([Type.Literal("json"), Type.Literal("csv"), Type.Literal("xlsx")]),
          ),
        }),
        response: {
          200: Type.Object({
            periode: Type.String(),
            jours: Type.Integer(),
            par: Type.String(),
            total: Type.Number(),
            lignes: Type.Array(
              Type.Object({
                cle: Type.String(),
                libelle: Type.String(),
                numeros: Type.Integer(),
                jours: Type.Integer(),
                montant: Type.Number(),
              }),
            ),
            ...Fraicheur,
          }),
        },
      },
    },
    async (request, reply) => {
      const v = await vueCouts(contexteCouts(app), request.query.periode, request.query.par ?? "client");
      const format = request.query.format ?? "json";
      if (format === "json") return v;
      const contenu = await encoder(
        v.lignes.map((l) => ({ [v.par]: l.libelle, numeros: l.numeros, jours: l.jours, montant: l.montant })),
        format,
        "Coûts",
        [v.par, "numeros", "jours", "montant"],
      );
      return reply
        .type(MIME[format])
        .header("content-disposition", `attachment; filename="couts-${v.periode}-par-${v.par}.${format}"`)
        .send(contenu as never);
    },
  );

  app.get(
    "/couts/tendance",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary: "Le coût total des derniers mois, le mois en cours en dernier (tableau de bord)",
        querystring: Type.Object({
          mois: Type.Optional(Entier(1, 24, { default: 6 })),
        }),
        response: {
          200: Type.Object({
            mois: Type.Array(Type.Object({ periode: Type.String(), montant: Type.Number() })),
            a_jour: Fraicheur.a_jour,
          }),
        },
      },
    },
    async (request) => tendance(contexteCouts(app), request.query.mois ?? 6),
  );

  app.get(
    "/couts/refacturation",
    {
      // staff with the costs, or a client for its own statement when the company enables it (CLIENT_REBILLING),
      // which shows the client its own prices
      config: { champsPropres: CHAMPS_PROPRES_RELEVE },
      preValidation: async (request) => {
        const client = request.acteur.role === "client" && app.config.refacturationClients;
        if (!client && !peut(request.acteur, "couts:lire")) throw interdit();
      },
      schema: {
        tags: TAG,
        summary:
          "Relevé de refacturation d'un client pour un mois : numéros tenus, jours et montants (au prix du client par type s'il en a un) ; format=csv|xlsx pour le fichier",
        querystring: Type.Object({
          periode: Periode,
          client_id: Type.Optional(Id),
          format: Type.Optional(
            Type.Union([Type.Literal("json"), Type.Literal("csv"), Type.Literal("xlsx")]),
          ),
        }),
        response: { 200: Refacturation },
      },
    },
    async (request, reply) => {
      const clientId = clientDe(porteeDuActeur(request.acteur)) ?? request.query.client_id;
      if (clientId === undefined)
        throw new ApiError(422, "CLIENT_OBLIGATOIRE", "Indiquez le client (client_id).");
      // computed and kept in the work thread on PostgreSQL (travaux.ts): a client's 15,000 lines, kept, were copied
      // by every young-generation collection of the server's thread, stalling Hermes' lookups up to 150 ms
      const args = {
        periode: request.query.periode,
        clientId,
        freezeJours: app.config.freezeJours,
        maintenant: app.horloge(),
      };
      const format = request.query.format ?? "json";
      if (format === "json")
        return reply.type("application/json; charset=utf-8").send(
          (await app.travaux.executer("refacturation", {
            ...args,
            acteur: { role: request.acteur.role },
            propres: CHAMPS_PROPRES_RELEVE,
          })) as never,
        );
      const f = await app.travaux.executer("fichierRefacturation", { ...args, format });
      return reply
        .type(MIME[format])
        .header("content-disposition", `attachment; filename="${f.nom}"`)
        .send(Buffer.from(f.contenu.buffer, f.contenu.byteOffset, f.contenu.byteLength) as never);
    },
  );

  const Tarifs = Type.Array(
    Type.Object({ type_id: Id, prix_mensuel: Type.Number({ minimum: 0, maximum: 1_000_000 }) }),
    { maxItems: 100 },
  );
  app.get(
    "/clients/:id/tarifs",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary: "Les prix de refacturation du client par type de numéro",
        params: ParamsId,
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                type_id: Type.Integer(),
                type_code: Type.String(),
                type: Type.String(),
                prix_mensuel: Nullable(Type.Number()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ data: await lireTarifs(app.database.db, request.params.id) }),
  );
  app.put(
    "/clients/:id/tarifs",
    {
      preValidation: exiger("couts:gerer"),
      schema: {
        tags: TAG,
        summary: "Remplacer les prix de refacturation du client (un par type de numéro ; liste vide : aucun)",
        params: ParamsId,
        body: Type.Object({ tarifs: Tarifs }, { additionalProperties: false }),
      },
    },
    async (request) => ({
      data: await modifierTarifs(app.contexte(request), request.params.id, request.body.tarifs),
    }),
  );
}
