import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import type { Acteur } from "../auth/acteur.js";
import { SchemaConfig, verifierConfig } from "../configs/config.schema.js";
import { actionPour, changerStatut, type Statut, TRANSITIONS } from "../dids/cycle-de-vie.js";
import { finDuGel, jourDe } from "../dids/gel.js";
import { ecrireAudit } from "../history/audit.repository.js";
import { associerColonnes, type TypeImport } from "./colonnes.js";
import type { Tableau } from "./lecture.js";
import { chargerReferences, Index, type References } from "./references.js";
import { codeDe, lireBooleen, lireDate, lireEntier, lireInstant, lireMontant } from "./valeurs.js";

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
  /** References created because of --create-missing (clients, groupements, operateurs, campagnes). */
  references_creees: string[];
  colonnes: Record<string, string>;
  duree_ms: number;
}

export interface OptionsImport {
  simulation?: boolean;
  creerManquants?: boolean;
  /** Write the valid rows even when others are refused (default: refuse the whole file). */
  accepterRejets?: boolean;
  mapping?: Record<string, string>;
  /** Commit every N rows instead of once (resumable: see depuisLigne). */
  tailleLot?: number;
  /** Skip the rows up to this file line (a checkpoint written by an earlier, interrupted import). */
  depuisLigne?: number;
  progression?: (phase: "lecture" | "ecriture", faits: number, total: number) => void;
  /** Freeze after termination, in days (FREEZE_DAYS): a status change goes through the lifecycle's rules. */
  freezeJours?: number;
  /** Called after each committed batch with the last file line it held. */
  lotValide?: (derniereLigne: number) => void | Promise<void>;
}

type Ligne = Tableau["lignes"][number];
/** A write planned by the checks, run once the chunk is checked. */
type Operation = (trx: Transaction<DB>) => Promise<unknown>;

class Refus extends Error {
  constructor(
    readonly colonne: string | null,
    readonly valeur: string | null,
    raison: string,
  ) {
    super(raison);
  }
}

const CHUNK = 500;

/** Reads the file's rows as the kind asks, checks them all, then writes them in one transaction (or per batch). */
export async function importer(
  db: Kysely<DB>,
  acteur: Acteur,
  type: TypeImport,
  tableau: Tableau,
  options: OptionsImport = {},
): Promise<Rapport> {
  const debut = performance.now();
  const colonnes = associerColonnes(type, tableau.entetes, options.mapping);
  const lignes = tableau.lignes.filter((l) => l.ligne > (options.depuisLigne ?? 0));
  const rapport: Rapport = {
    type,
    simulation: !!options.simulation,
    ecrit: false,
    lus: tableau.lignes.length,
    a_creer: 0,
    a_mettre_a_jour: 0,
    inchanges: 0,
    doublons: 0,
    rejetes: 0,
    rejets: [],
    references_creees: [],
    colonnes,
    duree_ms: 0,
  };
  const taille = options.tailleLot && options.tailleLot > 0 ? options.tailleLot : lignes.length || 1;
  const lots: Ligne[][] = [];
  for (let i = 0; i < lignes.length; i += taille) lots.push(lignes.slice(i, i + taille));
  const vus = new Map<string, { ligne: number; signature: string }>();
  let faits = 0;
  for (const lot of lots) {
    // simulation and refused files: everything runs, then the transaction is rolled back
    const annuler = new Error("annuler");
    try {
      await db.transaction().execute(async (trx) => {
        // The table grows inside this transaction, unknown to the planner's statistics: it then answered each
        // chunk's E.164 lookup from the trigram index, whose pending list grows with every insert (100,000
        // numbers: 88 s). Trigram indexes are only read by bitmap scans: without them, the unique B-tree is used.
        await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
        // A table emptied then vacuumed is known to the planner as empty, and it stays so for the length of this
        // transaction whatever the import adds. The foreign-key checks' plans, made once and kept by each
        // connection, then read the whole referenced table for every row written: 100,000 numbers took 220 s
        // instead of 7. Every read and check of an import goes through an index: no sequential scan is planned
        // here, and the plans this connection kept from before are made again under this rule.
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        await sql`DISCARD PLANS`.execute(trx);
        // the database's "now" for this transaction: an assignment the file does not date starts then, so that
        // the statuses computed against now() at the end see it as current (Node's clock is later)
        const { maintenant } = await sql<{ maintenant: Date }>`SELECT now() AS maintenant`
          .execute(trx)
          .then((r) => r.rows[0] as { maintenant: Date });
        const refs = await chargerReferences(trx);
        const ctx: Contexte = {
          trx,
          acteur,
          refs,
          rapport,
          colonnes,
          entetes: tableau.entetes,
          maintenant: new Date(maintenant),
          options,
          vus,
          ops: [],
          parDid: new Map(),
          didsLus: new Set(),
          clientsAAffecter: new Map(),
        };
        // Each chunk is written as soon as it is checked, inside the one transaction, and without waiting: the
        // database writes chunk k while Node checks chunk k+1. What the checks of a chunk read (PRECHARGEMENTS)
        // is asked for one chunk ahead, before the previous chunk's write is sent, so the checks never wait for
        // a write and the connection is never idle while Node checks. A refusal found later still rolls
        // everything back.
        const morceaux: Ligne[][] = [];
        for (let i = 0; i < lot.length; i += CHUNK) morceaux.push(lot.slice(i, i + CHUNK));
        const precharger = PRECHARGEMENTS[type];
        const lancer = (k: number) => {
          const morceau = morceaux[k];
          if (!precharger || !morceau) return undefined;
          const p = precharger(ctx, morceau);
          // awaited in its turn; a failure must not surface as an unhandled rejection in the meantime
          p.catch(() => {});
          return p;
        };
        let ecrits = 0;
        let enVol: Promise<void> = Promise.resolve();
        let suivant = lancer(0);
        for (const [k, morceau] of morceaux.entries()) {
          try {
            const remettre = await suivant;
            suivant = lancer(k + 1);
            remettre?.(ctx);
            await ANALYSES[type](ctx, morceau);
          } catch (e) {
            // a failed write aborts the transaction: report that error, not the next query's "aborted"
            await enVol;
            await suivant?.catch(() => {});
            throw e;
          }
          faits += morceau.length;
          options.progression?.("lecture", faits, lignes.length);
          // let the connection send the next write while this one is being checked
          await new Promise((r) => setImmediate(r));
          if (options.simulation || (rapport.rejetes > 0 && !options.accepterRejets)) {
            ctx.ops = [];
            continue;
          }
          const ops = ctx.ops;
          ctx.ops = [];
          const precedent = enVol;
          enVol = (async () => {
            await precedent;
            for (const op of ops) await op(trx);
            ecrits += morceau.length;
            options.progression?.("ecriture", ecrits, lignes.length);
          })();
          // awaited below; a failure must not surface as an unhandled rejection in the meantime
          enVol.catch(() => {});
        }
        await enVol;
        await suivant?.catch(() => {});
        if (options.simulation || (rapport.rejetes > 0 && !options.accepterRejets)) throw annuler;
        await ctx.apres?.();
        await ecrireAudit(trx, acteur, {
          entite: `import_${type}`,
          entiteId: null,
          action: "IMPORT",
          apres: {
            lignes: lot.length,
            premiere_ligne: lot[0]?.ligne,
            derniere_ligne: lot[lot.length - 1]?.ligne,
            a_creer: rapport.a_creer,
            a_mettre_a_jour: rapport.a_mettre_a_jour,
          },
        });
      });
    } catch (e) {
      if (e !== annuler) throw e;
      rapport.duree_ms = Math.round(performance.now() - debut);
      if (!options.simulation) {
        throw new ApiError(
          422,
          "IMPORT_REFUSE",
          `${rapport.rejetes} ligne(s) refusée(s) : rien n'a été écrit${lots.length > 1 ? " pour ce lot" : ""}. Corrigez le fichier, ou importez les lignes valides avec --accept-rejects.`,
          undefined,
          { rapport },
        );
      }
      return rapport;
    }
    rapport.ecrit = true;
    await options.lotValide?.(lot[lot.length - 1]?.ligne ?? 0);
  }
  if (rapport.ecrit && rapport.a_creer + rapport.a_mettre_a_jour >= SEUIL_STATISTIQUES) {
    // The planner's statistics still describe the tables as they were: the embedded database never refreshes
    // them by itself, nor does a server without autovacuum, and until then every connection keeps plans made
    // for the old sizes. ANALYZE reads a fixed sample (about 0.4 s for 100,000 numbers with their history).
    await sql`ANALYZE ${sql.join(TABLES_ECRITES[type].map((t) => sql.table(t)))}`.execute(db);
  }
  rapport.duree_ms = Math.round(performance.now() - debut);
  return rapport;
}

/** Rows written past which an import refreshes the planner's statistics of the tables it wrote. */
const SEUIL_STATISTIQUES = 1000;
const TABLES_ECRITES: Record<TypeImport, string[]> = {
  numeros: ["tel_did", "tel_did_historique"],
  affectations: ["tel_did_virtual", "tel_did", "tel_did_historique"],
  clients: ["tel_client", "tel_groupement"],
  campagnes: ["tel_campaign"],
  configs: ["tel_did_config"],
};

interface Contexte {
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
}

type AffectationEnPlace = {
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

/**
 * What the checks of a chunk read from the database, read in one go before them: the chunk's numbers already in
 * the inventory and, for assignments, their current assignments. It is asked for before the previous chunk's
 * write is sent, so it may not show this import's last writes: the checks know those from the file itself (a
 * second row for the same number is a duplicate; a number's assignments and new client, once read, are tracked
 * in parDid and clientsAAffecter, which later reads never overwrite). The returned function hands the result to
 * the checks when their chunk's turn comes.
 */
type Remettre = (ctx: Contexte) => void;
const PRECHARGEMENTS: Partial<Record<TypeImport, (ctx: Contexte, lignes: Ligne[]) => Promise<Remettre>>> = {
  numeros: async (ctx, lignes) => {
    const normes = new Map(
      lignes.map((l) => [
        l,
        normaliser(valeur(ctx, l, "numero"), (valeur(ctx, l, "pays") || "FR").toUpperCase()),
      ]),
    );
    const connus = await existants(ctx.trx, ctx.refs, e164Valides(normes), "en_service");
    return (c) => {
      c.normes = normes;
      c.connus = connus;
    };
  },
  affectations: async (ctx, lignes) => {
    const normes = new Map(lignes.map((l) => [l, normaliser(valeur(ctx, l, "numero"))]));
    const connus = await existants(ctx.trx, ctx.refs, e164Valides(normes), "affectations");
    return (c) => {
      c.normes = normes;
      c.connus = connus;
      // a number already read keeps what the checks made of it: this read may predate its last write
      for (const { id, affectations } of connus.values()) {
        if (c.didsLus.has(id)) continue;
        c.didsLus.add(id);
        if (affectations?.length) c.parDid.set(id, affectations);
      }
    };
  },
};

const e164Valides = (normes: Map<Ligne, ReturnType<typeof normaliser>>) => [
  ...new Set([...normes.values()].flatMap((n) => (n.ok ? [n.numero.e164] : []))),
];

const valeur = (ctx: Contexte, l: Ligne, champ: string) => {
  const c = ctx.colonnes[champ];
  return c ? (l.valeurs[c] ?? "").trim() : "";
};

function rejeter(ctx: Contexte, l: Ligne, e: unknown) {
  if (!(e instanceof Refus)) throw e;
  ctx.rapport.rejetes++;
  ctx.rapport.rejets.push({ ligne: l.ligne, colonne: e.colonne, valeur: e.valeur, raison: e.message });
}

/** The same key twice in the file: an exact repeat is read once, a repeat with other values is refused. */
function doublon(ctx: Contexte, l: Ligne, cle: string): boolean {
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

function lire<T>(
  ctx: Contexte,
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
function referenceFixe(
  ctx: Contexte,
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
    `${libelle} inconnu(e)${creable ? " (--create-missing pour le créer)" : ""}.`,
  );
}

/**
 * The same, for the references --create-missing may create: an unknown one is created then. Synchronous when
 * the reference is known (every row but the first of a new one): no promise per cell on the checks' path.
 */
function reference(
  ctx: Contexte,
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
async function inserer(ctx: Contexte, faire: () => Promise<number>): Promise<number> {
  if (ctx.options.simulation) return idProvisoire--;
  return faire();
}

const creerClient = (ctx: Contexte) => (nom: string) =>
  inserer(ctx, async () => {
    const r = await ctx.trx
      .insertInto("tel_client")
      .values({ code: codeDe(nom), nom })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  });

// ---------------------------------------------------------------------------------------------------- numbers

const CHAMPS_SIMPLES = ["reference_externe", "description", "notes"] as const;

interface Existant {
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
async function existants(
  trx: Transaction<DB>,
  refs: References,
  e164: string[],
  avec?: "en_service" | "affectations",
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
        sql`, COALESCE((SELECT true FROM tel_did_virtual v WHERE v.did_id = d.id AND v.actif
          AND v.date_debut <= now() AND (v.date_fin IS NULL OR v.date_fin > now()) LIMIT 1), false) AS en_service`
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

async function analyserNumeros(ctx: Contexte, lignes: Ligne[]) {
  const { refs } = ctx;
  const normes = ctx.normes as Map<Ligne, ReturnType<typeof normaliser>>;
  const connus = ctx.connus as Map<string, Existant>;
  const creations: Array<Record<string, unknown> & { did_format_e164: string }> = [];
  for (const l of lignes) {
    try {
      const n = normes.get(l) as ReturnType<typeof normaliser>;
      const brut = valeur(ctx, l, "numero");
      if (!n.ok) throw new Refus(ctx.colonnes.numero ?? "numero", brut, n.raison);
      if (doublon(ctx, l, n.numero.e164)) continue;
      const indicatifId = refs.indicatifs.get(n.numero.pays);
      if (indicatifId === undefined)
        throw new Refus(
          ctx.colonnes.numero ?? "numero",
          brut,
          `Pays ${n.numero.pays} absent du référentiel des indicatifs.`,
        );
      const typeId = refs.types.trouver(n.numero.type) ?? null;
      const typeDonne = referenceFixe(ctx, l, "type", refs.types, "Type");
      if (typeDonne !== undefined && typeDonne !== typeId)
        throw new Refus(
          ctx.colonnes.type ?? "type",
          valeur(ctx, l, "type"),
          `Le numéro est de type ${n.numero.type}.`,
        );
      const regionId = n.numero.region
        ? (refs.regions.get(`${indicatifId}/${n.numero.region}`) ?? null)
        : null;
      const regionDonnee = valeur(ctx, l, "region");
      if (regionDonnee && Index.cle(regionDonnee) !== Index.cle(n.numero.region ?? ""))
        throw new Refus(
          ctx.colonnes.region ?? "region",
          regionDonnee,
          `Le numéro est en zone ${n.numero.region ?? "(aucune)"}.`,
        );
      let clientId = reference(ctx, l, "client", refs.clients, "Client", creerClient(ctx));
      if (clientId instanceof Promise) clientId = await clientId;
      const groupementTexte = valeur(ctx, l, "groupement");
      let groupementId: number | null | undefined;
      if (groupementTexte) {
        const proprietaire = clientId ?? connus.get(n.numero.e164)?.client_id;
        if (!proprietaire)
          throw new Refus(
            ctx.colonnes.groupement ?? "groupement",
            groupementTexte,
            "Un groupement demande un client.",
          );
        groupementId = refs.groupements.trouver(`${proprietaire}/${groupementTexte}`);
        if (groupementId === undefined) {
          if (!ctx.options.creerManquants)
            throw new Refus(
              ctx.colonnes.groupement ?? "groupement",
              groupementTexte,
              "Groupement inconnu pour ce client (--create-missing pour le créer).",
            );
          groupementId = await inserer(
            ctx,
            async () =>
              (
                await ctx.trx
                  .insertInto("tel_groupement")
                  .values({
                    client_id: proprietaire,
                    code: codeDe(groupementTexte),
                    libelle: groupementTexte,
                  })
                  .returning("id")
                  .executeTakeFirstOrThrow()
              ).id,
          );
          refs.groupements.ajouter(
            groupementId,
            `${proprietaire}/${codeDe(groupementTexte)}`,
            `${proprietaire}/${groupementTexte}`,
          );
          ctx.rapport.references_creees.push(`Groupement ${codeDe(groupementTexte)}`);
        }
      }
      let operateurId = reference(ctx, l, "operateur", refs.operateurs, "Opérateur", (nom) =>
        inserer(
          ctx,
          async () =>
            (
              await ctx.trx
                .insertInto("tel_operateur")
                .values({ code: codeDe(nom), nom, type: "VOIP" })
                .returning("id")
                .executeTakeFirstOrThrow()
            ).id,
        ),
      );
      if (operateurId instanceof Promise) operateurId = await operateurId;
      const equipementId = referenceFixe(ctx, l, "equipement", refs.equipements, "Équipement");
      const cloudId = referenceFixe(ctx, l, "cloud", refs.clouds, "Cloud");
      const statutId = referenceFixe(ctx, l, "statut", refs.statuts, "Statut");
      const valeurs: Record<string, unknown> = {
        operateur_id: operateurId,
        equipement_id: equipementId,
        cloud_id: cloudId,
        groupement_id: groupementId,
        date_acquisition: lire(ctx, l, "date_acquisition", lireDate),
        date_activation: lire(ctx, l, "date_activation", lireDate),
        cout_mensuel: lire(ctx, l, "cout_mensuel", lireMontant),
        cout_mise_en_service: lire(ctx, l, "cout_mise_en_service", lireMontant),
      };
      for (const c of CHAMPS_SIMPLES) {
        const s = valeur(ctx, l, c);
        if (s !== "") valeurs[c] = s === "-" ? null : s;
      }
      const statutCode = statutId ? (refs.statuts.codes.get(statutId) as Statut) : undefined;
      const existant = connus.get(n.numero.e164);
      if (existant) {
        if (clientId && existant.client_id && clientId !== existant.client_id)
          throw new Refus(
            ctx.colonnes.client ?? "client",
            valeur(ctx, l, "client"),
            `Numéro déjà détenu par le client ${refs.clients.codes.get(existant.client_id) ?? existant.client_id}.`,
          );
        const changements: Array<{ champ: string; avant: unknown; apres: unknown }> = [];
        for (const [k, v] of Object.entries(valeurs)) {
          if (v === undefined) continue;
          if (String(existant.valeurs[k] ?? null) !== String(v ?? null))
            changements.push({ champ: k, avant: existant.valeurs[k] ?? null, apres: v });
        }
        if (clientId && existant.client_id === null)
          changements.push({ champ: "client_id", avant: null, apres: clientId });
        if (statutCode && statutCode !== existant.statut) {
          if (!TRANSITIONS[existant.statut as Statut]?.includes(statutCode))
            throw new Refus(
              ctx.colonnes.statut ?? "statut",
              valeur(ctx, l, "statut"),
              `Passage ${existant.statut} → ${statutCode} interdit.`,
            );
          refusDuCycleDeVie(ctx, l, existant, statutCode, clientId ?? existant.client_id);
          changements.push({ champ: "statut", avant: existant.statut, apres: statutCode });
        }
        if (changements.length === 0) {
          ctx.rapport.inchanges++;
          continue;
        }
        ctx.rapport.a_mettre_a_jour++;
        ctx.ops.push((trx) =>
          mettreAJourNumero(trx, ctx.acteur, existant, changements, ctx.options.freezeJours ?? 90),
        );
        continue;
      }
      const statut = statutCode ?? (clientId ? "AFFECTE" : "DISPONIBLE");
      if (["AFFECTE", "UTILISE"].includes(statut) && !clientId)
        throw new Refus(ctx.colonnes.statut ?? "statut", statut, "Un numéro affecté ou utilisé a un client.");
      ctx.rapport.a_creer++;
      // the row as written (an absent value is NULL): completed in place, not copied, on this per-row path
      valeurs.indicatif_id = indicatifId;
      valeurs.did = n.numero.national;
      valeurs.did_format_e164 = n.numero.e164;
      valeurs.type_id = typeId;
      valeurs.region_id = regionId;
      valeurs.client_id = clientId ?? null;
      valeurs.statut_id = refs.statuts.trouver(statut) as number;
      creations.push(valeurs as Record<string, unknown> & { did_format_e164: string });
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
  if (creations.length) ctx.ops.push((trx) => creerNumeros(trx, ctx.acteur, creations, refs));
}

/**
 * The lifecycle's own refusals, found while checking so that they are reported on their line (with
 * --accept-rejects, the other rows still go in) instead of failing the write of the whole file.
 */
function refusDuCycleDeVie(
  ctx: Contexte,
  l: Ligne,
  existant: Existant,
  vers: Statut,
  clientApres: number | null,
) {
  const action = actionPour(existant.statut as Statut, vers);
  const refus = (raison: string) =>
    new Refus(ctx.colonnes.statut ?? "statut", valeur(ctx, l, "statut"), raison);
  if ((action === "affecter" || action === "reactiver") && clientApres !== existant.client_id) {
    const resiliation = existant.valeurs.date_resiliation as string | null;
    const gelJusqua = resiliation ? finDuGel(resiliation, ctx.options.freezeJours ?? 90) : null;
    if (gelJusqua && gelJusqua > jourDe(new Date()))
      throw refus(`Numéro résilié le ${resiliation} : pas à un autre client avant le ${gelJusqua} (gel).`);
  }
  if (action === "affecter" && !clientApres) throw refus("Indiquez le client à qui affecter le numéro.");
  if (action === "mettre-en-production" && !existant.enService)
    throw refus(
      "Aucune affectation en cours : un numéro utilisé a une campagne (importez les affectations).",
    );
}

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
  ["cout_mensuel", "numeric"],
  ["cout_mise_en_service", "numeric"],
] as const;

/**
 * Many numbers in one statement (one array per column, not thousands of parameters), and their creation in
 * their histories by the same statement.
 */
async function creerNumeros(
  trx: Transaction<DB>,
  acteur: Acteur,
  lignes: Array<Record<string, unknown>>,
  refs: References,
) {
  const tableaux = COLONNES_DID.map(([c, t]) => sql`${lignes.map((l) => l[c] ?? null)}::${sql.raw(t)}[]`);
  const codes = [...refs.statuts.codes.entries()];
  await sql`
    WITH crees AS (
      INSERT INTO tel_did (${sql.join(COLONNES_DID.map(([c]) => sql.ref(c)))}, created_by, modified_by)
      SELECT *, ${acteur.nom}, ${acteur.nom} FROM unnest(${sql.join(tableaux)})
      RETURNING id, statut_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id)
    SELECT c.id, 'CREATION', 'statut', NULL, s.code, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}
    FROM crees c JOIN unnest(${codes.map(([id]) => id)}::int[], ${codes.map(([, code]) => code)}::text[]) AS s(id, code)
      ON s.id = c.statut_id`.execute(trx);
}

async function mettreAJourNumero(
  trx: Transaction<DB>,
  acteur: Acteur,
  existant: Existant,
  changements: Array<{ champ: string; avant: unknown; apres: unknown }>,
  freezeJours: number,
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
        })),
      )
      .execute();
  }
  // a status moves through the lifecycle's own action: termination dates and freeze, assignments ended...
  if (statut) {
    const client = champs.find((c) => c.champ === "client_id")?.apres ?? existant.client_id;
    await changerStatut(
      trx,
      acteur,
      existant.id,
      statut.apres as Statut,
      { client_id: (client as number | null) ?? null, motif: "Import" },
      { freezeJours, maintenant: new Date() },
    );
  }
}

// ------------------------------------------------------------------------------------------------ assignments

async function analyserAffectations(ctx: Contexte, lignes: Ligne[]) {
  const { refs } = ctx;
  const normes = ctx.normes as Map<Ligne, ReturnType<typeof normaliser>>;
  const connus = ctx.connus as Map<string, Existant>;
  const { parDid, clientsAAffecter } = ctx;
  const nouveauxClients = new Map<number, number>();
  const { maintenant } = ctx;
  const creations: Array<Omit<AffectationEnPlace, "id">> = [];
  for (const [i, l] of lignes.entries()) {
    try {
      const n = normes.get(l) as ReturnType<typeof normaliser>;
      const brut = valeur(ctx, l, "numero");
      if (!n.ok) throw new Refus(ctx.colonnes.numero ?? "numero", brut, n.raison);
      const did = connus.get(n.numero.e164);
      if (!did)
        throw new Refus(
          ctx.colonnes.numero ?? "numero",
          brut,
          "Numéro absent de l'inventaire (importez d'abord les numéros).",
        );
      const campTexte = valeur(ctx, l, "campagne");
      // by code or Hermes id; a name is read as the code --create-missing would give it ("Relance été": RELANCE_ETE)
      let campagneId =
        refs.campagnes.trouver(campTexte) ??
        (campTexte ? refs.campagnes.trouver(codeDe(campTexte)) : undefined);
      if (campagneId === undefined) {
        // created, with --create-missing, for the client that holds the number (a campaign belongs to a client)
        const titulaire = did.client_id ?? clientsAAffecter.get(did.id);
        if (!ctx.options.creerManquants || !campTexte || !titulaire)
          throw new Refus(
            ctx.colonnes.campagne ?? "campagne",
            campTexte,
            !campTexte
              ? "Campagne obligatoire."
              : ctx.options.creerManquants
                ? "Campagne inconnue, et le numéro n'a pas de client à qui la créer."
                : "Campagne inconnue (code ou identifiant Hermes ; --create-missing la crée chez le client du numéro).",
          );
        campagneId = await creerCampagne(ctx, campTexte, titulaire);
      }
      const camp = refs.campagnesInfo.get(campagneId) as {
        client_id: number;
        prospection: boolean;
        code: string;
      };
      const configId = referenceFixe(ctx, l, "config", refs.configs, "Configuration");
      const priorite = lire(ctx, l, "priorite", (s) => lireEntier(s, 1, 1000));
      const debut = lire(ctx, l, "date_debut", lireInstant);
      const fin = lire(ctx, l, "date_fin", lireInstant);
      if (debut && fin && fin <= debut)
        throw new Refus(
          ctx.colonnes.date_fin ?? "date_fin",
          valeur(ctx, l, "date_fin"),
          "La fin doit suivre le début.",
        );
      const e = lire(ctx, l, "entrant", lireBooleen);
      const s = lire(ctx, l, "sortant", lireBooleen);
      const entrant = e ?? !s;
      const sortant = s ?? false;
      if (!entrant && !sortant)
        throw new Refus(
          ctx.colonnes.entrant ?? "entrant",
          valeur(ctx, l, "entrant"),
          "Ni entrant ni sortant.",
        );
      if (doublon(ctx, l, `${did.id}/${campagneId}/${debut?.toISOString() ?? ""}`)) continue;
      const proprietaire = did.client_id ?? clientsAAffecter.get(did.id);
      if (proprietaire !== undefined && proprietaire !== null && proprietaire !== camp.client_id)
        throw new Refus(
          ctx.colonnes.campagne ?? "campagne",
          campTexte,
          "La campagne appartient à un autre client que le numéro.",
        );
      if (proprietaire === undefined || proprietaire === null) {
        if (did.statut !== "DISPONIBLE")
          throw new Refus(
            ctx.colonnes.numero ?? "numero",
            brut,
            `Numéro sans client au statut ${did.statut} : il ne peut pas être affecté.`,
          );
        clientsAAffecter.set(did.id, camp.client_id);
        nouveauxClients.set(did.id, camp.client_id);
      } else if (!["AFFECTE", "UTILISE", "DISPONIBLE"].includes(did.statut)) {
        throw new Refus(
          ctx.colonnes.numero ?? "numero",
          brut,
          `Numéro au statut ${did.statut} : il ne peut pas être affecté.`,
        );
      }
      if (sortant && did.type === "MOBILE")
        throw new Refus(
          ctx.colonnes.sortant ?? "sortant",
          valeur(ctx, l, "sortant"),
          "Un numéro mobile ne peut pas être présenté en sortant.",
        );
      if (sortant && camp.prospection && did.type !== "NPV")
        throw new Refus(
          ctx.colonnes.sortant ?? "sortant",
          valeur(ctx, l, "sortant"),
          "Campagne de prospection : seuls les numéros NPV sont présentés.",
        );
      const liste = parDid.get(did.id) ?? [];
      // the same assignment: same number and campaign, same start when the file gives one, else the current one
      const meme = liste.find(
        (a) =>
          a.campaign_id === campagneId &&
          (debut ? a.date_debut.getTime() === debut.getTime() : !a.date_fin || a.date_fin > maintenant),
      );
      const voulu = {
        config_id: configId === undefined ? (meme?.config_id ?? null) : configId,
        alias: valeur(ctx, l, "alias") || (meme?.alias ?? null),
        priorite: priorite ?? meme?.priorite ?? 1,
        date_debut: debut ?? meme?.date_debut ?? maintenant,
        date_fin: fin ?? null,
        entrant,
        sortant,
      };
      const d0 = voulu.date_debut.getTime();
      const d1 = voulu.date_fin?.getTime() ?? Number.POSITIVE_INFINITY;
      if (entrant) {
        const conflit = liste.find(
          (a) =>
            a !== meme &&
            a.entrant &&
            a.date_debut.getTime() < d1 &&
            (a.date_fin ? a.date_fin.getTime() : Number.POSITIVE_INFINITY) > d0,
        );
        if (conflit)
          throw new Refus(
            ctx.colonnes.numero ?? "numero",
            brut,
            `Le numéro a déjà une affectation entrante sur cette période (campagne ${refs.campagnesInfo.get(conflit.campaign_id)?.code}).`,
          );
      }
      const pseudo = {
        id: meme?.id ?? -i - 1,
        did_id: did.id,
        campaign_id: campagneId,
        ...voulu,
      } as AffectationEnPlace;
      if (meme && meme.id < 0)
        throw new Refus(
          null,
          null,
          "Affectation déjà créée par une ligne précédente du fichier, avec d'autres valeurs.",
        );
      if (meme) {
        const avant = {
          config_id: meme.config_id,
          alias: meme.alias,
          priorite: meme.priorite,
          date_debut: meme.date_debut.getTime(),
          date_fin: meme.date_fin ? meme.date_fin.getTime() : null,
          entrant: meme.entrant,
          sortant: meme.sortant,
        };
        const apres = { ...voulu, date_debut: d0, date_fin: voulu.date_fin?.getTime() ?? null };
        if (JSON.stringify(avant) === JSON.stringify(apres)) {
          ctx.rapport.inchanges++;
          continue;
        }
        ctx.rapport.a_mettre_a_jour++;
        parDid.set(
          did.id,
          liste.map((a) => (a === meme ? pseudo : a)),
        );
        ctx.ops.push(async (trx) => {
          await trx
            .updateTable("tel_did_virtual")
            .set({ ...voulu, version: sql`version + 1`, date_modification: sql`now()` } as never)
            .where("id", "=", meme.id)
            .execute();
        });
      } else {
        ctx.rapport.a_creer++;
        parDid.set(did.id, [...liste, pseudo]);
        creations.push({ did_id: did.id, campaign_id: campagneId, ...voulu });
      }
      ctx.touches?.add(did.id);
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
  const nouveaux = [...nouveauxClients];
  if (nouveaux.length) ctx.ops.push((trx) => donnerClients(trx, ctx.acteur, refs, nouveaux));
  if (creations.length) ctx.ops.push((trx) => creerAffectations(trx, ctx.acteur, creations));
}

async function creerCampagne(ctx: Contexte, nom: string, clientId: number): Promise<number> {
  const code = codeDe(nom);
  const id = await inserer(
    ctx,
    async () =>
      (
        await ctx.trx
          .insertInto("tel_campaign")
          .values({ client_id: clientId, code, nom })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
  );
  ctx.refs.campagnes.ajouter(id, code, nom);
  ctx.refs.campagnesInfo.set(id, { client_id: clientId, prospection: false, code });
  ctx.rapport.references_creees.push(`Campagne ${code}`);
  return id;
}

// one statement per chunk for each kind of write: the connection then works while Node checks the next chunk

/** Numbers without a client, given the client of the campaign they are assigned to, with their history. */
async function donnerClients(
  trx: Transaction<DB>,
  acteur: Acteur,
  refs: References,
  nouveaux: Array<[number, number]>,
) {
  await sql`
    WITH maj AS (
      UPDATE tel_did d SET client_id = u.client_id, statut_id = ${refs.statuts.trouver("AFFECTE") as number},
        version = d.version + 1, modified_by = ${acteur.nom}, date_modification = now()
      FROM unnest(${nouveaux.map(([id]) => id)}::int[], ${nouveaux.map(([, c]) => c)}::int[]) AS u(id, client_id)
      WHERE d.id = u.id
      RETURNING d.id, d.client_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id)
    SELECT m.id, h.action, h.champ, h.avant, h.apres, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}
    FROM maj m, LATERAL (VALUES ('AFFECTATION_CLIENT', 'client_id', NULL, m.client_id::text),
      ('CHANGEMENT_STATUT', 'statut', 'DISPONIBLE', 'AFFECTE')) AS h(action, champ, avant, apres)`.execute(
    trx,
  );
}

/** Many assignments in one statement (one array per column), and each in its number's history. */
async function creerAffectations(
  trx: Transaction<DB>,
  acteur: Acteur,
  lignes: Array<Omit<AffectationEnPlace, "id">>,
) {
  const colonne = <T>(f: (a: Omit<AffectationEnPlace, "id">) => T) => lignes.map(f);
  await sql`
    WITH crees AS (
      INSERT INTO tel_did_virtual (did_id, campaign_id, config_id, alias, priorite, date_debut, date_fin, entrant, sortant)
      SELECT * FROM unnest(${colonne((a) => a.did_id)}::int[], ${colonne((a) => a.campaign_id)}::int[],
        ${colonne((a) => a.config_id)}::int[], ${colonne((a) => a.alias)}::text[], ${colonne((a) => a.priorite)}::int[],
        ${colonne((a) => a.date_debut.toISOString())}::timestamptz[],
        ${colonne((a) => a.date_fin?.toISOString() ?? null)}::timestamptz[],
        ${colonne((a) => a.entrant)}::bool[], ${colonne((a) => a.sortant)}::bool[])
      RETURNING did_id, campaign_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id)
    SELECT c.did_id, 'AFFECTATION_CAMPAGNE', 'campagne', NULL, camp.code, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}
    FROM crees c JOIN tel_campaign camp ON camp.id = c.campaign_id`.execute(trx);
}

/** After the assignments: a number with a current one is UTILISE, one without is AFFECTE — in two statements. */
async function synchroniserEnMasse(trx: Transaction<DB>, acteur: Acteur, didIds: number[]) {
  if (didIds.length === 0) return;
  for (const [depuis, vers, courante] of [
    ["AFFECTE", "UTILISE", true],
    ["UTILISE", "AFFECTE", false],
  ] as const) {
    await sql`
      WITH cibles AS (
        UPDATE tel_did d SET statut_id = (SELECT id FROM tel_statut_did WHERE code = ${vers}),
          version = d.version + 1, modified_by = ${acteur.nom}, date_modification = now()
        WHERE d.id = ANY(${didIds}::int[])
          AND d.statut_id = (SELECT id FROM tel_statut_did WHERE code = ${depuis})
          AND ${courante} = EXISTS (SELECT 1 FROM tel_did_virtual v WHERE v.did_id = d.id AND v.actif
            AND v.date_debut <= now() AND (v.date_fin IS NULL OR v.date_fin > now()))
        RETURNING d.id)
      INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id)
      SELECT id, 'CHANGEMENT_STATUT', 'statut', ${depuis}, ${vers}, ${acteur.nom}, 'Import', ${acteur.requestId ?? null} FROM cibles`.execute(
      trx,
    );
  }
}

// ---------------------------------------------------------------------------------------- clients, campaigns

/** Creates or updates the row of a table keyed by its code, in one statement; its id. */
async function ecrireParCode(
  trx: Transaction<DB>,
  table: "tel_client" | "tel_campaign" | "tel_did_config",
  code: string,
  valeurs: Record<string, unknown>,
): Promise<number> {
  const r = await trx
    .insertInto(table)
    .values({ code, ...valeurs } as never)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        ...valeurs,
        version: sql.raw(`${table}.version + 1`),
        date_modification: sql`now()`,
      } as never),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

async function analyserClients(ctx: Contexte, lignes: Ligne[]) {
  const existants = new Map(
    (await ctx.trx.selectFrom("tel_client").selectAll().execute()).map((c) => [c.code, c]),
  );
  const groupes = new Set(
    (await ctx.trx.selectFrom("tel_groupement").select(["client_id", "code"]).execute()).map(
      (g) => `${g.client_id}/${g.code}`,
    ),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      const nom = valeur(ctx, l, "nom");
      if (!nom) throw new Refus(ctx.colonnes.nom ?? "nom", "", "Nom obligatoire.");
      const grp = valeur(ctx, l, "groupement");
      if (doublon(ctx, l, `${code}/${grp}`)) continue;
      const voulu: Record<string, string | null> = { nom };
      for (const k of ["siret", "adresse", "contact_nom", "contact_email", "contact_tel"]) {
        const v = valeur(ctx, l, k);
        if (v !== "") voulu[k] = v === "-" ? null : v;
      }
      const ex = existants.get(code);
      const changes = ex
        ? Object.entries(voulu).filter(([k, v]) => (ex as Record<string, unknown>)[k] !== v)
        : [];
      const grpCode = grp ? codeDe(grp) : null;
      const grpNouveau = grpCode && (!ex || !groupes.has(`${ex.id}/${grpCode}`));
      if (grpCode && ex) groupes.add(`${ex.id}/${grpCode}`);
      if (ex && changes.length === 0 && !grpNouveau) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else {
        ctx.rapport.a_creer++;
        existants.set(code, { id: -1, code, ...voulu } as never);
      }
      const libelle = valeur(ctx, l, "groupement_libelle") || grp;
      ctx.ops.push(async (trx) => {
        const clientId = await ecrireParCode(trx, "tel_client", code, voulu);
        if (grpCode)
          await trx
            .insertInto("tel_groupement")
            .values({ client_id: clientId, code: grpCode, libelle })
            .onConflict((oc) => oc.columns(["client_id", "code"]).doNothing())
            .execute();
      });
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

async function analyserCampagnes(ctx: Contexte, lignes: Ligne[]) {
  const existantes = new Map(
    (await ctx.trx.selectFrom("tel_campaign").selectAll().execute()).map((c) => [c.code, c]),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      if (doublon(ctx, l, code)) continue;
      const clientId = await reference(ctx, l, "client", ctx.refs.clients, "Client", creerClient(ctx));
      if (!clientId) throw new Refus(ctx.colonnes.client ?? "client", "", "Client obligatoire.");
      const voulu: Record<string, unknown> = { nom: valeur(ctx, l, "nom"), client_id: clientId };
      const hermes = valeur(ctx, l, "hermes_id");
      if (hermes) voulu.hermes_id = hermes === "-" ? null : hermes;
      const desc = valeur(ctx, l, "description");
      if (desc) voulu.description = desc === "-" ? null : desc;
      const prospection = lire(ctx, l, "prospection", lireBooleen);
      if (prospection !== undefined) voulu.prospection = prospection;
      const ex = existantes.get(code);
      if (ex && ex.client_id !== clientId)
        throw new Refus(
          ctx.colonnes.client ?? "client",
          valeur(ctx, l, "client"),
          "Cette campagne existe déjà pour un autre client.",
        );
      if (ex && Object.entries(voulu).every(([k, v]) => (ex as Record<string, unknown>)[k] === v)) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else ctx.rapport.a_creer++;
      ctx.ops.push((trx) => ecrireParCode(trx, "tel_campaign", code, voulu));
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

// a configuration's known keys are checked as the API checks them: the same JSON Schema and the same rules
if (!FormatRegistry.Has("uri")) {
  FormatRegistry.Set("uri", (v) => {
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  });
}

async function analyserConfigs(ctx: Contexte, lignes: Ligne[]) {
  const existantes = new Map(
    (await ctx.trx.selectFrom("tel_did_config").selectAll().execute()).map((c) => [c.code, c]),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      if (doublon(ctx, l, code)) continue;
      const nom = valeur(ctx, l, "nom");
      if (!nom) throw new Refus(ctx.colonnes.nom ?? "nom", "", "Nom obligatoire.");
      const texte = valeur(ctx, l, "config");
      const colonne = ctx.colonnes.config ?? "config";
      let config: unknown;
      try {
        config = JSON.parse(texte);
      } catch {
        throw new Refus(colonne, texte, "JSON illisible.");
      }
      if (typeof config !== "object" || config === null || Array.isArray(config))
        throw new Refus(colonne, texte, "Un objet JSON est attendu ({...}).");
      const erreur = Value.Errors(SchemaConfig, config).First();
      if (erreur) throw new Refus(colonne, texte, `${erreur.path || "/"} : ${erreur.message}`);
      try {
        verifierConfig(config as Record<string, unknown>);
      } catch (e) {
        throw new Refus(colonne, texte, (e as Error).message);
      }
      const voulu: Record<string, unknown> = { nom, config };
      const desc = valeur(ctx, l, "description");
      if (desc) voulu.description = desc === "-" ? null : desc;
      const ex = existantes.get(code);
      const pareil = (k: string, v: unknown) =>
        k === "config"
          ? JSON.stringify(trier(ex?.config)) === JSON.stringify(trier(v))
          : (ex as Record<string, unknown> | undefined)?.[k] === v;
      if (ex && Object.entries(voulu).every(([k, v]) => pareil(k, v))) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else ctx.rapport.a_creer++;
      ctx.ops.push((trx) =>
        ecrireParCode(trx, "tel_did_config", code, { ...voulu, config: JSON.stringify(config) }),
      );
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

/** JSON with its keys in order, so that a configuration read back from JSONB compares equal to the file's. */
function trier(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(trier);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, trier((v as Record<string, unknown>)[k])]),
    );
  return v;
}

const ANALYSES: Record<TypeImport, (ctx: Contexte, lignes: Ligne[]) => Promise<void>> = {
  numeros: analyserNumeros,
  affectations: async (ctx, lignes) => {
    ctx.touches ??= new Set();
    const touches = ctx.touches;
    await analyserAffectations(ctx, lignes);
    // once every assignment is written, the numbers take the status their assignments give them
    ctx.apres = () => synchroniserEnMasse(ctx.trx, ctx.acteur, [...touches]);
  },
  clients: analyserClients,
  campagnes: analyserCampagnes,
  configs: analyserConfigs,
};
