// The costs as the first build computed them, day by day in JavaScript (couts.service.ts before #26), kept as the
// oracle the SQL must agree with: it is slow (a loop over every day of every number) but plain to read.
import { type Kysely, sql } from "kysely";
import type { DB } from "../../src/db/schema.js";
import { debutDuJour, jourMetier, jourPlus, moisMetier } from "../../src/heure-metier.js";
import { finDuGel } from "../../src/modules/dids/gel.js";

type Executor = Kysely<DB>;
export interface NumeroCoutant {
  id: number;
  numero: string;
  cout: number;
  client_id: number | null;
  groupement_id: number | null;
  statut: string;
  type_id: number | null;
  type: string | null;
  operateur: string | null;
  date_acquisition: string | null;
  date_resiliation: string | null;
}

/** Numbers with a monthly cost that may weigh on the month (not terminated before the longest freeze). */
export async function numerosCoutants(db: Executor, premier: string, clientId?: number) {
  const r = await sql<NumeroCoutant>`
    SELECT d.id, d.did_format_e164 AS numero, d.cout_mensuel::float8 AS cout, d.client_id, d.groupement_id,
      s.code AS statut, d.type_id, t.libelle AS type, o.id::text AS operateur, d.date_acquisition::text AS date_acquisition,
      d.date_resiliation::text AS date_resiliation
    FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id LEFT JOIN tel_type_did t ON t.id = d.type_id
    LEFT JOIN tel_tranche tr ON tr.id = d.tranche_id
    LEFT JOIN tel_operateur o ON o.id = coalesce(tr.operateur_id, d.operateur_id)
    WHERE d.cout_mensuel > 0 AND (s.code <> 'RESILIE' OR d.date_resiliation IS NULL
      OR d.date_resiliation >= ${premier}::date - 121)
      ${
        clientId === undefined
          ? sql``
          : sql`AND (d.client_id = ${clientId} OR EXISTS (SELECT 1 FROM tel_did_historique h
        WHERE h.did_id = d.id AND h.champ = 'client_id' AND (h.ancienne_valeur = ${String(clientId)}
          OR h.nouvelle_valeur = ${String(clientId)})))`
      }
    ORDER BY d.did_format_e164`.execute(db);
  return r.rows;
}

export interface Evenement {
  did_id: number;
  champ: "client_id" | "statut";
  avant: string | null;
  apres: string | null;
  quand: Date;
}

/** The changes of holder and status of these numbers, oldest first. */
export async function evenements(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const r = await sql<Evenement>`
    SELECT did_id, champ, ancienne_valeur AS avant, nouvelle_valeur AS apres, date_action AS quand
    FROM tel_did_historique WHERE did_id = ANY(${ids}::int[]) AND champ IN ('client_id', 'statut')
    ORDER BY did_id, date_action, id`.execute(db);
  return r.rows.map((e) => ({ ...e, quand: new Date(e.quand) }));
}

export interface AffectationPeriode {
  did_id: number;
  code: string;
  debut: Date;
  fin: Date | null;
  entrant: boolean;
  priorite: number;
}

/** Their campaign assignments that meet the month. */
export async function affectationsDuMois(db: Executor, ids: number[], debut: Date, fin: Date) {
  if (ids.length === 0) return [];
  const r = await sql<AffectationPeriode>`
    SELECT v.did_id, k.code, v.date_debut AS debut, v.date_fin AS fin, v.entrant, v.priorite
    FROM tel_did_virtual v JOIN tel_campaign k ON k.id = v.campaign_id
    WHERE v.did_id = ANY(${ids}::int[]) AND v.actif AND v.date_debut < ${fin}
      AND (v.date_fin IS NULL OR v.date_fin > ${debut})
    ORDER BY v.did_id, v.entrant DESC, v.priorite, v.id`.execute(db);
  return r.rows.map((a) => ({ ...a, debut: new Date(a.debut), fin: a.fin ? new Date(a.fin) : null }));
}

/** One stretch of days of a number in the month with the same payer and campaign. */
export interface Part {
  did_id: number;
  numero: string;
  type_id: number | null;
  type: string | null;
  operateur: string | null;
  /** The client who bears it; null: the company (stock or freeze). */
  client_id: number | null;
  groupement_id: number | null;
  campagne: string | null;
  gel: boolean;
  du: string;
  au: string;
  jours: number;
  cout_mensuel: number;
  montant: number;
}

interface Etat {
  client: number | null;
  statut: string | null;
  /** Since when the number is in this status (a termination's day gives its freeze). */
  depuis: Date | null;
}

/** A number's states through time, rebuilt from its current one and its history read backwards. */
function chronologie(actuel: { client_id: number | null; statut: string }, evts: Evenement[]) {
  const etats: Array<Omit<Etat, "depuis">> = [];
  let courant: Omit<Etat, "depuis"> = { client: actuel.client_id, statut: actuel.statut };
  etats[evts.length] = courant;
  for (let i = evts.length - 1; i >= 0; i--) {
    const e = evts[i] as Evenement;
    courant =
      e.champ === "client_id"
        ? { ...courant, client: e.avant === null ? null : Number(e.avant) }
        : { ...courant, statut: e.avant };
    etats[i] = courant;
  }
  // forwards: since when each state's status holds (a termination's day starts its freeze)
  let depuis: Date | null = null;
  return etats.map((etat, i) => {
    const e = evts[i - 1];
    if (e?.champ === "statut") depuis = e.quand;
    return { des: e ? e.quand.getTime() : Number.NEGATIVE_INFINITY, etat: { ...etat, depuis } as Etat };
  });
}

function etatA(etats: ReturnType<typeof chronologie>, t: number): Etat {
  let e = (etats[0] as { etat: Etat }).etat;
  for (const x of etats) {
    if (x.des <= t) e = x.etat;
    else break;
  }
  return e;
}

function campagneA(affs: AffectationPeriode[], t: number): string | null {
  const a = affs.find((x) => x.debut.getTime() <= t && (x.fin === null || x.fin.getTime() > t));
  return a?.code ?? null;
}

/** Every number's parts of the month: days, payer, campaign, amount (monthly cost × days / days of the month). */
export async function partsDuMois(
  db: Kysely<DB>,
  config: { freezeJours: number },
  periode: string,
  clientId?: number,
) {
  const mm = moisMetier(periode);
  if (!mm) throw new Error(periode);
  const m = { ...mm, debut: debutDuJour(mm.premier), fin: debutDuJour(mm.suivant) };
  const numeros = await numerosCoutants(db, m.premier, clientId);
  const parts: Part[] = [];
  for (let i = 0; i < numeros.length; i += 5000) {
    const lot = numeros.slice(i, i + 5000);
    const ids = lot.map((n) => n.id);
    const [evts, affs] = await Promise.all([
      evenements(db, ids),
      affectationsDuMois(db, ids, m.debut, m.fin),
    ]);
    const evtsPar = new Map<number, Evenement[]>();
    for (const e of evts) {
      const liste = evtsPar.get(e.did_id);
      if (liste) liste.push(e);
      else evtsPar.set(e.did_id, [e]);
    }
    const affsPar = new Map<number, AffectationPeriode[]>();
    for (const a of affs) {
      const liste = affsPar.get(a.did_id);
      if (liste) liste.push(a);
      else affsPar.set(a.did_id, [a]);
    }
    for (const n of lot) {
      const etats = chronologie(n, evtsPar.get(n.id) ?? []);
      let courante: Part | undefined;
      for (const jour of m.jours) {
        // the state at the end of the day: the last millisecond before the next day's midnight, Paris time
        const t = debutDuJour(jourPlus(jour, 1)).getTime() - 1;
        const e = etatA(etats, t);
        if (n.date_acquisition && jour < n.date_acquisition) continue;
        let client: number | null = null;
        let gel = false;
        if (e.statut === "AFFECTE" || e.statut === "UTILISE") client = e.client;
        else if (e.statut === "RESILIE") {
          const resilie = e.depuis ? jourMetier(e.depuis) : n.date_resiliation;
          if (!resilie || jour >= finDuGel(resilie, config.freezeJours)) continue;
          gel = true;
        } else if (e.statut !== "DISPONIBLE") continue;
        const campagne = client === null ? null : campagneA(affsPar.get(n.id) ?? [], t);
        if (
          courante &&
          courante.client_id === client &&
          courante.campagne === campagne &&
          courante.gel === gel &&
          courante.au === jourPlus(jour, -1)
        ) {
          courante.au = jour;
          courante.jours++;
          continue;
        }
        courante = {
          did_id: n.id,
          numero: n.numero,
          type_id: n.type_id,
          type: n.type,
          operateur: n.operateur,
          client_id: client,
          groupement_id: client !== null && client === n.client_id ? n.groupement_id : null,
          campagne,
          gel,
          du: jour,
          au: jour,
          jours: 1,
          cout_mensuel: n.cout,
          montant: 0,
        };
        parts.push(courante);
      }
    }
  }
  for (const p of parts) p.montant = (p.cout_mensuel * p.jours) / m.jours.length;
  return { periode, jours: m.jours.length, parts };
}
