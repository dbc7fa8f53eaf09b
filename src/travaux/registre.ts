import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { fluxCsvParIds } from "../http/csv.js";
import { type ChampsPropres, masqueur } from "../modules/auth/acces.js";
import type { Acteur } from "../modules/auth/acteur.js";
import { type FiltresDid, idsDidsApres } from "../modules/dids/dids.repository.js";
import { apercuDeclaration } from "../modules/presentation/declarations.service.js";
import type { TypeImport } from "../modules/transfert/colonnes.js";
import { COLONNES_VIDES, exporterFlux, lignesExport } from "../modules/transfert/export.service.js";
import { importer } from "../modules/transfert/import.service.js";
import type { OptionsImport } from "../modules/transfert/import-contexte.js";
import { type LimitesLecture, lireTableau } from "../modules/transfert/lecture.js";
import { csvRejets } from "../modules/transfert/rejets.js";

// The long work a request may ask for, as functions of a database and plain arguments (what a message carries): run
// in the work thread on PostgreSQL (travaux.ts), where it holds no event loop but its own, and in the server's thread
// on the embedded database, whose one connection lives in the server's process. One definition for both.

/** The caller as a message carries it: who, with which role, over which clients (no address list). */
export type ActeurTransporte = Pick<
  Acteur,
  "nom" | "type" | "role" | "clientId" | "requestId" | "utilisateurId" | "portee"
>;

export const acteurTransporte = (a: Acteur): ActeurTransporte => ({
  nom: a.nom,
  type: a.type,
  role: a.role,
  clientId: a.clientId,
  requestId: a.requestId,
  utilisateurId: a.utilisateurId,
  portee: a.portee,
});

export interface ArgsImport {
  acteur: ActeurTransporte;
  type: TypeImport;
  /** The uploaded file (transferred to the work thread, not copied again). */
  octets: Uint8Array;
  limites: LimitesLecture;
  options: Omit<OptionsImport, "progression" | "lotValide">;
}

const lire = (a: ArgsImport) =>
  lireTableau(Buffer.from(a.octets.buffer, a.octets.byteOffset, a.octets.length), a.limites);

/** Work that ends in a value. */
export const travauxResultat = {
  import: async (db: Kysely<DB>, a: ArgsImport) => importer(db, a.acteur, a.type, await lire(a), a.options),
  /** The rows an import would refuse, as the uploaded file's own CSV with a column of reasons. */
  rejets: async (db: Kysely<DB>, a: ArgsImport) => {
    const tableau = await lire(a);
    const rapport = await importer(db, a.acteur, a.type, tableau, { ...a.options, simulation: true });
    return csvRejets(tableau, rapport.rejets);
  },
  apercuDeclaration: (db: Kysely<DB>, a: { operateurId: number; instant: Date }) =>
    apercuDeclaration(db, a.operateurId, a.instant),
} satisfies Record<string, (db: Kysely<DB>, args: never) => Promise<unknown>>;

/** Work that ends in a file, streamed. */
export const travauxFlux = {
  /** The numbers list's CSV (GET /dids?format=csv): the import format of numbers, with the list's filters. */
  csvNumeros: (
    db: Kysely<DB>,
    a: { filtres: FiltresDid; maintenant: Date; acteur: Pick<Acteur, "role">; propres?: ChampsPropres },
  ) =>
    fluxCsvParIds(
      (apres, taille) => idsDidsApres(db, a.filtres, apres, taille, a.maintenant),
      COLONNES_VIDES.numeros,
      (ids) => lignesExport(db, "numeros", { ids }, a.maintenant),
      masqueur(a.acteur, a.propres),
    ),
  export: (
    db: Kysely<DB>,
    a: { args: Parameters<typeof exporterFlux> extends [unknown, ...infer R] ? R : never },
  ) => exporterFlux(db, ...a.args),
} satisfies Record<string, (db: Kysely<DB>, args: never) => Readable>;

export type TravauxResultat = typeof travauxResultat;
export type TravauxFlux = typeof travauxFlux;
