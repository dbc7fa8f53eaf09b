import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Acteur } from "../auth/acteur.js";
import { changerStatut, type Statut } from "../dids/cycle-de-vie.js";
import type { Existant } from "./import-contexte.js";
import type { References } from "./references.js";

// The writes of a numbers import (import-numeros.ts checks the rows, then these run in the import's transaction).

const COLONNES_DID = [
  ["indicatif_id", "int"],
  ["did", "text"],
  ["did_format_e164", "text"],
  ["type_id", "int"],
  ["region_id", "int"],
  ["client_id", "int"],
  ["groupement_id", "int"],
  ["operateur_id", "int"],
  ["equipement_id", "int"],
  ["cloud_id", "int"],
  ["statut_id", "int"],
  ["reference_externe", "text"],
  ["description", "text"],
  ["notes", "text"],
  ["date_acquisition", "date"],
  ["date_activation", "date"],
  ["date_resiliation", "date"],
  ["cout_mensuel", "numeric"],
  ["cout_mise_en_service", "numeric"],
  ["hors_plan", "bool"],
] as const;

/**
 * Many numbers in one statement (one array per column, not thousands of parameters), and their creation in
 * their histories by the same statement.
 */
export async function creerNumeros(
  trx: Transaction<DB>,
  acteur: Acteur,
  lignes: Array<Record<string, unknown>>,
  refs: References,
  maintenant: Date,
) {
  const tableaux = COLONNES_DID.map(([c, t]) => sql`${lignes.map((l) => l[c] ?? null)}::${sql.raw(t)}[]`);
  const codes = [...refs.statuts.codes.entries()];
  await sql`
    WITH crees AS (
      INSERT INTO tel_did (${sql.join(COLONNES_DID.map(([c]) => sql.ref(c)))}, created_by, modified_by)
      SELECT *, ${acteur.nom}, ${acteur.nom} FROM unnest(${sql.join(tableaux)})
      RETURNING id, statut_id, client_id, groupement_id)
    -- the status it is created with, and its first holder and sub-group (who held it at any instant reads them)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id,
      date_action)
    SELECT c.id, 'CREATION', x.champ, NULL, x.valeur, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}, ${maintenant}
    FROM crees c JOIN unnest(${codes.map(([id]) => id)}::int[], ${codes.map(([, code]) => code)}::text[]) AS s(id, code)
      ON s.id = c.statut_id
    CROSS JOIN LATERAL (VALUES (1, 'statut', s.code), (2, 'client_id', c.client_id::text),
      (3, 'groupement_id', c.groupement_id::text)) AS x(rang, champ, valeur)
    WHERE x.valeur IS NOT NULL
    ORDER BY c.id, x.rang`.execute(trx);
}

export async function mettreAJourNumero(
  trx: Transaction<DB>,
  acteur: Acteur,
  existant: Existant,
  changements: Array<{ champ: string; avant: unknown; apres: unknown; date_resiliation?: string }>,
  freezeJours: number,
  maintenant: Date,
) {
  const champs = changements.filter((c) => c.champ !== "statut");
  const statut = changements.find((c) => c.champ === "statut");
  if (champs.length) {
    await trx
      .updateTable("tel_did")
      .set({
        ...Object.fromEntries(champs.map((c) => [c.champ, c.apres])),
        version: sql`version + 1`,
        modified_by: acteur.nom,
        date_modification: sql`now()`,
      } as never)
      .where("id", "=", existant.id)
      .execute();
    await trx
      .insertInto("tel_did_historique")
      .values(
        champs.map((c) => ({
          did_id: existant.id,
          action: "MODIFICATION",
          champ: c.champ,
          ancienne_valeur:
            c.avant === null || c.avant === undefined
              ? null
              : String(c.avant instanceof Date ? c.avant.toISOString() : c.avant),
          nouvelle_valeur: c.apres === null || c.apres === undefined ? null : String(c.apres),
          utilisateur: acteur.nom,
          motif: "Import",
          request_id: acteur.requestId ?? null,
          date_action: maintenant,
        })),
      )
      .execute();
  }
  // a status moves through the lifecycle's own action: termination dates and freeze, assignments ended...
  if (statut) {
    const client = champs.find((c) => c.champ === "client_id")?.apres ?? existant.client_id;
    await changerStatut(
      { db: trx, acteur, maintenant, config: { freezeJours } },
      existant.id,
      statut.apres as Statut,
      {
        client_id: (client as number | null) ?? null,
        motif: "Import",
        date_resiliation: statut.date_resiliation,
      },
    );
  }
}
