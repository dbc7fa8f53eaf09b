import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { fluxCsvParIds } from "../http/csv.js";
import { type ChampsPropres, masqueur } from "../modules/auth/acces.js";
import type { Acteur } from "../modules/auth/acteur.js";
import { fichierRefacturation, refacturation, resumeRefacturation } from "../modules/couts/couts.service.js";
import type { MemoCouts } from "../modules/couts/memo-couts.js";
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

/**
 * What the work runs with: the database, and the memo of computed statements (the work thread's own there, whose
 * kept lines stay out of the server's heap; the app's on the embedded database).
 */
export interface EnvTravail {
  db: Kysely<DB>;
  memo: MemoCouts;
}

/** A statement's month and client, with what its computation depends on. */
interface ArgsRefacturation {
  periode: string;
  clientId: number;
  freezeJours: number;
  maintenant: Date;
}
const contexte = (env: EnvTravail, a: ArgsRefacturation) => ({
  db: env.db,
  memo: env.memo,
  config: { freezeJours: a.freezeJours },
  maintenant: a.maintenant,
});

/** Work that ends in a value. */
export const travauxResultat = {
  import: async ({ db }: EnvTravail, a: ArgsImport) =>
    importer(db, a.acteur, a.type, await lire(a), a.options),
  /** The rows an import would refuse, as the uploaded file's own CSV with a column of reasons. */
  rejets: async ({ db }: EnvTravail, a: ArgsImport) => {
    const tableau = await lire(a);
    const rapport = await importer(db, a.acteur, a.type, tableau, { ...a.options, simulation: true });
    return csvRejets(tableau, rapport.rejets);
  },
  apercuDeclaration: ({ db }: EnvTravail, a: { operateurId: number; instant: Date }) =>
    apercuDeclaration(db, a.operateurId, a.instant),
  /**
   * A client's re-billing statement, as the JSON text of the answer: its lines kept in the memo of the thread that
   * computed them, and sent as one text (thousands of lines handed over as objects were rebuilt in the server's
   * thread at once, 100 ms). The fields its caller may not see are emptied first, as the answer's hook would.
   */
  refacturation: async (
    env: EnvTravail,
    a: ArgsRefacturation & { acteur: Pick<Acteur, "role">; propres: ChampsPropres },
  ) =>
    JSON.stringify(
      masqueur(a.acteur, a.propres)(await refacturation(contexte(env, a), a.periode, a.clientId)),
    ),
  fichierRefacturation: (env: EnvTravail, a: ArgsRefacturation & { format: "csv" | "xlsx" }) =>
    fichierRefacturation(contexte(env, a), a.periode, a.clientId, a.format),
  resumeRefacturation: (env: EnvTravail, a: ArgsRefacturation) =>
    resumeRefacturation(contexte(env, a), a.periode, a.clientId),
} satisfies Record<string, (env: EnvTravail, args: never) => Promise<unknown>>;

/** Work that ends in a file, streamed. */
export const travauxFlux = {
  /** The numbers list's CSV (GET /dids?format=csv): the import format of numbers, with the list's filters. */
  csvNumeros: (
    { db }: EnvTravail,
    a: { filtres: FiltresDid; maintenant: Date; acteur: Pick<Acteur, "role"> },
  ) =>
    fluxCsvParIds(
      (apres, taille) => idsDidsApres(db, a.filtres, apres, taille, a.maintenant),
      COLONNES_VIDES.numeros,
      (ids) => lignesExport(db, "numeros", { ids }, a.maintenant),
      masqueur(a.acteur),
    ),
  export: (
    { db }: EnvTravail,
    a: { args: Parameters<typeof exporterFlux> extends [unknown, ...infer R] ? R : never },
  ) => exporterFlux(db, ...a.args),
} satisfies Record<string, (env: EnvTravail, args: never) => Readable>;

export type TravauxResultat = typeof travauxResultat;
export type TravauxFlux = typeof travauxFlux;
