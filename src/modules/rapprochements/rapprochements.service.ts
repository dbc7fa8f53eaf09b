import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { ClasseRapprochement, DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { moisMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { celluleLisible, controleInterdit } from "../../http/textes.js";
import { chiffresDirects, normaliser } from "../../numbering/index.js";
import { actionEnMasse } from "../dids/cycle-de-vie.js";
import { modifierDid } from "../dids/dids.service.js";
import { associerChamps, colonnesIgnorees } from "../transfert/colonnes.js";
import { ceder } from "../transfert/import-contexte.js";
import { type LimitesLecture, lireTableau } from "../transfert/lecture.js";
import { lireDate, lireMontant } from "../transfert/valeurs.js";
import {
  ajouterNonFactures,
  corrigeesParClasse,
  insererLignes,
  insererRapprochement,
  type LignesLues,
  lignesACorriger,
  lireRapprochement,
  marquerCorrigees,
  memoireDeTravail,
  terminerRapprochement,
  totaux,
} from "./rapprochements.repository.js";

/** The columns of a carrier's list or invoice lines, and the names they go by (French and English). */
export const CHAMPS_FACTURE = {
  numero: {
    noms: [
      "numero",
      "numéro",
      "number",
      "did",
      "sda",
      "ndi",
      "e164",
      "telephone",
      "téléphone",
      "msisdn",
      "numero_sda",
      "designation",
      "désignation",
    ],
    requis: true,
  },
  reference: {
    noms: ["reference", "référence", "reference_operateur", "ref", "carrier_ref", "contrat", "service_id"],
  },
  prix: {
    noms: [
      "prix",
      "prix_mensuel",
      "prix_ht",
      "prix_mensuel_ht",
      "prix_unitaire_ht",
      "montant_ht",
      "montant_mensuel",
      "montant_mensuel_ht",
      "tarif",
      "tarif_ht",
      "monthly_price",
      "price",
      "mrc",
    ],
  },
  debut: {
    noms: ["debut", "début", "date_debut", "date_début", "service_start", "start", "mise_en_service"],
  },
  fin: { noms: ["fin", "date_fin", "service_end", "end", "resiliation", "date_resiliation"] },
};

export const CLASSES: Record<ClasseRapprochement, string> = {
  A_RECLAMER: "Facturé après sa résiliation chez nous : à réclamer",
  INCONNU: "Facturé mais absent de l'inventaire",
  NON_FACTURE: "Dans l'inventaire, non résilié, mais non facturé",
  PRIX_DIFFERENT: "Prix différent du coût mensuel de l'inventaire",
  REFERENCE_DIFFERENTE: "Référence opérateur différente de la nôtre",
  CONFORME: "Conforme",
  ILLISIBLE: "Ligne illisible",
};

/** The month's first and last days and its number of days. */
export function mois(periode: string) {
  const m = moisMetier(periode);
  if (!m) throw new ApiError(422, "VALIDATION", `Période illisible : « ${periode} » (AAAA-MM attendu).`);
  return { premier: m.premier, dernier: m.dernier, jours: m.jours.length };
}

/**
 * Reads the file's lines: each number in E.164, its price and dates (the part of the month they bill is computed as
 * they go into the database). An unreadable line is kept, as ILLISIBLE with its reason and the cell as written:
 * nothing of the carrier's file is dropped.
 */
async function lireLignes(
  lignes: Array<{ ligne: number; valeurs: Record<string, string> }>,
  colonnes: Record<string, string>,
): Promise<LignesLues> {
  const l: LignesLues = {
    ligne: [],
    numero: [],
    brut: [],
    raison: [],
    reference: [],
    prix: [],
    debut: [],
    fin: [],
  };
  const cellule = (v: Record<string, string>, champ: string) =>
    colonnes[champ] ? (v[colonnes[champ] as string] ?? "").trim() : "";
  for (const { ligne, valeurs } of lignes) {
    // the event loop answers Hermes' lookups between two short runs of reading
    const pause = ceder();
    if (pause) await pause;
    const interdit = controleInterdit(valeurs);
    if (interdit) {
      // kept as ILLISIBLE with its reason, the number as written with its control characters spelt out
      l.ligne.push(ligne);
      l.numero.push(null);
      l.brut.push(celluleLisible(cellule(valeurs, "numero")));
      l.raison.push(interdit);
      l.reference.push(null);
      l.prix.push(null);
      l.debut.push(null);
      l.fin.push(null);
      continue;
    }
    const brut = cellule(valeurs, "numero");
    const fautes: string[] = [];
    // the common forms (0XXXXXXXXX, +33…, 0033…) read straight into digits: a carrier's million lines would spend
    // most of the reconciliation in libphonenumber; anything else goes through the full reading
    const directs = chiffresDirects(brut, "FR");
    const n = directs !== undefined ? undefined : normaliser(brut, "FR", { plagesInconnues: true });
    if (n && !n.ok) fautes.push(`numéro : ${n.raison}`);
    const lu = <T>(
      champ: string,
      lire: (s: string) => { ok: true; v: T } | { ok: false; raison: string },
    ) => {
      const s = cellule(valeurs, champ);
      if (s === "") return null;
      const r = lire(s);
      if (!r.ok) fautes.push(`${champ} : ${r.raison}`);
      return r.ok ? r.v : null;
    };
    const prix = lu("prix", lireMontant);
    const debut = lu("debut", lireDate);
    const fin = lu("fin", lireDate);
    l.ligne.push(ligne);
    l.numero.push(directs !== undefined ? `+${directs}` : n?.ok ? n.numero.e164 : null);
    l.brut.push(fautes.length ? brut : null);
    l.raison.push(fautes.length ? fautes.join(" ; ") : null);
    l.reference.push(cellule(valeurs, "reference") || null);
    l.prix.push(prix);
    l.debut.push(debut);
    l.fin.push(fin);
  }
  return l;
}

const TRANCHE = 50_000;

export interface EntreeRapprochement {
  operateur_id: number;
  periode: string;
  nom: string;
  contenu: Buffer;
  colonnes?: Record<string, string> | undefined;
  limites: LimitesLecture;
}

/**
 * Reconciles a carrier's file for one operator and one month with the inventory, all or nothing: the file's lines
 * classified, the inventory's unbilled numbers added, the totals per class, kept with who and when.
 */
export async function rapprocher(ctx: Contexte, e: EntreeRapprochement) {
  const debut = performance.now();
  // the time of each phase, for the benchmark (the API's answer leaves it out)
  const phases: Record<string, number> = {};
  let t = debut;
  const phase = (nom: string) => {
    const x = performance.now();
    phases[nom] = Math.round(x - t);
    t = x;
  };
  const m = mois(e.periode);
  const tableau = await lireTableau(e.contenu, e.limites);
  phase("lecture");
  const colonnes = associerChamps(CHAMPS_FACTURE, "rapprochement", tableau.entetes, e.colonnes);
  const id = await enTransaction(ctx.db, async (trx) => {
    await memoireDeTravail(trx);
    const { id } = await insererRapprochement(trx, {
      operateur_id: e.operateur_id,
      periode: e.periode,
      fichier_nom: e.nom,
      fichier_sha256: createHash("sha256").update(e.contenu).digest("hex"),
      colonnes,
      colonnes_ignorees: colonnesIgnorees(tableau.entetes, colonnes),
      lignes_lues: tableau.lignes.length,
      auteur: ctx.acteur.nom,
    });
    // a slice is read here while the database writes the previous one: the server's work hides this process's
    let ecriture: Promise<void> = Promise.resolve();
    for (let de = 0; de < tableau.lignes.length; de += TRANCHE) {
      const tranche = await lireLignes(tableau.lignes.slice(de, de + TRANCHE), colonnes);
      await ecriture;
      ecriture = insererLignes(trx, id, tranche, m);
      // awaited below; a failure meanwhile is not an unhandled rejection
      ecriture.catch(() => {});
    }
    await ecriture;
    phase("insertion");
    await ajouterNonFactures(trx, id, e.operateur_id, m.dernier);
    phase("non_factures");
    await terminerRapprochement(trx, id, await totaux(trx, id), performance.now() - debut);
    phase("totaux");
    return id;
  });
  return { ...(await detailRapprochement(ctx.db, id)), phases };
}

export async function detailRapprochement(db: Kysely<DB>, id: number) {
  const r = await lireRapprochement(db, id);
  if (!r) throw introuvable("Rapprochement");
  const t = r.totaux as Record<string, { n: number; montant: number | null }>;
  const corrigees = await corrigeesParClasse(db, id);
  const colonnes = r.colonnes as Record<string, string>;
  const sansPrix = !colonnes.prix;
  return {
    ...r,
    sans_prix: sansPrix,
    avertissements: sansPrix
      ? [
          "Le fichier n'a pas de colonne de prix reconnue : aucun montant n'est calculé ni réclamé, et les écarts de prix ne sont pas cherchés. Indiquez la colonne des prix (colonnes, champ « prix ») et rapprochez à nouveau.",
        ]
      : [],
    classes: (Object.keys(CLASSES) as ClasseRapprochement[]).map((classe) => ({
      classe,
      libelle: CLASSES[classe],
      n: t[classe]?.n ?? 0,
      corrigees: corrigees.get(classe) ?? 0,
      montant: t[classe] === undefined ? (sansPrix ? null : 0) : t[classe].montant,
    })),
  };
}

export type ActionCorrection = "cout" | "reference" | "resilier";

/**
 * Applies the fixes that belong to us, one line or a whole class: the inventory's cost or reference set to the
 * carrier's (an edit of the number, with its history), or a number the carrier no longer bills terminated through
 * the lifecycle. Terminating a number in use asks for a confirmation naming them; each line is fixed once.
 */
export async function corriger(
  ctx: Contexte,
  id: number,
  c: {
    action: ActionCorrection;
    lignes?: number[] | undefined;
    classe?: ClasseRapprochement | undefined;
    motif?: string | undefined;
    confirmer?: boolean | undefined;
  },
) {
  if (!c.lignes && !c.classe)
    throw new ApiError(422, "VALIDATION", "Nommez les lignes à corriger, ou une classe entière.");
  return enTransaction(ctx.db, async (trx) => {
    if (!(await lireRapprochement(trx, id))) throw introuvable("Rapprochement");
    const toutes = await lignesACorriger(trx, id, { ids: c.lignes, classe: c.classe });
    const lignes = toutes.filter((l) =>
      c.action === "cout"
        ? l.prix_different && l.prix_facture !== null
        : c.action === "reference"
          ? l.reference_differente
          : l.classe === "NON_FACTURE",
    );
    const motif = c.motif?.trim() || `Rapprochement opérateur n° ${id}`;
    const ctxTrx = { ...ctx, db: trx };
    if (c.action === "resilier") {
      const enService = lignes.filter((l) => l.en_service);
      if (enService.length && !c.confirmer)
        throw new ApiError(
          409,
          "CONFIRMATION_REQUISE",
          `${enService.length} de ces numéros sont en service (une campagne les route) : les résilier coupe leurs appels. Confirmez.`,
          undefined,
          { en_service: enService.map((l) => l.numero) },
        );
      if (lignes.length)
        await actionEnMasse(
          ctxTrx,
          "resilier",
          lignes.map((l) => l.did_id as number),
          { motif },
        );
    } else {
      for (const l of lignes)
        await modifierDid(
          ctxTrx,
          l.did_id as number,
          c.action === "cout"
            ? { cout_mensuel: l.prix_facture }
            : { reference_externe: l.reference_facturee },
          undefined,
          motif,
        );
    }
    await marquerCorrigees(
      trx,
      lignes.map((l) => l.id),
      c.action,
      ctx.acteur.nom,
      ctx.maintenant,
    );
    return { action: c.action, corrigees: lignes.length, numeros: lignes.map((l) => l.numero as string) };
  });
}
