import type { Contexte } from "../../contexte.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { dansLaPortee, exigerAcces, porteeDuActeur } from "../auth/acces.js";
import { coordonneesDuCompte } from "../auth/auth.repository.js";
import { conflitVersion } from "../referentiels/ressource.js";
import {
  ajouterCommentaire,
  clientDeCommande,
  commandeVerrouillee,
  insererCommande,
  modifierLigneCommande,
  prochaineReference,
  statutCommandeId,
} from "./commandes.repository.js";

export interface EntreeCommande {
  client_id?: number | undefined;
  groupement_id?: number | null | undefined;
  demandeur_nom?: string | undefined;
  demandeur_email?: string | null | undefined;
  demandeur_tel?: string | null | undefined;
  operateur_id?: number | null | undefined;
  type_did_id?: number | undefined;
  region_id?: number | null | undefined;
  quantite?: number | undefined;
  prefixe_souhaite?: string | null | undefined;
  motif?: string | null | undefined;
  urgence?: "BASSE" | "NORMALE" | "HAUTE" | "URGENTE" | undefined;
  date_souhaitee?: string | null | undefined;
}

const commandePourAutrui = () =>
  new ApiError(403, "INTERDIT", "Vous ne pouvez commander que pour votre propre client.");

/**
 * Next reference of the year. The counter row is locked by the UPDATE until the transaction ends, so
 * concurrent creations queue on it: references are distinct, consecutive, and a rolled-back creation
 * gives its number back.
 */
export async function creerCommande({ db, acteur, maintenant }: Contexte, e: EntreeCommande) {
  const portee = porteeDuActeur(acteur);
  const clientId = "client" in portee ? portee.client : e.client_id;
  if (!clientId)
    throw new ApiError(422, "VALIDATION", "Le client est obligatoire.", [
      { champ: "client_id", message: "Champ obligatoire." },
    ]);
  if (e.client_id !== undefined && !dansLaPortee(acteur, e.client_id)) throw commandePourAutrui();
  return enTransaction(db, async (trx) => {
    // the year of the order in Paris: an order placed at 00:30 on 1 January, Paris time, is of the new year
    const reference = await prochaineReference(trx, Number(jourMetier(maintenant).slice(0, 4)));
    // a person ordering through the extranet is the requester: told of its order at its account's address
    const compte =
      acteur.type === "UTILISATEUR" && acteur.utilisateurId !== undefined
        ? await coordonneesDuCompte(trx, acteur.utilisateurId)
        : undefined;
    const cree = await insererCommande(trx, {
      ...e,
      reference,
      client_id: clientId,
      demandeur_nom: e.demandeur_nom ?? compte?.nom ?? acteur.nom,
      demandeur_email: e.demandeur_email ?? compte?.email ?? null,
      type_did_id: e.type_did_id as number,
      quantite: e.quantite as number,
      statut_id: await statutCommandeId(trx, "BROUILLON"),
      created_by: acteur.nom,
    });
    await ajouterCommentaire(trx, cree.id, acteur.nom, `Commande ${reference} créée (brouillon).`, "INFO");
    await ecrireAudit(trx, acteur, {
      entite: "tel_did_commande",
      entiteId: cree.id,
      action: "CREATION",
      apres: cree,
    });
    return cree;
  });
}

/** A draft is edited by its requester or staff; once submitted, only the workflow moves it. */
export async function modifierCommande(
  { db, acteur }: Contexte,
  id: number,
  e: EntreeCommande,
  version: number | undefined,
) {
  return enTransaction(db, async (trx) => {
    const avant = exigerAcces(acteur, "Commande", await commandeVerrouillee(trx, id), (c) => c.client_id);
    if (version !== undefined && avant.version !== version) throw conflitVersion();
    if (avant.statut_code !== "BROUILLON") {
      throw new ApiError(
        409,
        "COMMANDE_NON_MODIFIABLE",
        "Seul un brouillon se modifie ; cette commande a déjà été soumise.",
      );
    }
    if (e.client_id !== undefined && !dansLaPortee(acteur, e.client_id)) throw commandePourAutrui();
    const {
      statut_code: _s,
      client_nom: _c,
      type_code: _t,
      region_code: _r,
      type_nature: _n,
      region_zone: _z,
      ...ancien
    } = avant;
    const apres = await modifierLigneCommande(trx, id, e);
    await ecrireAudit(trx, acteur, {
      entite: "tel_did_commande",
      entiteId: id,
      action: "MODIFICATION",
      avant: ancien,
      apres,
    });
    return apres;
  });
}

export async function commenterCommande({ db, acteur }: Contexte, id: number, commentaire: string) {
  return enTransaction(db, async (trx) => {
    exigerAcces(acteur, "Commande", await clientDeCommande(trx, id), (c) => c.client_id);
    const cree = await ajouterCommentaire(trx, id, acteur.nom, commentaire, "COMMENTAIRE");
    await ecrireAudit(trx, acteur, {
      entite: "tel_did_commande_commentaire",
      entiteId: cree.id,
      action: "CREATION",
      apres: cree,
    });
    return cree;
  });
}
