import { type Insertable, sql, type Updateable } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../audit/audit.repository.js";
import { STATUTS_DETENUS } from "../dids/statuts.js";

// The SQL of carrier blocks. A number's position in its block is its E.164 digits as an integer (the index
// tel_did_chiffres): the block's range [debut, fin] selects its numbers, whether they are attached yet or not.

const COLONNES = [
  "t.id",
  "t.operateur_id",
  "o.code as operateur_code",
  "o.nom as operateur",
  "t.reference_operateur",
  "t.premier",
  "t.dernier",
  "t.date_reception",
  "t.commande_id",
  "c.reference as commande_reference",
  "t.notes",
  "t.actif",
  "t.created_by",
  "t.version",
  "t.date_creation",
  "t.date_modification",
] as const;

function selectTranche(db: Executor) {
  return db
    .selectFrom("tel_tranche as t")
    .innerJoin("tel_operateur as o", "o.id", "t.operateur_id")
    .leftJoin("tel_did_commande as c", "c.id", "t.commande_id")
    .select(COLONNES)
    .select(sql<number>`(t.fin - t.debut + 1)::int`.as("taille"));
}

export function lireTranche(db: Executor, id: number) {
  return selectTranche(db).where("t.id", "=", id).executeTakeFirst();
}

export interface FiltresTranche {
  operateur_id?: number | undefined;
  actif?: boolean | undefined;
  /** A number (E.164) the block contains. */
  contient?: string | undefined;
}

/** A page of blocks, each with its count of numbers by status (one grouped pass over the blocks' numbers). */
export async function pageTranches(db: Executor, f: FiltresTranche, page: number, parPage: number) {
  let q = selectTranche(db);
  if (f.operateur_id !== undefined) q = q.where("t.operateur_id", "=", f.operateur_id);
  if (f.actif !== undefined) q = q.where("t.actif", "=", f.actif);
  if (f.contient !== undefined) {
    const chiffres = f.contient.slice(1);
    q = q.where(sql<boolean>`int8range(t.debut, t.fin, '[]') @> ${chiffres}::bigint`);
  }
  const [lignes, total] = await Promise.all([
    q
      .orderBy("t.debut")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const usages = await usageParStatut(
    db,
    lignes.map((l) => l.id),
  );
  return {
    total: Number(total.n),
    data: lignes.map((l) => ({ ...l, usage: usages.get(l.id) ?? {} })),
  };
}

/** How many of each block's numbers are in each status. */
export async function usageParStatut(db: Executor, ids: number[]) {
  const usages = new Map<number, Record<string, number>>();
  if (ids.length === 0) return usages;
  const lignes = await db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.tranche_id", "s.code"])
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where(parmiIds("d.tranche_id", ids))
    .groupBy(["d.tranche_id", "s.code"])
    .execute();
  for (const l of lignes) {
    const u = usages.get(l.tranche_id as number) ?? {};
    u[l.code] = Number(l.n);
    usages.set(l.tranche_id as number, u);
  }
  return usages;
}

/** The monthly cost of the block's numbers not terminated. */
export async function coutMensuel(db: Executor, id: number): Promise<number> {
  const r = await db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(sql<string | null>`sum(d.cout_mensuel)`.as("cout"))
    .where("d.tranche_id", "=", id)
    .where("s.code", "<>", "RESILIE")
    .executeTakeFirst();
  return Number(r?.cout ?? 0);
}

/** The clients holding numbers of the block, with how many each. */
export function clientsDeLaTranche(db: Executor, id: number) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_client as c", "c.id", "d.client_id")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["c.id", "c.code", "c.nom"])
    .select((eb) => eb.fn.countAll<string>().as("numeros"))
    .where("d.tranche_id", "=", id)
    .where(parmiTextes("s.code", STATUTS_DETENUS))
    .groupBy(["c.id", "c.code", "c.nom"])
    .orderBy("c.code")
    .execute();
}

/** The block's first n numbers in stock (Disponible), in number order. */
export function prochainsLibres(db: Executor, id: number, n: number) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.id", "d.did_format_e164"])
    .where("d.tranche_id", "=", id)
    .where("s.code", "=", "DISPONIBLE")
    .orderBy(sql`substr(d.did_format_e164, 2)::bigint`)
    .limit(n)
    .execute();
}

/** The block's numbers with their status, locked (a return terminates them all). */
export function numerosDeLaTranche(db: Executor, id: number) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .leftJoin("tel_client as c", "c.id", "d.client_id")
    .select(["d.id", "d.did_format_e164", "s.code as statut", "c.code as client"])
    .where("d.tranche_id", "=", id)
    .orderBy(sql`substr(d.did_format_e164, 2)::bigint`)
    .forUpdate("d")
    .execute();
}

/** The numbers of the inventory inside a range of E.164 digits, attached to a block or not. */
export function numerosDansLaPlage(db: Executor, premier: string, dernier: string) {
  return db
    .selectFrom("tel_did")
    .select(["id", "did_format_e164", "tranche_id", "operateur_id"])
    .where(
      sql<boolean>`substr(did_format_e164, 2)::bigint BETWEEN ${premier.slice(1)}::bigint AND ${dernier.slice(1)}::bigint`,
    )
    .where(sql<boolean>`length(did_format_e164) = ${premier.length}`)
    .orderBy(sql`substr(did_format_e164, 2)::bigint`)
    .execute();
}

/** An active block whose range meets this one (the one the exclusion constraint would name). */
export function trancheChevauchee(db: Executor, premier: string, dernier: string) {
  return selectTranche(db)
    .where("t.actif", "=", true)
    .where(
      sql<boolean>`int8range(t.debut, t.fin, '[]') && int8range(${premier.slice(1)}::bigint, ${dernier.slice(1)}::bigint, '[]')`,
    )
    .executeTakeFirst();
}

export function insererTranche(
  db: Executor,
  v: Omit<Insertable<DB["tel_tranche"]>, "debut" | "fin"> & { premier: string; dernier: string },
) {
  return db
    .insertInto("tel_tranche")
    .values({ ...v, debut: v.premier.slice(1), fin: v.dernier.slice(1) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function modifierTranche(db: Executor, id: number, v: Updateable<DB["tel_tranche"]>) {
  return db
    .updateTable("tel_tranche")
    .set({ ...v, version: sql`version + 1`, date_modification: sql`now()` })
    .where("id", "=", id)
    .returning("version")
    .executeTakeFirst();
}

export function attacherNumeros(db: Executor, trancheId: number, ids: number[], operateurId: number) {
  if (ids.length === 0) return Promise.resolve([]);
  // a number without an operator takes its block's; one that names another operator keeps it (reported)
  return db
    .updateTable("tel_did")
    .set({
      tranche_id: trancheId,
      operateur_id: sql`coalesce(operateur_id, ${operateurId})`,
      version: sql`version + 1`,
      date_modification: sql`now()`,
    })
    .where(parmiIds("id", ids))
    .returning(["id", "did_format_e164"])
    .execute();
}

export function trancheVerrouillee(db: Executor, id: number) {
  return db.selectFrom("tel_tranche").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}
