import { Type } from "@sinclair/typebox";
import { STATUTS_COMMANDE, STATUTS_DID, TYPES_DID } from "../../db/reference-data.js";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { Id } from "../../http/listes.js";
import { Ligne, TexteLibre, ValeurRoutage } from "../../http/textes.js";
import { terminerAffectationsDeCampagne } from "../affectations/affectations.service.js";
import { SchemaConfig, verifierConfig } from "../configs/config.schema.js";
import { NATURES } from "../dids/nature.js";
import { completerRegion, verifierType } from "./regles-referentiels.js";
import type { DefinitionRessource } from "./ressource.js";
import { registerResource } from "./ressources.routes.js";

const Code = Type.String({ pattern: "^[A-Z0-9_]{2,30}$", description: "Code en majuscules (A-Z, 0-9, _)" });
const Libelle = (max = 100) => Ligne({ minLength: 1, maxLength: max });
const Texte = (max: number) => TexteLibre(max);
const Couleur = Type.String({ pattern: "^#[0-9A-Fa-f]{6}$", description: "#RRGGBB" });
const Email = Type.String({ format: "email", maxLength: 254 });

const ADMIN_SEUL: DefinitionRessource["ecriture"] = "referentiels:ecrire";

export const RESSOURCES: DefinitionRessource[] = [
  {
    chemin: "indicatifs",
    table: "tel_indicatif",
    nom: "Indicatif",
    tag: "Référentiels",
    champs: {
      code: Type.String({ pattern: "^[A-Z]{2}$", description: "Code pays ISO 3166 (FR, BE...)" }),
      indicatif: Type.String({
        pattern: "^[1-9][0-9]{0,2}$",
        description: "Indicatif international, chiffres seuls (33)",
      }),
      libelle: Libelle(),
    },
    obligatoires: ["code", "indicatif", "libelle"],
    filtres: { code: Type.String({ maxLength: 2 }), indicatif: Type.String({ maxLength: 3 }) },
    recherche: ["code", "libelle", "indicatif"],
    triables: ["code", "libelle", "indicatif"],
    triParDefaut: "code",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "regions",
    table: "tel_region",
    nom: "Région",
    tag: "Référentiels",
    champs: {
      indicatif_id: Id,
      code: Type.String({ pattern: "^[A-Z0-9_]{2,20}$" }),
      libelle: Libelle(),
      prefixe: Type.String({ pattern: "^[0-9]{1,6}$" }),
    },
    obligatoires: ["indicatif_id", "code", "libelle"],
    calcules: { zone: Type.String({ description: "Zone du plan de numérotation où la région se trouve" }) },
    completer: completerRegion,
    filtres: { indicatif_id: Id, code: Type.String({ maxLength: 20 }) },
    recherche: ["code", "libelle", "prefixe"],
    triables: ["code", "libelle", "prefixe"],
    triParDefaut: "prefixe",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "operateurs",
    table: "tel_operateur",
    nom: "Opérateur",
    tag: "Référentiels",
    champs: {
      code: Code,
      nom: Libelle(),
      type: Type.Union([Type.Literal("VOIP"), Type.Literal("TRADITIONNEL"), Type.Literal("HYBRIDE")]),
      contact: Texte(500),
    },
    obligatoires: ["code", "nom"],
    filtres: { code: Type.String({ maxLength: 30 }), type: Type.String({ maxLength: 20 }) },
    recherche: ["code", "nom", "contact"],
    triables: ["code", "nom", "type"],
    triParDefaut: "nom",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "types-did",
    table: "tel_type_did",
    codesFiges: TYPES_DID.map(([code]) => code),
    nom: "Type de numéro",
    tag: "Référentiels",
    champs: {
      code: Code,
      libelle: Libelle(),
      description: Texte(1000),
      nature: Type.Union(
        NATURES.map((n) => Type.Literal(n)),
        { description: "Nature ARCEP que les règles lisent : un numéro prend tout type de sa nature" },
      ),
    },
    obligatoires: ["code", "libelle", "nature"],
    verifier: verifierType,
    filtres: { code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "libelle", "description"],
    triables: ["code", "libelle"],
    triParDefaut: "code",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "equipements",
    table: "tel_equipement",
    nom: "Équipement",
    tag: "Référentiels",
    champs: {
      code: Code,
      nom: Libelle(),
      type: Texte(50),
      ip_address: Type.String({ anyOf: [{ format: "ipv4" }, { format: "ipv6" }], maxLength: 45 }),
    },
    obligatoires: ["code", "nom"],
    filtres: { code: Type.String({ maxLength: 30 }), type: Type.String({ maxLength: 50 }) },
    recherche: ["code", "nom", "type", "ip_address"],
    triables: ["code", "nom", "type"],
    triParDefaut: "code",
    ecriture: ADMIN_SEUL,
    lecture: "infrastructure:lire",
  },
  {
    chemin: "statuts-did",
    table: "tel_statut_did",
    codesFiges: STATUTS_DID.map(([code]) => code),
    nom: "Statut de numéro",
    tag: "Référentiels",
    champs: {
      code: Type.String({ pattern: "^[A-Z_]{2,30}$" }),
      libelle: Libelle(),
      description: Texte(1000),
      ordre: Type.Integer(),
      couleur: Couleur,
    },
    obligatoires: ["code", "libelle", "couleur"],
    filtres: { code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "libelle"],
    triables: ["ordre", "code", "libelle"],
    triParDefaut: "ordre",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "statuts-commande",
    table: "tel_statut_commande",
    codesFiges: STATUTS_COMMANDE.map(([code]) => code),
    nom: "Statut de commande",
    tag: "Référentiels",
    champs: {
      code: Type.String({ pattern: "^[A-Z_]{2,30}$" }),
      libelle: Libelle(),
      description: Texte(1000),
      ordre: Type.Integer(),
      couleur: Couleur,
    },
    obligatoires: ["code", "libelle", "couleur"],
    filtres: { code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "libelle"],
    triables: ["ordre", "code", "libelle"],
    triParDefaut: "ordre",
    ecriture: ADMIN_SEUL,
    lecture: "referentiels:lire",
  },
  {
    chemin: "clouds",
    table: "tel_cloud",
    nom: "Cloud",
    tag: "Référentiels",
    champs: { code: Code, nom: Libelle(), routage: Texte(500) },
    obligatoires: ["code", "nom"],
    filtres: { code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "nom", "routage"],
    triables: ["code", "nom"],
    triParDefaut: "code",
    ecriture: ADMIN_SEUL,
    lecture: "infrastructure:lire",
  },
  {
    chemin: "clients",
    formatImport: "clients",
    table: "tel_client",
    nom: "Client",
    tag: "Clients",
    champs: {
      code: Code,
      nom: Libelle(200),
      siret: Type.String({ pattern: "^[0-9]{14}$", description: "14 chiffres" }),
      adresse: Texte(500),
      contact_nom: Texte(200),
      contact_email: Email,
      contact_tel: Texte(30),
    },
    obligatoires: ["code", "nom"],
    filtres: { code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "nom", "siret", "contact_nom", "contact_email"],
    triables: ["code", "nom"],
    triParDefaut: "nom",
    ecriture: "clients:ecrire",
    lecture: "clients:lire",
    colonneClient: "id",
  },
  {
    chemin: "groupements",
    table: "tel_groupement",
    nom: "Groupement",
    tag: "Clients",
    champs: { client_id: Id, code: Code, libelle: Libelle(200) },
    obligatoires: ["client_id", "code", "libelle"],
    filtres: { client_id: Id, code: Type.String({ maxLength: 30 }) },
    recherche: ["code", "libelle"],
    triables: ["code", "libelle", "client_id"],
    triParDefaut: "libelle",
    ecriture: "clients:ecrire",
    lecture: "clients:lire",
    colonneClient: "client_id",
    verifier: async (_db, valeurs, existant) => {
      if (existant && valeurs.client_id !== existant.client_id) {
        throw new ApiError(
          422,
          "CLIENT_IMMUABLE",
          "Un groupement ne change pas de client : créez-en un autre.",
          [{ champ: "client_id", message: "Non modifiable." }],
        );
      }
    },
  },
  {
    chemin: "campagnes",
    formatImport: "campagnes",
    table: "tel_campaign",
    nom: "Campagne",
    tag: "Campagnes",
    champs: {
      client_id: Id,
      code: Type.String({ pattern: "^[A-Z0-9_-]{2,40}$" }),
      nom: Libelle(200),
      description: Texte(2000),
      hermes_id: ValeurRoutage({
        minLength: 1,
        maxLength: 64,
        description:
          "Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage)",
      }),
      prospection: Type.Boolean({
        description: "Campagne de prospection : présentation de numéros NPV seulement (ARCEP)",
      }),
    },
    obligatoires: ["client_id", "code", "nom"],
    filtres: {
      client_id: Id,
      code: Type.String({ maxLength: 40 }),
      hermes_id: Type.String({ maxLength: 64 }),
      prospection: Type.Boolean(),
    },
    recherche: ["code", "nom", "hermes_id", "description"],
    triables: ["code", "nom", "hermes_id", "client_id"],
    triParDefaut: "code",
    ecriture: "clients:ecrire",
    lecture: "clients:lire",
    colonneClient: "client_id",
    avantMaj: async (ctx, existant, valeurs) => {
      if (existant.actif && valeurs.actif === false)
        await terminerAffectationsDeCampagne(
          ctx,
          existant.id as number,
          `Campagne ${existant.code} désactivée`,
        );
    },
  },
  {
    chemin: "configs",
    formatImport: "configs",
    table: "tel_did_config",
    nom: "Configuration",
    tag: "Configurations",
    champs: {
      code: Type.String({ pattern: "^[A-Z0-9_-]{2,40}$" }),
      nom: Libelle(200),
      description: Texte(2000),
      config: SchemaConfig,
    },
    obligatoires: ["code", "nom"],
    filtres: { code: Type.String({ maxLength: 40 }) },
    recherche: ["code", "nom", "description"],
    triables: ["code", "nom"],
    triParDefaut: "code",
    ecriture: "configurations:ecrire",
    lecture: "infrastructure:lire",
    json: ["config"],
    verifier: async (_db, valeurs) => {
      if (valeurs.config) verifierConfig(valeurs.config as Record<string, unknown>);
    },
  },
];

export async function referentielsRoutes(app: App) {
  for (const def of RESSOURCES) registerResource(app, def);
}
