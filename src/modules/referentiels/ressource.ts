import { type TSchema, Type } from "@sinclair/typebox";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { DateHeure, Nullable } from "../../http/listes.js";
import type { Executor } from "../audit/audit.repository.js";
import type { Permission } from "../auth/politique.js";
import type { TypeExport } from "../transfert/export.service.js";

export type Ligne = Record<string, unknown>;
/**
 * A table whose API is uniform: list with filters, read, create, partial update, delete.
 * The reference tables, clients, groupements, campaigns and configurations are all of this shape.
 */
export interface DefinitionRessource {
  chemin: string;
  /** The import kind of these rows: the list's CSV is then that kind's import format (export.service.ts). */
  formatImport?: TypeExport;
  table: keyof DB;
  /** "Opérateur": used in messages. */
  nom: string;
  tag: string;
  /** Writable fields and their schemas. */
  champs: Record<string, TSchema>;
  obligatoires: string[];
  /** Equality filters (foreign keys, codes, statuses). */
  filtres: Record<string, TSchema>;
  recherche: string[];
  triables: string[];
  triParDefaut: string;
  /** The permissions to write and to read it (see politique.ts). */
  ecriture: Permission;
  lecture: Permission;
  /** Column holding the owning client, for the `client` role's scope ("id" for the client table itself). */
  colonneClient?: string;
  /** JSON columns are stored as text and sent back as objects. */
  json?: string[];
  /**
   * Codes the product's rules read (statuses, ARCEP natures): rows with these codes keep them and stay. Their
   * labels, colours, order and descriptions remain editable, and other rows may be added.
   */
  codesFiges?: readonly string[];
  /**
   * What an update does to other rows, in its transaction, before the row is written: a campaign deactivated ends
   * its assignments. `ctx.db` is the transaction.
   */
  avantMaj?: (ctx: Contexte, existant: Ligne, valeurs: Ligne) => Promise<void>;
  /** Fields the server computes (never written by a caller): shown in the answers. */
  calcules?: Record<string, TSchema>;
  /** The values to write, completed with the computed fields, once checked. */
  completer?: (db: Executor, valeurs: Ligne, existant: Ligne | null) => Promise<Ligne>;
  /** Checks before a write that the database cannot express (cross-row rules); throw ApiError to refuse. */
  verifier?: (db: Executor, valeurs: Ligne, existant: Ligne | null) => Promise<void>;
}

const Base = {
  id: Type.Integer(),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
};

export function schemaSortie(def: DefinitionRessource) {
  const props: Record<string, TSchema> = { ...Base };
  for (const [k, s] of Object.entries({ ...def.champs, ...def.calcules })) props[k] = Nullable(s);
  return Type.Object(props, { $id: undefined });
}

export function conflitVersion() {
  return new ApiError(
    412,
    "VERSION_PERIMEE",
    "Cet enregistrement a été modifié entre-temps par quelqu'un d'autre : rechargez-le avant de le modifier.",
  );
}

export function optionnels(props: Record<string, TSchema>) {
  return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, Type.Optional(s)]));
}

/** A write that would rename or delete a row whose code the product's rules read: refused with 409. */
export function exigerCodeGarde(def: DefinitionRessource, existant: Ligne, nouveau: Ligne | null) {
  const code = existant.code as string | undefined;
  if (!code || !def.codesFiges?.includes(code)) return;
  if (nouveau !== null && (nouveau.code === undefined || nouveau.code === code)) return;
  throw new ApiError(
    409,
    "CODE_FIGE",
    nouveau === null
      ? `${def.nom} « ${code} » porte des règles du produit : il ne se supprime pas (désactivez-le, ou changez son libellé).`
      : `Le code « ${code} » porte des règles du produit : il ne se renomme pas. Son libellé, sa couleur, son ordre et sa description se modifient.`,
    nouveau === null ? [] : [{ champ: "code", message: "Code fixe.", code: "CODE_FIGE" }],
  );
}
