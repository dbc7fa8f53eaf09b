import type { ColumnType, Generated, Selectable } from "kysely";
import type {
  CoutsMoisTable,
  CoutsSignalTable,
  DeclarationTable,
  MandatDidTable,
  MandatTable,
  MandatTrancheTable,
  RapprochementLigneTable,
  RapprochementTable,
  TarifClientTable,
  TrancheTable,
  UsageDernierTable,
  UsageImportTable,
  UsageJourTable,
} from "./schema-operateurs.js";

export type { ClasseRapprochement, LigneDeclaree } from "./schema-operateurs.js";

import type {
  PortabiliteCommentaireTable,
  PortabiliteNumeroTable,
  PortabiliteSortanteAffectationTable,
  PortabiliteSortanteNumeroTable,
  PortabiliteSortanteTable,
  PortabiliteTable,
} from "./schema-portabilite.js";

// Columns the database fills in: identity, defaults, timestamps kept by triggers.
export type Id = Generated<number>;
export type Horodatage = ColumnType<Date, Date | string | undefined, Date | string>;
export type Defaut<T> = ColumnType<T, T | undefined, T>;
/** SQL `date` columns travel as 'YYYY-MM-DD' strings (see the type parsers in database.ts). */
export type DateSql = string;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface Suivi {
  actif: Defaut<boolean>;
  version: Defaut<number>;
  date_creation: Horodatage;
  date_modification: Horodatage;
}

export interface IndicatifTable extends Suivi {
  id: Id;
  code: string;
  indicatif: string;
  libelle: string;
}
export interface RegionTable extends Suivi {
  id: Id;
  indicatif_id: number;
  code: string;
  libelle: string;
  prefixe: string | null;
  /** The zone of the numbering plan the region lies in (its own code for a zone): migration 0021. */
  zone: string | null;
}
export interface OperateurTable extends Suivi {
  id: Id;
  code: string;
  nom: string;
  type: Defaut<"VOIP" | "TRADITIONNEL" | "HYBRIDE">;
  contact: string | null;
}
export interface TypeDidTable extends Suivi {
  id: Id;
  code: string;
  libelle: string;
  description: string | null;
  /** The ARCEP nature the rules read (GEO, MOBILE, NPV...): a built-in type is its own (migration 0021). */
  nature: string | null;
}
export interface EquipementTable extends Suivi {
  id: Id;
  code: string;
  nom: string;
  type: string | null;
  ip_address: string | null;
}
export interface StatutTable extends Suivi {
  id: Id;
  code: string;
  libelle: string;
  description: string | null;
  ordre: Defaut<number>;
  couleur: string;
}
export interface CloudTable extends Suivi {
  id: Id;
  code: string;
  nom: string;
  routage: string | null;
}
export interface ClientTable extends Suivi {
  id: Id;
  code: string;
  nom: string;
  siret: string | null;
  adresse: string | null;
  contact_nom: string | null;
  contact_email: string | null;
  contact_tel: string | null;
}
export interface GroupementTable extends Suivi {
  id: Id;
  client_id: number;
  code: string;
  libelle: string;
}
export interface CampaignTable extends Suivi {
  id: Id;
  client_id: number;
  code: string;
  nom: string;
  description: string | null;
  hermes_id: string | null;
  prospection: Defaut<boolean>;
}
export interface DidTable extends Suivi {
  id: Id;
  indicatif_id: number;
  did: string;
  did_format_e164: string;
  operateur_id: number | null;
  type_id: number | null;
  region_id: number | null;
  equipement_id: number | null;
  client_id: number | null;
  groupement_id: number | null;
  cloud_id: number | null;
  statut_id: number;
  description: string | null;
  reference_externe: string | null;
  date_acquisition: DateSql | null;
  date_activation: DateSql | null;
  date_resiliation: DateSql | null;
  cout_mensuel: number | null;
  cout_mise_en_service: number | null;
  notes: string | null;
  created_by: string | null;
  modified_by: string | null;
  /** Accepted outside the ranges the numbering metadata knows: to be reviewed (migration 0009). */
  hors_plan: Defaut<boolean>;
  /** The carrier block the number belongs to (migration 0013). */
  tranche_id: number | null;
  /** SOCIETE: ours under the carrier's contract; CLIENT: the client's, presented under its mandate only. */
  titulaire: Defaut<"SOCIETE" | "CLIENT">;
  /** A termination planned at this instant: the scheduler applies it then (migration 0022). */
  resiliation_prevue_le: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Left by porting for this operator: no freeze, no reuse unless ported back in (migration 0026). */
  portee_vers: string | null;
  /** A port-out notice planned for this number. */
  portabilite_sortante_id: number | null;
}
export interface DidConfigTable extends Suivi {
  id: Id;
  code: string;
  nom: string;
  description: string | null;
  config: Json;
}
export interface DidVirtualTable extends Suivi {
  id: Id;
  did_id: number;
  campaign_id: number;
  config_id: number | null;
  alias: string | null;
  priorite: Defaut<number>;
  date_debut: Horodatage;
  date_fin: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  entrant: Defaut<boolean>;
  sortant: Defaut<boolean>;
}
export interface DidHistoriqueTable {
  id: Generated<number>;
  did_id: number;
  action: string;
  champ: string | null;
  ancienne_valeur: string | null;
  nouvelle_valeur: string | null;
  utilisateur: string;
  motif: string | null;
  request_id: string | null;
  date_action: Horodatage;
}
export interface CommandeSequenceTable {
  annee: number;
  dernier: number;
}
export interface DidCommandeTable extends Suivi {
  id: Id;
  reference: string;
  client_id: number;
  groupement_id: number | null;
  demandeur_nom: string;
  demandeur_email: string | null;
  demandeur_tel: string | null;
  operateur_id: number | null;
  type_did_id: number;
  region_id: number | null;
  quantite: number;
  prefixe_souhaite: string | null;
  motif: string | null;
  urgence: Defaut<"BASSE" | "NORMALE" | "HAUTE" | "URGENTE">;
  date_souhaitee: DateSql | null;
  statut_id: number;
  valideur_nom: string | null;
  date_validation: Date | null;
  commentaire_validation: string | null;
  reference_operateur: string | null;
  date_livraison: Date | null;
  created_by: string | null;
  /** The carrier's prices, copied onto the numbers delivered (migration 0012). */
  cout_mensuel: number | null;
  cout_mise_en_service: number | null;
}
export interface DidCommandeLigneTable {
  id: Id;
  commande_id: number;
  did_id: number;
  date_creation: Horodatage;
}
export interface DidCommandeCommentaireTable {
  id: Id;
  commande_id: number;
  auteur: string;
  commentaire: string;
  type: Defaut<"INFO" | "VALIDATION" | "REJET" | "LIVRAISON" | "COMMENTAIRE">;
  date_creation: Horodatage;
}

export interface AuditTable {
  id: Generated<number>;
  entite: string;
  entite_id: number | null;
  action: string;
  acteur: string;
  acteur_type: "UTILISATEUR" | "CLE_API" | "SYSTEME" | "CLI";
  request_id: string | null;
  motif: string | null;
  avant: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  apres: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  date_action: Horodatage;
}

export interface UtilisateurTable extends Suivi {
  id: Id;
  login: string;
  nom: string;
  email: string | null;
  role: string;
  client_id: number | null;
  mot_de_passe_hash: string;
  derniere_connexion: Date | null;
  /** LOCAL: signs in with its password; OIDC: through the company's identity provider only (migration 0025). */
  origine: Defaut<"LOCAL" | "OIDC" | "LDAP">;
  /** The provider's subject (sub) of an OIDC account. */
  sujet: string | null;
}
export interface SsoCorrespondanceTable extends Suivi {
  id: Id;
  groupe: string;
  role: string;
  client_id: number | null;
}
export interface SsoEtatTable {
  etat: string;
  nonce: string;
  verificateur: string;
  expire_le: Date | string;
}
export interface SessionTable {
  id: string;
  utilisateur_id: number;
  csrf: string;
  expire_le: Date | string;
  date_creation: Horodatage;
}
export interface CleApiTable extends Suivi {
  id: Id;
  nom: string;
  prefixe: string;
  hash: string;
  role: string;
  client_id: number | null;
  expire_le: Date | string | null;
  revoquee_le: Date | string | null;
  derniere_utilisation: Date | string | null;
  created_by: string | null;
  /** CIDR ranges the key may be used from; null: anywhere. */
  adresses_autorisees: string[] | null;
}

export interface NotificationTable {
  id: Generated<number>;
  canal: "EMAIL" | "WEBHOOK";
  evenement: string;
  destinataire: string;
  sujet: string;
  corps: string;
  commande_id: number | null;
  statut: Defaut<"EN_ATTENTE" | "ENVOYEE" | "ECHEC" | "NON_ENVOYEE">;
  tentatives: Defaut<number>;
  prochain_essai: Horodatage;
  derniere_erreur: string | null;
  date_envoi: Date | null;
  date_creation: Horodatage;
}

export interface PublicationTable {
  id: Generated<number>;
  fichier: string;
  version: number;
  type: Defaut<"PUBLICATION" | "RESTAURATION">;
  chemin: string;
  somme_sha256: string;
  contenu: string;
  etag_routage: string | null;
  auteur: string;
  motif: string | null;
  commande: string | null;
  code_sortie: number | null;
  sortie_commande: string | null;
  date_publication: Horodatage;
  /** The routes the file was rendered from (gzipped JSON of [key, value] pairs), see routes-publiees.ts. */
  routes: Buffer | null;
}

export interface DB {
  tel_couts_mois: CoutsMoisTable;
  tel_couts_signal: CoutsSignalTable;
  tel_tarif_client: TarifClientTable;
  tel_usage_jour: UsageJourTable;
  tel_usage_dernier: UsageDernierTable;
  tel_usage_import: UsageImportTable;
  tel_rapprochement: RapprochementTable;
  tel_rapprochement_ligne: RapprochementLigneTable;
  tel_tranche: TrancheTable;
  tel_mandat: MandatTable;
  tel_mandat_did: MandatDidTable;
  tel_mandat_tranche: MandatTrancheTable;
  tel_declaration: DeclarationTable;
  tel_publication: PublicationTable;
  tel_notification: NotificationTable;
  tel_utilisateur: UtilisateurTable;
  tel_sso_correspondance: SsoCorrespondanceTable;
  tel_sso_etat: SsoEtatTable;
  tel_session: SessionTable;
  tel_cle_api: CleApiTable;
  tel_audit: AuditTable;
  tel_indicatif: IndicatifTable;
  tel_region: RegionTable;
  tel_operateur: OperateurTable;
  tel_type_did: TypeDidTable;
  tel_equipement: EquipementTable;
  tel_statut_did: StatutTable;
  tel_cloud: CloudTable;
  tel_client: ClientTable;
  tel_groupement: GroupementTable;
  tel_campaign: CampaignTable;
  tel_did: DidTable;
  tel_did_config: DidConfigTable;
  tel_did_virtual: DidVirtualTable;
  tel_did_historique: DidHistoriqueTable;
  tel_statut_commande: StatutTable;
  tel_commande_sequence: CommandeSequenceTable;
  tel_did_commande: DidCommandeTable;
  tel_did_commande_ligne: DidCommandeLigneTable;
  tel_did_commande_commentaire: DidCommandeCommentaireTable;
  tel_portabilite: PortabiliteTable;
  tel_portabilite_numero: PortabiliteNumeroTable;
  tel_portabilite_commentaire: PortabiliteCommentaireTable;
  tel_portabilite_sortante: PortabiliteSortanteTable;
  tel_portabilite_sortante_numero: PortabiliteSortanteNumeroTable;
  tel_portabilite_sortante_affectation: PortabiliteSortanteAffectationTable;
}

export type Did = Selectable<DidTable>;
