import { type TSchema, Type } from "@sinclair/typebox";
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
  for (const [k, s] of Object.entries(def.champs)) props[k] = Nullable(s);
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
