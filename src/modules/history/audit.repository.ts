import type { Kysely, Transaction } from "kysely";
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
