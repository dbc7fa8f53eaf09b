// The numbers' statuses, and what "held by a client" means, in one place for the server and the extranet (which
// imports this file): no import here, so that the browser's bundle takes it as it is.

export const STATUTS = ["COMMANDE", "DISPONIBLE", "AFFECTE", "UTILISE", "RESILIE"] as const;
export type Statut = (typeof STATUTS)[number];

/** The statuses of a number a client holds: it pays for it, it may assign it to its campaigns. */
export const STATUTS_DETENUS: readonly Statut[] = ["AFFECTE", "UTILISE"];

export const estDetenu = (statut: string): boolean => (STATUTS_DETENUS as readonly string[]).includes(statut);
