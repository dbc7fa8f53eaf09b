import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { debutDuJour, jourMetier, jourPlus, moisMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { finDuGel } from "../dids/gel.js";
import {
  type AffectationPeriode,
  affectationsDuMois,
  type Evenement,
  evenements,
  nomsClientsGroupements,
  numerosCoutants,
  tarifsDuClient,
} from "./couts.repository.js";

// What the numbers cost in a month and who bears it, from each number's monthly cost and its history: a day belongs to
// whoever holds the number at the end of that day (Paris time). A day held by a client is the client's; a day in
// stock, or in the freeze after a termination, is the company's; a terminated number costs nothing past its freeze.

export function bornesDuMois(periode: string) {
  const m = moisMetier(periode);
  if (!m) throw new ApiError(422, "VALIDATION", `Période illisible : « ${periode} » (AAAA-MM attendu).`);
  return { ...m, debut: debutDuJour(m.premier), fin: debutDuJour(m.suivant) };
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
  config: Pick<Config, "freezeJours">,
  periode: string,
  clientId?: number,
) {
  const m = bornesDuMois(periode);
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

export const DIMENSIONS = ["client", "groupement", "operateur", "campagne", "type"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const centimes = (x: number) => Math.round(x * 100) / 100;

/** The month's cost by client, groupement, operator, campaign or type of number. */
export async function vueCouts(
  db: Kysely<DB>,
  config: Pick<Config, "freezeJours">,
  periode: string,
  par: Dimension,
) {
  const [{ parts, jours }, noms] = await Promise.all([
    partsDuMois(db, config, periode),
    nomsClientsGroupements(db),
  ]);
  const groupes = new Map<
    string,
    { cle: string; libelle: string; numeros: Set<number>; jours: number; montant: number }
  >();
  for (const p of parts) {
    const [cle, libelle] =
      par === "client"
        ? p.client_id === null
          ? [p.gel ? "SOCIETE_GEL" : "SOCIETE", p.gel ? "Société (gel)" : "Société (stock)"]
          : [String(p.client_id), noms.clients.get(p.client_id)?.nom ?? String(p.client_id)]
        : par === "groupement"
          ? p.groupement_id === null
            ? ["", "Sans groupement"]
            : [String(p.groupement_id), noms.groupements.get(p.groupement_id) ?? String(p.groupement_id)]
          : par === "operateur"
            ? [p.operateur ?? "", p.operateur ?? "Opérateur inconnu"]
            : par === "campagne"
              ? [p.campagne ?? "", p.campagne ?? "Sans campagne"]
              : [String(p.type_id ?? ""), p.type ?? "Type inconnu"];
    const g = groupes.get(cle) ?? { cle, libelle, numeros: new Set<number>(), jours: 0, montant: 0 };
    g.numeros.add(p.did_id);
    g.jours += p.jours;
    g.montant += p.montant;
    groupes.set(cle, g);
  }
  const lignes = [...groupes.values()]
    .map((g) => ({
      cle: g.cle,
      libelle: g.libelle,
      numeros: g.numeros.size,
      jours: g.jours,
      montant: centimes(g.montant),
    }))
    .sort((a, b) => b.montant - a.montant || a.libelle.localeCompare(b.libelle));
  return {
    periode,
    jours,
    par,
    total: centimes(parts.reduce((x, p) => x + p.montant, 0)),
    lignes,
  };
}

/** The monthly totals of the last `mois` months, the current one last (the dashboard's trend). */
export async function tendance(
  db: Kysely<DB>,
  config: Pick<Config, "freezeJours">,
  maintenant: Date,
  mois = 6,
) {
  const [a, m] = jourMetier(maintenant).split("-").map(Number) as [number, number];
  const periodes = Array.from({ length: mois }, (_, i) => {
    const k = a * 12 + (m - 1) - (mois - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
  const totaux = [];
  for (const periode of periodes) {
    const { parts } = await partsDuMois(db, config, periode);
    totaux.push({ periode, montant: centimes(parts.reduce((x, p) => x + p.montant, 0)) });
  }
  return { mois: totaux };
}

/**
 * A client's re-billing statement for a month: the numbers it held, their days and amounts, at the client's price
 * for the type of number when one is set, else at the number's monthly cost.
 */
export async function refacturation(
  db: Kysely<DB>,
  config: Pick<Config, "freezeJours">,
  periode: string,
  clientId: number,
) {
  const noms = await nomsClientsGroupements(db);
  const client = noms.clients.get(clientId);
  if (!client) throw introuvable("Client");
  const [{ parts, jours }, tarifs] = await Promise.all([
    partsDuMois(db, config, periode, clientId),
    tarifsDuClient(db, clientId),
  ]);
  const prix = new Map(tarifs.map((t) => [t.type_id, t.prix_mensuel]));
  const lignes = parts
    .filter((p) => p.client_id === clientId)
    .map((p) => {
      const prixMensuel = (p.type_id !== null ? prix.get(p.type_id) : undefined) ?? p.cout_mensuel;
      return {
        numero: p.numero,
        type: p.type,
        campagne: p.campagne,
        du: p.du,
        au: p.au,
        jours: p.jours,
        prix_mensuel: prixMensuel,
        tarif_client: p.type_id !== null && prix.has(p.type_id),
        montant: centimes((prixMensuel * p.jours) / jours),
      };
    });
  return {
    client: { id: client.id, code: client.code, nom: client.nom },
    periode,
    jours,
    total: centimes(lignes.reduce((x, l) => x + l.montant, 0)),
    lignes,
  };
}
