import { type Insertable, type RawBuilder, sql, type Updateable } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { DB, LigneDeclaree } from "../../db/schema.js";
import { OUTRE_MER_DEPUIS_FR } from "../../numbering/arcep.js";
import { courante } from "../affectations/courante.js";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of caller-ID rights: mandates and what they cover, the numbers a carrier is told about, the declarations
// recorded, and the outbound assignments of a number at an instant.

const COLONNES_MANDAT = [
  "m.id",
  "m.client_id",
  "c.code as client_code",
  "c.nom as client",
  "m.reference",
  "m.signataire",
  "m.date_debut",
  "m.date_fin",
  "m.document_nom",
  "m.document_taille",
  "m.document_sha256",
  "m.alerte_30_le",
  "m.alerte_7_le",
  "m.notes",
  "m.actif",
  "m.created_by",
  "m.version",
  "m.date_creation",
  "m.date_modification",
] as const;

function selectMandat(db: Executor) {
  return db
    .selectFrom("tel_mandat as m")
    .innerJoin("tel_client as c", "c.id", "m.client_id")
    .select(COLONNES_MANDAT)
    .select((eb) => [
      eb
        .selectFrom("tel_mandat_did as md")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("md.mandat_id", "=", "m.id")
        .as("nb_numeros"),
      eb
        .selectFrom("tel_mandat_tranche as mt")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("mt.mandat_id", "=", "m.id")
        .as("nb_tranches"),
    ]);
}

export function lireMandat(db: Executor, id: number) {
  return selectMandat(db).where("m.id", "=", id).executeTakeFirst();
}

export interface FiltresMandat {
  client_id?: number | undefined;
  actif?: boolean | undefined;
  /** Mandates whose last day is on or before this day (YYYY-MM-DD). */
  fin_avant?: string | undefined;
}

export async function pageMandats(db: Executor, f: FiltresMandat, page: number, parPage: number) {
  let q = selectMandat(db);
  if (f.client_id !== undefined) q = q.where("m.client_id", "=", f.client_id);
  if (f.actif !== undefined) q = q.where("m.actif", "=", f.actif);
  if (f.fin_avant !== undefined) q = q.where("m.date_fin", "<=", f.fin_avant);
  const [data, total] = await Promise.all([
    q
      .orderBy("m.date_fin", "asc")
      .orderBy("m.id")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

export function insererMandat(db: Executor, v: Insertable<DB["tel_mandat"]>) {
  return db.insertInto("tel_mandat").values(v).returning("id").executeTakeFirstOrThrow();
}

export function mandatVerrouille(db: Executor, id: number) {
  return db
    .selectFrom("tel_mandat")
    .select([
      "id",
      "client_id",
      "date_debut",
      "date_fin",
      "reference",
      "signataire",
      "notes",
      "version",
      "actif",
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export function modifierMandat(db: Executor, id: number, v: Updateable<DB["tel_mandat"]>) {
  return db
    .updateTable("tel_mandat")
    .set({ ...v, version: sql`version + 1`, date_modification: sql`now()` })
    .where("id", "=", id)
    .execute();
}

export async function couvrir(db: Executor, mandatId: number, didIds: number[], trancheIds: number[]) {
  if (didIds.length)
    await db
      .insertInto("tel_mandat_did")
      .values(didIds.map((did_id) => ({ mandat_id: mandatId, did_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (trancheIds.length)
    await db
      .insertInto("tel_mandat_tranche")
      .values(trancheIds.map((tranche_id) => ({ mandat_id: mandatId, tranche_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** The numbers a mandate covers by name, and its blocks. */
export async function couverture(db: Executor, mandatId: number) {
  const [numeros, tranches] = await Promise.all([
    db
      .selectFrom("tel_mandat_did as md")
      .innerJoin("tel_did as d", "d.id", "md.did_id")
      .select(["d.id", "d.did_format_e164 as numero", "d.titulaire"])
      .where("md.mandat_id", "=", mandatId)
      .orderBy("d.did_format_e164")
      .execute(),
    db
      .selectFrom("tel_mandat_tranche as mt")
      .innerJoin("tel_tranche as t", "t.id", "mt.tranche_id")
      .select(["t.id", "t.premier", "t.dernier"])
      .where("mt.mandat_id", "=", mandatId)
      .orderBy("t.premier")
      .execute(),
  ]);
  return { numeros, tranches };
}

export function ecrireDocument(
  db: Executor,
  id: number,
  d: { nom: string; taille: number; sha256: string; contenu: Buffer | null; chemin: string | null },
) {
  return modifierMandat(db, id, {
    document_nom: d.nom,
    document_taille: d.taille,
    document_sha256: d.sha256,
    document: d.contenu,
    document_chemin: d.chemin,
  });
}

export function lireDocument(db: Executor, id: number) {
  return db
    .selectFrom("tel_mandat")
    .select(["document_nom", "document_sha256", "document", "document_chemin"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Ids of the numbers given in E.164, and those the inventory does not hold. */
export async function idsDesNumeros(db: Executor, e164: string[]) {
  if (e164.length === 0) return { ids: [], inconnus: [] };
  const lignes = await db
    .selectFrom("tel_did")
    .select(["id", "did_format_e164"])
    .where(parmiTextes("did_format_e164", e164))
    .execute();
  const connus = new Set(lignes.map((l) => l.did_format_e164));
  return { ids: lignes.map((l) => l.id), inconnus: e164.filter((n) => !connus.has(n)) };
}

export async function tranchesInconnues(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const l = await db.selectFrom("tel_tranche").select("id").where(parmiIds("id", ids)).execute();
  const connues = new Set(l.map((x) => x.id));
  return ids.filter((i) => !connues.has(i));
}

/** The mandates covering a number, directly or through its block. */
export function mandatsDuNumero(db: Executor, didId: number) {
  return sql<{
    id: number;
    client_id: number;
    reference: string | null;
    signataire: string;
    date_debut: string;
    date_fin: string | null;
  }>`
    SELECT m.id, m.client_id, m.reference, m.signataire, m.date_debut::text AS date_debut, m.date_fin::text AS date_fin
    FROM tel_mandat m
    WHERE m.actif AND (
      EXISTS (SELECT 1 FROM tel_mandat_did md WHERE md.mandat_id = m.id AND md.did_id = ${didId})
      OR EXISTS (SELECT 1 FROM tel_mandat_tranche mt JOIN tel_did d ON d.tranche_id = mt.tranche_id
                 WHERE mt.mandat_id = m.id AND d.id = ${didId}))
    ORDER BY m.date_debut, m.id`
    .execute(db)
    .then((r) => r.rows);
}

/** What decides whether a number may be presented, and for whom. */
export function numeroPourFondement(db: Executor, didId: number) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .leftJoin("tel_type_did as t", "t.id", "d.type_id")
    .select([
      "d.id",
      "d.did_format_e164",
      "d.titulaire",
      "d.tranche_id",
      "d.client_id",
      "s.code as statut",
      sql<string | null>`coalesce(t.nature, t.code)`.as("type"),
    ])
    .where("d.id", "=", didId)
    .executeTakeFirst();
}

/**
 * The numbers a carrier is told about: not terminated, whose carrier is the operator (their block's, else their
 * own), with every mandate covering each (one row per number and mandate, or one row without a mandate).
 */
/**
 * Numbers in the order people read a list (#29, point 14): the French plan first by the digits dialled from France
 * (01…, 02 62… for Réunion), the rest after by E.164. The SQL twin of chiffresDepuisLaFrance.
 */
function ordreNational(e164: RawBuilder<unknown> | ReturnType<typeof sql.ref>) {
  const cas = OUTRE_MER_DEPUIS_FR.map(
    (o) =>
      sql`WHEN ${e164} LIKE ${`+${o.indicatif}%`} THEN ${`0${o.retirerPrefixe ? o.indicatif : ""}`} || substr(${e164}, ${o.indicatif.length + 2})`,
  );
  const chiffres = sql`CASE WHEN ${e164} LIKE '+33%' THEN '0' || substr(${e164}, 4) ${sql.join(cas, sql` `)} END`;
  return sql`(${chiffres}) IS NULL, ${chiffres}`;
}

export function numerosDeLOperateur(db: Executor, operateurId: number) {
  return sql<{
    numero: string;
    titulaire: string;
    client_id: number | null;
    client: string | null;
    mandat_id: number | null;
    mandat_client_id: number | null;
    date_debut: string | null;
    date_fin: string | null;
  }>`
    -- a number's active mandates, named for it or for its block, once each: joined as sets (a lateral subquery per
    -- number tried every mandate against each of an operator's 120,000 numbers, 0.8 s)
    WITH liens AS (
      SELECT md.did_id, md.mandat_id FROM tel_mandat_did md
      UNION
      SELECT n.id, mt.mandat_id FROM tel_mandat_tranche mt JOIN tel_did n ON n.tranche_id = mt.tranche_id
    ),
    mandats AS (
      SELECT l.did_id, mm.id, mm.client_id, mm.date_debut, mm.date_fin
      FROM liens l JOIN tel_mandat mm ON mm.id = l.mandat_id WHERE mm.actif
    )
    SELECT d.did_format_e164 AS numero, d.titulaire, d.client_id, c.code AS client,
      m.id AS mandat_id, m.client_id AS mandat_client_id, m.date_debut::text AS date_debut, m.date_fin::text AS date_fin
    FROM tel_did d
    JOIN tel_statut_did s ON s.id = d.statut_id
    LEFT JOIN tel_tranche t ON t.id = d.tranche_id
    LEFT JOIN tel_client c ON c.id = d.client_id
    LEFT JOIN mandats m ON m.did_id = d.id AND d.titulaire = 'CLIENT'
    WHERE s.code <> 'RESILIE' AND coalesce(t.operateur_id, d.operateur_id) = ${operateurId}
    ORDER BY ${ordreNational(sql.ref("d.did_format_e164"))}, d.did_format_e164, m.id`
    .execute(db)
    .then((r) => r.rows);
}

export function insererDeclaration(
  db: Executor,
  v: Omit<Insertable<DB["tel_declaration"]>, "numeros"> & { numeros: LigneDeclaree[] },
) {
  return db
    .insertInto("tel_declaration")
    .values({ ...v, numeros: JSON.stringify(v.numeros) })
    .returning(["id", "date_creation"])
    .executeTakeFirstOrThrow();
}

const COLONNES_DECLARATION = [
  "x.id",
  "x.operateur_id",
  "o.nom as operateur",
  "x.instant",
  "x.auteur",
  "x.format",
  "x.nombre",
  "x.ajouts",
  "x.retraits",
  "x.somme_sha256",
  "x.date_creation",
] as const;

export async function pageDeclarations(
  db: Executor,
  operateurId: number | undefined,
  page: number,
  parPage: number,
) {
  let q = db.selectFrom("tel_declaration as x").innerJoin("tel_operateur as o", "o.id", "x.operateur_id");
  if (operateurId !== undefined) q = q.where("x.operateur_id", "=", operateurId);
  const [data, total] = await Promise.all([
    q
      .select(COLONNES_DECLARATION)
      .orderBy("x.id", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

export function lireDeclaration(db: Executor, id: number) {
  return db
    .selectFrom("tel_declaration as x")
    .innerJoin("tel_operateur as o", "o.id", "x.operateur_id")
    .select([...COLONNES_DECLARATION, "x.fichier"])
    .where("x.id", "=", id)
    .executeTakeFirst();
}

/** The number's outbound assignments in force at an instant, with their campaign and client. */
export function sortantesA(db: Executor, didId: number, instant: Date) {
  return (
    db
      .selectFrom("tel_did_virtual as v")
      .innerJoin("tel_campaign as k", "k.id", "v.campaign_id")
      .innerJoin("tel_client as c", "c.id", "k.client_id")
      .select([
        "v.id as affectation_id",
        "v.date_debut",
        "v.date_fin",
        "k.id as campagne_id",
        "k.code as campagne_code",
        "k.nom as campagne",
        "k.prospection",
        "c.id as client_id",
        "c.code as client_code",
        "c.nom as client",
      ])
      .where("v.did_id", "=", didId)
      .where("v.sortant", "=", true)
      // "current at instant t", the one rule (courante.ts)
      .where(courante(instant))
      .orderBy("v.priorite")
      .execute()
  );
}

/** Mandates in force whose last day is at most `jusquau`, with an alert still to send. */
export function mandatsAAlerter(db: Executor, depuis: string, jusquau: string) {
  return db
    .selectFrom("tel_mandat as m")
    .innerJoin("tel_client as c", "c.id", "m.client_id")
    .select([
      "m.id",
      "m.client_id",
      "c.nom as client",
      "m.reference",
      "m.signataire",
      "m.date_debut",
      "m.date_fin",
      "m.alerte_30_le",
      "m.alerte_7_le",
    ])
    .where("m.actif", "=", true)
    .where("m.date_fin", "is not", null)
    .where("m.date_fin", ">=", depuis)
    .where("m.date_fin", "<=", jusquau)
    .where((eb) => eb.or([eb("m.alerte_30_le", "is", null), eb("m.alerte_7_le", "is", null)]))
    .forUpdate("m")
    .skipLocked()
    .execute();
}
