import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { echapperLike } from "../../http/listes.js";
import type { Executor } from "../audit/audit.repository.js";
import { type Portee, restreindre } from "../auth/acces.js";
import type { DefinitionRessource, Ligne } from "./ressource.js";

// biome-ignore lint/suspicious/noExplicitAny: tables are chosen at run time from the definitions (ressource.ts)
type Dyn = Kysely<any>;
type Q = SelectQueryBuilder<Record<string, Ligne>, string, object>;

/** What a list of a resource is narrowed by: its equality filters, dates, a search, the caller's scope. */
export interface FiltresRessource {
  egal: Record<string, unknown>;
  actif?: boolean | undefined;
  cree_depuis?: string | undefined;
  cree_avant?: string | undefined;
  modifie_depuis?: string | undefined;
  q?: string | undefined;
  portee: Portee;
}

const dyn = (db: Executor) => db as unknown as Dyn;

/** The shared reference tables have no owner; the others are narrowed to a client's own rows. */
function dansLaPortee(q: Q, def: DefinitionRessource, portee: Portee): Q {
  return def.colonneClient ? restreindre(q, portee, def.colonneClient) : q;
}

function filtrees(db: Executor, def: DefinitionRessource, f: FiltresRessource): Q {
  let q = dansLaPortee(dyn(db).selectFrom(def.table) as Q, def, f.portee);
  for (const [k, v] of Object.entries(f.egal)) if (v !== undefined) q = q.where(k, "=", v);
  if (f.actif !== undefined) q = q.where("actif", "=", f.actif);
  if (f.cree_depuis) q = q.where("date_creation", ">=", f.cree_depuis);
  if (f.cree_avant) q = q.where("date_creation", "<", f.cree_avant);
  if (f.modifie_depuis) q = q.where("date_modification", ">=", f.modifie_depuis);
  const recherche = f.q;
  if (recherche && def.recherche.length > 0) {
    const motif = `%${echapperLike(recherche)}%`;
    q = q.where((eb) => eb.or(def.recherche.map((c) => eb(sql`${sql.ref(c)}::text`, "ilike", motif))));
  }
  return q;
}

export async function pageRessource(
  db: Executor,
  def: DefinitionRessource,
  f: FiltresRessource,
  tri: { champ: string; sens: "asc" | "desc" },
  page: number,
  parPage: number,
) {
  const q = filtrees(db, def, f);
  const [lignes, total] = await Promise.all([
    q
      .selectAll()
      .orderBy(tri.champ, tri.sens)
      .orderBy("id", "asc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { lignes: lignes as Ligne[], total: Number((total as { n: number }).n) };
}

/** The next ids of the list after one, for a file written page by page. */
export async function idsRessourceApres(
  db: Executor,
  def: DefinitionRessource,
  f: FiltresRessource,
  apres: number,
  taille: number,
) {
  const lignes = await filtrees(db, def, f)
    .select("id")
    .where("id", ">", apres)
    .orderBy("id")
    .limit(taille)
    .execute();
  return lignes.map((l) => Number((l as { id: number }).id));
}

export async function lignesRessourceApres(
  db: Executor,
  def: DefinitionRessource,
  f: FiltresRessource,
  apres: number,
  taille: number,
) {
  return (await filtrees(db, def, f)
    .selectAll()
    .where("id", ">", apres)
    .orderBy("id")
    .limit(taille)
    .execute()) as Ligne[];
}

export async function lireRessource(db: Executor, def: DefinitionRessource, id: number, portee: Portee) {
  const q = dansLaPortee(dyn(db).selectFrom(def.table) as Q, def, portee);
  return (await q.selectAll().where("id", "=", id).executeTakeFirst()) as Ligne | undefined;
}

export async function insererRessource(db: Executor, def: DefinitionRessource, valeurs: Ligne) {
  return (await dyn(db)
    .insertInto(def.table)
    .values(valeurs)
    .returningAll()
    .executeTakeFirstOrThrow()) as Ligne;
}

/** The updated row, or undefined when the expected version is no longer the row's. */
export async function majRessource(
  db: Executor,
  def: DefinitionRessource,
  id: number,
  valeurs: Ligne,
  version: number | undefined,
) {
  let u = dyn(db).updateTable(def.table).set(valeurs).where("id", "=", id);
  if (version !== undefined) u = u.where("version", "=", version);
  return (await u.returningAll().executeTakeFirst()) as Ligne | undefined;
}

/** Whether the row was deleted (false: the expected version is no longer the row's). */
export async function supprimerLigneRessource(
  db: Executor,
  def: DefinitionRessource,
  id: number,
  version: number | undefined,
) {
  let d = dyn(db).deleteFrom(def.table).where("id", "=", id);
  if (version !== undefined) d = d.where("version", "=", version);
  return Number((await d.executeTakeFirst()).numDeletedRows) > 0;
}
