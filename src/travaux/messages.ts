import type { ErreurTransportee } from "./erreurs.js";
import type { TravauxFlux, TravauxResultat } from "./registre.js";

// What the server's thread and the work thread say to each other (travaux.ts, travaux-worker.ts).

export type MessageVersTravail =
  | { type: "executer"; id: number; nom: keyof TravauxResultat; args: unknown }
  | { type: "flux"; id: number; nom: keyof TravauxFlux; args: unknown }
  /** The server's side can take one more piece of file `id`. */
  | { type: "lire"; id: number }
  /** Its reader left: stop writing file `id`. */
  | { type: "annuler"; id: number }
  /** Close the connections and end. */
  | { type: "fermer" };

export type MessageVersServeur =
  | { type: "resultat"; id: number; valeur: unknown }
  | { type: "erreur"; id: number; erreur: ErreurTransportee }
  | { type: "morceau"; id: number; octets: Uint8Array }
  | { type: "fin"; id: number };
