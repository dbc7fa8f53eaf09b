import { ApiError, introuvable } from "../../http/errors.js";
import type { Executor } from "../audit/audit.repository.js";
import { porteeDuActeur } from "../auth/acces.js";
import { type Acteur, SYSTEME } from "../auth/acteur.js";
import { nomsDesComptesDuClient } from "../auth/auth.repository.js";
import { peut } from "../auth/politique.js";
import { L_EQUIPE } from "../dids/historique-visible.js";
import { quiPresentait } from "../presentation/presentation.service.js";
import {
  affectationsA,
  type ChampSuivi,
  clientsAyantDetenu,
  libellesDe,
  lignesSuivies,
  numeroActuel,
  publicationsA,
} from "./instant.repository.js";

type Ligne = Awaited<ReturnType<typeof lignesSuivies>>[number];

/** The history line a value comes from, as the answer shows it. */
const source = (l: Ligne | undefined) =>
  l
    ? { id: l.id, action: l.action, date_action: l.date_action, utilisateur: l.utilisateur, motif: l.motif }
    : null;

/**
 * A field's value at an instant, read from the history: the last line about it up to that instant says what it
 * became; before its first line, the value it had before that line; with no line at all, today's value.
 */
function valeurA(champ: ChampSuivi, lignes: Ligne[], actuelle: string | null, t: number) {
  const siennes = lignes.filter((l) => l.champ === champ);
  const avant = siennes.filter((l) => new Date(l.date_action).getTime() <= t).at(-1);
  if (avant) return { valeur: avant.nouvelle_valeur, ligne: source(avant) };
  const premiere = siennes[0];
  if (premiere) return { valeur: premiere.ancienne_valeur, ligne: null };
  return { valeur: actuelle, ligne: null };
}

const entier = (v: string | null) => (v === null || v === "" ? null : Number(v));

export const NON_DETENU = "non détenu par vous";

/**
 * Who held a number, and where its calls went, at an instant (#33): its status, client and sub-group, carrier and
 * block, each with the history line it comes from; the inbound campaign with its configuration and the outbound
 * ones with their basis; the routing files deployed then. A client asks only about its own periods: for another
 * holder's it gets « non détenu par vous » and nothing else.
 */
/** What every number's answer at one instant shares for one caller: read once for a whole list. */
export interface Partage {
  /** The caller's own accounts by login (a client reads the others as « l'équipe »). */
  noms: Map<string, string> | null;
  /** The routing files deployed then, for those who may see the publication. */
  publications: Awaited<ReturnType<typeof publicationsA>> | null;
}

export async function partageALInstant(db: Executor, acteur: Acteur, instant: Date): Promise<Partage> {
  const portee = porteeDuActeur(acteur);
  const [noms, publications] = await Promise.all([
    "client" in portee ? nomsDesComptesDuClient(db, portee.client) : null,
    peut(acteur, "publication:lire") ? publicationsA(db, instant) : null,
  ]);
  return { noms, publications };
}

export async function numeroALInstant(
  db: Executor,
  acteur: Acteur,
  didId: number,
  instant: Date,
  partage?: Partage,
) {
  const n = await numeroActuel(db, didId);
  const portee = porteeDuActeur(acteur);
  if (!n || ("client" in portee && !(await clientsAyantDetenu(db, didId)).has(portee.client)))
    throw introuvable("Numéro");
  const t = instant.getTime();
  const lignes = await lignesSuivies(db, didId);
  if ("client" in portee) {
    // a client reads its own accounts by name, anyone else as the staff (historique-visible.ts)
    const noms = (partage ?? (await partageALInstant(db, acteur, instant))).noms ?? new Map<string, string>();
    for (const l of lignes) l.utilisateur = noms.get(l.utilisateur) ?? L_EQUIPE;
  }
  const creation = lignes.find((l) => l.action === "CREATION");
  if (creation && new Date(creation.date_action).getTime() > t)
    return {
      numero: n.did_format_e164,
      instant,
      existe: false as const,
      message: "Le numéro n'existait pas encore.",
    };
  const client = valeurA("client_id", lignes, n.client_id === null ? null : String(n.client_id), t);
  const clientId = entier(client.valeur);
  if ("client" in portee && clientId !== portee.client)
    return {
      numero: n.did_format_e164,
      instant,
      existe: true as const,
      detenu_par_vous: false,
      message: NON_DETENU,
    };
  const statut = valeurA("statut", lignes, n.statut, t);
  const groupement = valeurA(
    "groupement_id",
    lignes,
    n.groupement_id === null ? null : String(n.groupement_id),
    t,
  );
  const operateur = valeurA(
    "operateur_id",
    lignes,
    n.operateur_id === null ? null : String(n.operateur_id),
    t,
  );
  const tranche = valeurA("tranche_id", lignes, n.tranche_id === null ? null : String(n.tranche_id), t);
  // the carrier and its block are the company's business (acces.ts): a client reads neither, then or now
  if (!peut(acteur, "internes:lire")) {
    operateur.valeur = null;
    operateur.ligne = null;
    tranche.valeur = null;
    tranche.ligne = null;
  }
  const ids = (v: string | null) => (entier(v) === null ? [] : [entier(v) as number]);
  const [affectations, presentation, publications, noms] = await Promise.all([
    affectationsA(db, didId, instant),
    // the access check is done above, for the period asked: the basis is read as the system reads it
    quiPresentait(db, didId, instant, SYSTEME),
    partage ? partage.publications : peut(acteur, "publication:lire") ? publicationsA(db, instant) : null,
    libellesDe(db, {
      clients: ids(client.valeur),
      groupements: ids(groupement.valeur),
      operateurs: ids(operateur.valeur),
      tranches: ids(tranche.valeur),
    }),
  ]);
  // a client sees its own campaigns only (the period is its own: they are)
  const siennes = affectations.filter((a) => !("client" in portee) || a.campagne_client_id === portee.client);
  const entrante = siennes.find((a) => a.entrant);
  return {
    numero: n.did_format_e164,
    instant,
    existe: true as const,
    detenu_par_vous: "client" in portee ? true : null,
    statut: { valeur: statut.valeur, ligne: statut.ligne },
    client: {
      valeur: clientId === null ? null : (noms.clients.get(clientId) ?? { id: clientId }),
      ligne: client.ligne,
    },
    groupement: {
      valeur:
        entier(groupement.valeur) === null
          ? null
          : (noms.groupements.get(entier(groupement.valeur) as number) ?? null),
      ligne: groupement.ligne,
    },
    operateur: {
      valeur:
        entier(operateur.valeur) === null
          ? null
          : (noms.operateurs.get(entier(operateur.valeur) as number) ?? null),
      ligne: operateur.ligne,
    },
    tranche: {
      valeur:
        entier(tranche.valeur) === null
          ? null
          : (noms.tranches.get(entier(tranche.valeur) as number) ?? null),
      ligne: tranche.ligne,
    },
    entrant: entrante
      ? {
          affectation_id: entrante.id,
          campagne: { id: entrante.campagne_id, code: entrante.campagne_code, hermes_id: entrante.hermes_id },
          config_code: entrante.config_code,
          config: entrante.config ?? null,
          alias: entrante.alias,
          date_debut: entrante.date_debut,
          date_fin: entrante.date_fin,
        }
      : null,
    sortants: presentation.presentations
      .filter((p) => siennes.some((a) => a.id === p.affectation_id))
      .map((p) => ({
        affectation_id: p.affectation_id,
        campagne: p.campagne,
        priorite: siennes.find((a) => a.id === p.affectation_id)?.priorite ?? null,
        fondement: p.fondement,
        mandat_id: p.mandat?.id ?? null,
        presente: p.presente,
        raison: p.raison,
      })),
    routage: publications,
  };
}

/** The instant a request names: ISO 8601 with an offset, or a date and time in Paris. */
export function instantDemande(texte: string, lire: (s: string) => Date | undefined): Date {
  const d = lire(texte);
  if (!d)
    throw new ApiError(
      400,
      "VALIDATION",
      `Instant illisible : « ${texte} » (ISO 8601, ou une date et une heure de Paris).`,
      [{ champ: "instant", message: "Instant illisible.", code: "VALIDATION" }],
    );
  return d;
}

export type ReponseInstant = Awaited<ReturnType<typeof numeroALInstant>>;
/** An answer with the number's state (it existed, and the caller may see that period). */
export type ReponseComplete = Extract<ReponseInstant, { statut: unknown }>;
export const estComplete = (r: ReponseInstant): r is ReponseComplete => "statut" in r;
