import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { associerColonnes, colonnesIgnorees, type TypeImport } from "./colonnes.js";
import { analyser, debutDeTransaction, reglerPlanificateur } from "./import.repository.js";
import { analyserAffectations, prechargerAffectations } from "./import-affectations.js";
import { synchroniserEnMasse } from "./import-affectations-ecriture.js";
import type { ContexteImport, Ligne, OptionsImport, Rapport, Remettre } from "./import-contexte.js";
import { analyserNumeros, prechargerNumeros } from "./import-numeros.js";
import { analyserCampagnes, analyserClients, analyserConfigs } from "./import-referentiels.js";
import type { Tableau } from "./lecture.js";
import { chargerReferences } from "./references.js";

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
  const ignorees = colonnesIgnorees(tableau.entetes, colonnes);
  if (options.strict && ignorees.length)
    throw new ApiError(
      422,
      "COLONNES_IGNOREES",
      `Colonne(s) que l'import ne sait pas lire : ${ignorees.join(", ")}. Retirez-les du fichier, associez-les à un champ, ou importez sans le mode strict.`,
      ignorees.map((c) => ({ champ: c, message: "Colonne non reconnue", code: "COLONNE_IGNOREE" })),
    );
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
    avertissements: [],
    references_creees: [],
    numeros_crees: [],
    hors_plan: [],
    colonnes,
    colonnes_ignorees: ignorees,
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
        await reglerPlanificateur(trx);
        // "now" for this import: the app clock when the server runs it (the one the scheduler and the tests
        // move), else the database's transaction start; undated assignments start then, and the statuses computed
        // at the end judge "current" at that same instant
        const maintenant = await debutDeTransaction(trx);
        const refs = await chargerReferences(trx);
        const ctx: ContexteImport = {
          trx,
          acteur,
          refs,
          rapport,
          colonnes,
          entetes: tableau.entetes,
          maintenant: options.maintenant ?? new Date(maintenant),
          options,
          vus,
          ops: [],
          parDid: new Map(),
          didsLus: new Set(),
          clientsAAffecter: new Map(),
          numerosCrees: new Map(),
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
            // accepted explicitly outside the known ranges: who did it and which numbers stay on record
            ...(rapport.hors_plan.length ? { hors_plan: rapport.hors_plan } : {}),
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
    // for the old sizes. ANALYZE reads a fixed sample: about 0.15 s after 100,000 numbers, 0.4 s after 100,000 assignments.
    await analyser(db, TABLES_ECRITES[type]);
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

/**
 * What the checks of a chunk read from the database, read in one go before them: the chunk's numbers already in
 * the inventory and, for assignments, their current assignments. It is asked for before the previous chunk's
 * write is sent, so it may not show this import's last writes: the checks know those from the file itself (a
 * second row for the same number is a duplicate; a number's assignments and new client, once read, are tracked
 * in parDid and clientsAAffecter, which later reads never overwrite). The returned function hands the result to
 * the checks when their chunk's turn comes.
 */
const PRECHARGEMENTS: Partial<
  Record<TypeImport, (ctx: ContexteImport, lignes: Ligne[]) => Promise<Remettre>>
> = {
  numeros: prechargerNumeros,
  affectations: prechargerAffectations,
};

const ANALYSES: Record<TypeImport, (ctx: ContexteImport, lignes: Ligne[]) => Promise<void>> = {
  numeros: analyserNumeros,
  affectations: async (ctx, lignes) => {
    ctx.touches ??= new Set();
    const touches = ctx.touches;
    await analyserAffectations(ctx, lignes);
    // once every assignment is written, the numbers take the status their assignments give them
    ctx.apres = () => synchroniserEnMasse(ctx.trx, ctx.acteur, [...touches], ctx.maintenant);
  },
  clients: analyserClients,
  campagnes: analyserCampagnes,
  configs: analyserConfigs,
};

export type { OptionsImport, Rapport, Rejet } from "./import-contexte.js";
