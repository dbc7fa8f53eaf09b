import { type Kysely, sql } from "kysely";

// A stable interface for the company's other tools (#31): the schema telephony_lecture, views only, read by a role
// that reads nothing else (`telephony sql-lecture`). The tables change with every migration; these views do not.
// A view is versioned by its name: a later migration may add a column at its end (CREATE OR REPLACE VIEW), and
// a column removed or retyped needs a new name (numeros_v2); the contract test (test/db/vues-lecture.test.ts)
// fails otherwise. Codes and labels are given side by side, numbers in E.164 and as dialled from France.

const NATIONAL = (e164: string, indicatif: string) => `CASE
      WHEN ${indicatif} IN ('33', '262', '590', '594', '596') THEN '0' || substr(${e164}, length(${indicatif}) + 2)
      WHEN ${indicatif} = '508' THEN '0508' || substr(${e164}, 5) END`;

/** Each view: its name, what it says (COMMENT ON VIEW, read by SQL clients), and its query. */
export const VUES_LECTURE: ReadonlyArray<{ nom: string; description: string; requete: string }> = [
  {
    nom: "numeros_v1",
    description:
      "Les numéros de l'inventaire, un par ligne : formes E.164 et nationale, statut, type, nature, région, opérateur, client et groupement (code et libellé), titulaire, dates et coûts.",
    requete: `
    SELECT d.id, d.did_format_e164 AS numero_e164, ${NATIONAL("d.did_format_e164", "i.indicatif")} AS numero_national,
      i.code AS pays, i.indicatif,
      s.code AS statut_code, s.libelle AS statut,
      t.code AS type_code, t.libelle AS type, coalesce(t.nature, t.code) AS nature,
      r.code AS region_code, r.libelle AS region,
      o.code AS operateur_code, o.nom AS operateur,
      c.code AS client_code, c.nom AS client,
      g.code AS groupement_code, g.libelle AS groupement,
      d.titulaire, d.tranche_id, d.reference_externe AS reference_operateur,
      d.date_acquisition, d.date_activation, d.date_resiliation,
      d.cout_mensuel, d.cout_mise_en_service, d.description,
      d.actif, d.date_creation, d.date_modification
    FROM public.tel_did d
    JOIN public.tel_indicatif i ON i.id = d.indicatif_id
    JOIN public.tel_statut_did s ON s.id = d.statut_id
    LEFT JOIN public.tel_type_did t ON t.id = d.type_id
    LEFT JOIN public.tel_region r ON r.id = d.region_id
    LEFT JOIN public.tel_tranche tr ON tr.id = d.tranche_id
    LEFT JOIN public.tel_operateur o ON o.id = coalesce(tr.operateur_id, d.operateur_id)
    LEFT JOIN public.tel_client c ON c.id = d.client_id
    LEFT JOIN public.tel_groupement g ON g.id = d.groupement_id`,
  },
  {
    nom: "affectations_v1",
    description:
      "Les affectations des numéros aux campagnes Hermes, en cours et passées : sens, priorité, configuration, période (date_fin vide : sans fin) et si elle est en cours maintenant.",
    requete: `
    SELECT v.id, v.did_id, d.did_format_e164 AS numero_e164,
      k.code AS campagne_code, k.hermes_id, c.code AS client_code,
      v.entrant, v.sortant, v.priorite, f.code AS configuration_code, v.alias,
      v.date_debut, v.date_fin,
      (v.actif AND v.date_debut <= now() AND (v.date_fin IS NULL OR v.date_fin > now())) AS en_cours,
      v.actif
    FROM public.tel_did_virtual v
    JOIN public.tel_did d ON d.id = v.did_id
    JOIN public.tel_campaign k ON k.id = v.campaign_id
    JOIN public.tel_client c ON c.id = k.client_id
    LEFT JOIN public.tel_did_config f ON f.id = v.config_id`,
  },
  {
    nom: "campagnes_did_v1",
    description:
      "Chaque campagne Hermes avec ses numéros entrants en cours, une ligne par numéro, comme HN_Admin.dbo.Campaigns.DID : hermes_id, did (chiffres E.164 sans « + »), did_national ; une campagne sans numéro entrant a une ligne à did vide.",
    requete: `
    SELECT k.id AS campagne_id, k.code AS campagne_code, k.nom AS campagne_nom, k.hermes_id,
      c.code AS client_code,
      substr(d.did_format_e164, 2) AS did, d.did_format_e164 AS did_e164,
      ${NATIONAL("d.did_format_e164", "i.indicatif")} AS did_national,
      f.code AS configuration_code, v.alias, v.date_debut AS depuis
    FROM public.tel_campaign k
    JOIN public.tel_client c ON c.id = k.client_id
    LEFT JOIN public.tel_did_virtual v ON v.campaign_id = k.id AND v.actif AND v.entrant
      AND v.date_debut <= now() AND (v.date_fin IS NULL OR v.date_fin > now())
    LEFT JOIN public.tel_did d ON d.id = v.did_id
    LEFT JOIN public.tel_indicatif i ON i.id = d.indicatif_id
    LEFT JOIN public.tel_did_config f ON f.id = v.config_id
    WHERE k.actif`,
  },
  {
    nom: "historique_v1",
    description:
      "L'historique de chaque numéro : action, champ, ancienne et nouvelle valeur, qui, pourquoi, quand.",
    requete: `
    SELECT h.id, h.did_id, d.did_format_e164 AS numero_e164, h.action, h.champ,
      h.ancienne_valeur, h.nouvelle_valeur, h.utilisateur, h.motif, h.date_action
    FROM public.tel_did_historique h
    JOIN public.tel_did d ON d.id = h.did_id`,
  },
  {
    nom: "commandes_v1",
    description:
      "Les commandes de numéros : client, demandeur, type, région, quantité, statut (code et libellé), validation, livraison et numéros livrés.",
    requete: `
    SELECT m.id, m.reference, c.code AS client_code, c.nom AS client, g.code AS groupement_code,
      m.demandeur_nom, m.demandeur_email, o.code AS operateur_code, t.code AS type_code, r.code AS region_code,
      m.quantite, m.prefixe_souhaite, m.motif, m.urgence, m.date_souhaitee,
      s.code AS statut_code, s.libelle AS statut, m.valideur_nom, m.date_validation,
      m.reference_operateur, m.date_livraison,
      (SELECT count(*) FROM public.tel_did_commande_ligne l WHERE l.commande_id = m.id) AS numeros_livres,
      m.date_creation, m.date_modification
    FROM public.tel_did_commande m
    JOIN public.tel_client c ON c.id = m.client_id
    LEFT JOIN public.tel_groupement g ON g.id = m.groupement_id
    LEFT JOIN public.tel_operateur o ON o.id = m.operateur_id
    LEFT JOIN public.tel_type_did t ON t.id = m.type_did_id
    LEFT JOIN public.tel_region r ON r.id = m.region_id
    JOIN public.tel_statut_commande s ON s.id = m.statut_id`,
  },
  {
    nom: "tranches_v1",
    description:
      "Les tranches de numéros reçues des opérateurs : premier et dernier numéro, taille, commande d'origine, et combien de leurs numéros sont dans l'inventaire.",
    requete: `
    SELECT tr.id, o.code AS operateur_code, tr.reference_operateur, tr.premier, tr.dernier,
      (tr.fin - tr.debut + 1) AS taille, tr.date_reception, m.reference AS commande_reference,
      (SELECT count(*) FROM public.tel_did d WHERE d.tranche_id = tr.id) AS numeros_inventaire,
      tr.actif
    FROM public.tel_tranche tr
    JOIN public.tel_operateur o ON o.id = tr.operateur_id
    LEFT JOIN public.tel_did_commande m ON m.id = tr.commande_id`,
  },
  {
    nom: "mandats_v1",
    description:
      "Les mandats de présentation du numéro signés par les clients : signataire, période (date_fin : dernier jour couvert), document et son SHA-256.",
    requete: `
    SELECT m.id, c.code AS client_code, m.reference, m.signataire, m.date_debut, m.date_fin,
      m.document_nom, m.document_sha256, m.actif, m.date_creation
    FROM public.tel_mandat m
    JOIN public.tel_client c ON c.id = m.client_id`,
  },
  {
    nom: "mandats_numeros_v1",
    description:
      "Ce que couvre chaque mandat : ses numéros nommés et ceux de ses tranches, une ligne par numéro (par = NUMERO ou TRANCHE).",
    requete: `
    SELECT md.mandat_id, d.id AS did_id, d.did_format_e164 AS numero_e164, 'NUMERO' AS par
    FROM public.tel_mandat_did md JOIN public.tel_did d ON d.id = md.did_id
    UNION ALL
    SELECT mt.mandat_id, d.id, d.did_format_e164, 'TRANCHE'
    FROM public.tel_mandat_tranche mt JOIN public.tel_did d ON d.tranche_id = mt.tranche_id`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS telephony_lecture`.execute(db);
  await sql`COMMENT ON SCHEMA telephony_lecture IS ${sql.lit(
    "API Telephony : vues stables en lecture pour les autres outils (voir le README, « Vues SQL »)",
  )}`.execute(db);
  for (const v of VUES_LECTURE) {
    await sql`CREATE VIEW ${sql.raw(`telephony_lecture.${v.nom}`)} AS ${sql.raw(v.requete)}`.execute(db);
    await sql`COMMENT ON VIEW ${sql.raw(`telephony_lecture.${v.nom}`)} IS ${sql.lit(v.description)}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS telephony_lecture CASCADE`.execute(db);
}
