import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Acteur } from "../auth/acteur.js";

export type Executor = Kysely<DB> | Transaction<DB>;

const CHAMPS_TECHNIQUES = new Set(["date_modification", "version"]);

/** Fields whose value differs between two versions of a row (technical fields left out). */
export function champsModifies(
  avant: Record<string, unknown> | null,
  apres: Record<string, unknown> | null,
): string[] {
  const cles = new Set([...Object.keys(avant ?? {}), ...Object.keys(apres ?? {})]);
  return [...cles].filter(
    (k) =>
      !CHAMPS_TECHNIQUES.has(k) && JSON.stringify(avant?.[k] ?? null) !== JSON.stringify(apres?.[k] ?? null),
  );
}

export async function ecrireAudit(
  db: Executor,
  acteur: Acteur,
  entree: {
    entite: string;
    entiteId: number | null;
    action: string;
    avant?: Record<string, unknown> | null;
    apres?: Record<string, unknown> | null;
    motif?: string | null;
  },
): Promise<void> {
  await db
    .insertInto("tel_audit")
    .values({
      entite: entree.entite,
      entite_id: entree.entiteId,
      action: entree.action,
      acteur: acteur.nom,
      acteur_type: acteur.type,
      request_id: acteur.requestId ?? null,
      motif: entree.motif ?? null,
      avant: entree.avant ? JSON.stringify(entree.avant) : null,
      apres: entree.apres ? JSON.stringify(entree.apres) : null,
    })
    .execute();
}

export interface FiltresAudit {
  entite?: string | undefined;
  entite_id?: number | undefined;
  acteur?: string | undefined;
  action?: string | undefined;
  depuis?: string | Date | undefined;
  avant?: string | Date | undefined;
}

/** One page of the audit log, the latest first, and the total. `entite` takes the table's name with or without tel_. */
export async function pageAudit(db: Executor, f: FiltresAudit, page: number, parPage: number) {
  let q = db.selectFrom("tel_audit");
  if (f.entite) q = q.where("entite", "=", f.entite.startsWith("tel_") ? f.entite : `tel_${f.entite}`);
  if (f.entite_id) q = q.where("entite_id", "=", f.entite_id);
  if (f.acteur) q = q.where("acteur", "=", f.acteur);
  if (f.action) q = q.where("action", "=", f.action);
  if (f.depuis) q = q.where("date_action", ">=", new Date(f.depuis));
  if (f.avant) q = q.where("date_action", "<", new Date(f.avant));
  const [data, total] = await Promise.all([
    q
      .selectAll()
      .orderBy("date_action", "desc")
      .orderBy("id", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

/** The last backup taken, by anyone (the audit log records each one as it starts). */
export async function derniereSauvegarde(
  db: Executor,
): Promise<{ le: Date; par: string; fichier: string | null } | null> {
  const r = await db
    .selectFrom("tel_audit")
    .select(["date_action", "acteur", sql<string | null>`apres->>'fichier'`.as("fichier")])
    .where("action", "=", "SAUVEGARDE")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return r ? { le: new Date(r.date_action), par: r.acteur, fichier: r.fichier } : null;
}
