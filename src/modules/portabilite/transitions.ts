import type { Contexte } from "../../contexte.js";
import { enTransaction } from "../../db/transaction.js";
import { lireIsoMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { peut } from "../auth/politique.js";
import { conflitVersion } from "../referentiels/ressource.js";
import { defaireBascule, notifierDemande } from "./bascule.js";
import { EVENEMENTS_PORTABILITE } from "./notifications.js";
import {
  ajouterCommentaire,
  ecrireNumero,
  ecrirePortabilite,
  numerosDemande,
} from "./portabilite.repository.js";
import { verrouillerDemande } from "./portabilite.service.js";
import { actionsPossiblesPortabilite, type TransitionPortabilite } from "./workflow.js";

export interface ParametresTransitionPortabilite {
  commentaire?: string | undefined;
  /** confirmer: the switch's date and time (ISO 8601; without an offset, Paris time). */
  bascule_le?: string | undefined;
  /** rejeter-numeros: the request's number lines the donor refused. */
  numero_ids?: number[] | undefined;
  version?: number | undefined;
}

const incomplete = (message: string, champ: string) =>
  new ApiError(422, "PORTABILITE_INCOMPLETE", message, [{ champ, message }]);

/** One move of the workflow, with its line in the thread, its audit entry and its notification. */
export async function transitionPortabilite(
  ctx: Contexte,
  id: number,
  action: TransitionPortabilite,
  p: ParametresTransitionPortabilite,
) {
  const { acteur, maintenant, config } = ctx;
  return enTransaction(ctx.db, async (trx) => {
    const d = await verrouillerDemande(trx, acteur, id);
    if (p.version !== undefined && p.version !== d.version) throw conflitVersion();
    if (!actionsPossiblesPortabilite(acteur, d.statut).includes(action)) {
      if (
        !peut(acteur, "portabilites:traiter") &&
        ["confirmer", "rejeter", "rejeter-numeros", "echec"].includes(action)
      )
        throw new ApiError(
          403,
          "INTERDIT",
          "Seul le personnel fait avancer une portabilité chez l'opérateur.",
        );
      throw new ApiError(
        409,
        "PORTABILITE_TRANSITION_INTERDITE",
        `Action « ${action} » impossible : la demande est au statut ${d.statut}.`,
        undefined,
        { statut_actuel: d.statut, actions_possibles: actionsPossiblesPortabilite(acteur, d.statut) },
      );
    }
    const lignes = await numerosDemande(trx, id);
    const enAttente = lignes.filter((l) => l.statut === "EN_ATTENTE");
    const motif = p.commentaire?.trim() || null;
    let set: Parameters<typeof ecrirePortabilite>[2] = {};
    let evenement: (typeof EVENEMENTS_PORTABILITE)[keyof typeof EVENEMENTS_PORTABILITE] | null = null;
    let trace = "";
    if (action === "soumettre") {
      if (enAttente.length === 0) throw incomplete("Ajoutez au moins un numéro à porter.", "numeros");
      if (!d.mandat_sha256)
        throw incomplete(
          "Déposez le mandat de portabilité signé par le client (PDF) avant de soumettre.",
          "mandat",
        );
      set = { statut: "SOUMISE" };
      evenement = EVENEMENTS_PORTABILITE.SOUMISE;
      trace = "Demande soumise.";
    } else if (action === "annuler") {
      set = { statut: "ANNULEE" };
      trace = `Demande annulée.${motif ? ` ${motif}` : ""}`;
    } else if (action === "confirmer") {
      const bascule = p.bascule_le ? lireIsoMetier(p.bascule_le) : undefined;
      if (!bascule)
        throw incomplete("Indiquez la date et l'heure de la bascule (heure de Paris).", "bascule_le");
      if (bascule <= maintenant) throw incomplete("La bascule se fixe dans le futur.", "bascule_le");
      if (enAttente.length === 0) throw incomplete("Aucun numéro ne reste à porter.", "numeros");
      const deplacee = d.statut === "DATE_CONFIRMEE";
      // a moved switch asks for its reminders again
      set = {
        statut: "DATE_CONFIRMEE",
        bascule_le: bascule,
        rappel_j7_le: null,
        rappel_j1_le: null,
        erreur_bascule: null,
      };
      evenement = EVENEMENTS_PORTABILITE.DATE_CONFIRMEE;
      trace = `${deplacee ? "Bascule déplacée" : "Date de bascule confirmée"} : ${bascule.toISOString()}.`;
    } else if (action === "rejeter") {
      if (!motif)
        throw incomplete("Indiquez le motif du rejet donné par l'opérateur donneur.", "commentaire");
      for (const l of enAttente) await ecrireNumero(trx, l.id, { statut: "REJETE", motif_rejet: motif });
      set = { statut: "REJETEE", motif_rejet: motif };
      evenement = EVENEMENTS_PORTABILITE.REJETEE;
      trace = `Demande rejetée par l'opérateur donneur : ${motif}`;
    } else if (action === "rejeter-numeros") {
      if (!motif)
        throw incomplete("Indiquez le motif du rejet donné par l'opérateur donneur.", "commentaire");
      const ids = new Set(p.numero_ids ?? []);
      const vises = enAttente.filter((l) => ids.has(l.id));
      if (vises.length === 0 || vises.length !== ids.size)
        throw incomplete("Choisissez des numéros de la demande encore en attente.", "numero_ids");
      for (const l of vises) await ecrireNumero(trx, l.id, { statut: "REJETE", motif_rejet: motif });
      // every number refused: the whole request is
      set = vises.length === enAttente.length ? { statut: "REJETEE", motif_rejet: motif } : {};
      evenement =
        vises.length === enAttente.length
          ? EVENEMENTS_PORTABILITE.REJETEE
          : EVENEMENTS_PORTABILITE.NUMEROS_REJETES;
      trace = `Rejeté(s) par l'opérateur donneur (${motif}) : ${vises.map((v) => v.numero).join(", ")}.`;
    } else if (action === "echec") {
      if (!motif) throw incomplete("Indiquez pourquoi la bascule a échoué.", "commentaire");
      const defaits = d.statut === "PORTEE" ? await defaireBascule(trx, ctx, d, motif) : 0;
      set = { statut: "SOUMISE", bascule_le: null, mandat_id: null, rappel_j7_le: null, rappel_j1_le: null };
      evenement = EVENEMENTS_PORTABILITE.ECHEC;
      trace = `Bascule échouée : ${motif}${defaits ? ` (${defaits} numéro(s) retirés du service)` : ""}. La demande attend une nouvelle date.`;
    }
    const apres = await ecrirePortabilite(trx, id, { ...set, modified_by: acteur.nom });
    await ajouterCommentaire(
      trx,
      id,
      acteur.nom,
      motif && !trace.includes(motif) ? `${trace} ${motif}` : trace,
      action.startsWith("rejeter")
        ? "REJET"
        : action === "echec" || action === "confirmer"
          ? "BASCULE"
          : "INFO",
    );
    await ecrireAudit(trx, acteur, {
      entite: "tel_portabilite",
      entiteId: id,
      action: `ACTION_${action.toUpperCase().replace(/-/g, "_")}`,
      avant: { statut: d.statut, bascule_le: d.bascule_le },
      apres: { statut: apres.statut, bascule_le: apres.bascule_le },
      motif,
    });
    if (evenement) await notifierDemande(trx, config, evenement, apres, maintenant, motif);
    return id;
  });
}
