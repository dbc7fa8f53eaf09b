import { type Kysely, sql, type Transaction } from "kysely";
import type { Config } from "../../config.js";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import type { Preparation } from "../../db/schema-portabilite.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { creerAffectation } from "../affectations/affectations.service.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { appliquerAction } from "../dids/cycle-de-vie.js";
import { ecrireDid, ecrireHistorique } from "../dids/dids.repository.js";
import { creerDid } from "../dids/dids.service.js";
import { couvrir, insererMandat } from "../presentation/presentation.repository.js";
import { EVENEMENTS_PORTABILITE, type EvenementPortabilite, notifierPortabilite } from "./notifications.js";
import {
  AVANCE_MAX_MS,
  ajouterCommentaire,
  basculesARappeler,
  basculesEchues,
  ecrireNumero,
  ecrirePortabilite,
  numerosDemande,
  portabiliteVerrouillee,
} from "./portabilite.repository.js";

// The switch of a port-in: at its confirmed instant the scheduler activates every number still going, in one
// transaction: the number enters the inventory as the client's (or comes back to it), the porting mandate becomes its
// caller-ID mandate, and its prepared assignments start at that very instant. Before it nothing exists, so nothing
// routes; a failed activation leaves nothing and is tried again at the next run.

type Demande = NonNullable<Awaited<ReturnType<typeof portabiliteVerrouillee>>>;

export async function notifierDemande(
  trx: Kysely<DB>,
  config: Pick<Config, "valideursEmails" | "webhookUrls">,
  evenement: EvenementPortabilite,
  p: Demande,
  maintenant: Date,
  commentaire?: string | null,
) {
  const client = await trx
    .selectFrom("tel_client")
    .select("nom")
    .where("id", "=", p.client_id)
    .executeTakeFirst();
  const n = await trx
    .selectFrom("tel_portabilite_numero")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("portabilite_id", "=", p.id)
    .where("statut", "<>", "REJETE")
    .executeTakeFirstOrThrow();
  await notifierPortabilite(
    trx,
    config,
    evenement,
    {
      id: p.id,
      reference: p.reference,
      client: client?.nom ?? String(p.client_id),
      demandeur_email: p.demandeur_email,
      statut: p.statut,
      bascule_le: p.bascule_le ? new Date(p.bascule_le) : null,
      numeros: n.n,
      commentaire: commentaire ?? null,
    },
    maintenant,
  );
}

/** One number goes live at `bascule`: created as the client's, or brought back when it left (RESILIE). */
async function activerNumero(
  trx: Transaction<DB>,
  ctx: Contexte,
  p: Demande,
  ligne: { numero: string; preparation: Preparation | null },
  bascule: Date,
): Promise<number> {
  const prep = ligne.preparation ?? {};
  const jour = jourMetier(bascule);
  const existant = await trx
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select(["d.id", "s.code as statut"])
    .where("d.did_format_e164", "=", ligne.numero)
    .executeTakeFirst();
  const descriptif = {
    operateur_id: p.operateur_id,
    titulaire: "CLIENT" as const,
    ...(prep.type_id != null ? { type_id: prep.type_id } : {}),
    ...(prep.cout_mensuel !== undefined ? { cout_mensuel: prep.cout_mensuel } : {}),
    ...(prep.cout_mise_en_service !== undefined ? { cout_mise_en_service: prep.cout_mise_en_service } : {}),
    ...(prep.description !== undefined ? { description: prep.description } : {}),
    date_activation: jour,
  };
  if (!existant) {
    const cree = await creerDid(
      trx,
      ctx.acteur,
      {
        numero: ligne.numero,
        accepter_plages_inconnues: true,
        client_id: p.client_id,
        groupement_id: prep.groupement_id ?? null,
        date_acquisition: jour,
        reference_externe: p.reference,
        ...descriptif,
      },
      bascule,
    );
    return cree.id;
  }
  if (existant.statut !== "RESILIE")
    throw new ApiError(
      409,
      "PORTABILITE_NUMEROS_REFUSES",
      `Le ${ligne.numero} est déjà en service dans l'inventaire : il ne peut pas arriver par portabilité.`,
    );
  await appliquerAction({ ...ctx, db: trx }, existant.id, "reactiver", {
    client_id: p.client_id,
    groupement_id: prep.groupement_id ?? null,
    motif: `Portabilité entrante ${p.reference} depuis ${p.operateur_donneur}`,
    retour_par_portabilite: true,
  });
  await ecrireDid(trx, existant.id, {
    ...descriptif,
    groupement_id: prep.groupement_id ?? null,
    modified_by: ctx.acteur.nom,
  });
  await ecrireHistorique(
    trx,
    ctx.acteur,
    existant.id,
    "PORTABILITE_ENTRANTE",
    [{ champ: "titulaire", avant: null, apres: "CLIENT" }],
    `Portabilité entrante ${p.reference}`,
    bascule,
  );
  return existant.id;
}

/** The prepared assignments, dated at the switch: one assignment when both directions use the same campaign. */
async function affecter(
  trx: Transaction<DB>,
  ctx: Contexte,
  didId: number,
  prep: Preparation,
  bascule: Date,
) {
  const debut = bascule.toISOString();
  const { entrant, sortant } = prep;
  if (
    entrant &&
    sortant &&
    entrant.campaign_id === sortant.campaign_id &&
    (entrant.config_id ?? null) === (sortant.config_id ?? null)
  ) {
    await creerAffectation(
      { ...ctx, db: trx },
      {
        did_id: didId,
        campaign_id: entrant.campaign_id,
        config_id: entrant.config_id ?? null,
        alias: entrant.alias ?? sortant.alias ?? null,
        priorite: sortant.priorite ?? 1,
        date_debut: debut,
        entrant: true,
        sortant: true,
      },
    );
    return;
  }
  if (entrant)
    await creerAffectation(
      { ...ctx, db: trx },
      {
        did_id: didId,
        campaign_id: entrant.campaign_id,
        config_id: entrant.config_id ?? null,
        alias: entrant.alias ?? null,
        date_debut: debut,
        entrant: true,
        sortant: false,
      },
    );
  if (sortant)
    await creerAffectation(
      { ...ctx, db: trx },
      {
        did_id: didId,
        campaign_id: sortant.campaign_id,
        config_id: sortant.config_id ?? null,
        alias: sortant.alias ?? null,
        priorite: sortant.priorite ?? 1,
        date_debut: debut,
        entrant: false,
        sortant: true,
      },
    );
}

/**
 * The switch of one request, all numbers or none. `anticiper` (PostgreSQL): started up to AVANCE_MAX_MS before the
 * instant, everything written as of the instant, committed at it: a thousand numbers take some ten seconds to write,
 * and nothing is visible, so nothing routes, until the commit.
 */
export async function activerDemande(depart: Contexte, id: number, anticiper = false) {
  const t0 = performance.now();
  return enTransaction(depart.db, async (trx) => {
    const p = await portabiliteVerrouillee(trx, id);
    if (p?.statut !== "DATE_CONFIRMEE" || !p.bascule_le) return 0;
    const bascule = new Date(p.bascule_le);
    if (bascule.getTime() - (anticiper ? AVANCE_MAX_MS : 0) > depart.maintenant.getTime()) return 0;
    const ctx = bascule > depart.maintenant ? { ...depart, maintenant: bascule } : depart;
    const lignes = (await numerosDemande(trx, id)).filter((l) => l.statut === "EN_ATTENTE");
    if (lignes.length === 0)
      throw new ApiError(
        409,
        "PORTABILITE_INCOMPLETE",
        "Aucun numéro ne reste à porter : rejetez ou annulez la demande.",
      );
    const ids: Array<{ ligne: (typeof lignes)[number]; didId: number }> = [];
    for (const ligne of lignes) ids.push({ ligne, didId: await activerNumero(trx, ctx, p, ligne, bascule) });
    // the porting mandate is the client's right to present them, from the switch's day
    const mandat = await insererMandat(trx, {
      client_id: p.client_id,
      reference: p.reference,
      signataire: p.mandat_signataire ?? p.demandeur_nom,
      date_debut: jourMetier(bascule),
      document_nom: p.mandat_nom,
      document_taille: p.mandat_taille,
      document_sha256: p.mandat_sha256,
      document: p.mandat_document,
      notes: `Mandat de portabilité ${p.reference} (opérateur donneur : ${p.operateur_donneur}).`,
      created_by: ctx.acteur.nom,
      modified_by: ctx.acteur.nom,
    });
    await couvrir(
      trx,
      mandat.id,
      ids.map((i) => i.didId),
      [],
    );
    for (const { ligne, didId } of ids) {
      await affecter(trx, ctx, didId, ligne.preparation ?? {}, bascule);
      await ecrireNumero(trx, ligne.id, { statut: "PORTE", did_id: didId });
    }
    const apres = await ecrirePortabilite(trx, id, {
      statut: "PORTEE",
      mandat_id: mandat.id,
      erreur_bascule: null,
      modified_by: ctx.acteur.nom,
    });
    await ajouterCommentaire(
      trx,
      id,
      ctx.acteur.nom,
      `Bascule faite : ${ids.length} numéro(s) en service.`,
      "BASCULE",
    );
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_portabilite",
      entiteId: id,
      action: "BASCULE",
      apres: { statut: "PORTEE", numeros: ids.map((i) => i.ligne.numero), mandat_id: mandat.id },
    });
    await notifierDemande(trx, ctx.config, EVENEMENTS_PORTABILITE.PORTEE, apres, ctx.maintenant);
    // ready before the instant: committed at it
    const reste = bascule.getTime() - depart.maintenant.getTime() - (performance.now() - t0);
    if (reste > 0) await new Promise((r) => setTimeout(r, reste));
    return ids.length;
  });
}

/**
 * A switch that did not happen: numbers already live leave again at once (their assignments end, they go back to the
 * donor with no freeze), the caller-ID mandate stops, and the request waits for a new date.
 */
export async function defaireBascule(trx: Transaction<DB>, ctx: Contexte, p: Demande, motif: string) {
  const lignes = (await numerosDemande(trx, p.id)).filter((l) => l.statut === "PORTE" && l.did_id);
  for (const l of lignes) {
    const didId = l.did_id as number;
    await appliquerAction({ ...ctx, db: trx }, didId, "resilier", {
      motif: `Bascule de la portabilité ${p.reference} échouée : ${motif}`,
      portee_vers: p.operateur_donneur,
    });
    await ecrireNumero(trx, l.id, { statut: "EN_ATTENTE", did_id: null });
  }
  if (p.mandat_id)
    await trx
      .updateTable("tel_mandat")
      .set({ actif: false, modified_by: ctx.acteur.nom })
      .where("id", "=", p.mandat_id)
      .execute();
  return lignes.length;
}

/** The scheduler's job: every switch due is activated; one that fails is recorded, told to staff once, tried again. */
export async function basculerEchues(
  ctx: Contexte,
  journal: (message: string, err?: unknown) => void,
  anticiper = false,
) {
  let n = 0;
  for (const e of await basculesEchues(ctx.db, ctx.maintenant, anticiper)) {
    try {
      n += await activerDemande(ctx, e.id, anticiper);
    } catch (err) {
      const raison = err instanceof Error ? err.message : String(err);
      journal(`bascule de la portabilité ${e.id}`, err);
      await enTransaction(ctx.db, async (trx) => {
        const p = await portabiliteVerrouillee(trx, e.id);
        if (!p || p.erreur_bascule === raison) return;
        const apres = await ecrirePortabilite(trx, e.id, { erreur_bascule: raison.slice(0, 2000) });
        await ajouterCommentaire(trx, e.id, ctx.acteur.nom, `Activation impossible : ${raison}`, "BASCULE");
        await notifierDemande(
          trx,
          ctx.config,
          EVENEMENTS_PORTABILITE.ECHEC_ACTIVATION,
          apres,
          ctx.maintenant,
          raison,
        );
      });
    }
  }
  return n;
}

const JOUR_MS = 86_400_000;

/** The reminders 7 days and 1 day before a switch, each once (a moved date sends them again). */
export async function rappelerBascules(ctx: Contexte) {
  let n = 0;
  for (const [colonne, horizon, evenement] of [
    ["rappel_j1_le", JOUR_MS, EVENEMENTS_PORTABILITE.RAPPEL_J1],
    ["rappel_j7_le", 7 * JOUR_MS, EVENEMENTS_PORTABILITE.RAPPEL_J7],
  ] as const) {
    for (const r of await basculesARappeler(ctx.db, ctx.maintenant, horizon, colonne)) {
      await enTransaction(ctx.db, async (trx) => {
        const p = await portabiliteVerrouillee(trx, r.id);
        if (p?.statut !== "DATE_CONFIRMEE" || p[colonne]) return;
        // within a day, the 7-day reminder has nothing more to say
        const maj =
          colonne === "rappel_j1_le"
            ? { rappel_j1_le: ctx.maintenant, rappel_j7_le: p.rappel_j7_le ?? ctx.maintenant }
            : { rappel_j7_le: ctx.maintenant };
        await trx.updateTable("tel_portabilite").set(maj).where("id", "=", r.id).execute();
        await notifierDemande(trx, ctx.config, evenement, p, ctx.maintenant);
        n++;
      });
    }
  }
  return n;
}

export type { Acteur };
