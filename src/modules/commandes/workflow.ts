import type { Transaction } from "kysely";
import type { Config } from "../../config.js";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { exigerAcces } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { type Permission, peut } from "../auth/politique.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { EVENEMENTS, notifier } from "../notifications/notifications.service.js";
import { conflitVersion } from "../referentiels/ressource.js";
import {
  ajouterCommentaire,
  commandeVerrouillee,
  ecrireCommande,
  mettreEnStock,
  numerosLivres,
} from "./commandes.repository.js";

export const STATUTS_COMMANDE = [
  "BROUILLON",
  "SOUMISE",
  "VALIDEE",
  "EN_COURS",
  "LIVREE",
  "REJETEE",
  "ANNULEE",
] as const;
export type StatutCommande = (typeof STATUTS_COMMANDE)[number];

/** The order workflow in one place: which move, from which status, by whom, with what. */
export const TRANSITIONS_COMMANDE = {
  soumettre: {
    depuis: "BROUILLON",
    vers: "SOUMISE",
    permission: "commandes:demander",
    evenement: EVENEMENTS.SOUMISE,
    type: "INFO",
  },
  annuler: {
    depuis: "BROUILLON",
    vers: "ANNULEE",
    permission: "commandes:demander",
    evenement: null,
    type: "INFO",
  },
  // the requester changes their mind before staff act on it (a validated order is already at the carrier's)
  retirer: {
    depuis: "SOUMISE",
    vers: "ANNULEE",
    permission: "commandes:demander",
    evenement: null,
    type: "INFO",
  },
  valider: {
    depuis: "SOUMISE",
    vers: "VALIDEE",
    permission: "commandes:traiter",
    evenement: EVENEMENTS.VALIDEE,
    type: "VALIDATION",
  },
  rejeter: {
    depuis: "SOUMISE",
    vers: "REJETEE",
    permission: "commandes:traiter",
    evenement: EVENEMENTS.REJETEE,
    type: "REJET",
  },
  demarrer: {
    depuis: "VALIDEE",
    vers: "EN_COURS",
    permission: "commandes:traiter",
    evenement: null,
    type: "INFO",
  },
  livrer: {
    depuis: "EN_COURS",
    vers: "LIVREE",
    permission: "commandes:traiter",
    evenement: EVENEMENTS.LIVREE,
    type: "LIVRAISON",
  },
} as const satisfies Record<string, { permission: Permission; [autre: string]: unknown }>;
export type TransitionCommande = keyof typeof TRANSITIONS_COMMANDE;

/**
 * The moves this caller may make on an order in this status: what the extranet shows as buttons (the rules stay
 * here, not copied in the web app). A client withdraws a submitted order; staff validate or reject it instead.
 */
export function actionsPossibles(acteur: Acteur, statut: string): TransitionCommande[] {
  return (Object.keys(TRANSITIONS_COMMANDE) as TransitionCommande[]).filter((t) => {
    const r = TRANSITIONS_COMMANDE[t];
    if (r.depuis !== statut || !peut(acteur, r.permission)) return false;
    return !(t === "retirer" && peut(acteur, "commandes:traiter"));
  });
}

export const LIBELLES: Record<StatutCommande, string> = {
  BROUILLON: "brouillon",
  SOUMISE: "soumise",
  VALIDEE: "validée",
  EN_COURS: "en cours chez l'opérateur",
  LIVREE: "livrée",
  REJETEE: "rejetée",
  ANNULEE: "annulée",
};

export async function verrouillerCommande(trx: Transaction<DB>, acteur: Acteur, id: number) {
  return exigerAcces(acteur, "Commande", await commandeVerrouillee(trx, id), (c) => c.client_id);
}

export interface ParametresTransition {
  commentaire?: string | undefined;
  reference_operateur?: string | undefined;
  /** At the start with the carrier: who supplies the numbers and at what price (copied onto them). */
  operateur_id?: number | undefined;
  cout_mensuel?: number | null | undefined;
  cout_mise_en_service?: number | null | undefined;
  version?: number | undefined;
}

export async function transitionCommande(
  { db, config, acteur, maintenant }: Contexte,
  id: number,
  transition: TransitionCommande,
  p: ParametresTransition,
) {
  return enTransaction(db, (trx) => appliquerTransition(trx, config, acteur, id, transition, p, maintenant));
}

/** One order transition inside the caller's transaction (a delivery that closes the order uses the same one). */
export async function appliquerTransition(
  trx: Transaction<DB>,
  config: Config,
  acteur: Acteur,
  id: number,
  transition: TransitionCommande,
  p: ParametresTransition,
  maintenant: Date,
) {
  const regle = TRANSITIONS_COMMANDE[transition];
  // checked here, so that a transition reached from elsewhere (a delivery that closes the order) checks it too
  if (!peut(acteur, regle.permission)) {
    throw new ApiError(403, "INTERDIT", `Votre rôle ne permet pas de ${transition} une commande.`);
  }
  const c = await verrouillerCommande(trx, acteur, id);
  if (p.version !== undefined && p.version !== c.version) throw conflitVersion();
  if (c.statut_code !== regle.depuis) {
    throw new ApiError(
      409,
      "TRANSITION_INTERDITE",
      `Impossible de ${transition} une commande ${LIBELLES[c.statut_code as StatutCommande]}.`,
      undefined,
      {
        statut_actuel: c.statut_code,
      },
    );
  }
  if (transition === "rejeter" && !p.commentaire?.trim()) {
    throw new ApiError(422, "MOTIF_OBLIGATOIRE", "Un rejet doit être motivé.", [
      { champ: "commentaire", message: "Obligatoire pour rejeter." },
    ]);
  }
  if (transition === "demarrer" && !p.reference_operateur?.trim()) {
    throw new ApiError(
      422,
      "REFERENCE_OPERATEUR_OBLIGATOIRE",
      "Indiquez la référence de la commande chez l'opérateur.",
      [{ champ: "reference_operateur", message: "Obligatoire pour démarrer." }],
    );
  }
  if (transition === "demarrer" && !p.operateur_id && !c.operateur_id) {
    throw new ApiError(
      422,
      "OPERATEUR_OBLIGATOIRE",
      "Indiquez l'opérateur chez qui la commande est passée : il sera reporté sur les numéros livrés.",
      [{ champ: "operateur_id", message: "Obligatoire pour démarrer." }],
    );
  }
  const set: Record<string, unknown> = {};
  if (transition === "valider" || transition === "rejeter") {
    set.valideur_nom = acteur.nom;
    set.date_validation = maintenant;
    set.commentaire_validation = p.commentaire ?? null;
  }
  if (transition === "demarrer") {
    set.reference_operateur = p.reference_operateur;
    if (p.operateur_id) set.operateur_id = p.operateur_id;
    if (p.cout_mensuel !== undefined) set.cout_mensuel = p.cout_mensuel;
    if (p.cout_mise_en_service !== undefined) set.cout_mise_en_service = p.cout_mise_en_service;
  }
  if (transition === "livrer") {
    const livres = await numerosLivres(trx, id);
    if (livres.length === 0) {
      throw new ApiError(
        409,
        "AUCUN_NUMERO_LIVRE",
        "Saisissez les numéros reçus avant de clore la livraison.",
      );
    }
    set.date_livraison = maintenant;
    // The numbers received are delivered (COMMANDE→DISPONIBLE) and, held by the ordering client, Affecté to it
    // (DISPONIBLE→AFFECTE): the one rule for a number a client holds with no campaign, whatever the path.
    const aRendreDisponibles = livres.filter((d) => d.statut === "COMMANDE").map((d) => d.id);
    if (aRendreDisponibles.length > 0) {
      const statutFinal = c.client_id === null ? "DISPONIBLE" : "AFFECTE";
      await mettreEnStock(trx, aRendreDisponibles, statutFinal, jourMetier(maintenant), acteur.nom);
      for (const didId of aRendreDisponibles) {
        await ecrireHistorique(
          trx,
          acteur,
          didId,
          "LIVRER",
          [
            { champ: "statut", avant: "COMMANDE", apres: "DISPONIBLE" },
            ...(statutFinal === "AFFECTE"
              ? [{ champ: "statut", avant: "DISPONIBLE", apres: "AFFECTE" }]
              : []),
          ],
          `Commande ${c.reference} livrée`,
          maintenant,
        );
      }
    }
  }
  const apres = await ecrireCommande(trx, id, regle.vers, set);
  const texte = `Commande ${LIBELLES[regle.vers]} par ${acteur.nom}${p.reference_operateur ? ` (référence opérateur ${p.reference_operateur})` : ""}${p.commentaire ? ` : ${p.commentaire}` : "."}`;
  await ajouterCommentaire(trx, id, acteur.nom, texte, regle.type);
  const {
    statut_code: _a,
    client_nom: _b,
    type_code: _c,
    region_code: _d,
    type_nature: _e,
    region_zone: _f,
    ...avant
  } = c;
  await ecrireAudit(trx, acteur, {
    entite: "tel_did_commande",
    entiteId: id,
    action: transition.toUpperCase(),
    avant,
    apres,
    motif: p.commentaire ?? null,
  });
  if (regle.evenement) {
    await notifier(trx, config, regle.evenement, {
      id,
      reference: c.reference,
      client: c.client_nom,
      quantite: c.quantite,
      type: c.type_code,
      demandeur_email: c.demandeur_email,
      statut: regle.vers,
      commentaire: p.commentaire ?? null,
    });
  }
  return apres;
}
