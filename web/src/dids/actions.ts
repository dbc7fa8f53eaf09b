import type { ActionDid } from "../api/types";

/** The lifecycle as DOMAIN.md gives it: which action applies from which status (the API refuses the others). */
export const ACTIONS_DID: Record<ActionDid, { libelle: string; depuis: string[]; confirmer?: string }> = {
  livrer: { libelle: "Marquer livré (disponible)", depuis: ["COMMANDE"] },
  affecter: { libelle: "Affecter à un client", depuis: ["DISPONIBLE"] },
  "mettre-en-production": { libelle: "Mettre en production", depuis: ["AFFECTE"] },
  "arreter-production": { libelle: "Arrêter la production", depuis: ["UTILISE"] },
  liberer: {
    libelle: "Libérer (retour en stock)",
    depuis: ["AFFECTE", "UTILISE"],
    confirmer: "Le numéro quitte son client et ses campagnes.",
  },
  resilier: {
    libelle: "Résilier",
    depuis: ["COMMANDE", "DISPONIBLE", "AFFECTE", "UTILISE"],
    confirmer: "Le numéro est rendu à l'opérateur et gelé avant toute réutilisation.",
  },
  reactiver: { libelle: "Réactiver", depuis: ["RESILIE"] },
};
