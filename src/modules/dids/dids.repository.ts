import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { echapperLike } from "../../http/listes.js";
import { chiffresDeRecherche } from "../../numbering/index.js";
import type { Executor } from "../history/audit.repository.js";

export interface FiltresDid {
  statut?: string | undefined;
  statut_id?: number | undefined;
  client_id?: number | undefined;
  groupement_id?: number | undefined;
  operateur_id?: number | undefined;
  type_id?: number | undefined;
  region_id?: number | undefined;
  equipement_id?: number | undefined;
  cloud_id?: number | undefined;
  indicatif_id?: number | undefined;
  campaign_id?: number | undefined;
  actif?: boolean | undefined;
  q?: string | undefined;
  acquis_depuis?: string | undefined;
  acquis_avant?: string | undefined;
  resilie_depuis?: string | undefined;
  resilie_avant?: string | undefined;
  modifie_depuis?: string | undefined;
  sans_client?: boolean | undefined;
  /** Set by the server for the `client` role, never by the caller. */
  client_visible?: number | undefined;
}

type Q = SelectQueryBuilder<DB & { d: DB["tel_did"] }, "d", object>;

/** Labels people read, joined in one query as the team's V_TEL_DID_COMPLET view did. */
export function selectDidComplet(db: Executor) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_indicatif as i", "i.id", "d.indicatif_id")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .leftJoin("tel_operateur as o", "o.id", "d.operateur_id")
    .leftJoin("tel_type_did as t", "t.id", "d.type_id")
    .leftJoin("tel_region as r", "r.id", "d.region_id")
    .leftJoin("tel_equipement as e", "e.id", "d.equipement_id")
    .leftJoin("tel_client as c", "c.id", "d.client_id")
    .leftJoin("tel_groupement as g", "g.id", "d.groupement_id")
    .leftJoin("tel_cloud as cl", "cl.id", "d.cloud_id")
    .select([
      "d.id",
      "d.indicatif_id",
      "i.code as pays",
      "i.indicatif",
      "d.did",
      "d.did_format_e164",
      "d.operateur_id",
      "o.nom as operateur",
      "d.type_id",
      "t.code as type_code",
      "t.libelle as type",
      "d.region_id",
      "r.code as region_code",
      "r.libelle as region",
      "d.equipement_id",
      "e.nom as equipement",
      "d.client_id",
      "c.code as client_code",
      "c.nom as client",
      "d.groupement_id",
      "g.libelle as groupement",
      "d.cloud_id",
      "cl.nom as cloud",
      "d.statut_id",
      "s.code as statut_code",
      "s.libelle as statut",
      "s.couleur as statut_couleur",
      "d.description",
      "d.reference_externe",
      "d.date_acquisition",
      "d.date_activation",
      "d.date_resiliation",
      "d.cout_mensuel",
      "d.cout_mise_en_service",
      "d.notes",
      "d.created_by",
      "d.modified_by",
      "d.actif",
      "d.version",
      "d.date_creation",
      "d.date_modification",
    ]);
}

export function appliquerFiltres<T extends Q>(q: T, f: FiltresDid): T {
  let r = q as Q;
  const egal = [
    "statut_id",
    "client_id",
    "groupement_id",
    "operateur_id",
    "type_id",
    "region_id",
    "equipement_id",
    "cloud_id",
    "indicatif_id",
  ] as const;
  for (const k of egal) if (f[k] !== undefined) r = r.where(`d.${k}`, "=", f[k] as number);
  if (f.statut) {
    r = r.where("d.statut_id", "=", (eb) =>
      eb
        .selectFrom("tel_statut_did")
        .select("id")
        .where("code", "=", f.statut as string),
    );
  }
  if (f.sans_client) r = r.where("d.client_id", "is", null);
  if (f.client_visible !== undefined) r = r.where("d.client_id", "=", f.client_visible);
  if (f.actif !== undefined) r = r.where("d.actif", "=", f.actif);
  if (f.acquis_depuis) r = r.where("d.date_acquisition", ">=", f.acquis_depuis);
  if (f.acquis_avant) r = r.where("d.date_acquisition", "<", f.acquis_avant);
  if (f.resilie_depuis) r = r.where("d.date_resiliation", ">=", f.resilie_depuis);
  if (f.resilie_avant) r = r.where("d.date_resiliation", "<", f.resilie_avant);
  if (f.modifie_depuis) r = r.where("d.date_modification", ">=", new Date(f.modifie_depuis));
  if (f.campaign_id !== undefined) {
    const campagne = f.campaign_id;
    r = r.where((eb: ExpressionBuilder<DB & { d: DB["tel_did"] }, "d">) =>
      eb.exists(
        eb
          .selectFrom("tel_did_virtual as v")
          .select("v.id")
          .whereRef("v.did_id", "=", "d.id")
          .where("v.campaign_id", "=", campagne)
          .where("v.actif", "=", true)
          .where("v.date_debut", "<=", sql<Date>`now()`)
          .where((e) => e.or([e("v.date_fin", "is", null), e("v.date_fin", ">", sql<Date>`now()`)])),
      ),
    );
  }
  if (f.q?.trim()) {
    const saisie = f.q.trim();
    // A query made only of digits and separators is a number: search the number columns through their
    // trigram indexes only, so a partial-digit search never scans the free-text columns of every row.
    if (/^[\d\s.()+/-]+$/.test(saisie)) {
      const chiffres = chiffresDeRecherche(saisie);
      // E.164 is '+' + country code + did: digits typed with their country code are looked for there,
      // national digits in did alone (one trigram index instead of two).
      const colonne = /^\s*(\+|00)/.test(saisie) ? "d.did_format_e164" : "d.did";
      r = r.where(colonne, "like", `%${chiffres}%`);
    } else {
      const texte = `%${echapperLike(saisie)}%`;
      r = r.where((eb) =>
        eb.or([
          eb("d.description", "ilike", texte),
          eb("d.reference_externe", "ilike", texte),
          eb("d.notes", "ilike", texte),
        ]),
      );
    }
  }
  return r as T;
}

export const TRIS_DID: Record<string, string> = {
  id: "d.id",
  did: "d.did",
  did_format_e164: "d.did_format_e164",
  statut: "s.ordre",
  client: "c.nom",
  operateur: "o.nom",
  type: "t.code",
  region: "r.code",
  date_acquisition: "d.date_acquisition",
  date_activation: "d.date_activation",
  date_resiliation: "d.date_resiliation",
  date_creation: "d.date_creation",
  date_modification: "d.date_modification",
  cout_mensuel: "d.cout_mensuel",
};

export async function idsReference(
  db: Executor,
  table: "tel_statut_did" | "tel_type_did",
  code: string,
): Promise<number | undefined> {
  const r = await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirst();
  return r?.id;
}

export async function regionParCode(db: Executor, indicatifId: number, code: string) {
  return db
    .selectFrom("tel_region")
    .select("id")
    .where("indicatif_id", "=", indicatifId)
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function indicatifParPays(db: Executor, pays: string) {
  return db
    .selectFrom("tel_indicatif")
    .select(["id", "indicatif", "code"])
    .where("code", "=", pays)
    .executeTakeFirst();
}
