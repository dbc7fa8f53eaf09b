// What every kind of import shares: the report, the context of a chunk being checked, reading a row's cells and
// references, refusing a row, and the numbers of a chunk already in the inventory.
import { type Selectable, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { celluleLisible, controleInterdit, valeurRoutageInvalide } from "../../http/textes.js";
import type { normaliser } from "../../numbering/index.js";
import { courante } from "../affectations/courante.js";
import type { Acteur } from "../auth/acteur.js";
import type { TypeImport } from "./colonnes.js";
import type { Tableau } from "./lecture.js";
import type { Index, References } from "./references.js";
import { codeDe } from "./valeurs.js";

export interface Rejet {
  ligne: number;
  colonne: string | null;
  valeur: string | null;
  raison: string;
}

export interface Rapport {
  type: TypeImport;
  simulation: boolean;
  /** True once the rows are in the database (never for a simulation, never when rows were refused). */
  ecrit: boolean;
  lus: number;
  a_creer: number;
  a_mettre_a_jour: number;
  inchanges: number;
  /** Rows repeating an earlier row of the file exactly: read once. */
  doublons: number;
  rejetes: number;
  rejets: Rejet[];
  /**
   * Rows written otherwise than the file said, by the product's rules (a status derived from the facts, a date
   * taken as today): each with its line, column, value and what was written instead.
   */
  avertissements: Rejet[];
  /** References created because of --create-missing (clients, groupements, operateurs, campagnes). */
  references_creees: string[];
  /** Numbers an assignments file created with --create-missing (E.164). */
  numeros_crees: string[];
  /** Numbers created outside the ranges the numbering metadata knows (--accept-unknown-ranges): marked hors_plan. */
  hors_plan: string[];
  /** Field → the file's column that fed it. */
  colonnes: Record<string, string>;
  /** The file's columns that fed no field: nothing of them was read (refused with `strict`). */
  colonnes_ignorees: string[];
  duree_ms: number;
}

export interface OptionsImport {
  simulation?: boolean;
  creerManquants?: boolean;
  /** Write the valid rows even when others are refused (default: refuse the whole file). */
  accepterRejets?: boolean;
  mapping?: Record<string, string>;
  /** Refuse a file with columns that feed no field (--strict). */
  strict?: boolean;
  /** Create well-formed numbers outside the known ranges, marked hors_plan (--accept-unknown-ranges). */
  accepterPlagesInconnues?: boolean;
  /** Commit every N rows instead of once (resumable: see depuisLigne). */
  tailleLot?: number;
  /** Skip the rows up to this file line (a checkpoint written by an earlier, interrupted import). */
  depuisLigne?: number;
  progression?: (phase: "lecture" | "ecriture", faits: number, total: number) => void;
  /** Freeze after termination, in days (FREEZE_DAYS): a status change goes through the lifecycle's rules. */
  freezeJours?: number;
  /** Called after each committed batch with the last file line it held. */
  lotValide?: (derniereLigne: number) => void | Promise<void>;
  /** The app clock's instant (the server's): undated assignments start then, and "current" is judged then. */
  maintenant?: Date;
}

export type Ligne = Tableau["lignes"][number];
/** A write planned by the checks, run once the chunk is checked. */
type Operation = (trx: Transaction<DB>) => Promise<unknown>;

export class Refus extends Error {
  constructor(
    readonly colonne: string | null,
    readonly valeur: string | null,
    raison: string,
  ) {
    super(raison);
  }
}

export interface ContexteImport {
  trx: Transaction<DB>;
  acteur: Acteur;
  refs: References;
  rapport: Rapport;
  colonnes: Record<string, string>;
  options: OptionsImport;
  vus: Map<string, { ligne: number; signature: string }>;
  ops: Operation[];
  apres?: () => Promise<void>;
  /** Numbers whose assignments the file touched: their status is brought in line at the end. */
  touches?: Set<number>;
  /** The transaction's start (now() in its statements). */
  maintenant: Date;
  /** The file's header row: a row's values in this order make its signature (duplicates). */
  entetes: string[];
  /** The current chunk's reads (PRECHARGEMENTS). */
  normes?: Map<Ligne, ReturnType<typeof normaliser>>;
  connus?: Map<string, Existant>;
  /** Current assignments per number: the database's, then as this import changes them. */
  parDid: Map<number, AffectationEnPlace[]>;
  /** Numbers whose assignments were read into parDid. */
  didsLus: Set<number>;
  /** Numbers this import gives a client (through an assignment), with that client. */
  clientsAAffecter: Map<number, number>;
  /** Numbers this import created (--create-missing on assignments), by E.164: later chunks' reads predate them. */
  numerosCrees: Map<string, Existant>;
}

export type AffectationEnPlace = {
  id: number;
  did_id: number;
  campaign_id: number;
  config_id: number | null;
  alias: string | null;
  priorite: number;
  date_debut: Date;
  date_fin: Date | null;
  entrant: boolean;
  sortant: boolean;
};

/** Hands a chunk's reads to its checks when the chunk's turn comes (see PRECHARGEMENTS). */
export type Remettre = (ctx: ContexteImport) => void;

export const e164Valides = (normes: Map<Ligne, ReturnType<typeof normaliser>>) => [
  ...new Set([...normes.values()].flatMap((n) => (n.ok ? [n.numero.e164] : []))),
];

export const valeur = (ctx: ContexteImport, l: Ligne, champ: string) => {
  const c = ctx.colonnes[champ];
  // trimmed by the reader already (lecture-fichier.ts), which keeps a leading tab the export shielded
  const v = c ? (l.valeurs[c] ?? "") : "";
  // PostgreSQL cannot store a NUL, and no text holds the other control characters: the row is refused here, where
  // the simulation sees it too
  if (controleInterdit({ [c ?? champ]: v }))
    throw new Refus(c ?? champ, celluleLisible(v), "Caractère de contrôle refusé.");
  return v;
};

/** The cell, or "" where it cannot be read (a NUL): for reads ahead of the checks, which refuse the row themselves. */
export const valeurSure = (ctx: ContexteImport, l: Ligne, champ: string) => {
  try {
    return valeur(ctx, l, champ);
  } catch {
    return "";
  }
};

let depuisPause = performance.now();
/**
 * How long the checks may hold the event loop before letting it answer others (Hermes' lookups, health checks).
 * bench/import on PostgreSQL, routing p99 during a 100,000-row upload: 20.7 and 23.9 ms at 3 ms, 15.9 and 18.6 ms
 * at 1 ms, for the same import time (two runs each).
 */
const TRANCHE_MS = 1;
/**
 * Undefined while this thread has had the event loop for less than TRANCHE_MS, else a pause to await: the checks of
 * a chunk of 500 rows take 10 to 20 ms, which a lookup waiting behind them would add to its answer.
 */
export const ceder = (): Promise<void> | undefined =>
  performance.now() - depuisPause < TRANCHE_MS
    ? undefined
    : new Promise((r) =>
        setImmediate(() => {
          depuisPause = performance.now();
          r();
        }),
      );

/** A cell that a routing template prints (alias, hermes_id): refused if it would break a routing file's line. */
export const valeurRoutage = (ctx: ContexteImport, l: Ligne, champ: string) => {
  const v = valeur(ctx, l, champ);
  const raison = valeurRoutageInvalide(v);
  if (raison) throw new Refus(ctx.colonnes[champ] ?? champ, v, raison);
  return v;
};

/**
 * A number to create that is well formed but outside the ranges the numbering metadata knows: refused unless the
 * import accepts unknown ranges, and then listed in the report (and its audit) as marked hors_plan.
 */
export function refuserHorsPlan(ctx: ContexteImport, brut: string, e164: string) {
  if (!ctx.options.accepterPlagesInconnues)
    throw new Refus(
      ctx.colonnes.numero ?? "numero",
      brut,
      "Numéro bien formé, mais hors des tranches connues du plan de numérotation (l'option « accepter les plages inconnues » l'enregistre, marqué à revoir).",
    );
  ctx.rapport.hors_plan.push(e164);
}

/** The country's id in the reference table, or the row is refused: a number of a country we do not hold. */
export function indicatifDe(ctx: ContexteImport, pays: string, brut: string): number {
  const id = ctx.refs.indicatifs.get(pays);
  if (id === undefined)
    throw new Refus(
      ctx.colonnes.numero ?? "numero",
      brut,
      `Pays ${pays} absent du référentiel des indicatifs.`,
    );
  return id;
}

/** A row written, but not as the file said: reported beside the rejects. */
export function avertir(
  ctx: ContexteImport,
  l: Ligne,
  colonne: string | null,
  valeur: string | null,
  raison: string,
) {
  ctx.rapport.avertissements.push({ ligne: l.ligne, colonne, valeur, raison });
}

export function rejeter(ctx: ContexteImport, l: Ligne, e: unknown) {
  if (!(e instanceof Refus)) throw e;
  ctx.rapport.rejetes++;
  ctx.rapport.rejets.push({ ligne: l.ligne, colonne: e.colonne, valeur: e.valeur, raison: e.message });
}

/** The same key twice in the file: an exact repeat is read once, a repeat with other values is refused. */
export function doublon(ctx: ContexteImport, l: Ligne, cle: string): boolean {
  // the number is compared by its E.164 key: "01 42 68 53 00" and "0142685300" are the same row
  let signature = "";
  for (const c of ctx.entetes) if (c !== ctx.colonnes.numero) signature += `${l.valeurs[c] ?? ""}\u0000`;
  const deja = ctx.vus.get(cle);
  if (!deja) {
    ctx.vus.set(cle, { ligne: l.ligne, signature });
    return false;
  }
  if (deja.signature === signature) {
    ctx.rapport.doublons++;
    return true;
  }
  throw new Refus(null, null, `Même élément qu'à la ligne ${deja.ligne}, avec d'autres valeurs.`);
}

export function lire<T>(
  ctx: ContexteImport,
  l: Ligne,
  champ: string,
  lecteur: (s: string) => { ok: true; v: T } | { ok: false; raison: string },
): T | undefined {
  const s = valeur(ctx, l, champ);
  if (s === "") return undefined;
  const r = lecteur(s);
  if (!r.ok) throw new Refus(ctx.colonnes[champ] ?? champ, s, r.raison);
  return r.v;
}

/** A reference by code or name: its id, null for "-", undefined for an empty cell; unknown ones are refused. */
export function referenceFixe(
  ctx: ContexteImport,
  l: Ligne,
  champ: string,
  index: Index,
  libelle: string,
  creable = false,
): number | null | undefined {
  const s = valeur(ctx, l, champ);
  if (s === "") return undefined;
  if (s === "-") return null;
  const id = index.trouver(s);
  if (id !== undefined) return id;
  throw new Refus(
    ctx.colonnes[champ] ?? champ,
    s,
    `${libelle} inconnu(e)${creable ? " (l'option « créer ce qui manque » le crée)" : ""}.`,
  );
}

/**
 * The same, for the references --create-missing may create: an unknown one is created then. Synchronous when
 * the reference is known (every row but the first of a new one): no promise per cell on the checks' path.
 */
export function reference(
  ctx: ContexteImport,
  l: Ligne,
  champ: string,
  index: Index,
  libelle: string,
  creer: (nom: string) => Promise<number>,
): number | null | undefined | Promise<number> {
  const s = valeur(ctx, l, champ);
  if (s !== "" && s !== "-" && index.trouver(s) === undefined && ctx.options.creerManquants) {
    return creer(s).then((nouveau) => {
      index.ajouter(nouveau, codeDe(s), s);
      ctx.rapport.references_creees.push(`${libelle} ${codeDe(s)}`);
      return nouveau;
    });
  }
  return referenceFixe(ctx, l, champ, index, libelle, true);
}

let idProvisoire = -1;
/** In a simulation nothing is inserted: a created reference gets a stand-in id for the rows after it. */
export async function inserer(ctx: ContexteImport, faire: () => Promise<number>): Promise<number> {
  if (ctx.options.simulation) return idProvisoire--;
  return faire();
}

export const creerClient = (ctx: ContexteImport) => (nom: string) =>
  inserer(ctx, async () => {
    const r = await ctx.trx
      .insertInto("tel_client")
      .values({ code: codeDe(nom), nom })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  });

export interface Existant {
  id: number;
  client_id: number | null;
  groupement_id: number | null;
  statut: string;
  type: string | null;
  valeurs: Record<string, unknown>;
  /** With a current assignment (read for a numbers import). */
  enService?: boolean;
  /** Its active assignments (read for an assignments import). */
  affectations?: AffectationEnPlace[];
}

/** The numbers of a chunk already in the inventory: one table, one array parameter, the unique E.164 index. */
export async function existants(
  trx: Transaction<DB>,
  refs: References,
  e164: string[],
  avec?: "en_service" | "affectations",
  maintenant: Date = new Date(),
): Promise<Map<string, Existant>> {
  if (e164.length === 0) return new Map();
  // What the checks need of each number's assignments comes in the same row, read through the assignments'
  // did_id index for each number found (a subquery per row: no plan choice, whatever the tables' statistics).
  // Each number is looked up by itself (LATERAL, OFFSET 0 keeps it from being merged into a join): as a join,
  // the planner scanned the whole table and hashed it for each chunk while the import was filling it, the
  // table's statistics still saying it was empty (0.9 s of 100,000 numbers, against 0.1 s through the index).
  const extra =
    avec === "en_service"
      ? // not EXISTS, which the planner may turn into one scan of every assignment (hashed subplan)
        sql`, COALESCE((SELECT true FROM tel_did_virtual v WHERE v.did_id = d.id AND ${courante(maintenant)}
          LIMIT 1), false) AS en_service`
      : avec === "affectations"
        ? sql`, (SELECT json_agg(json_build_object('id', v.id, 'did_id', v.did_id,
          'campaign_id', v.campaign_id, 'config_id', v.config_id, 'alias', v.alias, 'priorite', v.priorite,
          'date_debut', v.date_debut, 'date_fin', v.date_fin, 'entrant', v.entrant, 'sortant', v.sortant))
          FROM tel_did_virtual v WHERE v.did_id = d.id AND v.actif) AS affectations`
        : sql``;
  const { rows } = await sql<Selectable<DB["tel_did"]>>`
    SELECT d.* ${extra}
    FROM unnest(${e164}::text[]) AS e(e164)
    CROSS JOIN LATERAL (SELECT * FROM tel_did t WHERE t.did_format_e164 = e.e164 OFFSET 0) d`.execute(trx);
  return new Map(
    rows.map((r) => {
      const lu = r as typeof r & { en_service?: boolean; affectations?: AffectationLue[] | null };
      return [
        r.did_format_e164,
        {
          id: r.id,
          client_id: r.client_id,
          groupement_id: r.groupement_id,
          statut: refs.statuts.codes.get(r.statut_id) as string,
          type: r.type_id === null ? null : (refs.types.codes.get(r.type_id) ?? null),
          valeurs: r as unknown as Record<string, unknown>,
          enService: lu.en_service,
          affectations: lu.affectations?.map((a) => ({
            ...a,
            date_debut: new Date(a.date_debut),
            date_fin: a.date_fin ? new Date(a.date_fin) : null,
          })),
        },
      ];
    }),
  );
}

/** An assignment as JSON gives it: its dates as text. */
type AffectationLue = Omit<AffectationEnPlace, "date_debut" | "date_fin"> & {
  date_debut: string;
  date_fin: string | null;
};
