import type { Contexte } from "../../contexte.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { lireSaisieNumeros, normaliser } from "../../numbering/index.js";
import { peut } from "../auth/politique.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { creerDid } from "../dids/dids.service.js";
import { trancheDeLivraison } from "../tranches/tranches.service.js";

import { ajouterCommentaire, ajouterLigne, nombreLivres, numerosExistants } from "./commandes.repository.js";
import { appliquerTransition, LIBELLES, type StatutCommande, verrouillerCommande } from "./workflow.js";

// The delivery of an order's numbers: received from the operator, created in the client's stock, and the order
// closed when asked, in one transaction.

export interface Livraison {
  numeros: string | string[];
  depassement?: boolean | undefined;
  terminer?: boolean | undefined;
  simulation?: boolean | undefined;
  /** Numbers of a block the numbering metadata does not know yet: created, marked hors_plan, to be reviewed. */
  accepter_plages_inconnues?: boolean | undefined;
}

export async function livrerNumeros({ db, config, acteur, maintenant }: Contexte, id: number, l: Livraison) {
  if (!peut(acteur, "commandes:traiter"))
    throw new ApiError(403, "INTERDIT", "Seul le personnel saisit les livraisons.");
  const plages = { plagesInconnues: !!l.accepter_plages_inconnues };
  const { numeros, erreurs } = lireSaisieNumeros(l.numeros, plages);
  const resultat = await enTransaction(db, async (trx) => {
    const c = await verrouillerCommande(trx, acteur, id);
    if (c.statut_code !== "EN_COURS") {
      throw new ApiError(
        409,
        "TRANSITION_INTERDITE",
        `Les numéros se saisissent sur une commande en cours ; celle-ci est ${LIBELLES[c.statut_code as StatutCommande]}.`,
      );
    }
    const rejets = [...erreurs];
    const normalises: Array<{ entree: string; e164: string; type: string; region: string | null }> = [];
    const vus = new Set<string>();
    for (const n of numeros) {
      const r = normaliser(n, "FR", plages);
      if (!r.ok) {
        rejets.push({ entree: n, raison: r.raison });
      } else if (vus.has(r.numero.e164)) {
        rejets.push({ entree: n, raison: "Numéro saisi deux fois." });
      } else if (r.numero.type !== c.type_nature) {
        rejets.push({
          entree: n,
          raison: `Type ${r.numero.type} alors que la commande porte sur ${c.type_code} (nature ${c.type_nature}).`,
        });
      } else if (c.region_code && r.numero.region !== c.region_zone) {
        // an order for a zone is delivered in that zone: local presence depends on it
        rejets.push({
          entree: n,
          raison: `Zone ${r.numero.region ?? "(aucune)"} alors que la commande porte sur la zone ${c.region_code}.`,
        });
      } else {
        vus.add(r.numero.e164);
        normalises.push({ entree: n, e164: r.numero.e164, type: r.numero.type, region: r.numero.region });
      }
    }
    if (normalises.length > 0) {
      const existants = await numerosExistants(
        trx,
        normalises.map((n) => n.e164),
      );
      for (const e of existants) {
        rejets.push({
          entree: e.did_format_e164,
          // said as people read it: the number's status by its label, its client by name (never a row id)
          raison: `Déjà dans l'inventaire (${e.statut_libelle.toLocaleLowerCase("fr-FR")}${e.client ? `, client ${e.client}` : ""}) : retirez-le de la livraison.`,
        });
      }
      const pris = new Set(existants.map((e) => e.did_format_e164));
      for (let i = normalises.length - 1; i >= 0; i--)
        if (pris.has((normalises[i] as { e164: string }).e164)) normalises.splice(i, 1);
    }
    if (rejets.length > 0) {
      throw new ApiError(
        422,
        "LIVRAISON_INVALIDE",
        `${rejets.length} entrée(s) refusée(s) : rien n'a été enregistré.`,
        undefined,
        { rejets },
      );
    }
    const dejaLivres = Number(await nombreLivres(trx, id));
    if (dejaLivres + normalises.length > c.quantite && !l.depassement) {
      throw new ApiError(
        409,
        "QUANTITE_DEPASSEE",
        `La commande porte sur ${c.quantite} numéros, ${dejaLivres} déjà livrés : ${normalises.length} de plus dépasserait la quantité. Confirmez avec « depassement ».`,
        undefined,
        { quantite: c.quantite, deja_livres: dejaLivres, proposes: normalises.length },
      );
    }
    if (l.simulation)
      return { livres: normalises.map((n) => n.e164), deja_livres: dejaLivres, simulation: true };
    for (const n of normalises) {
      const cree = await creerDid(
        trx,
        acteur,
        {
          numero: n.e164,
          accepter_plages_inconnues: l.accepter_plages_inconnues,
          statut: "COMMANDE",
          // the order's own type and region (a « Régionalisé », PACA), checked against each number
          type_id: c.type_did_id,
          ...(c.region_id ? { region_id: c.region_id } : {}),
          client_id: c.client_id,
          groupement_id: c.groupement_id,
          operateur_id: c.operateur_id,
          reference_externe: c.reference_operateur,
          cout_mensuel: c.cout_mensuel,
          cout_mise_en_service: c.cout_mise_en_service,
          date_acquisition: jourMetier(maintenant),
          description: `Commande ${c.reference}`,
        },
        maintenant,
      );
      await ajouterLigne(trx, id, cree.id);
      await ecrireHistorique(
        trx,
        acteur,
        cree.id,
        "COMMANDE",
        [{ champ: "commande", avant: null, apres: c.reference }],
        `Reçu sur la commande ${c.reference}`,
        maintenant,
      );
    }
    await ajouterCommentaire(
      trx,
      id,
      acteur.nom,
      `${normalises.length} numéro(s) reçu(s) de l'opérateur (total ${dejaLivres + normalises.length}/${c.quantite}).`,
      "LIVRAISON",
    );
    // contiguous numbers are a carrier block: recorded as such, with the order's operator and reference
    const trancheId = await trancheDeLivraison(
      trx,
      acteur,
      maintenant,
      c,
      normalises.map((n) => n.e164),
    );
    // closing the order belongs to the same transaction: numbers received and order delivered, or neither
    if (l.terminer) await appliquerTransition(trx, config, acteur, id, "livrer", {}, maintenant);
    return {
      livres: normalises.map((n) => n.e164),
      deja_livres: dejaLivres,
      simulation: false,
      tranche_id: trancheId,
    };
  });
  return resultat;
}
