import { jourMetier } from "../../heure-metier.js";
import { controleInterdit } from "../../http/textes.js";
import { chiffresDirects, normaliser } from "../../numbering/index.js";
import { associerChamps } from "../transfert/colonnes.js";
import type { Tableau } from "../transfert/lecture.js";
import { lireBooleen, lireEntier, lireInstant } from "../transfert/valeurs.js";

// Reading the platform's call records into one call per line: the number it concerns (ours), the business day, its
// direction, whether it was answered or abandoned, its duration. Two shapes: an export of Hermes' call table
// (HN_Ondata.dbo.ODCalls), or a plain file of number, date-time, direction, answered and duration.

/** Columns of an ODCalls export, by the names Hermes gives them. */
export const CHAMPS_HERMES = {
  date: { noms: ["CallLocalTime"], requis: true },
  type: { noms: ["CallType"], requis: true },
  outtel: { noms: ["OutTel"] },
  ani: { noms: ["ANI"] },
  duree: { noms: ["Duration"], requis: true },
  attente: { noms: ["WaitDuration"] },
  abandon: { noms: ["Abandon"] },
  campagne: { noms: ["FirstCampaign"] },
};

/** Columns of a plain file. */
export const CHAMPS_SIMPLE = {
  numero: { noms: ["numero", "numéro", "number", "did", "sda"], requis: true },
  date: { noms: ["date_heure", "date", "datetime", "horodatage", "debut"], requis: true },
  sens: { noms: ["sens", "direction"], requis: true },
  repondu: { noms: ["repondu", "répondu", "answered"], requis: true },
  duree: { noms: ["duree", "durée", "duration", "duree_s"], requis: true },
};

const ENTRANT = new Set(["in", "inbound", "incoming", "entrant", "e", "i", "appel entrant"]);
const SORTANT = new Set(["out", "outbound", "outgoing", "sortant", "s", "o", "appel sortant"]);

export interface Appel {
  e164: string;
  jour: string;
  instant: Date;
  entrant: boolean;
  repondu: boolean;
  abandonne: boolean;
  duree: number;
}

export interface RejetAppel {
  ligne: number;
  raison: string;
}

export function formatAppels(entetes: string[]): "HERMES" | "SIMPLE" {
  return entetes.some((e) => e.toLowerCase() === "calllocaltime") ? "HERMES" : "SIMPLE";
}

/** The number a call concerns: "<campaign DID>-<caller>" keeps the part before the dash (the DID called). */
function numeroDe(texte: string): string | undefined {
  const did = texte.trim().split("-")[0]?.trim() ?? "";
  if (did === "") return undefined;
  const directs = chiffresDirects(did, "FR");
  if (directs !== undefined) return `+${directs}`;
  // Hermes writes national numbers without their 0 at times (142685300): read as French
  const n = normaliser(/^[1-9]\d{8}$/.test(did) ? `0${did}` : did, "FR", { plagesInconnues: true });
  return n.ok ? n.numero.e164 : undefined;
}

/**
 * Every line read into a call, or a rejection with its reason (a direction or a date the code does not understand
 * is reported, never guessed). Inbound calls name our number in OutTel (ANI when OutTel is empty) as
 * "<DID>-<caller>"; an outbound call's presented number is its ANI.
 */
export function lireAppels(tableau: Tableau, correspondances?: Record<string, string>) {
  const format = formatAppels(tableau.entetes);
  const colonnes = associerChamps(
    format === "HERMES" ? CHAMPS_HERMES : CHAMPS_SIMPLE,
    "appels",
    tableau.entetes,
    correspondances,
  );
  const appels: Appel[] = [];
  const rejets: RejetAppel[] = [];
  for (const { ligne, valeurs } of tableau.lignes) {
    const v = (champ: string) => (colonnes[champ] ? (valeurs[colonnes[champ] as string] ?? "").trim() : "");
    const refus = (raison: string) => rejets.push({ ligne, raison });
    const interdit = controleInterdit(valeurs);
    if (interdit) {
      refus(interdit);
      continue;
    }
    const instant = lireInstant(v("date").replace(/\.\d+$/, ""));
    if (!instant.ok) {
      refus(`date : ${instant.raison}`);
      continue;
    }
    const duree = lireEntier(v("duree").replace(/[.,]\d+$/, ""), 0, 86_400 * 7);
    if (!duree.ok) {
      refus(`durée : ${duree.raison}`);
      continue;
    }
    const sensTexte = v(format === "HERMES" ? "type" : "sens").toLowerCase();
    const entrant = ENTRANT.has(sensTexte) ? true : SORTANT.has(sensTexte) ? false : undefined;
    if (entrant === undefined) {
      refus(`sens inconnu : « ${sensTexte} » (entrant/inbound/in ou sortant/outbound/out)`);
      continue;
    }
    let e164: string | undefined;
    let repondu: boolean;
    let abandonne: boolean;
    if (format === "HERMES") {
      e164 = numeroDe(entrant ? v("outtel") || v("ani") : v("ani"));
      const ab = v("abandon") === "" ? { ok: true as const, v: false } : lireBooleen(v("abandon"));
      if (!ab.ok) {
        refus(`Abandon : ${ab.raison}`);
        continue;
      }
      abandonne = ab.v;
      repondu = !abandonne && duree.v > 0;
    } else {
      e164 = numeroDe(v("numero"));
      const r = lireBooleen(v("repondu"));
      if (!r.ok) {
        refus(`répondu : ${r.raison}`);
        continue;
      }
      repondu = r.v;
      abandonne = entrant && !r.v;
    }
    if (!e164) {
      refus("numéro illisible");
      continue;
    }
    appels.push({
      e164,
      jour: jourMetier(instant.v),
      instant: instant.v,
      entrant,
      repondu,
      abandonne,
      duree: duree.v,
    });
  }
  return { format, colonnes, appels, rejets };
}
