import { sql } from "kysely";
import { courante } from "../affectations/courante.js";
import type { Executor } from "../audit/audit.repository.js";
import { jourDe } from "../dids/gel.js";

interface Ref {
  id: number;
  code: string;
  libelle: string;
}

/**
 * The dashboard's figures in one round of parallel queries: numbers by status, region, operator, type and client,
 * the stock, the orders waiting, and the numbers whose freeze ends within 30 days. `client` narrows everything to
 * the numbers and orders of that client (the client role).
 */
export async function chiffresTableauDeBord(
  db: Executor,
  client: number | undefined,
  maintenant: Date,
  gel: number,
) {
  const portee = client === undefined ? sql`true` : sql`d.client_id = ${client}`;
  const [comptes, statutsRef, regionsRef, operateursRef, typesRef, clientsRef] = await Promise.all([
    // the numbers by status, region, operator, type and client in one pass over the table, not five
    sql<{ dimension: string; id: number | null; n: number }>`
      SELECT CASE WHEN grouping(statut_id) = 0 THEN 'statut' WHEN grouping(region_id) = 0 THEN 'region'
          WHEN grouping(operateur_id) = 0 THEN 'operateur' WHEN grouping(type_id) = 0 THEN 'type' ELSE 'client' END
          AS dimension,
        coalesce(statut_id, region_id, operateur_id, type_id, client_id) AS id, count(*)::int AS n
      FROM tel_did d WHERE ${portee}
      GROUP BY GROUPING SETS ((statut_id), (region_id), (operateur_id), (type_id), (client_id))`.execute(db),
    sql<{ id: number; code: string; libelle: string; couleur: string }>`
      SELECT id, code, libelle, couleur FROM tel_statut_did ORDER BY ordre, id`.execute(db),
    sql<Ref>`SELECT id, code, libelle FROM tel_region`.execute(db),
    sql<Ref>`SELECT id, code, nom AS libelle FROM tel_operateur`.execute(db),
    sql<Ref>`SELECT id, code, libelle FROM tel_type_did`.execute(db),
    sql<Ref>`SELECT id, code, nom AS libelle FROM tel_client`.execute(db),
  ]);
  const compte = (dimension: string) => comptes.rows.filter((c) => c.dimension === dimension);
  const statuts = {
    rows: statutsRef.rows.map((s) => ({
      ...s,
      n: compte("statut").find((c) => c.id === s.id)?.n ?? 0,
    })),
  };
  const parRef = (dimension: string, refs: Ref[]) => {
    const parId = new Map(refs.map((r) => [r.id, r]));
    return {
      rows: compte(dimension)
        .map((c) => {
          const r = c.id === null ? undefined : parId.get(c.id);
          return { id: c.id, code: r?.code ?? null, libelle: r?.libelle ?? null, n: c.n };
        })
        .sort((x, y) => y.n - x.n),
    };
  };
  const regions = parRef("region", regionsRef.rows);
  const operateurs = parRef("operateur", operateursRef.rows);
  const types = parRef("type", typesRef.rows);
  const clients = parRef("client", clientsRef.rows);
  // terminated, not ported out, and out of their freeze within 30 days: counted from the index alone
  const sortantsDuGel = sql`d.statut_id = (SELECT id FROM tel_statut_did WHERE code = 'RESILIE') AND ${portee}
    AND d.portee_vers IS NULL AND d.date_resiliation > ${jourDe(maintenant)}::date - ${gel}::int
    AND d.date_resiliation <= ${jourDe(maintenant)}::date + 30 - ${gel}::int`;
  const [disponibles, attente, aTraiter, reutilisables] = await Promise.all([
    // stock: available numbers held by no client, and not frozen by a recent termination; for a client, the
    // available numbers it holds (the company's stock is not its business)
    sql<{ region_code: string | null; type_code: string | null; n: number }>`
      SELECT r.code AS region_code, t.code AS type_code, sum(n)::int AS n
      FROM (SELECT d.region_id, d.type_id, count(*) AS n FROM tel_did d
        WHERE d.statut_id = (SELECT id FROM tel_statut_did WHERE code = 'DISPONIBLE')
          AND ${client === undefined ? sql`d.client_id IS NULL` : sql`d.client_id = ${client}`}
          AND (d.date_resiliation IS NULL OR d.date_resiliation <= ${jourDe(maintenant)}::date - ${gel}::int)
        GROUP BY d.region_id, d.type_id) d
      LEFT JOIN tel_region r ON r.id = d.region_id LEFT JOIN tel_type_did t ON t.id = d.type_id
      GROUP BY r.code, t.code ORDER BY r.code NULLS LAST, t.code`.execute(db),
    sql<{ statut: string; couleur: string; n: number; age_max_jours: number }>`
      SELECT s.code AS statut, s.couleur, count(c.id)::int AS n,
        coalesce(max(${jourDe(maintenant)}::date - c.date_creation::date), 0)::int AS age_max_jours
      FROM tel_statut_commande s LEFT JOIN tel_did_commande c ON c.statut_id = s.id
        AND ${client === undefined ? sql`true` : sql`c.client_id = ${client}`}
      WHERE s.code IN ('SOUMISE', 'VALIDEE', 'EN_COURS') GROUP BY s.id ORDER BY s.ordre`.execute(db),
    sql<{
      id: number;
      reference: string;
      client: string;
      statut: string;
      urgence: string;
      quantite: number;
      age_jours: number;
    }>`
      SELECT c.id, c.reference, cl.nom AS client, s.code AS statut, c.urgence, c.quantite,
        (${jourDe(maintenant)}::date - c.date_creation::date)::int AS age_jours
      FROM tel_did_commande c JOIN tel_statut_commande s ON s.id = c.statut_id JOIN tel_client cl ON cl.id = c.client_id
      WHERE s.code IN ('SOUMISE', 'VALIDEE', 'EN_COURS') AND ${client === undefined ? sql`true` : sql`c.client_id = ${client}`}
      ORDER BY CASE c.urgence WHEN 'URGENTE' THEN 0 WHEN 'HAUTE' THEN 1 WHEN 'NORMALE' THEN 2 ELSE 3 END, c.date_creation
      LIMIT 20`.execute(db),
    // the first 50 and how many in all: never every row of a million-number inventory
    sql<{ id: number; did_format_e164: string; date_resiliation: string; total: number }>`
      SELECT d.id, d.did_format_e164, d.date_resiliation,
        (SELECT count(*) FROM tel_did d WHERE ${sortantsDuGel})::int AS total
      FROM tel_did d WHERE ${sortantsDuGel}
      ORDER BY d.date_resiliation, d.id LIMIT 50`.execute(db),
  ]);
  return { statuts, regions, operateurs, types, clients, disponibles, attente, aTraiter, reutilisables };
}

/**
 * A client's numbers by campaign now: how many of its numbers each of its campaigns has in force, inbound and
 * outbound (a number in both directions counts once in each), its busiest campaigns first.
 */
export async function numerosParCampagne(db: Executor, client: number, maintenant: Date) {
  return (
    await sql<{ id: number; code: string; libelle: string; entrants: number; sortants: number }>`
      SELECT c.id, c.code, c.nom AS libelle,
        count(DISTINCT v.did_id) FILTER (WHERE v.entrant)::int AS entrants,
        count(DISTINCT v.did_id) FILTER (WHERE v.sortant)::int AS sortants
      FROM tel_did_virtual v
      JOIN tel_did d ON d.id = v.did_id AND d.client_id = ${client}
      JOIN tel_campaign c ON c.id = v.campaign_id
      WHERE ${courante(maintenant)}
      GROUP BY c.id, c.code, c.nom
      ORDER BY count(DISTINCT v.did_id) DESC, c.code
      LIMIT 20`.execute(db)
  ).rows;
}
