export const ROLES = ["admin", "gestionnaire", "lecteur", "client", "hermes"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: carried through every service call so each write is traced to a person, a key or the system. */
export interface Acteur {
  nom: string;
  type: "UTILISATEUR" | "CLE_API" | "SYSTEME" | "CLI";
  role: Role;
  /** Set for the `client` role: the only client whose data this actor may see. */
  clientId: number | null;
  requestId?: string | undefined;
  utilisateurId?: number | undefined;
  /** An API key limited to addresses: where it may be used from (see adresses.ts). */
  adressesAutorisees?: import("node:net").BlockList | undefined;
  /** Which clients' rows it may see: computed once per request while authenticating (acces.ts). */
  portee?: import("./acces.js").Portee | undefined;
}

export const SYSTEME: Acteur = { nom: "système", type: "SYSTEME", role: "admin", clientId: null };
export const acteurCli = (nom = process.env.USER ?? "cli"): Acteur => ({
  nom: `cli:${nom}`,
  type: "CLI",
  role: "admin",
  clientId: null,
});
