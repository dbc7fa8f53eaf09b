import { Type } from "@sinclair/typebox";
import { DateHeure, Id, Nullable } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { DateJour } from "../dids/dids.schemas.js";

const Numero = Type.String({ minLength: 1, maxLength: 40, description: "Numéro, sous toute forme usuelle" });

export const Tranche = Type.Object({
  id: Type.Integer(),
  operateur_id: Type.Integer(),
  operateur_code: Type.String(),
  operateur: Type.String(),
  reference_operateur: Nullable(Type.String()),
  premier: Type.String({ description: "Premier numéro (E.164)" }),
  dernier: Type.String({ description: "Dernier numéro (E.164)" }),
  taille: Type.Integer(),
  date_reception: Type.String(),
  commande_id: Nullable(Type.Integer()),
  commande_reference: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  actif: Type.Boolean({ description: "Faux une fois la tranche restituée à l'opérateur" }),
  created_by: Nullable(Type.String()),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  usage: Type.Record(Type.String(), Type.Integer(), {
    description: "Numéros de la tranche dans l'inventaire, par statut",
  }),
});

export const TrancheDetail = Type.Composite([
  Tranche,
  Type.Object({
    hors_inventaire: Type.Integer({ description: "Numéros de la plage absents de l'inventaire" }),
    cout_mensuel: Nullable(
      Type.Number({
        description: "Somme des coûts mensuels des numéros non résiliés (admin et gestionnaire)",
      }),
    ),
    clients: Type.Array(
      Type.Object({ id: Type.Integer(), code: Type.String(), nom: Type.String(), numeros: Type.Integer() }),
    ),
    prochains_libres: Type.Array(Type.String(), { description: "Dix premiers numéros disponibles" }),
    restituable: Type.Boolean({
      description: "Aucun numéro tenu par un client : la tranche peut être rendue",
    }),
  }),
]);

export const EntreeTranche = Type.Object(
  {
    operateur_id: Id,
    reference_operateur: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
    premier: Numero,
    dernier: Numero,
    date_reception: Type.Optional(DateJour),
    commande_id: Type.Optional(Nullable(Id)),
    notes: Type.Optional(Nullable(TexteLibre(10000))),
    creer_numeros: Type.Optional(
      Type.Boolean({
        description: "Créer en stock (Disponible) les numéros de la plage absents de l'inventaire",
      }),
    ),
    accepter_plages_inconnues: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ModificationTranche = Type.Object(
  {
    reference_operateur: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
    date_reception: Type.Optional(DateJour),
    notes: Type.Optional(Nullable(TexteLibre(10000))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ResultatCreation = Type.Object({
  id: Type.Integer(),
  attaches: Type.Array(Type.String(), { description: "Numéros déjà en inventaire rattachés à la tranche" }),
  crees: Type.Array(Type.String(), { description: "Numéros créés en stock" }),
  operateur_different: Type.Array(Type.String(), {
    description: "Numéros rattachés dont la fiche nomme un autre opérateur (à vérifier)",
  }),
  tranche: TrancheDetail,
});

export const Restitution = Type.Object(
  {
    confirmer: Type.Optional(
      Type.Boolean({ description: "Sans elle, la réponse 409 dit ce qui serait résilié" }),
    ),
    motif: Type.Optional(Ligne({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export { Numero };
