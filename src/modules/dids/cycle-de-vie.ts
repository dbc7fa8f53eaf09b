import type { Kysely } from "kysely";
import type { ContexteAvec } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { jourFr, lireFinMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { peut } from "../auth/politique.js";
import { conflitVersion } from "../referentiels/ressource.js";
import {
  aUneAffectationCourante,
  ecrireEtat,
  ecrireHistorique,
  etatVerrouille,
  pointDeReprise,
  terminerAffectationsDe,
} from "./dids.repository.js";
import { finDuGel, jourDe } from "./gel.js";
import { jourDeResiliation, planifierResiliation } from "./resiliation-prevue.js";

import type { Statut } from "./statuts.js";

export { STATUTS, type Statut } from "./statuts.js";

/** The only moves a number's status may make (DOMAIN.md); everything else is refused. */
export const TRANSITIONS: Record<Statut, readonly Statut[]> = {
  COMMANDE: ["DISPONIBLE", "RESILIE"],
  DISPONIBLE: ["AFFECTE", "RESILIE"],
  AFFECTE: ["UTILISE", "DISPONIBLE", "RESILIE"],
  UTILISE: ["AFFECTE", "DISPONIBLE", "RESILIE"],
  RESILIE: ["DISPONIBLE"],
};

export const ACTIONS = {
  livrer: { vers: "DISPONIBLE", depuis: ["COMMANDE"] },
  affecter: { vers: "AFFECTE", depuis: ["DISPONIBLE"] },
  liberer: { vers: "DISPONIBLE", depuis: ["AFFECTE", "UTILISE"] },
  "mettre-en-production": { vers: "UTILISE", depuis: ["AFFECTE"] },
  "arreter-production": { vers: "AFFECTE", depuis: ["UTILISE"] },
  resilier: { vers: "RESILIE", depuis: ["COMMANDE", "DISPONIBLE", "AFFECTE", "UTILISE"] },
  reactiver: { vers: "DISPONIBLE", depuis: ["RESILIE"] },
} as const satisfies Record<string, { vers: Statut; depuis: readonly Statut[] }>;
export type Action = keyof typeof ACTIONS;

export interface ParametresAction {
  client_id?: number | null | undefined;
  groupement_id?: number | null | undefined;
  motif?: string | undefined;
  version?: number | undefined;
  /** A termination's business day (YYYY-MM-DD) when it is not today: a migrated termination keeps its date. */
  date_resiliation?: string | undefined;
  /**
   * When a termination takes effect: a future instant plans it (resiliation-prevue.ts), nothing changes until then;
   * a past one terminates now, dated the last day before it.
   */
  date_effet?: Date | string | undefined;
  /** A termination by porting: the operator the number leaves for (no freeze, no reuse unless ported back in). */
  portee_vers?: string | undefined;
  /** A port-in brings the number back: its freeze and its leaving by porting do not hold against its new holder. */
  retour_par_portabilite?: boolean | undefined;
}

/** The actions this caller may apply to a number in this status: what the extranet offers, nothing copied there. */
export function actionsPossiblesDid(acteur: Acteur, statut: string): Action[] {
  if (!peut(acteur, "numeros:ecrire")) return [];
  return (Object.keys(ACTIONS) as Action[]).filter((a) =>
    (ACTIONS[a].depuis as readonly string[]).includes(statut),
  );
}

type ContexteCycle = ContexteAvec<"freezeJours">;

/** Applies one lifecycle action to one number, with its side effects, in the caller's transaction if any. */
export function appliquerAction(ctx: ContexteCycle, didId: number, action: Action, p: ParametresAction) {
  return enTransaction(ctx.db, (trx) => appliquer(trx, ctx, didId, action, p));
}

type Etat = NonNullable<Awaited<ReturnType<typeof etatVerrouille>>>;

/** `lu`: the number's state already read and locked by the caller in this transaction (changerStatut). */
async function appliquer(
  trx: Kysely<DB>,
  { acteur, maintenant, config }: ContexteCycle,
  didId: number,
  action: Action,
  p: ParametresAction,
  lu?: Etat,
) {
  const regle = ACTIONS[action];
  const d = lu ?? (await etatVerrouille(trx, didId));
  if (!d) throw introuvable("Numéro");
  if (p.version !== undefined && p.version !== d.version) throw conflitVersion();
  const depuis = d.statut as Statut;
  if (!(regle.depuis as readonly Statut[]).includes(depuis) || !TRANSITIONS[depuis].includes(regle.vers)) {
    throw new ApiError(
      409,
      "TRANSITION_INTERDITE",
      `Action « ${action} » impossible : le numéro est au statut ${depuis}.`,
      undefined,
      {
        statut_actuel: depuis,
        transitions_possibles: TRANSITIONS[depuis],
      },
    );
  }
  const effet = typeof p.date_effet === "string" ? lireFinMetier(p.date_effet) : p.date_effet;
  if (p.date_effet !== undefined && (action !== "resilier" || !effet))
    throw new ApiError(
      422,
      "VALIDATION",
      action !== "resilier"
        ? "date_effet ne vaut que pour résilier."
        : `date_effet illisible : « ${p.date_effet} » (ISO 8601, ou une date : fin de ce jour, heure de Paris).`,
      [{ champ: "date_effet", message: "Valeur refusée.", code: "VALIDATION" }],
    );
  if (action === "resilier" && effet && effet > maintenant)
    return planifierResiliation(trx, acteur, maintenant, didId, effet, p.motif);
  // A terminated number goes to another client only after the freeze; its former holder may have it back earlier.
  const verifierGel = (clientApres: number | null) => {
    if (p.retour_par_portabilite) return;
    if (d.portee_vers)
      throw new ApiError(
        409,
        "NUMERO_PORTE",
        `Numéro parti par portabilité vers ${d.portee_vers} : il n'est plus à nous, il ne revient que par une portabilité entrante.`,
      );
    if (!d.date_resiliation || clientApres === d.client_id) return;
    const reutilisable = finDuGel(d.date_resiliation, config.freezeJours);
    if (reutilisable > jourDe(maintenant)) {
      throw new ApiError(
        409,
        "NUMERO_GELE",
        `Numéro résilié le ${jourFr(d.date_resiliation)} : il ne peut pas être donné à un autre client avant le ${jourFr(reutilisable)} (gel de ${config.freezeJours} jours).`,
        undefined,
        { reutilisable_le: reutilisable },
      );
    }
  };
  const set: Record<string, unknown> = { modified_by: acteur.nom };
  let clientApres = d.client_id;
  if (action === "affecter") {
    clientApres = p.client_id ?? d.client_id;
    verifierGel(clientApres);
    if (!clientApres)
      throw new ApiError(422, "CLIENT_OBLIGATOIRE", "Indiquez le client à qui affecter le numéro.", [
        { champ: "client_id", message: "Obligatoire." },
      ]);
    set.client_id = clientApres;
    set.groupement_id = p.groupement_id ?? (clientApres === d.client_id ? d.groupement_id : null);
  }
  if (action === "liberer") {
    clientApres = null;
    set.client_id = null;
    set.groupement_id = null;
  }
  if (action === "reactiver") {
    clientApres = p.client_id === undefined ? d.client_id : p.client_id;
    verifierGel(clientApres);
    set.client_id = clientApres;
    if (p.retour_par_portabilite) set.portee_vers = null;
    // date_resiliation stays: it keeps the number frozen for other clients after a reactivation too
    set.groupement_id = clientApres === d.client_id ? d.groupement_id : null;
  }
  if (action === "resilier") {
    set.date_resiliation = p.date_resiliation ?? (effet ? jourDeResiliation(effet) : jourDe(maintenant));
    // done: a planned termination is no longer planned
    set.resiliation_prevue_le = null;
    set.portabilite_sortante_id = null;
    if (p.portee_vers) set.portee_vers = p.portee_vers;
  }
  if (action === "mettre-en-production") {
    if (!(await aUneAffectationCourante(trx, didId, maintenant)))
      throw new ApiError(
        409,
        "AUCUNE_AFFECTATION",
        "Affectez d'abord le numéro à une campagne : un numéro utilisé a une affectation en cours.",
      );
  }
  if (["liberer", "arreter-production", "resilier"].includes(action)) {
    // the number leaves production: its current and future assignments end now
    const terminees = await terminerAffectationsDe(trx, didId, maintenant);
    if (terminees > 0) {
      await ecrireHistorique(
        trx,
        acteur,
        didId,
        "FIN_AFFECTATIONS",
        [
          {
            champ: "affectations",
            avant: `${terminees} en cours ou à venir`,
            apres: "terminées",
          },
        ],
        p.motif,
        maintenant,
      );
    }
  }
  // One rule whatever the path (README, « Statuts ») : a number a client holds is Affecté when no campaign uses it.
  // Reactivated for its holder, it makes the two moves RESILIE→DISPONIBLE→AFFECTE.
  const vers: Statut = regle.vers === "DISPONIBLE" && clientApres !== null ? "AFFECTE" : regle.vers;
  const apres = await ecrireEtat(trx, didId, vers, set);
  const changements: Array<{ champ: string; avant: unknown; apres: unknown }> = [
    { champ: "statut", avant: depuis, apres: regle.vers },
    ...(vers !== regle.vers ? [{ champ: "statut", avant: regle.vers, apres: vers }] : []),
  ];
  if (clientApres !== d.client_id)
    changements.push({ champ: "client_id", avant: d.client_id, apres: clientApres });
  if ("groupement_id" in set && set.groupement_id !== d.groupement_id)
    changements.push({ champ: "groupement_id", avant: d.groupement_id, apres: set.groupement_id });
  if ("date_resiliation" in set)
    changements.push({ champ: "date_resiliation", avant: d.date_resiliation, apres: set.date_resiliation });
  if ("portee_vers" in set && set.portee_vers !== d.portee_vers)
    changements.push({ champ: "portee_vers", avant: d.portee_vers, apres: set.portee_vers });
  await ecrireHistorique(
    trx,
    acteur,
    didId,
    action.toUpperCase().replace(/-/g, "_"),
    changements,
    p.motif,
    maintenant,
  );
  await ecrireAudit(trx, acteur, {
    entite: "tel_did",
    entiteId: didId,
    action: `ACTION_${action.toUpperCase()}`,
    avant: d,
    apres,
    motif: p.motif ?? null,
  });
  return apres;
}

/** The action that moves a number from one status to another, if the machine allows that move. */
export function actionPour(depuis: Statut, vers: Statut): Action | undefined {
  if (!TRANSITIONS[depuis].includes(vers)) return undefined;
  return (Object.keys(ACTIONS) as Action[]).find(
    (a) => ACTIONS[a].vers === vers && (ACTIONS[a].depuis as readonly Statut[]).includes(depuis),
  );
}

/** Moves a number to a target status through the action the machine prescribes for that move. */
export function changerStatut(ctx: ContexteCycle, didId: number, vers: Statut, p: ParametresAction) {
  return enTransaction(ctx.db, async (trx) => {
    const d = await etatVerrouille(trx, didId);
    if (!d) throw introuvable("Numéro");
    const depuis = d.statut as Statut;
    const action = actionPour(depuis, vers);
    if (!action) {
      throw new ApiError(409, "TRANSITION_INTERDITE", `Passage de ${depuis} à ${vers} interdit.`, undefined, {
        statut_actuel: depuis,
        transitions_possibles: TRANSITIONS[depuis],
      });
    }
    return appliquer(trx, ctx, didId, action, p, d);
  });
}

/**
 * One action on many numbers, all or nothing: every number is tried so that the report names each refusal, and
 * one refusal rolls the whole batch back (409 ACTION_EN_MASSE_REFUSEE with the per-number report).
 */
export async function actionEnMasse(ctx: ContexteCycle, action: Action, ids: number[], p: ParametresAction) {
  const resultats: Array<{
    id: number;
    ok: boolean;
    statut: string | null;
    code?: string;
    message?: string;
  }> = [];
  const echec = new ApiError(
    409,
    "ACTION_EN_MASSE_REFUSEE",
    "Au moins un numéro refuse cette action : aucun n'a été modifié.",
  );
  try {
    await enTransaction(ctx.db, async (trx) => {
      for (const id of ids) {
        try {
          await pointDeReprise(trx, "poser");
          await appliquer(trx, ctx, id, action, p);
          await pointDeReprise(trx, "liberer");
          resultats.push({ id, ok: true, statut: ACTIONS[action].vers });
        } catch (e) {
          await pointDeReprise(trx, "revenir");
          const err =
            e instanceof ApiError ? e : new ApiError(409, "REFUS", "La base a refusé ce changement.");
          resultats.push({ id, ok: false, statut: null, code: err.code, message: err.message });
        }
      }
      if (resultats.some((r) => !r.ok)) throw echec;
    });
  } catch (e) {
    if (e === echec) throw new ApiError(echec.status, echec.code, echec.message, undefined, { resultats });
    throw e;
  }
  return { action, total: resultats.length, resultats };
}
