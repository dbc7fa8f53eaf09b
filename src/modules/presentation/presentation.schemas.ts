import { Type } from "@sinclair/typebox";
import { DateHeure, Id, Nullable } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { DateJour } from "../dids/dids.schemas.js";

export const Mandat = Type.Object({
  id: Type.Integer(),
  client_id: Type.Integer(),
  client_code: Type.String(),
  client: Type.String(),
  reference: Nullable(Type.String()),
  signataire: Type.String(),
  date_debut: Type.String({ description: "Premier jour couvert (00:00, heure de Paris)" }),
  date_fin: Nullable(
    Type.String({ description: "Dernier jour couvert : le mandat cesse à minuit, heure de Paris" }),
  ),
  document_nom: Nullable(Type.String()),
  document_taille: Nullable(Type.Integer()),
  document_sha256: Nullable(Type.String()),
  alerte_30_le: Nullable(DateHeure),
  alerte_7_le: Nullable(DateHeure),
  notes: Nullable(Type.String()),
  actif: Type.Boolean({ description: "Faux : mandat révoqué" }),
  created_by: Nullable(Type.String()),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  nb_numeros: Type.Integer(),
  nb_tranches: Type.Integer(),
});

export const MandatDetail = Type.Composite([
  Mandat,
  Type.Object({
    numeros: Type.Array(Type.Object({ id: Type.Integer(), numero: Type.String(), titulaire: Type.String() })),
    tranches: Type.Array(Type.Object({ id: Type.Integer(), premier: Type.String(), dernier: Type.String() })),
  }),
]);

const Numeros = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  maxItems: 10_000,
  description: "Numéros couverts, sous toute forme usuelle (plages « 0184880100-0184880199 » comprises)",
});

export const EntreeMandat = Type.Object(
  {
    client_id: Id,
    reference: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
    signataire: Ligne({ minLength: 1, maxLength: 200 }),
    date_debut: DateJour,
    date_fin: Type.Optional(Nullable(DateJour)),
    numeros: Type.Optional(Numeros),
    tranche_ids: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
    notes: Type.Optional(Nullable(TexteLibre(10000))),
  },
  { additionalProperties: false },
);

export const ModificationMandat = Type.Object(
  {
    reference: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
    signataire: Type.Optional(Ligne({ minLength: 1, maxLength: 200 })),
    date_fin: Type.Optional(Nullable(DateJour)),
    notes: Type.Optional(Nullable(TexteLibre(10000))),
    actif: Type.Optional(Type.Boolean({ description: "false : révoquer le mandat immédiatement" })),
    ajouter_numeros: Type.Optional(Numeros),
    ajouter_tranche_ids: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const LigneDeclaree = Type.Object({
  numero: Type.String(),
  fondement: Type.Union([Type.Literal("CONTRAT"), Type.Literal("MANDAT")]),
  mandat_id: Nullable(Type.Integer()),
  client: Nullable(Type.String()),
});

export const Changements = Type.Object({
  // the first 200 of each; the counts (ajouts, retraits, modifies, changements_totaux) are of all of them
  ajoutes: Type.Array(Type.String()),
  retires: Type.Array(Type.String()),
  modifies: Type.Array(Type.String(), { description: "Toujours déclarés, sur un autre fondement" }),
});

export const Apercu = Type.Object({
  operateur_id: Type.Integer(),
  instant: DateHeure,
  total: Type.Integer({ description: "Nombre de numéros que la déclaration donnerait" }),
  numeros: Type.Array(LigneDeclaree, {
    description: "Les 200 premiers ; le fichier de la déclaration les donne tous",
  }),
  derniere: Nullable(Type.Object({ id: Type.Integer(), instant: DateHeure })),
  changements: Type.Object(Changements.properties, { description: "Les 200 premiers de chaque liste" }),
  changements_totaux: Type.Object({
    ajoutes: Type.Integer(),
    retires: Type.Integer(),
    modifies: Type.Integer(),
  }),
});

export const Declaration = Type.Object({
  id: Type.Integer(),
  operateur_id: Type.Integer(),
  operateur: Type.String(),
  instant: DateHeure,
  auteur: Type.String(),
  format: Type.String(),
  nombre: Type.Integer(),
  ajouts: Type.Integer(),
  retraits: Type.Integer(),
  somme_sha256: Type.String(),
  date_creation: DateHeure,
});

export const DeclarationCreee = Type.Composite([
  Declaration,
  Type.Object({ changements: Changements, modifies: Type.Integer() }),
]);

export const Presentation = Type.Object({
  numero: Type.String(),
  instant: DateHeure,
  titulaire: Type.String({
    description: "SOCIETE : le nôtre (contrat opérateur) ; CLIENT : présenté sous mandat",
  }),
  presentations: Type.Array(
    Type.Object({
      affectation_id: Type.Integer(),
      date_debut: DateHeure,
      date_fin: Nullable(DateHeure),
      campagne: Type.Object({ id: Type.Integer(), code: Type.String(), nom: Type.String() }),
      client: Type.Object({ id: Type.Integer(), code: Type.String(), nom: Type.String() }),
      fondement: Nullable(Type.Union([Type.Literal("CONTRAT"), Type.Literal("MANDAT")])),
      mandat: Nullable(
        Type.Object({
          id: Type.Integer(),
          reference: Nullable(Type.String()),
          signataire: Type.String(),
          date_debut: Type.String(),
          date_fin: Nullable(Type.String()),
        }),
      ),
      presente: Type.Boolean({
        description: "Le routage présentait ce numéro pour cette campagne à cet instant",
      }),
      raison: Nullable(Type.String()),
    }),
  ),
});

export { Id };
