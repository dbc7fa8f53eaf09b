import type { ActionDid } from "../api/types";

/**
 * How each lifecycle action is said and confirmed. Which ones apply to a number is the server's to say: each number
 * comes with its `actions_possibles` (the state machine lives in src/modules/dids/cycle-de-vie.ts only).
 */
export const ACTIONS_DID: Record<ActionDid, { libelle: string; confirmer?: string }> = {
  livrer: { libelle: "Marquer livré (disponible)" },
  affecter: { libelle: "Affecter à un client" },
  "mettre-en-production": { libelle: "Mettre en production" },
  "arreter-production": { libelle: "Arrêter la production" },
  liberer: {
    libelle: "Libérer (retour en stock)",
    confirmer: "Le numéro quitte son client et ses campagnes.",
  },
  resilier: {
    libelle: "Résilier",
    confirmer: "Le numéro est rendu à l'opérateur et gelé avant toute réutilisation.",
  },
  reactiver: { libelle: "Réactiver" },
};
