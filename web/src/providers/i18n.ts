import polyglotI18nProvider from "ra-i18n-polyglot";
import francais from "ra-language-french";

const messages = {
  ...francais,
  resources: {
    dids: { name: "Numéro |||| Numéros" },
    affectations: { name: "Affectation |||| Affectations" },
    configs: { name: "Configuration |||| Configurations" },
    commandes: { name: "Commande SDA |||| Commandes SDA" },
    clients: { name: "Client |||| Clients" },
    groupements: { name: "Groupement |||| Groupements" },
    campaigns: { name: "Campagne |||| Campagnes" },
    indicatifs: { name: "Pays / indicatif |||| Pays et indicatifs" },
    regions: { name: "Région |||| Régions" },
    operateurs: { name: "Opérateur |||| Opérateurs" },
    "types-did": { name: "Type de numéro |||| Types de numéros" },
    equipements: { name: "Équipement |||| Équipements" },
    clouds: { name: "Cloud |||| Clouds" },
    "statuts-did": { name: "Statut de numéro |||| Statuts de numéros" },
    "statuts-commande": { name: "Statut de commande |||| Statuts de commandes" },
    utilisateurs: { name: "Utilisateur |||| Utilisateurs" },
    "cles-api": { name: "Clé API |||| Clés API" },
    audit: { name: "Journal |||| Journal d'audit" },
    publications: { name: "Publication |||| Publications Hermes" },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, "fr", [{ locale: "fr", name: "Français" }], {
  allowMissing: true,
});
