import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { type PeriodeMandat, periodeMandat } from "../presentation/fondement.js";

// What the routing snapshot reads from the database: the whole routing at start (and after a lost notification),
// then one number, campaign or configuration at a time as their changes are signalled.

export interface Aff {
  id: number;
  did_id: number;
  campaign_id: number;
  config_id: number | null;
  alias: string | null;
  priorite: number;
  debut: number;
  fin: number | null;
  entrant: boolean;
  sortant: boolean;
}
export interface NumeroRoute {
  id: number;
  e164: string;
  statut: string;
  type: string | null;
  region: string | null;
  titulaire: string;
  tranche_id: number | null;
  affectations: Aff[];
}
export interface Campagne {
  id: number;
  client_id: number;
  code: string;
  hermes_id: string | null;
  prospection: boolean;
  actif: boolean;
}

/** Numbers' ids per slice of the first load: a slice's JSON text is a few megabytes, never the whole routing. */
const TRANCHE_IDS = 100_000;

/**
 * Every current and future assignment with its number, the campaigns and the configurations. The assignments come
 * as JSON arrays of arrays (dates as epoch milliseconds), one text per slice of number ids: at 1,000,000 numbers
 * one text for all of them was about 100 MB, parsed at once into 600,000 arrays, and the heap the load grew to
 * stayed with the process. A change committed while the slices are read is signalled after the version read
 * first, and applied after the load.
 */
export async function lireRoutage(db: Kysely<DB>, maintenant: Date) {
  const version = await sql<{ v: number }>`SELECT last_value AS v FROM tel_routage_version`.execute(db);
  const [bornes, campagnes, configs] = await Promise.all([
    sql<{ max: number | null }>`SELECT max(did_id) AS max FROM tel_did_virtual WHERE actif`.execute(db),
    db
      .selectFrom("tel_campaign")
      .select(["id", "client_id", "code", "hermes_id", "prospection", "actif"])
      .execute(),
    db.selectFrom("tel_did_config").select(["id", "code", "config"]).execute(),
  ]);
  return {
    version: Number(version.rows[0]?.v ?? 0),
    tranches: tranchesDuRoutage(db, maintenant, Number(bornes.rows[0]?.max ?? 0)),
    campagnes,
    configs,
  };
}

async function* tranchesDuRoutage(db: Kysely<DB>, maintenant: Date, max: number): AsyncGenerator<string> {
  for (let apres = 0; apres < max; apres += TRANCHE_IDS) {
    const r = await sql<{ j: string }>`
      SELECT coalesce(json_agg(json_build_array(v.id, v.did_id, v.campaign_id, v.config_id, v.alias, v.priorite,
          (extract(epoch FROM v.date_debut) * 1000)::float8, (extract(epoch FROM v.date_fin) * 1000)::float8,
          v.entrant, v.sortant, d.did_format_e164, s.code, coalesce(t.nature, t.code), coalesce(r.zone, r.code),
          d.titulaire, d.tranche_id)), '[]')::text AS j
      FROM tel_did_virtual v JOIN tel_did d ON d.id = v.did_id JOIN tel_statut_did s ON s.id = d.statut_id
      LEFT JOIN tel_type_did t ON t.id = d.type_id LEFT JOIN tel_region r ON r.id = d.region_id
      WHERE v.actif AND (v.date_fin IS NULL OR v.date_fin > ${maintenant})
        AND v.did_id > ${apres} AND v.did_id <= ${apres + TRANCHE_IDS}`.execute(db);
    yield r.rows[0]?.j ?? "[]";
  }
}

/** Numbers and their current and future assignments, in two queries whatever their count. */
export async function lireNumeros(db: Kysely<DB>, ids: number[], maintenant: Date) {
  const [n, affs] = await Promise.all([
    sql<Omit<NumeroRoute, "affectations">>`
      SELECT d.id, d.did_format_e164 AS e164, s.code AS statut, coalesce(t.nature, t.code) AS type,
        coalesce(r.zone, r.code) AS region, d.titulaire,
        d.tranche_id
      FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
      LEFT JOIN tel_type_did t ON t.id = d.type_id LEFT JOIN tel_region r ON r.id = d.region_id
      WHERE d.id = ANY(${ids}::int[])`.execute(db),
    sql<Aff & { debut: Date; fin: Date | null }>`
      SELECT id, did_id, campaign_id, config_id, alias, priorite, date_debut AS debut, date_fin AS fin, entrant, sortant
      FROM tel_did_virtual WHERE did_id = ANY(${ids}::int[]) AND actif
        AND (date_fin IS NULL OR date_fin > ${maintenant})
      ORDER BY did_id, id`.execute(db),
  ]);
  const lignes = new Map(n.rows.map((l) => [l.id, l]));
  const parNumero = new Map<number, Aff[]>();
  for (const a of affs.rows) {
    const aff = { ...a, debut: new Date(a.debut).getTime(), fin: a.fin ? new Date(a.fin).getTime() : null };
    const liste = parNumero.get(a.did_id);
    if (liste) liste.push(aff);
    else parNumero.set(a.did_id, [aff]);
  }
  return { lignes, parNumero };
}

export function lireCampagne(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("tel_campaign")
    .select(["id", "client_id", "code", "hermes_id", "prospection", "actif"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function lireConfig(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("tel_did_config")
    .select(["id", "code", "config"])
    .where("id", "=", id)
    .executeTakeFirst();
}

type Ligne = [
  number,
  number,
  number,
  number | null,
  string | null,
  number,
  number,
  number | null,
  boolean,
  boolean,
  string,
  string,
  string | null,
  string | null,
  string,
  number | null,
];

/**
 * The numbers of one slice read by lireRoutage, each with its assignments (in the order read). A slice holds every
 * assignment of its numbers. Each list is made to its length: an array grown by push keeps room for 17, which
 * over 600,000 numbers of one or two assignments was 85 MB of empty slots.
 */
export function* numerosDuRoutage(lignes: string): Generator<NumeroRoute> {
  const tableau = JSON.parse(lignes) as Ligne[];
  let n: NumeroRoute | undefined;
  const vus = new Map<number, NumeroRoute>();
  for (const [
    id,
    didId,
    campagneId,
    configId,
    alias,
    priorite,
    debutMs,
    finMs,
    entrant,
    sortant,
    e164,
    statut,
    type,
    region,
    titulaire,
    trancheId,
  ] of tableau) {
    n = vus.get(didId);
    const aff: Aff = {
      id,
      did_id: didId,
      campaign_id: campagneId,
      config_id: configId,
      alias,
      priorite,
      debut: debutMs,
      fin: finMs,
      entrant,
      sortant,
    };
    if (n) n.affectations.push(aff);
    else {
      n = { id: didId, e164, statut, type, region, titulaire, tranche_id: trancheId, affectations: [aff] };
      vus.set(didId, n);
    }
  }
  for (const numero of vus.values()) {
    if (numero.affectations.length > 1) numero.affectations = numero.affectations.slice();
    yield numero;
  }
}

export function ajouterA(sortants: Map<number, Set<number>>, campagne: number, did: number) {
  const s = sortants.get(campagne);
  if (s) s.add(did);
  else sortants.set(campagne, new Set([did]));
}

/** The routes of a full load, slice after slice: numbers by id and by E.164, numbers to present per campaign. */
export async function construireRoutage(tranches: AsyncIterable<string>) {
  const numeros = new Map<number, NumeroRoute>();
  const parE164 = new Map<string, number>();
  const sortants = new Map<number, Set<number>>();
  let routes = 0;
  for await (const lignes of tranches)
    for (const n of numerosDuRoutage(lignes)) {
      numeros.set(n.id, n);
      parE164.set(n.e164, n.id);
      routes += n.affectations.length;
      for (const aff of n.affectations) if (aff.sortant) ajouterA(sortants, aff.campaign_id, aff.did_id);
    }
  return { numeros, parE164, sortants, routes };
}

/** Every mandate's period, by the numbers and by the blocks it covers (a few thousand rows: read in full). */
export async function lireMandats(db: Kysely<DB>) {
  const lignes = await sql<{
    id: number;
    client_id: number;
    date_debut: string;
    date_fin: string | null;
    did_id: number | null;
    tranche_id: number | null;
  }>`
    SELECT m.id, m.client_id, m.date_debut::text AS date_debut, m.date_fin::text AS date_fin, c.did_id, c.tranche_id
    FROM tel_mandat m
    JOIN (SELECT mandat_id, did_id, NULL::int AS tranche_id FROM tel_mandat_did
          UNION ALL SELECT mandat_id, NULL, tranche_id FROM tel_mandat_tranche) c ON c.mandat_id = m.id
    WHERE m.actif`.execute(db);
  const parDid = new Map<number, PeriodeMandat[]>();
  const parTranche = new Map<number, PeriodeMandat[]>();
  for (const l of lignes.rows) {
    const [carte, cle] = l.did_id !== null ? [parDid, l.did_id] : [parTranche, l.tranche_id as number];
    const liste = carte.get(cle);
    const p = periodeMandat(l);
    if (liste) liste.push(p);
    else carte.set(cle, [p]);
  }
  return { parDid, parTranche };
}
