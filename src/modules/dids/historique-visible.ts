import type { Executor } from "../audit/audit.repository.js";
import { clientDe, porteeDuActeur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { nomsDesComptesDuClient } from "../auth/auth.repository.js";
import { historiqueDid } from "./dids.repository.js";

type LigneHistorique = Awaited<ReturnType<typeof historiqueDid>>[number];

/** How a client reads an author who is not one of its own accounts: the staff, never a login or a key's name. */
export const L_EQUIPE = "l'équipe";

/** The fields whose values name a holder: another client's values are never shown. */
const CHAMPS_DU_TITULAIRE = new Set(["client_id", "groupement_id"]);

const entier = (v: string | null): number | null => (v === null || v === "" ? null : Number(v));

/**
 * A number's history as its caller may read it. Staff read it all (the fields they may not see are emptied on the
 * way out, acces.ts). A client reads only what happened while it held the number: the events of one change
 * (same instant, same action) form a step, and a step is the client's when it held the number before or after it.
 * Within such a step, the other holder's client and sub-group are empty, and a reason written about the previous
 * holder is not shown. Authors are the client's own accounts by their display name, anyone else « l'équipe ».
 */
export async function historiqueVisible(
  db: Executor,
  acteur: Acteur,
  didId: number,
  clientActuel: number | null,
) {
  const lignes = await historiqueDid(db, didId);
  const client = clientDe(porteeDuActeur(acteur));
  if (client === undefined) return lignes;
  const noms = await nomsDesComptesDuClient(db, client);
  const etapes = enEtapes(lignes);
  // read backwards from today's holder: each step's holder before it is the one after the step before
  let apres = clientActuel;
  const vues: LigneHistorique[][] = [];
  for (let i = etapes.length - 1; i >= 0; i--) {
    const etape = etapes[i] as LigneHistorique[];
    const changement = etape.find((l) => l.champ === "client_id");
    const avant = changement ? entier(changement.ancienne_valeur) : apres;
    if (avant === client || apres === client) vues.push(vuePourClient(etape, client, avant, apres, noms));
    apres = avant;
  }
  return vues.reverse().flat();
}

/** Consecutive lines of one change: the same instant and action. */
function enEtapes(lignes: LigneHistorique[]): LigneHistorique[][] {
  const etapes: LigneHistorique[][] = [];
  let cle = "";
  for (const l of lignes) {
    const c = `${new Date(l.date_action).getTime()}|${l.action}|${l.request_id ?? ""}`;
    if (c !== cle || etapes.length === 0) etapes.push([]);
    (etapes.at(-1) as LigneHistorique[]).push(l);
    cle = c;
  }
  return etapes;
}

function vuePourClient(
  etape: LigneHistorique[],
  client: number,
  avant: number | null,
  apres: number | null,
  noms: Map<string, string>,
): LigneHistorique[] {
  // a step between this client and another (a direct transfer): its reason may be about the other one
  const autrui = (avant !== null && avant !== client) || (apres !== null && apres !== client);
  return etape.map((l) => ({
    ...l,
    ancienne_valeur: CHAMPS_DU_TITULAIRE.has(l.champ ?? "") && avant !== client ? null : l.ancienne_valeur,
    nouvelle_valeur: CHAMPS_DU_TITULAIRE.has(l.champ ?? "") && apres !== client ? null : l.nouvelle_valeur,
    motif: autrui ? null : l.motif,
    utilisateur: noms.get(l.utilisateur) ?? L_EQUIPE,
  }));
}
