import polyglotI18nProvider from "ra-i18n-polyglot";
import francais from "ra-language-french";

/** What was saved, said with its own noun ("Numéro créé.", "Campagne enregistrée.") rather than "Élément créé". */
function ressource(nom: string, singulier: string, feminin = false) {
  const e = feminin ? "e" : "";
  return {
    name: nom,
    notifications: {
      created: `${singulier} créé${e}.`,
      updated: `${singulier} enregistré${e}.`,
      deleted: `${singulier} supprimé${e}.`,
    },
  };
}

const messages = {
  ...francais,
  ra: {
    ...francais.ra,
    // « Pas encore de Clé API. Voulez-vous en créer un ? »: the noun's case and gender do not follow; said without them
    page: {
      ...francais.ra.page,
      empty: "Aucun élément pour l'instant.",
      invite: "Cliquez « Créer » pour en ajouter.",
    },
    // react-admin's saved queries, named as daily work names them: views, kept by this browser for this list
    saved_queries: {
      ...francais.ra.saved_queries,
      label: "Mes vues",
      query_name: "Nom de la vue",
      new_label: "Enregistrer cette vue…",
      new_dialog_title: "Enregistrer les filtres et le tri actuels comme une vue",
      remove_label: "Supprimer cette vue",
      remove_label_with_name: "Supprimer la vue « %{name} »",
      remove_dialog_title: "Supprimer cette vue ?",
      remove_message: "La vue est retirée de ce navigateur ; les numéros ne changent pas.",
      help: "Filtrez la liste, puis « Enregistrer cette vue… » dans « Ajouter un filtre »",
    },
  },
  resources: {
    dids: ressource("Numéro |||| Numéros", "Numéro"),
    affectations: ressource("Affectation |||| Affectations", "Affectation", true),
    configs: ressource("Configuration |||| Configurations", "Configuration", true),
    commandes: ressource("Commande SDA |||| Commandes SDA", "Demande de commande", true),
    clients: ressource("Client |||| Clients", "Client"),
    groupements: ressource("Groupement |||| Groupements", "Groupement"),
    campagnes: ressource("Campagne |||| Campagnes", "Campagne", true),
    indicatifs: ressource("Pays / indicatif |||| Pays et indicatifs", "Indicatif"),
    regions: ressource("Région |||| Régions", "Région", true),
    operateurs: ressource("Opérateur |||| Opérateurs", "Opérateur"),
    "types-did": ressource("Type de numéro |||| Types de numéros", "Type de numéro"),
    equipements: ressource("Équipement |||| Équipements", "Équipement"),
    clouds: ressource("Cloud |||| Clouds", "Cloud"),
    "statuts-did": ressource("Statut de numéro |||| Statuts de numéros", "Statut"),
    "statuts-commande": ressource("Statut de commande |||| Statuts de commandes", "Statut"),
    utilisateurs: ressource("Utilisateur |||| Utilisateurs", "Compte"),
    "cles-api": ressource("Clé API |||| Clés API", "Clé API", true),
    audit: { name: "Journal |||| Journal d'audit" },
    publications: { name: "Publication |||| Publications Hermes" },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, "fr", [{ locale: "fr", name: "Français" }], {
  allowMissing: true,
});
