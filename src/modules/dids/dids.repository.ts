import { type ExpressionBuilder, type Insertable, type SelectQueryBuilder, sql } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import { verrouiller } from "../../db/verrou.js";
import { echapperLike } from "../../http/listes.js";
import { chiffresDeRecherche } from "../../numbering/index.js";
import { courante } from "../affectations/courante.js";
import type { Executor } from "../audit/audit.repository.js";
import { type Portee, restreindre } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";

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
  hors_plan?: boolean | undefined;
  tranche_id?: number | undefined;
  /** These numbers only (a selection exported from the list). */
  ids?: number[] | undefined;
  /** The caller's scope, set by the server from who calls (acces.ts), never by the caller. */
  portee?: Portee | undefined;
}

type Q = SelectQueryBuilder<DB & { d: DB["tel_did"] }, "d", object>;

/** Numbers as stored; their labels come from the in-memory Libelles (see reference/libelles.ts). */
export function selectDid(db: Executor) {
  return db.selectFrom("tel_did as d").selectAll("d");
}

/**
 * The list's filters. The campaign filter needs `maintenant`, the app clock, to say which assignments are current:
 * asked without it, it throws rather than fall back on another clock.
 */
export function appliquerFiltres<T extends Q>(q: T, f: FiltresDid, maintenant?: Date): T {
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
  if (f.ids) r = r.where(parmiIds("d.id", f.ids));
  if (f.hors_plan !== undefined) r = r.where("d.hors_plan", "=", f.hors_plan);
  if (f.tranche_id !== undefined) r = r.where("d.tranche_id", "=", f.tranche_id);
  if (f.portee) r = restreindre(r, f.portee, "d.client_id");
  if (f.actif !== undefined) r = r.where("d.actif", "=", f.actif);
  if (f.acquis_depuis) r = r.where("d.date_acquisition", ">=", f.acquis_depuis);
  if (f.acquis_avant) r = r.where("d.date_acquisition", "<", f.acquis_avant);
  if (f.resilie_depuis) r = r.where("d.date_resiliation", ">=", f.resilie_depuis);
  if (f.resilie_avant) r = r.where("d.date_resiliation", "<", f.resilie_avant);
  if (f.modifie_depuis) r = r.where("d.date_modification", ">=", new Date(f.modifie_depuis));
  if (f.campaign_id !== undefined) {
    const campagne = f.campaign_id;
    if (!maintenant)
      throw new Error("appliquerFiltres : le filtre par campagne demande l'horloge de l'application");
    r = r.where((eb: ExpressionBuilder<DB & { d: DB["tel_did"] }, "d">) =>
      eb.exists(
        eb
          .selectFrom("tel_did_virtual as v")
          .select("v.id")
          .whereRef("v.did_id", "=", "d.id")
          .where("v.campaign_id", "=", campagne)
          .where(courante(maintenant)),
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
      // under three digits a trigram index filters nothing, yet the planner, counting on it, read all 1,000,000
      // rows (1.3 s): strpos keeps it out, and the list's order and its capped count stop early
      r =
        chiffres.length < 3
          ? r.where(sql<boolean>`strpos(${sql.ref(colonne)}, ${chiffres}) > 0`)
          : r.where(colonne, "like", `%${chiffres}%`);
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

// Sort keys: a column, or the label of a lookup (read only for the rows that pass the filters).
export const TRIS_DID: Record<string, string> = {
  id: "d.id",
  did: "d.did",
  did_format_e164: "d.did_format_e164",
  // a reference's rank, read once per query (an InitPlan), not one sub-query per row: over 1,000,000 numbers the
  // sort by client took 4 s that way, 0.3 s this way
  statut: "array_position((SELECT array_agg(id ORDER BY ordre, id) FROM tel_statut_did), d.statut_id)",
  client: "array_position((SELECT array_agg(id ORDER BY nom, id) FROM tel_client), d.client_id)",
  operateur: "array_position((SELECT array_agg(id ORDER BY nom, id) FROM tel_operateur), d.operateur_id)",
  type: "array_position((SELECT array_agg(id ORDER BY code, id) FROM tel_type_did), d.type_id)",
  region: "array_position((SELECT array_agg(id ORDER BY code, id) FROM tel_region), d.region_id)",
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

// A digit search counts up to this many matches: four digits may match a tenth of a million numbers (1.2 s to count
// exactly), and « more than 1,000 » is what a person needs to refine it. Pages and exports are not capped.
export const PLAFOND_COMPTE_RECHERCHE = 1000;

/** One page and the total in one round trip; a digit search's total is capped (`plafonne`), a list's is exact. */
export async function pageDids(
  db: Executor,
  filtres: FiltresDid,
  tri: { champ: string; sens: "asc" | "desc" },
  page: number,
  parPage: number,
  maintenant: Date,
) {
  const rechercheChiffres = !!filtres.q && /^[\d\s.()+/-]+$/.test(filtres.q.trim());
  const filtrees = appliquerFiltres(db.selectFrom("tel_did as d"), filtres, maintenant);
  const compte = rechercheChiffres
    ? db
        .selectFrom(
          filtrees
            .select(sql`1`.as("un"))
            .limit(PLAFOND_COMPTE_RECHERCHE + 1)
            .as("r"),
        )
        .select(sql<number>`count(*)`.as("n"))
    : filtrees.select(sql<number>`count(*)`.as("n"));
  const data = await appliquerFiltres(selectDid(db), filtres, maintenant)
    .select(compte.as("total_filtre"))
    .orderBy(sql.raw(TRIS_DID[tri.champ] as string), tri.sens)
    .orderBy("d.id")
    .limit(parPage)
    .offset((page - 1) * parPage)
    .execute();
  const n = Number(
    data[0] ? data[0].total_filtre : page > 1 ? (await compte.executeTakeFirstOrThrow()).n : 0,
  );
  const plafonne = rechercheChiffres && n > PLAFOND_COMPTE_RECHERCHE;
  return { data, total: plafonne ? PLAFOND_COMPTE_RECHERCHE : n, plafonne };
}

/** The ids of the filtered numbers after `apres`, in id order: the CSV export reads the list by slices. */
export async function idsDidsApres(
  db: Executor,
  filtres: FiltresDid,
  apres: number,
  taille: number,
  maintenant: Date,
): Promise<number[]> {
  const lignes = await appliquerFiltres(db.selectFrom("tel_did as d").select("d.id"), filtres, maintenant)
    .where("d.id", ">", apres)
    .orderBy("d.id")
    .limit(taille)
    .execute();
  return lignes.map((l) => l.id);
}

export async function e164Existants(db: Executor, numeros: string[]): Promise<string[]> {
  if (numeros.length === 0) return [];
  const lignes = await db
    .selectFrom("tel_did")
    .select("did_format_e164")
    .where(parmiTextes("did_format_e164", numeros))
    .orderBy("did_format_e164")
    .execute();
  return lignes.map((e) => e.did_format_e164);
}

export function historiqueDid(db: Executor, didId: number) {
  return db
    .selectFrom("tel_did_historique")
    .selectAll()
    .where("did_id", "=", didId)
    .orderBy("date_action")
    .orderBy("id")
    .execute();
}

export function didPourMaj(db: Executor, id: number) {
  return db.selectFrom("tel_did").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Whether a number's history shows it served: a client, a status or a campaign (not its creation, not an edit). */
export async function aServi(db: Executor, didId: number): Promise<boolean> {
  const ligne = await db
    .selectFrom("tel_did_historique")
    .select("id")
    .where("did_id", "=", didId)
    .where((eb) =>
      eb.and([
        eb("action", "<>", "CREATION"),
        eb.or([
          eb("action", "<>", "MODIFICATION"),
          eb("champ", "in", ["client_id", "groupement_id", "statut"]),
        ]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !!ligne;
}

export async function supprimerDidEtHistorique(db: Executor, didId: number) {
  await db.deleteFrom("tel_did_historique").where("did_id", "=", didId).execute();
  await db.deleteFrom("tel_did").where("id", "=", didId).execute();
}

/** A number's lifecycle state, its row locked until the end of the caller's transaction. */
export async function etatVerrouille(db: Executor, didId: number) {
  await verrouiller(db, "tel_did", [didId]);
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select([
      "d.id",
      "d.client_id",
      "d.groupement_id",
      "d.version",
      "d.date_resiliation",
      "d.resiliation_prevue_le",
      "d.portee_vers",
      "d.portabilite_sortante_id",
      "s.code as statut",
    ])
    .where("d.id", "=", didId)
    .executeTakeFirst();
}

export async function aUneAffectationCourante(db: Executor, didId: number, maintenant: Date) {
  const ligne = await db
    .selectFrom("tel_did_virtual as v")
    .select("v.id")
    .where("v.did_id", "=", didId)
    .where(courante(maintenant))
    .executeTakeFirst();
  return !!ligne;
}

/** Ends the number's current assignments now and cancels its future ones; gives how many there were. */
export async function terminerAffectationsDe(db: Executor, didId: number, maintenant: Date) {
  const fins = await db
    .updateTable("tel_did_virtual")
    .set({ date_fin: maintenant })
    .where("did_id", "=", didId)
    .where("actif", "=", true)
    .where("date_debut", "<", maintenant)
    .where((eb) => eb.or([eb("date_fin", "is", null), eb("date_fin", ">", maintenant)]))
    .returning("id")
    .execute();
  const futures = await db
    .updateTable("tel_did_virtual")
    .set({ actif: false })
    .where("did_id", "=", didId)
    .where("actif", "=", true)
    .where("date_debut", ">=", maintenant)
    .returning("id")
    .execute();
  return fins.length + futures.length;
}

/** Writes a number's new status (by code) with the other changes of its action; gives the row as written. */
export function ecrireEtat(
  db: Executor,
  didId: number,
  statut: string,
  changements: Record<string, unknown>,
) {
  return db
    .updateTable("tel_did")
    .set({ ...changements, statut_id: sql`(SELECT id FROM tel_statut_did WHERE code = ${statut})` })
    .where("id", "=", didId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A savepoint in the caller's transaction: one number of a bulk action is undone alone. */
export async function pointDeReprise(db: Executor, quoi: "poser" | "liberer" | "revenir") {
  const ordre = {
    poser: sql`SAVEPOINT un_numero`,
    liberer: sql`RELEASE SAVEPOINT un_numero`,
    revenir: sql`ROLLBACK TO SAVEPOINT un_numero`,
  }[quoi];
  await ordre.execute(db);
}

export async function ecrireHistorique(
  db: Executor,
  acteur: Acteur,
  didId: number,
  action: string,
  changements: Array<{ champ: string | null; avant: unknown; apres: unknown }>,
  motif?: string | null,
  /** The app clock's instant of the change; without it, the database's (one clock: pass it where there is one). */
  quand?: Date,
) {
  if (changements.length === 0) return;
  await db
    .insertInto("tel_did_historique")
    .values(
      changements.map((c) => ({
        did_id: didId,
        action,
        champ: c.champ,
        ancienne_valeur: texte(c.avant),
        nouvelle_valeur: texte(c.apres),
        utilisateur: acteur.nom,
        motif: motif ?? null,
        request_id: acteur.requestId ?? null,
        ...(quand ? { date_action: quand } : {}),
      })),
    )
    .execute();
}

function texte(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function insererDid(db: Executor, valeurs: Insertable<DB["tel_did"]>) {
  return db.insertInto("tel_did").values(valeurs).returningAll().executeTakeFirstOrThrow();
}

export function ecrireDid(db: Executor, id: number, valeurs: Record<string, unknown>) {
  return db.updateTable("tel_did").set(valeurs).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}
