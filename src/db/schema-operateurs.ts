import type { ColumnType, Generated } from "kysely";
import type { DateSql, Defaut, Horodatage, Id, Suivi } from "./schema.js";

// The tables of what we hold from carriers (migrations 0013 and 0014): blocks, clients' mandates, declarations to
// carriers, reconciliations of their invoices. Part of the DB interface in schema.ts.

export interface TrancheTable extends Suivi {
  id: Id;
  operateur_id: number;
  reference_operateur: string | null;
  premier: string;
  dernier: string;
  /** The E.164 digits of the first and last numbers, as integers (the exclusion constraint's range). */
  debut: ColumnType<string, string | number | bigint, string | number | bigint>;
  fin: ColumnType<string, string | number | bigint, string | number | bigint>;
  date_reception: DateSql;
  commande_id: number | null;
  notes: string | null;
  created_by: string | null;
  modified_by: string | null;
}
export interface MandatTable extends Suivi {
  id: Id;
  client_id: number;
  reference: string | null;
  signataire: string;
  date_debut: DateSql;
  /** Last day covered (inclusive): the mandate stops at the next midnight, business time. */
  date_fin: DateSql | null;
  document_nom: string | null;
  document_taille: number | null;
  document_sha256: string | null;
  document: Buffer | null;
  document_chemin: string | null;
  alerte_30_le: Date | null;
  alerte_7_le: Date | null;
  notes: string | null;
  created_by: string | null;
  modified_by: string | null;
}
export interface MandatDidTable {
  mandat_id: number;
  did_id: number;
}
export interface MandatTrancheTable {
  mandat_id: number;
  tranche_id: number;
}
export interface DeclarationTable {
  id: Generated<number>;
  operateur_id: number;
  instant: Date | string;
  auteur: string;
  format: "csv" | "xlsx";
  nombre: number;
  ajouts: number;
  retraits: number;
  somme_sha256: string;
  numeros: ColumnType<LigneDeclaree[], string, string>;
  /** The file as handed to the carrier: its SHA-256 is somme_sha256. */
  fichier: Buffer;
  date_creation: Horodatage;
}
/** One number of a declaration, as recorded (what the next declaration compares with). */
export interface LigneDeclaree {
  numero: string;
  fondement: "CONTRAT" | "MANDAT";
  mandat_id: number | null;
  client: string | null;
}

export type ClasseRapprochement =
  | "A_RECLAMER"
  | "INCONNU"
  | "NON_FACTURE"
  | "PRIX_DIFFERENT"
  | "REFERENCE_DIFFERENTE"
  | "CONFORME"
  | "ILLISIBLE";
type Montant = ColumnType<number | null, number | string | null | undefined, number | string | null>;
export interface RapprochementTable {
  id: Generated<number>;
  operateur_id: number;
  periode: string;
  fichier_nom: string;
  fichier_sha256: string;
  colonnes: ColumnType<Record<string, string>, string, string>;
  colonnes_ignorees: ColumnType<string[], string, string>;
  lignes_lues: number;
  totaux: ColumnType<Record<string, { n: number; montant: number }>, string, string>;
  auteur: string;
  duree_ms: number;
  date_creation: Horodatage;
}
export interface RapprochementLigneTable {
  id: Generated<number>;
  rapprochement_id: number;
  ligne: number | null;
  numero: string | null;
  brut: string | null;
  did_id: number | null;
  classe: ClasseRapprochement;
  raison: string | null;
  reference_facturee: string | null;
  reference_inventaire: string | null;
  prix_facture: Montant;
  prix_inventaire: Montant;
  debut: DateSql | null;
  fin: DateSql | null;
  /** The part of the month the line bills (first and last day). */
  facture_du: DateSql | null;
  facture_au: DateSql | null;
  date_resiliation: DateSql | null;
  jours_factures: number | null;
  montant_facture: Montant;
  montant: Montant;
  prix_different: Defaut<boolean>;
  reference_differente: Defaut<boolean>;
  en_service: Defaut<boolean>;
  correction: string | null;
  corrige_par: string | null;
  corrige_le: Date | null;
}

/** Calls of one number on one business day (migration 0015): aggregates only, no caller number. */
export interface UsageJourTable {
  did_id: number;
  jour: DateSql;
  entrants: Defaut<number>;
  sortants: Defaut<number>;
  repondus: Defaut<number>;
  abandonnes: Defaut<number>;
  duree_s: Defaut<number>;
  dernier_appel: Date | string;
}
/** Each number's last business day with a call, kept by triggers on tel_usage_jour (migration 0029). */
export interface UsageDernierTable {
  did_id: number;
  jour: DateSql;
}
export interface UsageImportTable {
  id: Generated<number>;
  fichier_nom: string;
  fichier_sha256: string;
  format: "HERMES" | "SIMPLE";
  du: DateSql;
  au: DateSql;
  lignes: number;
  appels: number;
  non_attribues: number;
  rejetes: number;
  auteur: string;
  date_creation: Horodatage;
}

/** A client's re-billing price for a type of number (migration 0016). */
export interface TarifClientTable {
  client_id: number;
  type_id: number;
  prix_mensuel: ColumnType<number, number, number>;
  modified_by: string | null;
  date_modification: Horodatage;
}

/** Statements that may change a month's costs, from that month on (migration 0017): kept costs check it. */
export interface CoutsSignalTable {
  id: Generated<number>;
  periode_min: string;
  le: Horodatage;
}

/** A month's cost figures as last computed, with the signature of their data (migration 0017). */
export interface CoutsMoisTable {
  cle: string;
  signature: string;
  calcule_le: Horodatage;
  resultat: ColumnType<unknown, string, string>;
}
