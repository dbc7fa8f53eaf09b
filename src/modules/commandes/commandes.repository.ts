import { sql } from "kysely";
import type { Executor } from "../history/audit.repository.js";

/** Orders with the labels people read: client, type, region, operator, status and its colour, age in days. */
export function selectCommande(db: Executor) {
  return db
    .selectFrom("tel_did_commande as c")
    .innerJoin("tel_client as cl", "cl.id", "c.client_id")
    .innerJoin("tel_statut_commande as s", "s.id", "c.statut_id")
    .innerJoin("tel_type_did as t", "t.id", "c.type_did_id")
    .leftJoin("tel_region as r", "r.id", "c.region_id")
    .leftJoin("tel_operateur as o", "o.id", "c.operateur_id")
    .leftJoin("tel_groupement as g", "g.id", "c.groupement_id")
    .select([
      "c.id",
      "c.reference",
      "c.client_id",
      "cl.nom as client",
      "c.groupement_id",
      "g.libelle as groupement",
      "c.demandeur_nom",
      "c.demandeur_email",
      "c.demandeur_tel",
      "c.operateur_id",
      "o.nom as operateur",
      "c.type_did_id",
      "t.code as type_code",
      "t.libelle as type",
      "c.region_id",
      "r.code as region_code",
      "r.libelle as region",
      "c.quantite",
      "c.prefixe_souhaite",
      "c.motif",
      "c.urgence",
      "c.date_souhaitee",
      "c.statut_id",
      "s.code as statut_code",
      "s.libelle as statut",
      "s.couleur as statut_couleur",
      "c.valideur_nom",
      "c.date_validation",
      "c.commentaire_validation",
      "c.reference_operateur",
      "c.cout_mensuel",
      "c.cout_mise_en_service",
      "c.date_livraison",
      "c.created_by",
      "c.actif",
      "c.version",
      "c.date_creation",
      "c.date_modification",
      sql<number>`(SELECT count(*) FROM tel_did_commande_ligne l WHERE l.commande_id = c.id)`.as(
        "quantite_livree",
      ),
    ]);
}
