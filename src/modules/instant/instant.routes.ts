import { Type } from "@sinclair/typebox";
import { lireIsoMetier } from "../../heure-metier.js";
import type { App } from "../../http/app-type.js";
import { DateHeure, Id, Nullable, ParamsId } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { fluxDePages } from "../transfert/export.service.js";
import { instantDemande, numeroALInstant } from "./instant.service.js";
import { MAX_NUMEROS_INSTANT, numerosALInstant } from "./instant-liste.service.js";

/** An instant as support writes it: with an offset, or a date and time of Paris (2025-03-14T10:00). */
const InstantParis = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$",
  description:
    "ISO 8601 avec décalage, ou une date et une heure de Paris sans décalage (une date seule : 00:00 à Paris)",
  examples: ["2025-03-14T10:00", "2025-03-14T10:00:00+01:00"],
});

const Source = Nullable(
  Type.Object(
    {
      id: Type.Integer(),
      action: Type.String(),
      date_action: DateHeure,
      utilisateur: Type.String(),
      motif: Nullable(Type.String()),
    },
    {
      description:
        "La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique)",
    },
  ),
);
const Ref = Nullable(Type.Object({}, { additionalProperties: true }));
const Valeur = <T extends ReturnType<typeof Nullable>>(v: T) =>
  Type.Optional(Type.Object({ valeur: v, ligne: Source }));

const ALInstant = Type.Object({
  numero: Type.String(),
  instant: DateHeure,
  existe: Type.Boolean({ description: "Faux : le numéro n'existait pas encore à cet instant" }),
  detenu_par_vous: Type.Optional(Nullable(Type.Boolean())),
  message: Type.Optional(Type.String()),
  statut: Valeur(Nullable(Type.String())),
  client: Valeur(Ref),
  groupement: Valeur(Ref),
  operateur: Valeur(Ref),
  tranche: Valeur(Ref),
  entrant: Type.Optional(
    Nullable(
      Type.Object({
        affectation_id: Type.Integer(),
        campagne: Type.Object({
          id: Type.Integer(),
          code: Type.String(),
          hermes_id: Nullable(Type.String()),
        }),
        config_code: Nullable(Type.String()),
        config: Nullable(Type.Object({}, { additionalProperties: true })),
        alias: Nullable(Type.String()),
        date_debut: DateHeure,
        date_fin: Nullable(DateHeure),
      }),
    ),
  ),
  sortants: Type.Optional(
    Type.Array(
      Type.Object({
        affectation_id: Type.Integer(),
        campagne: Type.Object({ id: Type.Integer(), code: Type.String(), nom: Type.String() }),
        priorite: Nullable(Type.Integer()),
        fondement: Nullable(Type.String()),
        mandat_id: Nullable(Type.Integer()),
        presente: Type.Boolean(),
        raison: Nullable(Type.String()),
      }),
    ),
  ),
  routage: Type.Optional(
    Nullable(
      Type.Array(
        Type.Object({
          fichier: Type.String(),
          version: Type.Integer(),
          type: Type.String(),
          date_publication: DateHeure,
        }),
        {
          description:
            "Chaque fichier de routage déployé à cet instant (vide pour qui ne voit pas la publication)",
        },
      ),
    ),
  ),
});

const COLONNES_RAPPORT = [
  "numero",
  "instant",
  "statut",
  "client",
  "groupement",
  "operateur",
  "campagne_entrante",
  "hermes_id",
  "config",
  "campagnes_sortantes",
  "fichiers_routage",
  "message",
];

export async function instantRoutes(app: App) {
  const instant = (texte: string | undefined) =>
    texte ? instantDemande(texte, lireIsoMetier) : app.horloge();

  app.get(
    "/dids/:id/a-l-instant",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Qui détenait ce numéro et où allaient ses appels à un instant : statut, client, groupement, campagnes entrante et sortantes, opérateur, tranche, fichiers de routage déployés, chacun avec la ligne d'historique d'où il vient",
        params: ParamsId,
        querystring: Type.Object({ instant: Type.Optional(InstantParis) }),
        response: { 200: ALInstant },
      },
    },
    async (request) =>
      numeroALInstant(app.database.db, request.acteur, request.params.id, instant(request.query.instant)),
  );

  app.get(
    "/dids/a-l-instant",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary: `La même question pour une liste de numéros, ou pour les numéros d'un client, en CSV (rapport d'abus) ou JSON ; ${MAX_NUMEROS_INSTANT} numéros au plus`,
        querystring: Type.Object({
          instant: Type.Optional(InstantParis),
          numeros: Type.Optional(
            Type.String({
              maxLength: 100_000,
              description: "Numéros séparés par des virgules, sous toute forme",
            }),
          ),
          client_id: Type.Optional(Id),
          format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("json")])),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const t = instant(q.instant);
      const lignes = await numerosALInstant(app.database.db, request.acteur, t, {
        numeros: q.numeros
          ?.split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        client_id: q.client_id,
      });
      if (q.format !== "csv") return { instant: t, data: lignes };
      const jour = t.toISOString().slice(0, 16).replace(/[:T]/g, "-");
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="numeros-a-l-instant-${jour}.csv"`)
        .send(
          fluxDePages(
            (async function* () {
              yield lignes;
            })(),
            "csv",
            "numeros",
            COLONNES_RAPPORT,
          ),
        );
    },
  );
}
