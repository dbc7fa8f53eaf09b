import { sql } from "kysely";
import type { LigneDeclaree } from "../../db/schema.js";
import type { Executor } from "../audit/audit.repository.js";

/**
 * The operator's last declaration with its numbers read as rows: one JSON value of 100,000 numbers parsed at once
 * held the event loop 150 ms; rows are parsed as they arrive.
 */
export async function derniereDeclaration(db: Executor, operateurId: number) {
  const lignes = (
    await sql<{
      id: number;
      instant: Date;
      numero: string | null;
      fondement: LigneDeclaree["fondement"] | null;
      mandat_id: number | null;
      client: string | null;
    }>`
      SELECT x.id, x.instant, e->>'numero' AS numero, e->>'fondement' AS fondement,
        (e->>'mandat_id')::int AS mandat_id, e->>'client' AS client
      FROM (SELECT id, instant, numeros FROM tel_declaration WHERE operateur_id = ${operateurId}
            ORDER BY id DESC LIMIT 1) x
      LEFT JOIN LATERAL jsonb_array_elements(x.numeros) WITH ORDINALITY AS j(e, rang) ON true
      ORDER BY j.rang`.execute(db)
  ).rows;
  const premiere = lignes[0];
  if (!premiere) return undefined;
  const numeros: LigneDeclaree[] = [];
  for (const l of lignes)
    if (l.numero !== null)
      numeros.push({
        numero: l.numero,
        fondement: l.fondement as LigneDeclaree["fondement"],
        mandat_id: l.mandat_id,
        client: l.client,
      });
  return { id: premiere.id, instant: premiere.instant, numeros };
}
