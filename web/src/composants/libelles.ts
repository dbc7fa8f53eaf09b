import { ACTIONS_DID } from "../dids/actions";

/**
 * The words of the history and the audit log as people read them: field, action and table names in French,
 * instead of the database's column and code names.
 */
export const LIBELLES_CHAMPS: Record<string, string> = {
  statut: "Statut",
  statut_id: "Statut",
  client_id: "Client",
  groupement_id: "Groupement",
  operateur_id: "Opérateur",
  type_id: "Type",
  type_did_id: "Type",
  region_id: "Région",
  equipement_id: "Équipement",
  cloud_id: "Cloud",
  campaign_id: "Campagne",
  campagne: "Campagne",
  config: "Configuration",
  config_id: "Configuration",
  did_id: "Numéro",
  did: "Numéro national",
  did_format_e164: "Numéro (E.164)",
  description: "Description",
  reference_externe: "Référence opérateur",
  reference_operateur: "Référence opérateur",
  date_acquisition: "Date d'acquisition",
  date_activation: "Date d'activation",
  date_resiliation: "Date de résiliation",
  date_debut: "Début",
  date_fin: "Fin",
  date_souhaitee: "Date souhaitée",
  date_validation: "Date de validation",
  date_livraison: "Date de livraison",
  cout_mensuel: "Coût mensuel",
  cout_mise_en_service: "Frais de mise en service",
  notes: "Notes",
  actif: "Actif",
  entrant: "Entrant",
  sortant: "Sortant",
  alias: "Alias",
  priorite: "Priorité",
  affectations: "Affectations aux campagnes",
  commande: "Commande",
  hors_plan: "Hors des tranches connues",
  nom: "Nom",
  code: "Code",
  libelle: "Libellé",
  email: "E-mail",
  role: "Rôle",
  login: "Identifiant",
  hermes_id: "Id Hermes",
  quantite: "Quantité",
  urgence: "Urgence",
  motif: "Motif",
  valideur_nom: "Validée par",
  commentaire_validation: "Commentaire de validation",
  created_by: "Créé par",
  modified_by: "Modifié par",
  demandeur_nom: "Demandeur",
  demandeur_email: "E-mail du demandeur",
};

export const LIBELLES_ENTITES: Record<string, string> = {
  tel_did: "Numéro",
  tel_did_virtual: "Affectation",
  tel_did_commande: "Commande",
  tel_client: "Client",
  tel_groupement: "Groupement",
  tel_campaign: "Campagne",
  tel_did_config: "Configuration",
  tel_did_commande_commentaire: "Commentaire de commande",
  tel_indicatif: "Pays / indicatif",
  tel_statut_did: "Statut de numéro",
  tel_statut_commande: "Statut de commande",
  tel_utilisateur: "Compte",
  tel_cle_api: "Clé API",
  tel_publication: "Publication Hermes",
  tel_operateur: "Opérateur",
  tel_region: "Région",
  tel_type_did: "Type de numéro",
  tel_equipement: "Équipement",
  tel_cloud: "Cloud",
  sauvegarde: "Sauvegarde",
  import: "Import",
};

const ACTIONS: Record<string, string> = {
  CREATION: "Création",
  MODIFICATION: "Modification",
  SUPPRESSION: "Suppression",
  CHANGEMENT_STATUT: "Changement de statut",
  CONFIGURATION: "Configuration",
  AFFECTATION_CAMPAGNE: "Affectation à une campagne",
  AFFECTATION_ENTRANTE_EXISTANTE: "Affectation entrante déjà en place",
  ACTION_EN_MASSE_REFUSEE: "Action en masse refusée",
  REVOCATION: "Révocation",
  RESTAURATION: "Restauration",
  PUBLICATION: "Publication",
  IMPORT: "Import",
  HORS_PLAN_ACCEPTE: "Accepté hors des tranches connues",
  HORS_PLAN_CONNU: "Désormais dans les tranches connues",
  SAUVEGARDE: "Sauvegarde",
  SAUVEGARDE_SUPPRIMEE: "Sauvegarde supprimée (rétention)",
  SAUVEGARDE_ECHEC: "Échec de sauvegarde",
  LIVRER: "Livraison",
  COMMANDE: "Reçu sur une commande",
  SOUMETTRE: "Soumission",
  ANNULER: "Annulation",
  RETIRER: "Retrait par le demandeur",
  VALIDER: "Validation",
  REJETER: "Rejet",
  DEMARRER: "Démarrage chez l'opérateur",
  CONNEXION: "Connexion",
};

/** "ACTION_ARRETER-PRODUCTION" → "Arrêter la production"; an unknown code is shown as a readable phrase. */
export function libelleAction(code: string): string {
  if (ACTIONS[code]) return ACTIONS[code];
  const m = /^ACTION_(.+)$/.exec(code);
  const did = m ? ACTIONS_DID[(m[1] as string).toLowerCase() as keyof typeof ACTIONS_DID] : undefined;
  if (did) return did.libelle;
  const phrase = code
    .replace(/^ACTION_/, "")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

export const libelleChamp = (champ: string) => LIBELLES_CHAMPS[champ] ?? champ.replace(/_/g, " ");

/** The resource whose name replaces an id in the history and the audit log. */
export const REFERENCES: Record<string, { ressource: string; texte: string }> = {
  client_id: { ressource: "clients", texte: "nom" },
  groupement_id: { ressource: "groupements", texte: "libelle" },
  operateur_id: { ressource: "operateurs", texte: "nom" },
  type_id: { ressource: "types-did", texte: "libelle" },
  type_did_id: { ressource: "types-did", texte: "libelle" },
  region_id: { ressource: "regions", texte: "libelle" },
  equipement_id: { ressource: "equipements", texte: "nom" },
  cloud_id: { ressource: "clouds", texte: "nom" },
  campaign_id: { ressource: "campagnes", texte: "nom" },
  config_id: { ressource: "configs", texte: "nom" },
  statut_id: { ressource: "statuts-did", texte: "libelle" },
};

const STATUTS: Record<string, string> = {
  COMMANDE: "Commandé",
  DISPONIBLE: "Disponible",
  AFFECTE: "Affecté",
  UTILISE: "Utilisé",
  RESILIE: "Résilié",
};

/** A value as written in French: dates jj/mm/aaaa (Paris time for instants), Oui/Non, statuses by their label. */
export function valeurLisible(champ: string, valeur: unknown): string {
  if (valeur === null || valeur === undefined || valeur === "") return "—";
  if (typeof valeur === "boolean") return valeur ? "Oui" : "Non";
  const texte = typeof valeur === "string" ? valeur : JSON.stringify(valeur);
  if (champ === "statut") return STATUTS[texte] ?? texte;
  const jour = /^(\d{4})-(\d{2})-(\d{2})$/.exec(texte);
  if (jour) return `${jour[3]}/${jour[2]}/${jour[1]}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(texte)) {
    const d = new Date(texte);
    if (!Number.isNaN(d.getTime()))
      return d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
  }
  if (texte === "true" || texte === "false") return texte === "true" ? "Oui" : "Non";
  return texte;
}
