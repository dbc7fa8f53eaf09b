import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import type { Executor } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { peut } from "../auth/politique.js";
import { etatDesNumeros } from "./portabilite.repository.js";
import { refusRio } from "./rio.js";

// The numbers a port-in names, read once for the preview, the form, the import and the API: a single number or an
// SDA range (« 01 42 68 77 00 - 01 42 68 77 09 »), each classed against what the inventory already holds.

/** At most this many numbers in one request: a range is ported in part or whole, never by the million. */
export const MAX_NUMEROS_DEMANDE = 1000;

export interface NumeroSaisi {
  numero: string;
  rio?: string | null | undefined;
}

export type Classe =
  | "NOUVEAU"
  | "REVIENT"
  | "DANS_UNE_TRANCHE"
  | "DEJA_CHEZ_NOUS"
  | "AUTRE_CLIENT"
  | "EN_COURS"
  | "INVALIDE";

/** The classes a request may not hold: the number is live here already, or the line cannot be read. */
export const CLASSES_REFUSEES: readonly Classe[] = ["DEJA_CHEZ_NOUS", "AUTRE_CLIENT", "EN_COURS", "INVALIDE"];

export interface NumeroClasse {
  saisie: string;
  numero: string | null;
  national: string | null;
  rio: string | null;
  classe: Classe;
  message: string;
  did_id: number | null;
}

const LIBELLES: Record<Classe, string> = {
  NOUVEAU: "Nouveau : inconnu de l'inventaire, il y entrera à la bascule.",
  REVIENT: "Revient : numéro résilié ou parti chez un autre opérateur, il reviendra au client à la bascule.",
  DANS_UNE_TRANCHE: "Dans une de nos tranches : vérifiez qu'il n'est pas déjà chez nous.",
  DEJA_CHEZ_NOUS: "Déjà chez nous : ce numéro est en service dans l'inventaire, il ne se porte pas.",
  AUTRE_CLIENT: "Détenu par un autre client : il ne se porte pas.",
  EN_COURS: "Déjà dans une autre demande de portabilité en cours.",
  INVALIDE: "Numéro illisible.",
};

/** One entry, a number or a range, as E.164 numbers (a range keeps the same length and steps by one). */
async function developper(
  saisie: string,
): Promise<{ numeros: string[]; national: string[] } | { erreur: string }> {
  const [a, b, ...reste] = saisie.split(/\s*(?:-|–|\.\.|à)\s*(?=\+?\d)/);
  if (reste.length > 0 || !a) return { erreur: `Plage illisible : « ${saisie} ».` };
  const premier = normaliser(a, "FR");
  if (!premier.ok) return { erreur: premier.raison };
  if (b === undefined) return { numeros: [premier.numero.e164], national: [premier.numero.national] };
  const dernier = normaliser(b, "FR");
  if (!dernier.ok) return { erreur: dernier.raison };
  const [x, y] = [BigInt(premier.numero.e164.slice(1)), BigInt(dernier.numero.e164.slice(1))];
  if (premier.numero.indicatif !== dernier.numero.indicatif || y < x || y - x >= BigInt(MAX_NUMEROS_DEMANDE))
    return {
      erreur: `Plage « ${saisie} » : même pays, du plus petit au plus grand, ${MAX_NUMEROS_DEMANDE} numéros au plus.`,
    };
  const numeros: string[] = [];
  const national: string[] = [];
  for (let n = x; n <= y; n++) {
    // reading a thousand numbers takes the event loop tens of milliseconds: Hermes' lookups pass every hundred
    if ((n - x) % 100n === 99n) await laisserPasser();
    const lu = normaliser(`+${n}`, "FR");
    if (!lu.ok) return { erreur: `${n} : ${lu.raison}` };
    numeros.push(lu.numero.e164);
    national.push(lu.numero.national);
  }
  return { numeros, national };
}

const laisserPasser = () => new Promise<void>((r) => setImmediate(r));

const nationalFr = (e164: string, national: string) => (e164.startsWith("+33") ? `0${national}` : national);

/**
 * Each entry read and classed for this client: the preview shows them, adding them refuses the classes a request
 * may not hold. A client is not told who holds another client's number.
 */
export async function classerNumeros(
  db: Executor,
  acteur: Acteur,
  clientId: number,
  saisies: NumeroSaisi[],
  saufDemande: number | null,
): Promise<NumeroClasse[]> {
  const sortie: NumeroClasse[] = [];
  const aLire: NumeroClasse[] = [];
  const vus = new Set<string>();
  let lues = 0;
  for (const s of saisies) {
    if (++lues % 100 === 0) await laisserPasser();
    const d = await developper(s.numero.trim());
    if ("erreur" in d) {
      sortie.push({
        saisie: s.numero,
        numero: null,
        national: null,
        rio: s.rio ?? null,
        classe: "INVALIDE",
        message: d.erreur,
        did_id: null,
      });
      continue;
    }
    d.numeros.forEach((numero, i) => {
      const national = nationalFr(numero, d.national[i] as string);
      // a range's RIO is its head number's
      const rio = i === 0 && s.rio ? s.rio.trim().toUpperCase() : null;
      const refus = rio ? refusRio(rio, national) : undefined;
      const ligne: NumeroClasse = {
        saisie: d.numeros.length > 1 ? `${s.numero} (${national})` : s.numero,
        numero,
        national,
        rio,
        classe: refus ? "INVALIDE" : "NOUVEAU",
        message: refus ?? LIBELLES.NOUVEAU,
        did_id: null,
      };
      if (vus.has(numero)) {
        ligne.classe = "INVALIDE";
        ligne.message = "En double dans la demande.";
      }
      vus.add(numero);
      sortie.push(ligne);
      if (ligne.classe === "NOUVEAU") aLire.push(ligne);
    });
    if (sortie.length > MAX_NUMEROS_DEMANDE * 2) break;
  }
  const etats = new Map(
    (
      await etatDesNumeros(
        db,
        aLire.map((l) => l.numero as string),
        saufDemande,
      )
    ).map((e) => [e.numero, e]),
  );
  for (const l of aLire) {
    const e = etats.get(l.numero as string);
    if (!e) continue;
    l.did_id = e.did_id;
    let classe: Classe = "NOUVEAU";
    let message = LIBELLES.NOUVEAU;
    if (e.autre_demande) {
      classe = "EN_COURS";
      // another client's request is not named to a client
      message = peut(acteur, "internes:lire")
        ? `Déjà dans la demande ${e.autre_demande}.`
        : LIBELLES.EN_COURS;
    } else if (e.did_id && e.statut !== "RESILIE" && e.client_id !== null && e.client_id !== clientId) {
      classe = "AUTRE_CLIENT";
      message = peut(acteur, "internes:lire")
        ? `Détenu par ${e.client} : il ne se porte pas.`
        : LIBELLES.AUTRE_CLIENT;
    } else if (e.did_id && e.statut !== "RESILIE") {
      classe = "DEJA_CHEZ_NOUS";
      message = LIBELLES.DEJA_CHEZ_NOUS;
    } else if (e.did_id) {
      classe = "REVIENT";
      message = e.portee_vers
        ? `Revient de ${e.portee_vers}, où il était parti par portabilité.`
        : LIBELLES.REVIENT;
    } else if (e.tranche_id) {
      classe = "DANS_UNE_TRANCHE";
      message = peut(acteur, "internes:lire")
        ? `Dans une tranche ${e.tranche_operateur ?? ""} : vérifiez qu'il n'est pas déjà chez nous.`
        : LIBELLES.DANS_UNE_TRANCHE;
    }
    l.classe = classe;
    l.message = message;
  }
  return sortie;
}

/** The entries read, or 422 with every refused line when one of them may not be in a request. */
export async function numerosAcceptables(
  db: Executor,
  acteur: Acteur,
  clientId: number,
  saisies: NumeroSaisi[],
  saufDemande: number | null,
  dejaDansLaDemande = 0,
) {
  const lus = await classerNumeros(db, acteur, clientId, saisies, saufDemande);
  const refuses = lus.filter((l) => CLASSES_REFUSEES.includes(l.classe));
  if (refuses.length > 0)
    throw new ApiError(
      422,
      "PORTABILITE_NUMEROS_REFUSES",
      `${refuses.length} numéro(s) ne peuvent pas être portés : ${refuses
        .slice(0, 5)
        .map((r) => `${r.national ?? r.saisie} (${r.message})`)
        .join(" ; ")}${refuses.length > 5 ? "…" : ""}`,
      refuses
        .slice(0, 200)
        .map((r) => ({ champ: "numeros", message: `${r.saisie} : ${r.message}`, code: r.classe })),
      { refuses },
    );
  if (lus.length + dejaDansLaDemande > MAX_NUMEROS_DEMANDE)
    throw new ApiError(
      422,
      "PORTABILITE_TROP_DE_NUMEROS",
      `Une demande de portabilité porte au plus ${MAX_NUMEROS_DEMANDE} numéros : faites-en plusieurs.`,
    );
  return lus;
}
