import type { Executor } from "../audit/audit.repository.js";

// The SQL of nature.ts: types with their natures, regions with their zones.

/** A type with its nature, a region with its zone and prefix: what nature.ts checks a number against. */
export function typeParId(db: Executor, id: number) {
  return db
    .selectFrom("tel_type_did")
    .select(["id", "code", "nature"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function regionParId(db: Executor, id: number) {
  return db
    .selectFrom("tel_region")
    .select(["id", "indicatif_id", "code", "prefixe", "zone"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whether any number has this type: a used type keeps its nature. */
export async function typeUtilise(db: Executor, typeId: number): Promise<boolean> {
  return !!(await db
    .selectFrom("tel_did")
    .select("id")
    .where("type_id", "=", typeId)
    .limit(1)
    .executeTakeFirst());
}

/** The regions of a country, with their zones: where a new region's prefix falls. */
export function regionsDuPays(db: Executor, indicatifId: number) {
  return db
    .selectFrom("tel_region")
    .select(["id", "indicatif_id", "code", "prefixe", "zone"])
    .where("indicatif_id", "=", indicatifId)
    .execute();
}
