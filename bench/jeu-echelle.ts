// A realistic inventory at scale, written in SQL (seconds, not hours), for bench/echelle.ts and the guard test of the
// complete tier: N numbers over three years, 50 clients with groupements and campaigns, holders changing (40 % had a
// previous client), terminations and freezes, monthly costs, inbound assignments past and current, 90 days of call
// records for a tenth of the numbers, carrier blocks, mandates with clients' own numbers, and an audit log.
// Everything is consistent with the history: the history read backwards gives the current state.

import { type Kysely, sql } from "kysely";
import { migrer } from "../src/db/migrate.js";
import { seedReference } from "../src/db/reference-data.js";
import type { DB } from "../src/db/schema.js";

export interface JeuEchelle {
  numeros: number;
  /** The instant the data is "now": dates are laid out before it. */
  maintenant: Date;
}

export async function peuplerEchelle(db: Kysely<DB>, { numeros: N, maintenant }: JeuEchelle) {
  const t = sql`${maintenant.toISOString()}::timestamptz`;
  await sql`INSERT INTO tel_client (code, nom) SELECT 'CLIENT_' || g, 'Client ' || g FROM generate_series(1, 50) g`.execute(
    db,
  );
  await sql`INSERT INTO tel_groupement (client_id, code, libelle)
    SELECT c.id, 'G' || k, 'Groupement ' || k || ' de ' || c.nom FROM tel_client c, generate_series(1, 2) k`.execute(
    db,
  );
  await sql`INSERT INTO tel_campaign (client_id, code, nom, hermes_id)
    SELECT c.id, c.code || '_C' || k, 'Campagne ' || k || ' de ' || c.nom, (c.id * 10 + k)::text
    FROM tel_client c, generate_series(1, 4) k`.execute(db);

  // One row per number with its whole story decided by hashes of its rank: a = days since acquisition (150 to
  // 1,100), statut, client, a previous client or not, the day it came to its current client.
  await sql`CREATE TEMP TABLE jeu AS
    SELECT g, x.n, x.r, x.a,
      CASE WHEN x.r < 15 THEN 'DISPONIBLE' WHEN x.r < 25 THEN 'AFFECTE' WHEN x.r < 85 THEN 'UTILISE' ELSE 'RESILIE' END AS statut,
      cl.ids[1 + abs(hashint4(g + 1)) % 50] AS client_id,
      cl.ids[1 + abs(hashint4(g + 7)) % 50] AS precedent_id,
      abs(hashint4(g + 3)) % 10 < 4 AS avait_precedent,
      ${t} - make_interval(days => x.a) + interval '9 hours' AS acquis,
      ${t} - make_interval(days => 5 + g % 80) + make_interval(mins => g % 600) AS recu
    FROM generate_series(1, ${N}::int) g,
      LATERAL (SELECT ((1 + g % 5)::text || lpad((g / 5)::text, 8, '0')) AS n, abs(hashint4(g)) % 100 AS r,
        150 + g % 950 AS a) x,
      (SELECT array_agg(id ORDER BY id) AS ids FROM tel_client) cl`.execute(db);

  await sql`
    INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, operateur_id, client_id, groupement_id,
      statut_id, cout_mensuel, date_acquisition, date_resiliation, date_creation, created_by)
    SELECT fr.id, j.n, '+33' || j.n, geo.id,
      (SELECT r.id FROM tel_region r WHERE r.indicatif_id = fr.id AND r.prefixe = '0' || left(j.n, 1)),
      op.ids[1 + j.g % 7],
      CASE WHEN j.statut IN ('AFFECTE', 'UTILISE') THEN j.client_id END,
      CASE WHEN j.statut IN ('AFFECTE', 'UTILISE') AND j.g % 2 = 0
        THEN (SELECT min(gr.id) FROM tel_groupement gr WHERE gr.client_id = j.client_id) END,
      st.ids[CASE j.statut WHEN 'DISPONIBLE' THEN 1 WHEN 'AFFECTE' THEN 2 WHEN 'UTILISE' THEN 3 ELSE 4 END],
      0.5 + (j.g % 6) * 0.5,
      (j.acquis AT TIME ZONE 'Europe/Paris')::date,
      CASE WHEN j.statut = 'RESILIE' THEN (j.recu AT TIME ZONE 'Europe/Paris')::date END,
      j.acquis, 'jeu-echelle'
    FROM jeu j,
      (SELECT id FROM tel_indicatif WHERE code = 'FR') fr,
      (SELECT id FROM tel_type_did WHERE code = 'GEO') geo,
      (SELECT array_agg(id ORDER BY id) AS ids FROM tel_operateur) op,
      (SELECT array[(SELECT id FROM tel_statut_did WHERE code = 'DISPONIBLE'), (SELECT id FROM tel_statut_did WHERE code = 'AFFECTE'),
        (SELECT id FROM tel_statut_did WHERE code = 'UTILISE'), (SELECT id FROM tel_statut_did WHERE code = 'RESILIE')] AS ids) st
    ORDER BY j.g`.execute(db);
  await sql`CREATE TEMP TABLE jeu_did AS SELECT j.*, d.id AS did_id FROM jeu j JOIN tel_did d ON d.did = j.n`.execute(
    db,
  );

  // The history: creation; a previous client for 10 to 60 days after acquisition; the current client; in use an hour
  // later; a termination.
  await sql`
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, date_action)
    SELECT did_id, action, champ, avant, apres, 'jeu-echelle', motif, quand FROM (
      SELECT did_id, 'CREATION' AS action, 'statut' AS champ, NULL AS avant, 'DISPONIBLE' AS apres, NULL AS motif, acquis AS quand FROM jeu_did
      UNION ALL SELECT did_id, 'AFFECTATION_CLIENT', 'client_id', NULL, precedent_id::text, 'contrat', acquis + interval '10 days'
        FROM jeu_did WHERE avait_precedent
      UNION ALL SELECT did_id, 'STATUT', 'statut', 'DISPONIBLE', 'AFFECTE', 'contrat', acquis + interval '10 days'
        FROM jeu_did WHERE avait_precedent
      UNION ALL SELECT did_id, 'LIBERATION', 'client_id', precedent_id::text, NULL, 'fin de contrat', acquis + interval '60 days'
        FROM jeu_did WHERE avait_precedent
      UNION ALL SELECT did_id, 'STATUT', 'statut', 'AFFECTE', 'DISPONIBLE', 'fin de contrat', acquis + interval '60 days'
        FROM jeu_did WHERE avait_precedent
      UNION ALL SELECT did_id, 'AFFECTATION_CLIENT', 'client_id', NULL, client_id::text, 'contrat', recu
        FROM jeu_did WHERE statut IN ('AFFECTE', 'UTILISE')
      UNION ALL SELECT did_id, 'STATUT', 'statut', 'DISPONIBLE', 'AFFECTE', 'contrat', recu
        FROM jeu_did WHERE statut IN ('AFFECTE', 'UTILISE')
      UNION ALL SELECT did_id, 'STATUT', 'statut', 'AFFECTE', 'UTILISE', 'campagne', recu + interval '1 hour'
        FROM jeu_did WHERE statut = 'UTILISE'
      UNION ALL SELECT did_id, 'STATUT', 'statut', 'DISPONIBLE', 'RESILIE', 'résiliation', recu
        FROM jeu_did WHERE statut = 'RESILIE'
    ) h ORDER BY quand`.execute(db);

  // Assignments: the previous client's campaign while it held the number; in use, a first campaign for a few days
  // for 3 numbers in 10, then the current one.
  await sql`
    INSERT INTO tel_did_virtual (did_id, campaign_id, priorite, date_debut, date_fin, entrant, sortant)
    SELECT j.did_id, k.id, 1, j.acquis + interval '10 days 1 hour', j.acquis + interval '60 days', true, false
    FROM jeu_did j JOIN tel_campaign k ON k.client_id = j.precedent_id AND k.code LIKE '%_C1'
    WHERE j.avait_precedent
    UNION ALL
    SELECT j.did_id, k.id, 1, j.recu + interval '1 hour', j.recu + interval '1 hour' + make_interval(days => 1 + j.g % 3), true, false
    FROM jeu_did j JOIN tel_campaign k ON k.client_id = j.client_id AND k.code LIKE '%_C2'
    WHERE j.statut = 'UTILISE' AND j.g % 10 < 3
    UNION ALL
    SELECT j.did_id, k.id, 1,
      j.recu + interval '1 hour' + CASE WHEN j.g % 10 < 3 THEN make_interval(days => 1 + j.g % 3) ELSE interval '0' END,
      NULL, true, false
    FROM jeu_did j JOIN tel_campaign k ON k.client_id = j.client_id AND k.code LIKE '%_C' || (1 + j.g % 4)
    WHERE j.statut = 'UTILISE'`.execute(db);

  // 90 days of calls for a tenth of the numbers, about one day in four, and the imports that cover them
  await sql`
    INSERT INTO tel_usage_jour (did_id, jour, entrants, sortants, repondus, abandonnes, duree_s, dernier_appel)
    SELECT j.did_id, jour::date, 1 + abs(hashint4(j.g + i)) % 40, abs(hashint4(j.g - i)) % 10,
      abs(hashint4(j.g + i)) % 30, abs(hashint4(j.g + i)) % 5, 60 * (abs(hashint4(j.g * i)) % 500),
      jour + interval '17 hours'
    FROM jeu_did j, generate_series(1, 90) i,
      LATERAL (SELECT (${t} AT TIME ZONE 'Europe/Paris')::date - i AS jour) x
    WHERE j.g % 10 = 0 AND abs(hashint4(j.g * 31 + i)) % 4 = 0`.execute(db);
  await sql`INSERT INTO tel_usage_import (fichier_nom, fichier_sha256, format, du, au, lignes, appels, non_attribues,
      rejetes, auteur)
    SELECT 'ODCalls-' || k || '.csv', lpad(to_hex(k), 64, '0'), 'HERMES',
      (${t} AT TIME ZONE 'Europe/Paris')::date - 30 * k, (${t} AT TIME ZONE 'Europe/Paris')::date - 30 * k + 29,
      0, 0, 0, 0, 'jeu-echelle'
    FROM generate_series(1, 4) k`.execute(db);

  // 1,000 blocks of 100 numbers in zone 01, then their numbers
  await sql`INSERT INTO tel_tranche (operateur_id, reference_operateur, premier, dernier, debut, fin, date_reception)
    SELECT op.ids[1 + k % 7], 'BLOC-' || k, '+331' || lpad((k * 100)::text, 8, '0'),
      '+331' || lpad((k * 100 + 99)::text, 8, '0'), ('331' || lpad((k * 100)::text, 8, '0'))::bigint,
      ('331' || lpad((k * 100 + 99)::text, 8, '0'))::bigint, date '2024-01-15'
    FROM generate_series(0, 999) k, (SELECT array_agg(id ORDER BY id) AS ids FROM tel_operateur) op`.execute(
    db,
  );
  await sql`UPDATE tel_did d SET tranche_id = tr.id FROM tel_tranche tr
    WHERE d.did_format_e164 LIKE '+331%' AND substr(d.did_format_e164, 2)::bigint BETWEEN tr.debut AND tr.fin`.execute(
    db,
  );

  // each client's mandate, and a hundred of its own numbers (titulaire CLIENT) under it
  await sql`INSERT INTO tel_mandat (client_id, reference, signataire, date_debut, date_fin)
    SELECT id, 'MANDAT-' || code, 'Direction ' || nom, date '2024-01-01', date '2027-12-31' FROM tel_client`.execute(
    db,
  );
  await sql`WITH propres AS (
      SELECT d.id, d.client_id FROM tel_did d WHERE d.client_id IS NOT NULL AND d.id % 97 = 0 LIMIT 5000)
    , maj AS (UPDATE tel_did d SET titulaire = 'CLIENT' FROM propres p WHERE d.id = p.id RETURNING d.id, d.client_id)
    INSERT INTO tel_mandat_did (mandat_id, did_id) SELECT m.id, maj.id FROM maj JOIN tel_mandat m ON m.client_id = maj.client_id`.execute(
    db,
  );

  // an audit log of the size three years give: one line per number and per assignment
  await sql`INSERT INTO tel_audit (entite, entite_id, action, acteur, acteur_type, motif, apres, date_action)
    SELECT 'tel_did', did_id, 'CREATION', 'jeu-echelle', 'SYSTEME', NULL, jsonb_build_object('did', n), acquis FROM jeu_did
    UNION ALL
    SELECT 'tel_did_virtual', v.id, 'CREATION', 'jeu-echelle', 'SYSTEME', NULL,
      jsonb_build_object('did_id', v.did_id, 'campaign_id', v.campaign_id), v.date_debut FROM tel_did_virtual v`.execute(
    db,
  );
  await sql`DROP TABLE jeu_did`.execute(db);
  await sql`DROP TABLE jeu`.execute(db);
}

/** The bench database migrated and seeded; the inventory written when the database is new (`existe` false). */
export async function preparerEchelle(db: Kysely<DB>, numeros: number, existe: boolean) {
  await migrer(db);
  await seedReference(db);
  if (existe) return;
  const t0 = performance.now();
  await peuplerEchelle(db, { numeros, maintenant: new Date() });
  await sql`VACUUM ANALYZE`.execute(db);
  console.log(`jeu de ${numeros} numéros écrit en ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
