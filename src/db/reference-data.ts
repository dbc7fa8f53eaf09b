import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.js";

export const INDICATIFS: Array<[code: string, indicatif: string, libelle: string]> = [
  ["FR", "33", "France"],
  ["BE", "32", "Belgique"],
  ["CH", "41", "Suisse"],
  ["GB", "44", "Royaume-Uni"],
  ["LU", "352", "Luxembourg"],
  ["DE", "49", "Allemagne"],
  ["ES", "34", "Espagne"],
  ["IT", "39", "Italie"],
  ["NL", "31", "Pays-Bas"],
  ["PT", "351", "Portugal"],
  ["GP", "590", "Guadeloupe"],
  ["BL", "590", "Saint-Barthélemy"],
  ["MF", "590", "Saint-Martin"],
  ["MQ", "596", "Martinique"],
  ["GF", "594", "Guyane"],
  ["RE", "262", "La Réunion"],
  ["YT", "262", "Mayotte"],
  ["PM", "508", "Saint-Pierre-et-Miquelon"],
];

// Zone codes match what src/numbering derives from a number.
export const REGIONS: Array<[pays: string, code: string, libelle: string, prefixe: string]> = [
  ["FR", "IDF", "Île-de-France", "01"],
  ["FR", "NOR", "Nord-Ouest", "02"],
  ["FR", "NES", "Nord-Est", "03"],
  ["FR", "SES", "Sud-Est", "04"],
  ["FR", "SOU", "Sud-Ouest", "05"],
  ["RE", "REU", "La Réunion", "0262"],
  ["YT", "MAY", "Mayotte", "0269"],
  ["GP", "GUA", "Guadeloupe", "0590"],
  ["BL", "SBH", "Saint-Barthélemy", "0590"],
  ["MF", "SMA", "Saint-Martin", "0590"],
  ["GF", "GUY", "Guyane", "0594"],
  ["MQ", "MAR", "Martinique", "0596"],
  ["PM", "SPM", "Saint-Pierre-et-Miquelon", "0508"],
];

export const OPERATEURS: Array<[code: string, nom: string, type: "VOIP" | "TRADITIONNEL" | "HYBRIDE"]> = [
  ["BOUYGUES", "Bouygues Telecom", "TRADITIONNEL"],
  ["ORANGE", "Orange", "TRADITIONNEL"],
  ["SFR", "SFR", "TRADITIONNEL"],
  ["TELNYX", "Telnyx", "VOIP"],
  ["TWILIO", "Twilio", "VOIP"],
  ["OVH", "OVHcloud", "VOIP"],
  ["KEYYO", "Keyyo", "HYBRIDE"],
];

export const TYPES_DID: Array<[code: string, libelle: string, description: string]> = [
  ["GEO", "Géographique", "Numéro 01 à 05, rattaché à une zone"],
  [
    "MOBILE",
    "Mobile",
    "06/07 : réservé à une personne physique, interdit en présentation par un centre d'appels",
  ],
  ["NPV", "NPV", "Numéro polyvalent vérifié : obligatoire pour les appels automatisés et la prospection"],
  ["NON_GEO", "Non géographique (09)", "Numéro polyvalent 09"],
  ["SVA_GRATUIT", "SVA gratuit", "0800 à 0805"],
  ["SVA_NORMAL", "SVA prix d'un appel normal", "0806 à 0809"],
  ["SVA_SURTAXE", "SVA surtaxé", "081, 082, 089"],
  ["INTERNATIONAL", "International", "Numéro hors plan de numérotation français"],
];

export const EQUIPEMENTS: Array<[code: string, nom: string, type: string]> = [
  ["SBC", "SBC", "Session Border Controller"],
  ["CENTREX", "Centrex", "Centrex IP"],
  ["T2", "T2", "Accès T2 / ISDN PRI"],
  ["ASTRA", "Astra", "Passerelle"],
  ["ASTERISK", "Asterisk", "IPBX"],
  ["FREESWITCH", "FreeSWITCH", "Softswitch"],
];

export const STATUTS_DID: Array<
  [code: string, libelle: string, ordre: number, couleur: string, description: string]
> = [
  ["COMMANDE", "Commandé", 1, "#FFA500", "Commandé à l'opérateur, pas encore livré"],
  ["DISPONIBLE", "Disponible", 2, "#17A2B8", "En stock : livré, sans client, prêt à être attribué"],
  ["AFFECTE", "Affecté", 3, "#FFC107", "Détenu par un client, sans affectation de campagne en cours"],
  [
    "UTILISE",
    "Utilisé",
    4,
    "#28A745",
    "Détenu par un client et en production : une affectation de campagne en cours",
  ],
  [
    "RESILIE",
    "Résilié",
    5,
    "#DC3545",
    "Résilié auprès de l'opérateur ; gelé avant d'aller à un autre client",
  ],
];

export const STATUTS_COMMANDE: Array<[code: string, libelle: string, ordre: number, couleur: string]> = [
  ["BROUILLON", "Brouillon", 1, "#6C757D"],
  ["SOUMISE", "Soumise", 2, "#17A2B8"],
  ["VALIDEE", "Validée", 3, "#007BFF"],
  ["EN_COURS", "En cours", 4, "#FFC107"],
  ["LIVREE", "Livrée", 5, "#28A745"],
  ["REJETEE", "Rejetée", 6, "#DC3545"],
  ["ANNULEE", "Annulée", 7, "#6C757D"],
];

/**
 * Inserts the reference rows that are missing. Idempotent: rows already there (possibly edited by an
 * administrator) are left as they are.
 */
export async function seedReference(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tel_indicatif")
      .values(INDICATIFS.map(([code, indicatif, libelle]) => ({ code, indicatif, libelle })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    for (const [pays, code, libelle, prefixe] of REGIONS) {
      await sql`
        INSERT INTO tel_region (indicatif_id, code, libelle, prefixe, zone)
        SELECT id, ${code}, ${libelle}, ${prefixe}, ${code} FROM tel_indicatif WHERE code = ${pays}
        ON CONFLICT (indicatif_id, code) DO NOTHING`.execute(trx);
    }
    await trx
      .insertInto("tel_operateur")
      .values(OPERATEURS.map(([code, nom, type]) => ({ code, nom, type })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("tel_type_did")
      .values(TYPES_DID.map(([code, libelle, description]) => ({ code, libelle, description, nature: code })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("tel_equipement")
      .values(EQUIPEMENTS.map(([code, nom, type]) => ({ code, nom, type })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("tel_statut_did")
      .values(
        STATUTS_DID.map(([code, libelle, ordre, couleur, description]) => ({
          code,
          libelle,
          ordre,
          couleur,
          description,
        })),
      )
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("tel_statut_commande")
      .values(STATUTS_COMMANDE.map(([code, libelle, ordre, couleur]) => ({ code, libelle, ordre, couleur })))
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
  });
}
