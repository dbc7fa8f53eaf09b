import type { ColumnType, Generated } from "kysely";
import type { DateSql, Defaut, Horodatage, Id, Suivi } from "./schema.js";

// The tables of number porting (migration 0026): port-in requests, their numbers and thread, port-out notices. Part of
// the DB interface in schema.ts.

export type StatutPortabilite = "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
export type StatutNumeroPorte = "EN_ATTENTE" | "REJETE" | "PORTE";

/** What staff prepare for a number before its switch: what it becomes at that instant (portabilite.service.ts). */
export interface Preparation {
  type_id?: number | null;
  groupement_id?: number | null;
  cout_mensuel?: number | null;
  cout_mise_en_service?: number | null;
  description?: string | null;
  entrant?: { campaign_id: number; config_id?: number | null; alias?: string | null } | null;
  sortant?: {
    campaign_id: number;
    config_id?: number | null;
    alias?: string | null;
    priorite?: number;
  } | null;
}

export interface PortabiliteTable extends Suivi {
  id: Id;
  reference: string;
  client_id: number;
  operateur_donneur: string;
  /** The receiving operator: the carrier of ours the number arrives on. */
  operateur_id: number;
  statut: Defaut<StatutPortabilite>;
  date_souhaitee: DateSql | null;
  bascule_le: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  motif_rejet: string | null;
  notes: string | null;
  demandeur_nom: string;
  demandeur_email: string | null;
  mandat_nom: string | null;
  mandat_taille: number | null;
  mandat_sha256: string | null;
  mandat_document: Buffer | null;
  mandat_signataire: string | null;
  /** The caller-ID mandate made from the porting mandate at the switch. */
  mandat_id: number | null;
  rappel_j7_le: Date | null;
  rappel_j1_le: Date | null;
  /** Why the last activation try failed (the scheduler tries again at each run). */
  erreur_bascule: string | null;
  created_by: string | null;
  modified_by: string | null;
}
export interface PortabiliteNumeroTable {
  id: Id;
  portabilite_id: number;
  numero: string;
  rio: string | null;
  statut: Defaut<StatutNumeroPorte>;
  motif_rejet: string | null;
  preparation: ColumnType<Preparation | null, string | null | undefined, string | null>;
  did_id: number | null;
}
export interface PortabiliteCommentaireTable {
  id: Id;
  portabilite_id: number;
  auteur: string;
  commentaire: string;
  type: Defaut<"INFO" | "REJET" | "BASCULE" | "COMMENTAIRE">;
  date_creation: Horodatage;
}
export interface PortabiliteSortanteTable {
  id: Generated<number>;
  client_id: number;
  operateur_receveur: string;
  effet: ColumnType<Date, Date | string, Date | string>;
  statut: Defaut<"PREVUE" | "EFFECTUEE" | "ANNULEE">;
  notes: string | null;
  created_by: string | null;
  date_creation: Horodatage;
}
export interface PortabiliteSortanteNumeroTable {
  sortante_id: number;
  did_id: number;
}
export interface PortabiliteSortanteAffectationTable {
  sortante_id: number;
  affectation_id: number;
  date_fin_avant: Date | null;
}
