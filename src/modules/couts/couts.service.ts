import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { debutDuJour, fuseauMetier, jourMetier, moisMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { encoder } from "../transfert/export.service.js";
import { clientDesCouts, libellesCouts, tarifsDuClient } from "./couts.repository.js";
import type { MemoCouts } from "./memo-couts.js";
import { type LigneResume, type ParametresMois, partsDuClient, resumeDuMois } from "./parts.repository.js";

// What the numbers cost in a month and who bears it, from each number's monthly cost and its history: a day belongs to
// whoever holds the number at the end of that day (Paris time). A day held by a client is the client's; a day in
// stock, or in the freeze after a termination, is the company's; a terminated number costs nothing past its freeze.
// The arithmetic is SQL over sets (parts.repository.ts); a month's result is kept until its data changes (MemoCouts).

export function bornesDuMois(periode: string) {
  const m = moisMetier(periode);
  if (!m) throw new ApiError(422, "VALIDATION", `Période illisible : « ${periode} » (AAAA-MM attendu).`);
  return { ...m, debut: debutDuJour(m.premier), fin: debutDuJour(m.suivant) };
}

export interface ContexteCouts {
  db: Kysely<DB>;
  config: Pick<Config, "freezeJours">;
  memo: MemoCouts;
  maintenant: Date;
}

function parametres(ctx: ContexteCouts, periode: string, clientId?: number): ParametresMois {
  const m = bornesDuMois(periode);
  return {
    premier: m.premier,
    suivant: m.suivant,
    fuseau: fuseauMetier(),
    freezeJours: ctx.config.freezeJours,
    clientId,
  };
}

/** The month's five groupings and total, kept (see MemoCouts). */
function resume(ctx: ContexteCouts, periode: string) {
  const p = parametres(ctx, periode);
  const jours = bornesDuMois(periode).jours.length;
  return ctx.memo.lire(
    ctx.db,
    `mois:${periode}:${p.freezeJours}:${p.fuseau}`,
    periode,
    ctx.maintenant,
    () => resumeDuMois(ctx.db, p, jours, ctx.memo.lot, ctx.memo.repos),
    true,
  );
}

export const DIMENSIONS = ["client", "groupement", "operateur", "campagne", "type"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const centimes = (x: number) => Math.round(x * 100) / 100;

type Libelles = Awaited<ReturnType<typeof libellesCouts>>;

function cleEtLibelle(par: Dimension, l: Omit<LigneResume, "dimension">, noms: Libelles): [string, string] {
  const id = l.cle;
  switch (par) {
    case "client":
      if (id === null) return l.gel ? ["SOCIETE_GEL", "Société (gel)"] : ["SOCIETE", "Société (stock)"];
      return [String(id), noms.clients.get(id)?.nom ?? String(id)];
    case "groupement":
      return id === null ? ["", "Sans groupement"] : [String(id), noms.groupements.get(id) ?? String(id)];
    case "operateur": {
      const nom = id === null ? undefined : noms.operateurs.get(id);
      return [nom ?? "", nom ?? "Opérateur inconnu"];
    }
    case "campagne": {
      const code = id === null ? undefined : noms.campagnes.get(id);
      return [code ?? "", code ?? "Sans campagne"];
    }
    case "type":
      return [String(id ?? ""), (id === null ? undefined : noms.types.get(id)) ?? "Type inconnu"];
  }
}

/** The month's cost by client, groupement, operator, campaign or type of number. */
export async function vueCouts(ctx: ContexteCouts, periode: string, par: Dimension) {
  const [lu, noms] = await Promise.all([resume(ctx, periode), libellesCouts(ctx.db)]);
  const lignes = lu.valeur
    .filter((l) => l.dimension === par)
    .map((l) => {
      const [cle, libelle] = cleEtLibelle(par, l, noms);
      return { cle, libelle, numeros: l.numeros, jours: l.jours, montant: centimes(l.montant) };
    })
    .sort((a, b) => b.montant - a.montant || a.libelle.localeCompare(b.libelle));
  const total = lu.valeur.find((l) => l.dimension === "total");
  return {
    periode,
    jours: bornesDuMois(periode).jours.length,
    par,
    total: centimes(total?.montant ?? 0),
    lignes,
    calcule_le: lu.calcule_le.toISOString(),
    a_jour: lu.a_jour,
  };
}

/** The monthly totals of the last `mois` months, the current one last (the dashboard's trend). */
export async function tendance(ctx: ContexteCouts, mois = 6) {
  const [a, m] = jourMetier(ctx.maintenant).split("-").map(Number) as [number, number];
  const periodes = Array.from({ length: mois }, (_, i) => {
    const k = a * 12 + (m - 1) - (mois - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
  // one month after the other: a month not kept is a whole pass over the inventory for the database
  const lus: Array<Awaited<ReturnType<typeof resume>>> = [];
  for (const periode of periodes) lus.push(await resume(ctx, periode));
  return {
    mois: periodes.map((periode, i) => ({
      periode,
      montant: centimes(lus[i]?.valeur.find((l) => l.dimension === "total")?.montant ?? 0),
    })),
    a_jour: lus.every((l) => l.a_jour),
  };
}

/**
 * A client's re-billing statement for a month: the numbers it held, their days and amounts, at the client's price
 * for the type of number when one is set, else at the number's monthly cost.
 */
/** A client's statement in brief, for its dashboard: the month's total and how many numbers it bills. */
export async function resumeRefacturation(ctx: ContexteCouts, periode: string, clientId: number) {
  const r = await refacturation(ctx, periode, clientId);
  return { periode, total: r.total, numeros: r.lignes.length, calcule_le: r.calcule_le, a_jour: r.a_jour };
}

export async function refacturation(ctx: ContexteCouts, periode: string, clientId: number) {
  const client = await clientDesCouts(ctx.db, clientId);
  if (!client) throw introuvable("Client");
  const p = parametres(ctx, periode, clientId);
  const jours = bornesDuMois(periode).jours.length;
  const [lu, tarifs, noms] = await Promise.all([
    ctx.memo.lire(
      ctx.db,
      `refacturation:${periode}:${clientId}:${p.freezeJours}:${p.fuseau}`,
      periode,
      ctx.maintenant,
      () => partsDuClient(ctx.db, { ...p, clientId }),
    ),
    tarifsDuClient(ctx.db, clientId),
    libellesCouts(ctx.db),
  ]);
  const prix = new Map(tarifs.map((t) => [t.type_id, t.prix_mensuel]));
  const lignes = lu.valeur.map((l) => {
    const prixMensuel = (l.type_id !== null ? prix.get(l.type_id) : undefined) ?? l.cout;
    return {
      numero: l.numero,
      type: l.type_id === null ? null : (noms.types.get(l.type_id) ?? null),
      campagne: l.campaign_id === null ? null : (noms.campagnes.get(l.campaign_id) ?? null),
      du: l.du,
      au: l.au,
      jours: l.jours,
      prix_mensuel: prixMensuel,
      tarif_client: l.type_id !== null && prix.has(l.type_id),
      montant: centimes((prixMensuel * l.jours) / jours),
    };
  });
  return {
    client: { id: client.id, code: client.code, nom: client.nom },
    periode,
    jours,
    total: centimes(lignes.reduce((x, l) => x + l.montant, 0)),
    lignes,
    calcule_le: lu.calcule_le.toISOString(),
    a_jour: lu.a_jour,
  };
}

/** The statement as a file (CSV or workbook) and its name: what the client is billed, line by line. */
export async function fichierRefacturation(
  ctx: ContexteCouts,
  periode: string,
  clientId: number,
  format: "csv" | "xlsx",
) {
  const r = await refacturation(ctx, periode, clientId);
  const contenu = await encoder(
    r.lignes.map((l) => ({ ...l, tarif_client: l.tarif_client ? "oui" : "non", campagne: l.campagne ?? "" })),
    format,
    "Refacturation",
    ["numero", "type", "campagne", "du", "au", "jours", "prix_mensuel", "tarif_client", "montant"],
  );
  return { contenu, nom: `refacturation-${r.client.code}-${r.periode}.${format}` };
}
