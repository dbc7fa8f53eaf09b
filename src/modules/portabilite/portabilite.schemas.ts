import { Type } from "@sinclair/typebox";
import { DateHeure, Id, Nullable } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { STATUTS_PORTABILITE, TRANSITIONS_PORTABILITE } from "./workflow.js";

/** An instant as staff type it: ISO 8601, with an offset or without one (then Paris time). */
export const InstantParis = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$",
  description: "Date et heure ISO 8601 ; sans décalage, heure de Paris (2027-03-15T08:00)",
  examples: ["2027-03-15T08:00", "2027-03-15T08:00:00+01:00"],
});

export const NumeroSaisi = Type.Object(
  {
    numero: Ligne({
      minLength: 1,
      maxLength: 80,
      description: "Un numéro, ou une plage SDA « 0142687700-0142687709 »",
    }),
    rio: Type.Optional(
      Nullable(Type.String({ maxLength: 20, description: "RIO (12 caractères), s'il y en a un" })),
    ),
  },
  { additionalProperties: false },
);

export const ListeNumerosSaisis = Type.Array(NumeroSaisi, { minItems: 1, maxItems: 1000 });

export const Statut = Type.Union(STATUTS_PORTABILITE.map((s) => Type.Literal(s)));

const Affectation = Type.Object(
  {
    campaign_id: Id,
    config_id: Type.Optional(Nullable(Id)),
    alias: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    priorite: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const Preparation = Type.Object(
  {
    type_id: Type.Optional(Nullable(Id)),
    groupement_id: Type.Optional(Nullable(Id)),
    cout_mensuel: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
    cout_mise_en_service: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    entrant: Type.Optional(Nullable(Affectation)),
    sortant: Type.Optional(Nullable(Affectation)),
  },
  { additionalProperties: false },
);

export const ChampsPortabilite = {
  operateur_donneur: Type.Optional(
    Ligne({ minLength: 1, maxLength: 100, description: "L'opérateur qui a les numéros aujourd'hui" }),
  ),
  operateur_id: Type.Optional(Id),
  date_souhaitee: Type.Optional(Nullable(Type.String({ format: "date" }))),
  notes: Type.Optional(Nullable(TexteLibre(10000))),
  demandeur_nom: Type.Optional(Ligne({ minLength: 1, maxLength: 200 })),
  demandeur_email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 200 }))),
  mandat_signataire: Type.Optional(Nullable(Ligne({ maxLength: 200 }))),
};

const Controle = Type.Object({
  type: Type.Boolean(),
  entrant: Type.Boolean(),
  sortant: Type.Boolean(),
  mandat: Type.Boolean(),
  date: Type.Boolean(),
  pret: Type.Boolean({ description: "Prêt à router à la bascule : type, campagne entrante, mandat et date" }),
});

export const NumeroDemande = Type.Object({
  id: Type.Integer(),
  numero: Type.String(),
  national: Type.String(),
  rio: Nullable(Type.String()),
  statut: Type.Union([Type.Literal("EN_ATTENTE"), Type.Literal("REJETE"), Type.Literal("PORTE")]),
  motif_rejet: Nullable(Type.String()),
  preparation: Nullable(Preparation),
  controle: Controle,
  did_id: Nullable(Type.Integer()),
});

export const Portabilite = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  client_id: Type.Integer(),
  client: Type.String(),
  operateur_donneur: Type.String(),
  operateur_id: Type.Integer(),
  operateur: Type.String(),
  statut: Statut,
  date_souhaitee: Nullable(Type.String()),
  bascule_le: Nullable(DateHeure),
  motif_rejet: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  demandeur_nom: Type.String(),
  demandeur_email: Nullable(Type.String()),
  mandat_nom: Nullable(Type.String()),
  mandat_taille: Nullable(Type.Integer()),
  mandat_sha256: Nullable(Type.String()),
  mandat_signataire: Nullable(Type.String()),
  mandat_id: Nullable(Type.Integer()),
  erreur_bascule: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  nombre: Type.Integer(),
  rejetes: Type.Integer(),
});

export const PortabiliteDetail = Type.Composite([
  Portabilite,
  Type.Object({
    numeros: Type.Array(NumeroDemande),
    commentaires: Type.Array(
      Type.Object({
        id: Type.Integer(),
        auteur: Type.String(),
        commentaire: Type.String(),
        type: Type.String(),
        date_creation: DateHeure,
      }),
    ),
    actions_possibles: Type.Array(Type.String()),
    modifiable: Type.Boolean(),
    preparable: Type.Boolean(),
  }),
]);

export const Apercu = Type.Object({
  numeros: Type.Array(
    Type.Object({
      saisie: Type.String(),
      numero: Nullable(Type.String()),
      national: Nullable(Type.String()),
      rio: Nullable(Type.String()),
      classe: Type.String(),
      message: Type.String(),
      accepte: Type.Boolean(),
    }),
  ),
  acceptes: Type.Integer(),
  refuses: Type.Integer(),
});

export const ActionPortabilite = Type.Union(Object.keys(TRANSITIONS_PORTABILITE).map((a) => Type.Literal(a)));

export const Sortante = Type.Object({
  id: Type.Integer(),
  client_id: Type.Integer(),
  client: Type.String(),
  operateur_receveur: Type.String(),
  effet: DateHeure,
  statut: Type.String(),
  notes: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  date_creation: DateHeure,
  nombre: Type.Integer(),
  numeros: Type.Array(Type.String(), { description: "Les 20 premiers" }),
});
