import { Type } from "@sinclair/typebox";
import { DateHeure, Id, Nullable } from "../../http/listes.js";
import { Ligne, MOTIF_PREFIXE, TexteLibre } from "../../http/textes.js";
import { TRANSITIONS_COMMANDE } from "./workflow.js";

export const Commande = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  client_id: Type.Integer(),
  client: Type.String(),
  groupement_id: Nullable(Type.Integer()),
  groupement: Nullable(Type.String()),
  demandeur_nom: Type.String(),
  demandeur_email: Nullable(Type.String()),
  demandeur_tel: Nullable(Type.String()),
  operateur_id: Nullable(Type.Integer()),
  operateur: Nullable(Type.String()),
  type_did_id: Type.Integer(),
  type_code: Type.String(),
  type: Type.String(),
  region_id: Nullable(Type.Integer()),
  region_code: Nullable(Type.String()),
  region: Nullable(Type.String()),
  quantite: Type.Integer(),
  quantite_livree: Type.Integer(),
  prefixe_souhaite: Nullable(Type.String()),
  motif: Nullable(Type.String()),
  urgence: Type.String(),
  date_souhaitee: Nullable(Type.String()),
  statut_id: Type.Integer(),
  statut_code: Type.String(),
  statut: Type.String(),
  statut_couleur: Type.String(),
  valideur_nom: Nullable(Type.String()),
  date_validation: Nullable(DateHeure),
  commentaire_validation: Nullable(Type.String()),
  reference_operateur: Nullable(Type.String()),
  cout_mensuel: Nullable(
    Type.Number({
      description: "Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés",
    }),
  ),
  cout_mise_en_service: Nullable(
    Type.Number({ description: "Frais de mise en service d'un numéro (€), reportés sur les numéros livrés" }),
  ),
  date_livraison: Nullable(DateHeure),
  created_by: Nullable(Type.String()),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  actions_possibles: Type.Optional(
    Type.Array(Type.Union(Object.keys(TRANSITIONS_COMMANDE).map((a) => Type.Literal(a))), {
      description:
        "Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action}",
    }),
  ),
});

export const Commentaire = Type.Object({
  id: Type.Integer(),
  auteur: Type.String(),
  auteur_nom: Type.Optional(
    Type.String({
      description: "Le nom de la personne quand l'auteur est un compte (auteur : son identifiant)",
    }),
  ),
  commentaire: Type.String(),
  type: Type.String(),
  date_creation: DateHeure,
});

export const Urgence = Type.Union(["BASSE", "NORMALE", "HAUTE", "URGENTE"].map((u) => Type.Literal(u)));
export const ChampsCommande = {
  groupement_id: Type.Optional(Nullable(Id)),
  demandeur_nom: Type.Optional(Ligne({ minLength: 1, maxLength: 200 })),
  demandeur_email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
  demandeur_tel: Type.Optional(Nullable(Ligne({ maxLength: 30 }))),
  operateur_id: Type.Optional(Nullable(Id)),
  region_id: Type.Optional(Nullable(Id)),
  prefixe_souhaite: Type.Optional(Nullable(Type.String({ pattern: MOTIF_PREFIXE }))),
  motif: Type.Optional(Nullable(TexteLibre(2000))),
  urgence: Type.Optional(Urgence),
  date_souhaitee: Type.Optional(Nullable(Type.String({ format: "date" }))),
};
export const Quantite = Type.Integer({ minimum: 1, maximum: 1000, description: "1 à 1000 numéros" });
