import { Type } from "@sinclair/typebox";
import { DateHeure, Id, Nullable } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { ACTIONS } from "./cycle-de-vie.js";

export const DateJour = Type.String({ format: "date", description: "AAAA-MM-JJ" });
const Montant = Type.Number({ minimum: 0, maximum: 1_000_000 });

export const DidComplet = Type.Object({
  id: Type.Integer(),
  indicatif_id: Type.Integer(),
  pays: Type.String(),
  indicatif: Type.String(),
  did: Type.String({ description: "Numéro national significatif (sans le 0)" }),
  did_format_e164: Type.String(),
  operateur_id: Nullable(Type.Integer()),
  operateur: Nullable(Type.String()),
  type_id: Nullable(Type.Integer()),
  type_code: Nullable(Type.String()),
  type: Nullable(Type.String()),
  region_id: Nullable(Type.Integer()),
  region_code: Nullable(Type.String()),
  region: Nullable(Type.String()),
  equipement_id: Nullable(Type.Integer()),
  equipement: Nullable(Type.String()),
  client_id: Nullable(Type.Integer()),
  client_code: Nullable(Type.String()),
  client: Nullable(Type.String()),
  groupement_id: Nullable(Type.Integer()),
  groupement: Nullable(Type.String()),
  cloud_id: Nullable(Type.Integer()),
  cloud: Nullable(Type.String()),
  statut_id: Type.Integer(),
  statut_code: Type.String(),
  statut: Type.String(),
  statut_couleur: Type.String(),
  description: Nullable(Type.String()),
  reference_externe: Nullable(Type.String()),
  date_acquisition: Nullable(Type.String()),
  date_activation: Nullable(Type.String()),
  date_resiliation: Nullable(Type.String()),
  reutilisable_le: Nullable(
    Type.String({
      description: "Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir",
    }),
  ),
  resiliation_prevue_le: Nullable(
    Type.Unsafe<Date | string>(
      Type.String({
        format: "date-time",
        description:
          "En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)",
      }),
    ),
  ),
  portee_vers: Type.Optional(
    Nullable(
      Type.String({
        description:
          "Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante",
      }),
    ),
  ),
  cout_mensuel: Nullable(Type.Number()),
  cout_mise_en_service: Nullable(Type.Number()),
  notes: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  modified_by: Nullable(Type.String()),
  actif: Type.Boolean(),
  hors_plan: Type.Boolean({
    description:
      "Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent)",
  }),
  titulaire: Type.Union([Type.Literal("SOCIETE"), Type.Literal("CLIENT")], {
    description:
      "SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement",
  }),
  tranche_id: Nullable(Type.Integer({ description: "Tranche de l'opérateur dont vient le numéro" })),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  actions_possibles: Type.Array(Type.Union(Object.keys(ACTIONS).map((a) => Type.Literal(a))), {
    description:
      "Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire)",
  }),
});

const Descriptifs = {
  operateur_id: Type.Optional(Nullable(Id)),
  equipement_id: Type.Optional(Nullable(Id)),
  groupement_id: Type.Optional(Nullable(Id)),
  cloud_id: Type.Optional(Nullable(Id)),
  description: Type.Optional(Nullable(TexteLibre(2000))),
  reference_externe: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
  date_acquisition: Type.Optional(Nullable(DateJour)),
  date_activation: Type.Optional(Nullable(DateJour)),
  cout_mensuel: Type.Optional(Nullable(Montant)),
  cout_mise_en_service: Type.Optional(Nullable(Montant)),
  notes: Type.Optional(Nullable(TexteLibre(10000))),
  actif: Type.Optional(Type.Boolean()),
  titulaire: Type.Optional(Type.Union([Type.Literal("SOCIETE"), Type.Literal("CLIENT")])),
};

export const CorpsCreation = Type.Object(
  {
    numero: Type.String({
      minLength: 1,
      maxLength: 40,
      description: "Le numéro, sous toute forme courante (01 42 68 53 00, +33..., 0033...)",
    }),
    pays: Type.Optional(
      Type.String({
        pattern: "^[A-Z]{2}$",
        description: "Pays supposé pour un format national (FR par défaut)",
      }),
    ),
    indicatif_id: Type.Optional(Id),
    did_format_e164: Type.Optional(Type.String({ maxLength: 20 })),
    type_id: Type.Optional(Id),
    region_id: Type.Optional(Nullable(Id)),
    client_id: Type.Optional(Nullable(Id)),
    statut: Type.Optional(Type.Union([Type.Literal("COMMANDE"), Type.Literal("DISPONIBLE")])),
    accepter_plages_inconnues: Type.Optional(
      Type.Boolean({
        description:
          "Accepter un numéro bien formé hors des tranches connues (bloc récent) : il est marqué hors_plan, à revoir (admin, gestionnaire)",
      }),
    ),
    ...Descriptifs,
  },
  { additionalProperties: false },
);

export const CorpsPlage = Type.Object(
  {
    debut: Type.String({ minLength: 4, maxLength: 40, description: "Premier numéro (toute forme)" }),
    fin: Type.String({ minLength: 4, maxLength: 40, description: "Dernier numéro, inclus" }),
    pays: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })),
    client_id: Type.Optional(Nullable(Id)),
    statut: Type.Optional(Type.Union([Type.Literal("COMMANDE"), Type.Literal("DISPONIBLE")])),
    accepter_plages_inconnues: Type.Optional(
      Type.Boolean({
        description: "Accepter une plage hors des tranches connues : ses numéros sont marqués hors_plan",
      }),
    ),
    ...Descriptifs,
    simulation: Type.Optional(Type.Boolean({ description: "Vérifier et lister sans rien créer" })),
  },
  { additionalProperties: false },
);

export const CorpsMaj = Type.Object(
  {
    ...Descriptifs,
    type_id: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description: "Un type de la nature du numéro (un « Régionalisé » pour un numéro géographique)",
      }),
    ),
    resiliation_prevue_le: Type.Optional(
      Type.Null({
        description:
          "null : annuler la résiliation prévue (POST …/actions/resilier avec date_effet la prévoit)",
      }),
    ),
    region_id: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          maximum: 2_147_483_647,
          description: "Une région de la zone du numéro, dont le préfixe le commence",
        }),
      ),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    motif: Type.Optional(TexteLibre(2000)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const FiltresDidSchema = {
  statut: Type.Optional(
    Type.String({ pattern: "^[A-Z_]{2,30}$", description: "Code de statut (DISPONIBLE...)" }),
  ),
  statut_id: Type.Optional(Id),
  client_id: Type.Optional(Id),
  groupement_id: Type.Optional(Id),
  operateur_id: Type.Optional(Id),
  type_id: Type.Optional(Id),
  region_id: Type.Optional(Id),
  equipement_id: Type.Optional(Id),
  cloud_id: Type.Optional(Id),
  indicatif_id: Type.Optional(Id),
  campaign_id: Type.Optional(Id),
  hors_plan: Type.Optional(
    Type.Boolean({ description: "Numéros acceptés hors des tranches connues (à revoir)" }),
  ),
  tranche_id: Type.Optional(Id),
  ids: Type.Optional(
    Type.Array(Id, {
      maxItems: 1000,
      description: "Ces numéros seulement (export d'une sélection) : ids=1&ids=2",
    }),
  ),
  actif: Type.Optional(Type.Boolean()),
  sans_client: Type.Optional(Type.Boolean()),
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Numéro sous toute forme, chiffres partiels, ou texte (description, référence)",
    }),
  ),
  acquis_depuis: Type.Optional(DateJour),
  acquis_avant: Type.Optional(DateJour),
  resilie_depuis: Type.Optional(DateJour),
  resilie_avant: Type.Optional(DateJour),
  modifie_depuis: Type.Optional(DateHeure),
};

export const Historique = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  champ: Nullable(Type.String()),
  ancienne_valeur: Nullable(Type.String()),
  nouvelle_valeur: Nullable(Type.String()),
  utilisateur: Type.String(),
  motif: Nullable(Type.String()),
  request_id: Nullable(Type.String()),
  date_action: DateHeure,
});

export const ParamsAction = {
  date_effet: Type.Optional(
    Type.String({
      pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$",
      description:
        "resilier seulement : quand la résiliation prend effet. À venir, elle est prévue (le numéro reste routé jusque-là, le planificateur l'applique) ; une date seule comprend son jour (fin du jour, heure de Paris)",
    }),
  ),
  client_id: Type.Optional(Nullable(Id)),
  groupement_id: Type.Optional(Nullable(Id)),
  motif: Type.Optional(
    Type.String({ maxLength: 2000, description: "Pourquoi : gardé dans l'historique du numéro" }),
  ),
};

export const ActionParam = Type.Union(Object.keys(ACTIONS).map((a) => Type.Literal(a)));
