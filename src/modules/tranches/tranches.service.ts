import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { actionEnMasse } from "../dids/cycle-de-vie.js";
import { creerDid } from "../dids/dids.service.js";
import {
  attacherNumeros,
  clientsDeLaTranche,
  coutMensuel,
  insererTranche,
  lireTranche,
  modifierTranche,
  numerosDansLaPlage,
  numerosDeLaTranche,
  prochainsLibres,
  trancheChevauchee,
  trancheVerrouillee,
  usageParStatut,
} from "./tranches.repository.js";

/** Carriers deliver SDA by 10, 100 or 1,000 numbers; larger blocks exist, this bounds one request's work. */
export const TAILLE_MAX_TRANCHE = 10_000;

export interface EntreeTranche {
  operateur_id: number;
  reference_operateur?: string | null | undefined;
  premier: string;
  dernier: string;
  date_reception?: string | undefined;
  commande_id?: number | null | undefined;
  notes?: string | null | undefined;
  /** Create the block's numbers missing from the inventory, in stock (Disponible). */
  creer_numeros?: boolean | undefined;
  accepter_plages_inconnues?: boolean | undefined;
}

const invalide = (champ: string, message: string) =>
  new ApiError(422, "TRANCHE_INVALIDE", message, [{ champ, message, code: "TRANCHE_INVALIDE" }]);

/** The first and last numbers of a block, read like any number, in E.164; same country, same length, in order. */
export function bornesTranche(premier: string, dernier: string, plagesInconnues = false) {
  const a = normaliser(premier, "FR", { plagesInconnues });
  if (!a.ok) throw invalide("premier", `Premier numéro : ${a.raison}`);
  const b = normaliser(dernier, "FR", { plagesInconnues });
  if (!b.ok) throw invalide("dernier", `Dernier numéro : ${b.raison}`);
  if (a.numero.e164.length !== b.numero.e164.length || a.numero.indicatif !== b.numero.indicatif)
    throw invalide("dernier", "Les deux bornes d'une tranche sont du même pays et de même longueur.");
  const debut = Number(a.numero.e164.slice(1));
  const fin = Number(b.numero.e164.slice(1));
  if (fin < debut) throw invalide("dernier", "Le dernier numéro précède le premier.");
  if (fin - debut + 1 > TAILLE_MAX_TRANCHE)
    throw invalide("dernier", `Une tranche compte au plus ${TAILLE_MAX_TRANCHE} numéros.`);
  return { premier: a.numero.e164, dernier: b.numero.e164, taille: fin - debut + 1 };
}

/** E.164 of the n-th number after `premier` (same length). */
const numeroA = (premier: string, decalage: number) =>
  `+${String(Number(premier.slice(1)) + decalage).padStart(premier.length - 1, "0")}`;

/**
 * Records a block in the caller's transaction: refused when it meets a block in service; the inventory's numbers in
 * its range are attached to it (a number without an operator takes the block's), and with creer_numeros the missing
 * ones are created in stock. Returns the block's id and what it found.
 */
export async function enregistrerTranche(
  trx: Kysely<DB>,
  acteur: Acteur,
  maintenant: Date,
  e: EntreeTranche,
) {
  const { premier, dernier, taille } = bornesTranche(e.premier, e.dernier, !!e.accepter_plages_inconnues);
  const autre = await trancheChevauchee(trx, premier, dernier);
  if (autre)
    throw new ApiError(
      409,
      "TRANCHE_CHEVAUCHEMENT",
      `Cette tranche chevauche la tranche ${autre.premier} – ${autre.dernier} (${autre.operateur}${autre.reference_operateur ? `, ${autre.reference_operateur}` : ""}).`,
      [{ champ: "premier", message: "Chevauche une tranche en service.", code: "TRANCHE_CHEVAUCHEMENT" }],
      { tranche_id: autre.id },
    );
  const { id } = await insererTranche(trx, {
    operateur_id: e.operateur_id,
    reference_operateur: e.reference_operateur ?? null,
    premier,
    dernier,
    date_reception: e.date_reception ?? jourMetier(maintenant),
    commande_id: e.commande_id ?? null,
    notes: e.notes ?? null,
    created_by: acteur.nom,
    modified_by: acteur.nom,
  });
  const presents = await numerosDansLaPlage(trx, premier, dernier);
  const attaches = await attacherNumeros(
    trx,
    id,
    presents.filter((p) => p.tranche_id !== id).map((p) => p.id),
    e.operateur_id,
  );
  const autreOperateur = presents
    .filter((p) => p.operateur_id !== null && p.operateur_id !== e.operateur_id)
    .map((p) => p.did_format_e164);
  const crees: string[] = [];
  if (e.creer_numeros) {
    const connus = new Set(presents.map((p) => p.did_format_e164));
    for (let i = 0; i < taille; i++) {
      const numero = numeroA(premier, i);
      if (connus.has(numero)) continue;
      // the insert trigger attaches it to this block
      await creerDid(
        trx,
        acteur,
        {
          numero,
          accepter_plages_inconnues: e.accepter_plages_inconnues,
          statut: "DISPONIBLE",
          operateur_id: e.operateur_id,
          reference_externe: e.reference_operateur ?? null,
          date_acquisition: e.date_reception ?? jourMetier(maintenant),
        },
        maintenant,
      );
      crees.push(numero);
    }
  }
  await ecrireAudit(trx, acteur, {
    entite: "tel_tranche",
    entiteId: id,
    action: "CREATION",
    apres: { ...e, premier, dernier, attaches: attaches.length, crees: crees.length },
  });
  return {
    id,
    attaches: attaches.map((a) => a.did_format_e164),
    crees,
    operateur_different: autreOperateur,
  };
}

export async function creerTranche(ctx: Contexte, e: EntreeTranche) {
  const r = await enTransaction(ctx.db, (trx) => enregistrerTranche(trx, ctx.acteur, ctx.maintenant, e));
  return { ...r, tranche: await detailTranche(ctx.db, r.id) };
}

/** A block's page: usage by status, numbers of its range not in the inventory, cost, holders, first free numbers. */
export async function detailTranche(db: Kysely<DB>, id: number) {
  const t = await lireTranche(db, id);
  if (!t) throw introuvable("Tranche");
  const [usages, cout, clients, libres] = await Promise.all([
    usageParStatut(db, [id]),
    coutMensuel(db, id),
    clientsDeLaTranche(db, id),
    prochainsLibres(db, id, 10),
  ]);
  const usage = usages.get(id) ?? {};
  const dansInventaire = Object.values(usage).reduce((a, b) => a + b, 0);
  return {
    ...t,
    usage,
    hors_inventaire: t.taille - dansInventaire,
    cout_mensuel: cout,
    clients: clients.map((c) => ({ ...c, numeros: Number(c.numeros) })),
    prochains_libres: libres.map((l) => l.did_format_e164),
    restituable: t.actif && !usage.AFFECTE && !usage.UTILISE,
  };
}

export async function prochainLibre(db: Kysely<DB>, id: number, n: number) {
  if (!(await lireTranche(db, id))) throw introuvable("Tranche");
  return (await prochainsLibres(db, id, n)).map((l) => ({ id: l.id, numero: l.did_format_e164 }));
}

/**
 * Gives a block back to its carrier: allowed when none of its numbers is held by a client; its numbers not yet
 * terminated are terminated through the lifecycle (history, freeze), all or nothing, and the block leaves service
 * (its range is free for a later block). Without `confirmer`, answers what it would do (409 CONFIRMATION_REQUISE).
 */
export async function restituerTranche(
  ctx: Contexte,
  id: number,
  p: { confirmer?: boolean | undefined; motif?: string | undefined },
) {
  return enTransaction(ctx.db, async (trx) => {
    const t = await trancheVerrouillee(trx, id);
    if (!t) throw introuvable("Tranche");
    if (!t.actif)
      throw new ApiError(409, "TRANCHE_RESTITUEE", "Cette tranche est déjà restituée à l'opérateur.");
    const numeros = await numerosDeLaTranche(trx, id);
    const tenus = numeros.filter((n) => n.statut === "AFFECTE" || n.statut === "UTILISE");
    if (tenus.length > 0)
      throw new ApiError(
        409,
        "TRANCHE_OCCUPEE",
        `${tenus.length} numéro(s) de la tranche sont tenus par un client (${[...new Set(tenus.map((n) => n.client))].join(", ")}) : libérez-les d'abord.`,
        undefined,
        { tenus: tenus.map((n) => ({ numero: n.did_format_e164, client: n.client, statut: n.statut })) },
      );
    const aResilier = numeros.filter((n) => n.statut !== "RESILIE");
    if (!p.confirmer)
      throw new ApiError(
        409,
        "CONFIRMATION_REQUISE",
        `La restitution résilie ${aResilier.length} numéro(s) de la tranche ${t.premier} – ${t.dernier} : confirmez.`,
        undefined,
        { a_resilier: aResilier.map((n) => n.did_format_e164) },
      );
    const motif = p.motif?.trim() || `Restitution de la tranche ${t.premier} – ${t.dernier} à l'opérateur`;
    if (aResilier.length > 0)
      await actionEnMasse(
        { ...ctx, db: trx },
        "resilier",
        aResilier.map((n) => n.id),
        { motif },
      );
    await modifierTranche(trx, id, { actif: false, modified_by: ctx.acteur.nom });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_tranche",
      entiteId: id,
      action: "RESTITUTION",
      avant: { actif: true },
      apres: { actif: false, resilies: aResilier.length },
      motif,
    });
    return { id, resilies: aResilier.map((n) => n.did_format_e164) };
  });
}

/**
 * An order's delivery of contiguous numbers (at least two, one length) is a block: recorded with the order's operator
 * and carrier reference, unless the order names no operator or a block in service already holds part of the range.
 */
export async function trancheDeLivraison(
  trx: Kysely<DB>,
  acteur: Acteur,
  maintenant: Date,
  commande: { id: number; operateur_id: number | null; reference_operateur: string | null },
  numeros: string[],
): Promise<number | null> {
  if (commande.operateur_id === null || numeros.length < 2) return null;
  const tries = [...numeros].sort((a, b) => a.length - b.length || Number(a.slice(1)) - Number(b.slice(1)));
  const premier = tries[0] as string;
  const dernier = tries.at(-1) as string;
  const contigus = tries.every(
    (n, i) => n.length === premier.length && Number(n.slice(1)) === Number(premier.slice(1)) + i,
  );
  if (!contigus || (await trancheChevauchee(trx, premier, dernier))) return null;
  const r = await enregistrerTranche(trx, acteur, maintenant, {
    operateur_id: commande.operateur_id,
    reference_operateur: commande.reference_operateur,
    premier,
    dernier,
    commande_id: commande.id,
    accepter_plages_inconnues: true,
  });
  return r.id;
}

export async function modifierInfosTranche(
  ctx: Contexte,
  id: number,
  v: { reference_operateur?: string | null; date_reception?: string; notes?: string | null },
) {
  await enTransaction(ctx.db, async (trx) => {
    const avant = await trancheVerrouillee(trx, id);
    if (!avant) throw introuvable("Tranche");
    await modifierTranche(trx, id, { ...v, modified_by: ctx.acteur.nom });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_tranche",
      entiteId: id,
      action: "MODIFICATION",
      avant: Object.fromEntries(Object.keys(v).map((k) => [k, avant[k as keyof typeof avant]])),
      apres: v,
    });
  });
  return detailTranche(ctx.db, id);
}
