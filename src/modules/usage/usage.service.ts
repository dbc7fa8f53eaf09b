import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { debutDuJour, jourMetier, jourPlus } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import type { MemoCouts } from "../couts/memo-couts.js";
import { actionEnMasse } from "../dids/cycle-de-vie.js";
import { type LimitesLecture, lireTableau } from "../transfert/lecture.js";
import { lireAppels } from "./appels.js";
import {
  type Agregat,
  type CleDormant,
  type CritereDormants,
  couvert,
  type Dormant,
  dormants,
  groupesDormants,
  idsParE164,
  insererImport,
  remplacerPeriode,
  usageDuNumero,
} from "./usage.repository.js";

const jourAvant = (jour: string, n: number) => jourPlus(jour, -n);

/**
 * Imports call records (an ODCalls export or a plain file) as aggregates per number and day, all or nothing. The
 * days the file covers (its first to its last call) are replaced: a period imported again is never counted twice.
 * Calls to numbers not in the inventory, and unreadable lines, are counted and named in the report.
 */
export async function importerAppels(
  ctx: Contexte,
  e: { nom: string; contenu: Buffer; limites: LimitesLecture; colonnes?: Record<string, string> | undefined },
) {
  const debut = performance.now();
  const tableau = await lireTableau(e.contenu, e.limites);
  const { format, colonnes, appels, rejets } = lireAppels(tableau, e.colonnes);
  if (appels.length === 0)
    throw new ApiError(
      422,
      "IMPORT_REFUSE",
      "Aucun appel lisible dans ce fichier : rien n'a été écrit.",
      undefined,
      {
        rejets: rejets.slice(0, 100),
      },
    );
  return enTransaction(ctx.db, async (trx) => {
    const ids = await idsParE164(trx, [...new Set(appels.map((a) => a.e164))]);
    const agregats = new Map<string, Agregat>();
    const inconnus = new Map<string, number>();
    let du = appels[0]?.jour as string;
    let au = du;
    for (const a of appels) {
      if (a.jour < du) du = a.jour;
      if (a.jour > au) au = a.jour;
      const did = ids.get(a.e164);
      if (did === undefined) {
        inconnus.set(a.e164, (inconnus.get(a.e164) ?? 0) + 1);
        continue;
      }
      const cle = `${did}|${a.jour}`;
      let g = agregats.get(cle);
      if (!g) {
        g = {
          did_id: did,
          jour: a.jour,
          entrants: 0,
          sortants: 0,
          repondus: 0,
          abandonnes: 0,
          duree_s: 0,
          dernier_appel: a.instant,
        };
        agregats.set(cle, g);
      }
      if (a.entrant) g.entrants++;
      else g.sortants++;
      if (a.repondu) g.repondus++;
      if (a.abandonne) g.abandonnes++;
      g.duree_s += a.duree;
      if (a.instant > g.dernier_appel) g.dernier_appel = a.instant;
    }
    await remplacerPeriode(trx, du, au, [...agregats.values()]);
    const nonAttribues = [...inconnus.values()].reduce((x, y) => x + y, 0);
    const imp = await insererImport(trx, {
      fichier_nom: e.nom,
      fichier_sha256: createHash("sha256").update(e.contenu).digest("hex"),
      format,
      du,
      au,
      lignes: tableau.lignes.length,
      appels: appels.length - nonAttribues,
      non_attribues: nonAttribues,
      rejetes: rejets.length,
      auteur: ctx.acteur.nom,
    });
    return {
      id: imp.id,
      format,
      colonnes,
      du,
      au,
      lignes: tableau.lignes.length,
      appels: appels.length - nonAttribues,
      numeros: new Set([...agregats.values()].map((g) => g.did_id)).size,
      non_attribues: [...inconnus.entries()].map(([numero, n]) => ({ numero, appels: n })).slice(0, 100),
      rejets: rejets.slice(0, 100),
      rejetes: rejets.length,
      duree_ms: Math.round(performance.now() - debut),
    };
  });
}

/** A number's calls over the last `jours` days (one entry per day, zeros included), and its last call. */
export async function usageNumero(db: Kysely<DB>, didId: number, maintenant: Date, jours = 90) {
  const aujourdhui = jourMetier(maintenant);
  const depuis = jourAvant(aujourdhui, jours - 1);
  const u = await usageDuNumero(db, didId, depuis);
  const parJour = new Map(u.jours.map((j) => [j.jour, j]));
  const serie = Array.from({ length: jours }, (_, i) => {
    const jour = jourAvant(aujourdhui, jours - 1 - i);
    const j = parJour.get(jour);
    return {
      jour,
      entrants: j?.entrants ?? 0,
      sortants: j?.sortants ?? 0,
      repondus: j?.repondus ?? 0,
      abandonnes: j?.abandonnes ?? 0,
      duree_s: Number(j?.duree_s ?? 0),
    };
  });
  return { dernier_appel: u.dernier_appel, jours: serie };
}

/** How dormant numbers are judged for `jours` days: on calls where the imported records cover the period, else status. */
async function critereDormants(db: Kysely<DB>, maintenant: Date, jours: number): Promise<CritereDormants> {
  const aujourdhui = jourMetier(maintenant);
  const depuis = jourAvant(aujourdhui, jours);
  const methode = (await couvert(db, depuis, jourAvant(aujourdhui, 1))) ? "appels" : "statut";
  return { methode, depuis, depuisInstant: debutDuJour(depuis) };
}

const avecCampagnes = (n: Dormant) => ({ ...n, campagnes: n.campagnes ?? [] });

/**
 * Numbers that cost money and nobody used for `jours` days: judged on calls where the imported call records cover the
 * whole period, else on status (not in use for that long). Grouped by client and operator with the monthly saving
 * if they were terminated (counted in SQL), and one page of the numbers themselves.
 */
export async function chercherDormants(
  db: Kysely<DB>,
  memo: MemoCouts,
  maintenant: Date,
  jours: number,
  page = 1,
  parPage = 100,
) {
  const c = await critereDormants(db, maintenant, jours);
  const [lu, numeros] = await Promise.all([
    // counted over the whole inventory: kept, like a month's costs, until a change (or an import of calls) may
    // alter them ('zzzz': every signal counts)
    memo.lire(db, `dormants:${jours}:${c.depuis}:${c.methode}`, "zzzz", maintenant, () =>
      groupesDormants(db, c),
    ),
    dormants(db, c, maintenant, { limite: parPage, decalage: (page - 1) * parPage }),
  ]);
  const groupes = lu.valeur;
  const centimes = (x: number) => Math.round(x * 100) / 100;
  return {
    methode: c.methode,
    jours,
    depuis: c.depuis,
    total: groupes.reduce((x, g) => x + g.n, 0),
    economie_mensuelle: centimes(groupes.reduce((x, g) => x + g.economie, 0)),
    groupes: groupes.map((g) => ({ ...g, economie: centimes(g.economie) })),
    numeros: numeros.map(avecCampagnes),
    page,
    par_page: parPage,
  };
}

/** Every dormant number, page after page in their order (the CSV and XLSX files). */
export async function* tousLesDormants(db: Kysely<DB>, maintenant: Date, jours: number) {
  const c = await critereDormants(db, maintenant, jours);
  let apres: CleDormant | undefined;
  for (;;) {
    const page = await dormants(db, c, maintenant, { limite: 1000, ...(apres ? { apres } : {}) });
    if (page.length > 0) yield page.map(avecCampagnes);
    if (page.length < 1000) return;
    const d = page.at(-1) as Dormant;
    apres = d.numero;
  }
}

/**
 * Terminates dormant numbers through the lifecycle, all or nothing. Without `confirmer`, answers 409 naming the
 * clients that hold some of them and the campaigns still routing them: the person confirms knowing what stops.
 */
export async function resilierDormants(
  ctx: Contexte,
  p: { ids: number[]; jours: number; confirmer?: boolean | undefined; motif?: string | undefined },
) {
  const c = await critereDormants(ctx.db, ctx.maintenant, p.jours);
  const dormantsConnus = new Map(
    (await dormants(ctx.db, c, ctx.maintenant, { ids: p.ids })).map((n) => [n.id, avecCampagnes(n)]),
  );
  const etrangers = p.ids.filter((id) => !dormantsConnus.has(id));
  if (etrangers.length)
    throw new ApiError(
      409,
      "CONFLIT_CONCURRENT",
      "Des numéros ne sont plus dormants (ou ne l'ont jamais été) : relisez la liste.",
      undefined,
      {
        ids: etrangers,
      },
    );
  const choisis = p.ids.map((id) => dormantsConnus.get(id) as ReturnType<typeof avecCampagnes>);
  const clients = [...new Set(choisis.flatMap((n) => (n.client ? [n.client] : [])))].sort();
  const campagnes = [...new Set(choisis.flatMap((n) => n.campagnes))].sort();
  if (!p.confirmer)
    throw new ApiError(
      409,
      "CONFIRMATION_REQUISE",
      `Résilier ${choisis.length} numéro(s)${clients.length ? `, tenus par ${clients.join(", ")}` : ""}${campagnes.length ? ` ; encore routés par ${campagnes.join(", ")}` : ""} : confirmez.`,
      undefined,
      { clients, campagnes, economie_mensuelle: choisis.reduce((x, n) => x + n.cout_mensuel, 0) },
    );
  return actionEnMasse(ctx, "resilier", p.ids, {
    motif: p.motif?.trim() || `Numéro dormant depuis ${p.jours} jours`,
  });
}
