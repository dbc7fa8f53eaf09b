import { type Insertable, sql, type Updateable } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../audit/audit.repository.js";
import { type Portee, restreindre, TOUT } from "../auth/acces.js";

// All the SQL of port-in requests: the request with the labels people read, its numbers, its thread, the switches
// due, and what the inventory already knows of the numbers a request names.

export function selectPortabilite(db: Executor) {
  return db
    .selectFrom("tel_portabilite as p")
    .innerJoin("tel_client as cl", "cl.id", "p.client_id")
    .innerJoin("tel_operateur as o", "o.id", "p.operateur_id")
    .select([
      "p.id",
      "p.reference",
      "p.client_id",
      "cl.nom as client",
      "p.operateur_donneur",
      "p.operateur_id",
      "o.nom as operateur",
      "p.statut",
      "p.date_souhaitee",
      "p.bascule_le",
      "p.motif_rejet",
      "p.notes",
      "p.demandeur_nom",
      "p.demandeur_email",
      "p.mandat_nom",
      "p.mandat_taille",
      "p.mandat_sha256",
      "p.mandat_signataire",
      "p.mandat_id",
      "p.erreur_bascule",
      "p.created_by",
      "p.version",
      "p.date_creation",
      "p.date_modification",
      sql<number>`(SELECT count(*)::int FROM tel_portabilite_numero n WHERE n.portabilite_id = p.id)`.as(
        "nombre",
      ),
      sql<number>`(SELECT count(*)::int FROM tel_portabilite_numero n WHERE n.portabilite_id = p.id
        AND n.statut = 'REJETE')`.as("rejetes"),
    ]);
}

export interface FiltresPortabilite {
  statut?: string[] | undefined;
  client_id?: number | undefined;
  q?: string | undefined;
  /** Switches from this instant (the calendar) and before that one. */
  bascule_depuis?: Date | undefined;
  bascule_avant?: Date | undefined;
  portee: Portee;
}

export async function pagePortabilites(db: Executor, f: FiltresPortabilite, page: number, parPage: number) {
  let q = restreindre(selectPortabilite(db), f.portee, "p.client_id");
  if (f.statut?.length) q = q.where(parmiTextes("p.statut", f.statut));
  if (f.client_id) q = q.where("p.client_id", "=", f.client_id);
  if (f.bascule_depuis) q = q.where("p.bascule_le", ">=", f.bascule_depuis);
  if (f.bascule_avant) q = q.where("p.bascule_le", "<", f.bascule_avant);
  const texte = f.q;
  if (texte) {
    const motif = `%${texte.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // a number as people type it (« 01 45 00… »): its digits without the trunk 0, within the E.164 form stored
    const chiffres = texte.replace(/\D/g, "").replace(/^0/, "");
    q = q.where((eb) =>
      eb.or([
        eb("p.reference", "ilike", motif),
        eb("cl.nom", "ilike", motif),
        eb("p.operateur_donneur", "ilike", motif),
        ...(chiffres.length >= 2
          ? [
              eb.exists(
                eb
                  .selectFrom("tel_portabilite_numero as n")
                  .select("n.id")
                  .whereRef("n.portabilite_id", "=", "p.id")
                  .where("n.numero", "like", `%${chiffres}%`),
              ),
            ]
          : []),
      ]),
    );
  }
  const [data, total] = await Promise.all([
    q
      .orderBy(sql`p.bascule_le IS NULL`)
      .orderBy("p.bascule_le")
      .orderBy("p.id", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: total.n };
}

export function lirePortabilite(db: Executor, id: number, portee: Portee = TOUT) {
  return restreindre(selectPortabilite(db), portee, "p.client_id").where("p.id", "=", id).executeTakeFirst();
}

export function portabiliteVerrouillee(db: Executor, id: number) {
  return db.selectFrom("tel_portabilite").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function insererPortabilite(db: Executor, v: Insertable<DB["tel_portabilite"]>) {
  return db.insertInto("tel_portabilite").values(v).returningAll().executeTakeFirstOrThrow();
}

export function ecrirePortabilite(db: Executor, id: number, v: Updateable<DB["tel_portabilite"]>) {
  return db
    .updateTable("tel_portabilite")
    .set({ ...v, version: sql`version + 1` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function numerosDemande(db: Executor, portabiliteId: number) {
  return db
    .selectFrom("tel_portabilite_numero as n")
    .leftJoin("tel_did as d", "d.id", "n.did_id")
    .select([
      "n.id",
      "n.numero",
      "n.rio",
      "n.statut",
      "n.motif_rejet",
      "n.preparation",
      "n.did_id",
      "d.did_format_e164 as did_numero",
    ])
    .where("n.portabilite_id", "=", portabiliteId)
    .orderBy("n.numero")
    .execute();
}

export function insererNumeros(db: Executor, lignes: Insertable<DB["tel_portabilite_numero"]>[]) {
  if (lignes.length === 0) return Promise.resolve([]);
  return db.insertInto("tel_portabilite_numero").values(lignes).returningAll().execute();
}

export function ecrireNumero(db: Executor, id: number, v: Updateable<DB["tel_portabilite_numero"]>) {
  return db
    .updateTable("tel_portabilite_numero")
    .set(v)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export function retirerNumeros(db: Executor, portabiliteId: number, ids: number[]) {
  return db
    .deleteFrom("tel_portabilite_numero")
    .where("portabilite_id", "=", portabiliteId)
    .where(parmiIds("id", ids))
    .returning("numero")
    .execute();
}

export function commentairesDemande(db: Executor, portabiliteId: number) {
  return db
    .selectFrom("tel_portabilite_commentaire")
    .select(["id", "auteur", "commentaire", "type", "date_creation"])
    .where("portabilite_id", "=", portabiliteId)
    .orderBy("id")
    .execute();
}

export function ajouterCommentaire(
  db: Executor,
  portabiliteId: number,
  auteur: string,
  commentaire: string,
  type: "INFO" | "REJET" | "BASCULE" | "COMMENTAIRE",
) {
  return db
    .insertInto("tel_portabilite_commentaire")
    .values({ portabilite_id: portabiliteId, auteur, commentaire, type })
    .returning(["id", "auteur", "commentaire", "type", "date_creation"])
    .executeTakeFirstOrThrow();
}

/**
 * What the inventory knows of these numbers (E.164): the number if we have it, its holder and status; the carrier
 * block it falls in; another open port-in naming it.
 */
export async function etatDesNumeros(db: Executor, numeros: string[], saufDemande: number | null) {
  const r = await sql<{
    numero: string;
    did_id: number | null;
    client_id: number | null;
    client: string | null;
    statut: string | null;
    portee_vers: string | null;
    tranche_id: number | null;
    tranche_operateur: string | null;
    autre_demande: string | null;
  }>`
    SELECT u.numero, d.id AS did_id, d.client_id, c.nom AS client, s.code AS statut, d.portee_vers,
      t.id AS tranche_id, o.nom AS tranche_operateur, ad.reference AS autre_demande
    FROM unnest(${numeros}::text[]) AS u(numero)
    LEFT JOIN tel_did d ON d.did_format_e164 = u.numero
    LEFT JOIN tel_statut_did s ON s.id = d.statut_id
    LEFT JOIN tel_client c ON c.id = d.client_id
    LEFT JOIN LATERAL (SELECT t.id, t.operateur_id FROM tel_tranche t
      WHERE u.numero ~ '^\\+[0-9]{1,15}$' AND t.actif
        AND t.debut <= substr(u.numero, 2)::bigint AND t.fin >= substr(u.numero, 2)::bigint LIMIT 1) t ON true
    LEFT JOIN tel_operateur o ON o.id = t.operateur_id
    LEFT JOIN LATERAL (SELECT p.reference FROM tel_portabilite_numero n JOIN tel_portabilite p ON p.id = n.portabilite_id
      WHERE n.numero = u.numero AND n.statut = 'EN_ATTENTE' AND p.statut IN ('BROUILLON', 'SOUMISE', 'DATE_CONFIRMEE')
        AND p.id IS DISTINCT FROM ${saufDemande}::int LIMIT 1) ad ON true`.execute(db);
  return r.rows;
}

/** How long before its instant a switch's transaction starts: 2 s and 12 ms a number (measured: ~10 ms), 30 s at most. */
export const AVANCE_MAX_MS = 30_000;
export function avanceBascule(anticiper: boolean) {
  return anticiper
    ? sql<string>`make_interval(secs => least(${AVANCE_MAX_MS / 1000}, 2 + 0.012 * (SELECT count(*)
        FROM tel_portabilite_numero n WHERE n.portabilite_id = p.id AND n.statut = 'EN_ATTENTE')))`
    : sql<string>`interval '0'`;
}

/** The requests whose switch is due at this instant, or soon enough to be prepared now; oldest first. */
export function basculesEchues(db: Executor, maintenant: Date, anticiper: boolean) {
  return db
    .selectFrom("tel_portabilite as p")
    .select(["p.id", "p.bascule_le"])
    .where("p.statut", "=", "DATE_CONFIRMEE")
    .where(sql<boolean>`p.bascule_le - ${avanceBascule(anticiper)} <= ${maintenant}`)
    .orderBy("p.bascule_le")
    .limit(100)
    .execute();
}

/** Confirmed switches within the reminder's horizon whose reminder has not gone yet. */
export function basculesARappeler(
  db: Executor,
  maintenant: Date,
  horizonMs: number,
  colonne: "rappel_j7_le" | "rappel_j1_le",
) {
  return db
    .selectFrom("tel_portabilite")
    .select("id")
    .where("statut", "=", "DATE_CONFIRMEE")
    .where("bascule_le", ">", maintenant)
    .where("bascule_le", "<=", new Date(maintenant.getTime() + horizonMs))
    .where(colonne, "is", null)
    .limit(100)
    .execute();
}

export async function prochaineReference(db: Executor, annee: number, id: number) {
  const reference = `POR-${annee}-${String(id).padStart(5, "0")}`;
  await db.updateTable("tel_portabilite").set({ reference }).where("id", "=", id).execute();
  return reference;
}
