import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { verrouiller } from "../../db/verrou.js";
import { lireFinMetier, lireIsoMetier } from "../../heure-metier.js";
import type { CodeErreur } from "../../http/codes-erreur.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { refusPresentation } from "../../numbering/presentation.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { estDetenu } from "../dids/statuts.js";
import { refusApresSortie } from "../portabilite/regle-sortie.js";
import { fondementDuNumero, REFUS_SANS_FONDEMENT } from "../presentation/presentation.service.js";
import { conflitVersion } from "../referentiels/ressource.js";
import {
  affectationPourMaj,
  affectationsEnCoursDeCampagne,
  basculerStatutsDecales,
  campagneDe,
  ecrireAffectation,
  insererAffectation,
  numerosDecales,
  numeroVerrouille,
} from "./affectations.repository.js";

export interface EntreeAffectation {
  did_id: number;
  campaign_id: number;
  config_id?: number | null;
  alias?: string | null;
  priorite?: number;
  /** ISO 8601; without an offset (a date, or a date and a time) it is business time (Europe/Paris). */
  date_debut?: string;
  date_fin?: string | null;
  entrant?: boolean;
  sortant?: boolean;
}

/**
 * A date or date-time the API accepted (its schema checked the form): without an offset, business time; as an end,
 * a date alone includes its day (lireFinMetier).
 */
function instantSaisi(v: string | null | undefined, fin = false): Date | undefined {
  if (v === null || v === undefined) return undefined;
  const d = fin ? lireFinMetier(v) : lireIsoMetier(v);
  if (!d) throw refus("DATE_INVALIDE", `Date illisible : « ${v} » (ISO 8601 attendu).`);
  return d;
}

const refus = (code: CodeErreur, message: string, champ?: string) =>
  new ApiError(422, code, message, champ ? [{ champ, message, code }] : undefined);

/** The number (locked) and the campaign an assignment joins, or a refusal naming the unknown one. */
async function numeroEtCampagne(trx: Kysely<DB>, didId: number, campaignId: number) {
  const did = await numeroVerrouille(trx, didId);
  if (!did) throw refus("NUMERO_INCONNU", "Numéro inconnu.", "did_id");
  const campagne = await campagneDe(trx, campaignId);
  if (!campagne) throw refus("CAMPAGNE_INCONNUE", "Campagne inconnue.", "campaign_id");
  return { did, campagne };
}

/** Rules of an assignment that involve other rows: same client, a number held by it, ARCEP presentation rules. */
function verifierRegles(
  did: { client_id: number | null; statut: string; type: string | null },
  campagne: { client_id: number; prospection: boolean; actif: boolean },
  sortant: boolean,
) {
  if (!campagne.actif) throw refus("CAMPAGNE_INACTIVE", "Cette campagne est désactivée.", "campaign_id");
  if (did.client_id === null || !estDetenu(did.statut)) {
    throw refus(
      "NUMERO_NON_AFFECTE",
      "Le numéro doit d'abord être affecté à un client (statut Affecté ou Utilisé).",
      "did_id",
    );
  }
  if (did.client_id !== campagne.client_id) {
    throw refus("CLIENT_DIFFERENT", "La campagne appartient à un autre client que le numéro.", "campaign_id");
  }
  const interdit = sortant ? refusPresentation(did.type, campagne) : undefined;
  if (interdit) throw refus(interdit.code, interdit.raison, "sortant");
}

/**
 * A client's number is presented under its mandate only (ARCEP 2018-0881 §2.2.2): an outbound assignment needs a
 * basis at its start. Past the mandate's end the routing stops presenting the number by itself.
 */
async function verifierFondement(
  trx: Kysely<DB>,
  did: { id: number; titulaire: string },
  campagne: { client_id: number },
  debut: Date,
) {
  if (!(await fondementDuNumero(trx, did, campagne.client_id, debut)))
    throw refus("PRESENTATION_SANS_FONDEMENT", REFUS_SANS_FONDEMENT, "sortant");
}

/** A number leaving by porting: its assignments end at that instant at the latest (regle-sortie.ts). */
function verifierSortie(did: Parameters<typeof refusApresSortie>[0], fin: Date | null) {
  const refusSortie = refusApresSortie(did, fin);
  if (refusSortie)
    throw new ApiError(409, "PORTABILITE_SORTANTE_PREVUE", refusSortie, [
      { champ: "date_fin", message: refusSortie, code: "PORTABILITE_SORTANTE_PREVUE" },
    ]);
}

/**
 * UTILISE exactly when the number has a current assignment at `maintenant`: moves AFFECTE↔UTILISE for the
 * numbers given (all out-of-step numbers when `didIds` is undefined). Returns how many moved.
 */
export async function synchroniserStatuts(
  trx: Kysely<DB>,
  acteur: Acteur,
  maintenant: Date,
  motif: string,
  didIds?: number[],
): Promise<number> {
  if (didIds && didIds.length === 0) return 0;
  // find the out-of-step numbers, then by batches: lock them, and move those still out of step under the lock
  const candidats = (await numerosDecales(trx, maintenant, didIds)).map((d) => d.id);
  let n = 0;
  for (let i = 0; i < candidats.length; i += LOT_SYNCHRO) {
    const verrouilles = await verrouiller(trx, "tel_did", candidats.slice(i, i + LOT_SYNCHRO));
    n += await basculerStatutsDecales(trx, verrouilles, maintenant, {
      auteur: acteur.nom,
      motif,
      requestId: acteur.requestId ?? null,
    });
  }
  return n;
}

/** Numbers locked and moved per statement when statuses catch up with their assignments. */
const LOT_SYNCHRO = 10_000;

export async function creerAffectation({ db, acteur, maintenant }: Contexte, e: EntreeAffectation) {
  return enTransaction(db, async (trx) => {
    const { did, campagne } = await numeroEtCampagne(trx, e.did_id, e.campaign_id);
    verifierRegles(did, campagne, e.sortant ?? false);
    const debut = instantSaisi(e.date_debut) ?? maintenant;
    if (e.sortant) await verifierFondement(trx, did, campagne, debut);
    verifierSortie(did, instantSaisi(e.date_fin, true) ?? null);
    const cree = await insererAffectation(trx, {
      ...e,
      date_debut: debut,
      date_fin: instantSaisi(e.date_fin, true) ?? null,
      entrant: e.entrant ?? true,
      sortant: e.sortant ?? false,
    });
    await ecrireHistorique(
      trx,
      acteur,
      did.id,
      "AFFECTATION_CAMPAGNE",
      [
        {
          champ: "campagne",
          avant: null,
          apres: `${campagne.code}${cree.entrant ? " entrant" : ""}${cree.sortant ? " sortant" : ""}`,
        },
      ],
      null,
      maintenant,
    );
    if (cree.config_id)
      await ecrireHistorique(
        trx,
        acteur,
        did.id,
        "CONFIGURATION",
        [{ champ: "config_id", avant: null, apres: cree.config_id }],
        null,
        maintenant,
      );
    await ecrireAudit(trx, acteur, {
      entite: "tel_did_virtual",
      entiteId: cree.id,
      action: "CREATION",
      apres: cree,
    });
    await synchroniserStatuts(trx, acteur, maintenant, `Affectation à la campagne ${campagne.code}`, [
      did.id,
    ]);
    return cree;
  });
}

/**
 * Ends an assignment now or at a date; ending it before it began cancels it (it never routed). One already ended
 * is refused (409 DEJA_TERMINEE).
 */
export async function terminerAffectation(
  ctx: Contexte,
  a: { id: number; date_debut: string | Date; date_fin: string | Date | null },
  dateFin: string | undefined,
  motif: string | undefined,
) {
  if (a.date_fin && new Date(a.date_fin) <= ctx.maintenant)
    throw new ApiError(409, "DEJA_TERMINEE", "Cette affectation est déjà terminée.");
  const fin = (dateFin ? lireFinMetier(dateFin) : undefined) ?? ctx.maintenant;
  const annulation = fin <= new Date(a.date_debut);
  return modifierAffectation(
    ctx,
    a.id,
    annulation ? { actif: false } : { date_fin: fin.toISOString() },
    undefined,
    motif ?? (annulation ? "Affectation annulée avant son début" : "Fin d'affectation"),
  );
}

export async function modifierAffectation(
  { db, acteur, maintenant }: Contexte,
  id: number,
  valeurs: Partial<Omit<EntreeAffectation, "did_id" | "campaign_id">> & { actif?: boolean },
  version: number | undefined,
  motif?: string | null,
) {
  return enTransaction(db, async (trx) => {
    const avant = await affectationPourMaj(trx, id);
    if (!avant) throw introuvable("Affectation");
    if (version !== undefined && version !== avant.version) throw conflitVersion();
    const { did, campagne } = await numeroEtCampagne(trx, avant.did_id, avant.campaign_id);
    const sortant = valeurs.sortant ?? avant.sortant;
    if (sortant && !avant.sortant) {
      verifierRegles(did, campagne, true);
      const debut = instantSaisi(valeurs.date_debut) ?? new Date(avant.date_debut);
      await verifierFondement(trx, did, campagne, debut > maintenant ? debut : maintenant);
    }
    if (valeurs.date_fin !== undefined || valeurs.actif === true)
      verifierSortie(
        did,
        valeurs.date_fin !== undefined
          ? (instantSaisi(valeurs.date_fin, true) ?? null)
          : avant.date_fin
            ? new Date(avant.date_fin)
            : null,
      );
    const apres = await ecrireAffectation(trx, id, {
      ...valeurs,
      ...(valeurs.date_debut !== undefined ? { date_debut: instantSaisi(valeurs.date_debut) } : {}),
      ...(valeurs.date_fin !== undefined ? { date_fin: instantSaisi(valeurs.date_fin, true) ?? null } : {}),
    });
    const changements: Array<{ champ: string; avant: unknown; apres: unknown }> = [];
    for (const k of [
      "config_id",
      "alias",
      "priorite",
      "date_debut",
      "date_fin",
      "entrant",
      "sortant",
      "actif",
    ] as const) {
      if (JSON.stringify(avant[k]) !== JSON.stringify(apres[k]))
        changements.push({ champ: `affectation.${k}`, avant: avant[k], apres: apres[k] });
    }
    await ecrireHistorique(
      trx,
      acteur,
      did.id,
      `AFFECTATION_${campagne.code}`.slice(0, 50),
      changements,
      motif,
      maintenant,
    );
    await ecrireAudit(trx, acteur, {
      entite: "tel_did_virtual",
      entiteId: id,
      action: "MODIFICATION",
      avant,
      apres,
      motif: motif ?? null,
    });
    await synchroniserStatuts(trx, acteur, maintenant, motif ?? `Affectation ${campagne.code} modifiée`, [
      did.id,
    ]);
    return apres;
  });
}

/**
 * A campaign deactivated: its assignments current or to come end now, each through `terminerAffectation` (history
 * on the number, statuses resynchronised), whatever path deactivates it. Hermes stops routing it; its numbers are
 * AFFECTE again, not UTILISE while unrouted.
 */
export async function terminerAffectationsDeCampagne(ctx: Contexte, campaignId: number, motif: string) {
  for (const a of await affectationsEnCoursDeCampagne(ctx.db, campaignId, ctx.maintenant))
    await terminerAffectation(ctx, a, undefined, motif);
}
