import { type Insertable, sql, type Updateable } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import { verrouiller } from "../../db/verrou.js";
import { ApiError } from "../../http/errors.js";
import type { Executor } from "../audit/audit.repository.js";
import { type Portee, restreindre, TOUT } from "../auth/acces.js";

/** Orders with the labels people read: client, type, region, operator, status and its colour, age in days. */
export function selectCommande(db: Executor) {
  return db
    .selectFrom("tel_did_commande as c")
    .innerJoin("tel_client as cl", "cl.id", "c.client_id")
    .innerJoin("tel_statut_commande as s", "s.id", "c.statut_id")
    .innerJoin("tel_type_did as t", "t.id", "c.type_did_id")
    .leftJoin("tel_region as r", "r.id", "c.region_id")
    .leftJoin("tel_operateur as o", "o.id", "c.operateur_id")
    .leftJoin("tel_groupement as g", "g.id", "c.groupement_id")
    .select([
      "c.id",
      "c.reference",
      "c.client_id",
      "cl.nom as client",
      "c.groupement_id",
      "g.libelle as groupement",
      "c.demandeur_nom",
      "c.demandeur_email",
      "c.demandeur_tel",
      "c.operateur_id",
      "o.nom as operateur",
      "c.type_did_id",
      "t.code as type_code",
      "t.libelle as type",
      "c.region_id",
      "r.code as region_code",
      "r.libelle as region",
      "c.quantite",
      "c.prefixe_souhaite",
      "c.motif",
      "c.urgence",
      "c.date_souhaitee",
      "c.statut_id",
      "s.code as statut_code",
      "s.libelle as statut",
      "s.couleur as statut_couleur",
      "c.valideur_nom",
      "c.date_validation",
      "c.commentaire_validation",
      "c.reference_operateur",
      "c.cout_mensuel",
      "c.cout_mise_en_service",
      "c.date_livraison",
      "c.created_by",
      "c.actif",
      "c.version",
      "c.date_creation",
      "c.date_modification",
      sql<number>`(SELECT count(*) FROM tel_did_commande_ligne l WHERE l.commande_id = c.id)`.as(
        "quantite_livree",
      ),
    ]);
}

export interface FiltresCommande {
  statut?: string | undefined;
  q?: string | undefined;
  cree_depuis?: string | undefined;
  cree_avant?: string | undefined;
  /** column filters (client_id, type_did_id...), each checked by the route's schema */
  egal: Record<string, unknown>;
  /** The caller's scope, set by the server from who calls (acces.ts), never by the caller. */
  portee?: Portee | undefined;
}

type QCommande = ReturnType<typeof selectCommande>;

function filtrerCommandes<Q extends QCommande>(base: Q, f: FiltresCommande): Q {
  let r = base;
  for (const [k, v] of Object.entries(f.egal))
    if (v !== undefined) r = r.where(`c.${k}` as "c.client_id", "=", v as never) as Q;
  if (f.statut) r = r.where(parmiTextes("s.code", f.statut.split(","))) as Q;
  const q = f.q;
  if (q)
    r = r.where((eb) =>
      eb.or([
        eb("c.reference", "ilike", `%${q}%`),
        eb("cl.nom", "ilike", `%${q}%`),
        eb("c.motif", "ilike", `%${q}%`),
      ]),
    ) as Q;
  if (f.cree_depuis) r = r.where("c.date_creation", ">=", new Date(f.cree_depuis)) as Q;
  if (f.cree_avant) r = r.where("c.date_creation", "<", new Date(f.cree_avant)) as Q;
  if (f.portee) r = restreindre(r, f.portee, "c.client_id");
  return r;
}

// Sort keys of the order list: a column or a label
export const TRIS_COMMANDE: Record<string, string> = {
  id: "c.id",
  reference: "c.reference",
  date_creation: "c.date_creation",
  date_souhaitee: "c.date_souhaitee",
  statut: "s.ordre",
  client: "cl.nom",
  quantite: "c.quantite",
  // urgency ranks URGENTE first when sorted descending
  urgence: "urgence_rang",
};

export async function pageCommandes(
  db: Executor,
  f: FiltresCommande,
  tri: { champ: string; sens: "asc" | "desc" },
  page: number,
  parPage: number,
) {
  const rang = sql`CASE c.urgence WHEN 'URGENTE' THEN 4 WHEN 'HAUTE' THEN 3 WHEN 'NORMALE' THEN 2 ELSE 1 END`;
  const ordre = tri.champ === "urgence" ? rang : sql.ref(TRIS_COMMANDE[tri.champ] as string);
  const [data, total] = await Promise.all([
    filtrerCommandes(selectCommande(db), f)
      .orderBy(ordre, tri.sens)
      .orderBy("c.date_creation", "asc")
      .orderBy("c.id")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    filtrerCommandes(selectCommande(db), f)
      .clearSelect()
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

export async function idsCommandesApres(db: Executor, f: FiltresCommande, apres: number, taille: number) {
  const lignes = await filtrerCommandes(selectCommande(db), f)
    .where("c.id", ">", apres)
    .orderBy("c.id")
    .limit(taille)
    .execute();
  return lignes.map((c) => c.id);
}

export function lireCommande(db: Executor, id: number, portee: Portee = TOUT) {
  return restreindre(selectCommande(db).where("c.id", "=", id), portee, "c.client_id").executeTakeFirst();
}

/** An order's thread, each author with the display name of its account where it is one (people, not logins). */
export function commentairesCommande(db: Executor, commandeId: number) {
  return db
    .selectFrom("tel_did_commande_commentaire as c")
    .leftJoin("tel_utilisateur as u", "u.login", "c.auteur")
    .select([
      "c.id",
      "c.auteur",
      sql<string>`coalesce(u.nom, c.auteur)`.as("auteur_nom"),
      "c.commentaire",
      "c.type",
      "c.date_creation",
    ])
    .where("c.commande_id", "=", commandeId)
    .orderBy("c.date_creation")
    .orderBy("c.id")
    .execute();
}

export function numerosCommande(db: Executor, commandeId: number) {
  return db
    .selectFrom("tel_did_commande_ligne as l")
    .innerJoin("tel_did as d", "d.id", "l.did_id")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.id", "d.did_format_e164", "s.code as statut_code"])
    .where("l.commande_id", "=", commandeId)
    .orderBy("d.did_format_e164")
    .execute();
}

/** An order with its status, client, type and region codes, its row locked until the end of the transaction. */
export async function commandeVerrouillee(db: Executor, id: number) {
  await verrouiller(db, "tel_did_commande", [id]);
  return (
    db
      .selectFrom("tel_did_commande as c")
      .innerJoin("tel_statut_commande as s", "s.id", "c.statut_id")
      .innerJoin("tel_client as cl", "cl.id", "c.client_id")
      .innerJoin("tel_type_did as t", "t.id", "c.type_did_id")
      .selectAll("c")
      .leftJoin("tel_region as r", "r.id", "c.region_id")
      .select([
        "s.code as statut_code",
        "cl.nom as client_nom",
        "t.code as type_code",
        "r.code as region_code",
      ])
      // what a delivered number must be: of the type's nature, in the region's zone (nature.ts)
      .select(sql<string>`coalesce(t.nature, t.code)`.as("type_nature"))
      .select(sql<string | null>`coalesce(r.zone, r.code)`.as("region_zone"))
      .where("c.id", "=", id)
      .executeTakeFirst()
  );
}

/** The numbers delivered on an order so far, with their status. */
export function numerosLivres(db: Executor, commandeId: number) {
  return db
    .selectFrom("tel_did_commande_ligne as l")
    .innerJoin("tel_did as d", "d.id", "l.did_id")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.id", "s.code as statut"])
    .where("l.commande_id", "=", commandeId)
    .execute();
}

/** Delivered numbers put in stock (or in the client's hands) on the day of the delivery. */
export async function mettreEnStock(
  db: Executor,
  ids: number[],
  statut: "DISPONIBLE" | "AFFECTE",
  jour: string,
  auteur: string,
) {
  await db
    .updateTable("tel_did")
    .set({
      statut_id: sql`(SELECT id FROM tel_statut_did WHERE code = ${statut})`,
      date_activation: jour,
      modified_by: auteur,
    })
    .where(parmiIds("id", ids))
    .execute();
}

/** Writes an order's new status (by code) with the other changes of its transition; gives the row as written. */
export function ecrireCommande(
  db: Executor,
  id: number,
  statut: string,
  changements: Record<string, unknown>,
) {
  return db
    .updateTable("tel_did_commande")
    .set({ ...changements, statut_id: sql`(SELECT id FROM tel_statut_commande WHERE code = ${statut})` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** COMMENTAIRE: what a person wrote; the others are the workflow's own events. */
export type TypeCommentaire = "INFO" | "VALIDATION" | "REJET" | "LIVRAISON" | "COMMENTAIRE";

export async function ajouterCommentaire(
  db: Executor,
  commandeId: number,
  auteur: string,
  commentaire: string,
  type: TypeCommentaire,
) {
  return db
    .insertInto("tel_did_commande_commentaire")
    .values({ commande_id: commandeId, auteur, commentaire, type })
    .returning(["id", "auteur", "commentaire", "type", "date_creation"])
    .executeTakeFirstOrThrow();
}

export async function prochaineReference(trx: Executor, annee: number): Promise<string> {
  await trx
    .insertInto("tel_commande_sequence")
    .values({ annee, dernier: 0 })
    .onConflict((oc) => oc.column("annee").doNothing())
    .execute();
  const r = await trx
    .updateTable("tel_commande_sequence")
    .set((eb) => ({ dernier: eb("dernier", "+", 1) }))
    .where("annee", "=", annee)
    .returning("dernier")
    .executeTakeFirstOrThrow();
  if (r.dernier > 99999)
    throw new ApiError(409, "REFERENCES_EPUISEES", `Plus de références disponibles pour ${annee}.`);
  return `CMD-${annee}-${String(r.dernier).padStart(5, "0")}`;
}

export async function statutCommandeId(db: Executor, code: string) {
  return (
    await db.selectFrom("tel_statut_commande").select("id").where("code", "=", code).executeTakeFirstOrThrow()
  ).id;
}

export function insererCommande(db: Executor, valeurs: Insertable<DB["tel_did_commande"]>) {
  return db.insertInto("tel_did_commande").values(valeurs).returningAll().executeTakeFirstOrThrow();
}

export function modifierLigneCommande(db: Executor, id: number, valeurs: Updateable<DB["tel_did_commande"]>) {
  return db
    .updateTable("tel_did_commande")
    .set(valeurs)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function clientDeCommande(db: Executor, id: number) {
  return db
    .selectFrom("tel_did_commande")
    .select(["id", "client_id"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Numbers of a delivery already in the inventory, with their status and client, to refuse them by name. */
export function numerosExistants(db: Executor, e164: string[]) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .leftJoin("tel_client as cl", "cl.id", "d.client_id")
    .select([
      "d.id",
      "d.did_format_e164",
      "s.code as statut",
      "s.libelle as statut_libelle",
      "cl.nom as client",
    ])
    .where(parmiTextes("d.did_format_e164", e164))
    .execute();
}

export async function nombreLivres(db: Executor, commandeId: number): Promise<number> {
  const r = await db
    .selectFrom("tel_did_commande_ligne")
    .select(sql<number>`count(*)`.as("n"))
    .where("commande_id", "=", commandeId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function ajouterLigne(db: Executor, commandeId: number, didId: number) {
  await db.insertInto("tel_did_commande_ligne").values({ commande_id: commandeId, did_id: didId }).execute();
}
