import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { lireSaisieNumeros, normaliser } from "../../numbering/index.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { notifierPersonnel } from "../notifications/notifications.service.js";
import { periodeMandat } from "./fondement.js";
import {
  couverture,
  couvrir,
  ecrireDocument,
  idsDesNumeros,
  insererMandat,
  lireDocument,
  lireMandat,
  mandatsAAlerter,
  mandatVerrouille,
  modifierMandat,
  tranchesInconnues,
} from "./presentation.repository.js";

export interface EntreeMandat {
  client_id: number;
  reference?: string | null | undefined;
  signataire: string;
  date_debut: string;
  date_fin?: string | null | undefined;
  /** Numbers covered, in any usual form (lists and ranges as in the number entry). */
  numeros?: string[] | undefined;
  tranche_ids?: number[] | undefined;
  notes?: string | null | undefined;
}

const invalide = (champ: string, message: string, details?: Record<string, unknown>) =>
  new ApiError(422, "MANDAT_INVALIDE", message, [{ champ, message, code: "MANDAT_INVALIDE" }], details);

/** The numbers and blocks a mandate is to cover, all known, or a refusal naming the unknown ones. */
async function lireCouverture(db: Kysely<DB>, numeros: string[], trancheIds: number[]) {
  // ranges are spelled out; each entry is then read like any number (E.164)
  const { numeros: entrees, erreurs } = lireSaisieNumeros(numeros, { plagesInconnues: true });
  const e164: string[] = [];
  for (const entree of entrees) {
    const n = normaliser(entree, "FR", { plagesInconnues: true });
    if (n.ok) e164.push(n.numero.e164);
    else erreurs.push({ entree, raison: n.raison });
  }
  if (erreurs.length)
    throw invalide("numeros", `Numéro illisible : ${erreurs[0]?.entree} (${erreurs[0]?.raison})`, {
      erreurs,
    });
  const { ids, inconnus } = await idsDesNumeros(db, e164);
  if (inconnus.length)
    throw invalide(
      "numeros",
      `${inconnus.length} numéro(s) absent(s) de l'inventaire : ${inconnus.slice(0, 5).join(", ")}${inconnus.length > 5 ? "…" : ""}.`,
      { inconnus },
    );
  const tranches = [...new Set(trancheIds)];
  const absentes = await tranchesInconnues(db, tranches);
  if (absentes.length) throw invalide("tranche_ids", `Tranche(s) inconnue(s) : ${absentes.join(", ")}.`);
  return { ids, tranches };
}

export async function creerMandat(ctx: Contexte, e: EntreeMandat) {
  if (e.date_fin && e.date_fin < e.date_debut)
    throw invalide("date_fin", "Le dernier jour du mandat précède son premier jour.");
  if (!e.numeros?.length && !e.tranche_ids?.length)
    throw invalide("numeros", "Un mandat couvre au moins un numéro ou une tranche.");
  const id = await enTransaction(ctx.db, async (trx) => {
    const { ids, tranches } = await lireCouverture(trx, e.numeros ?? [], e.tranche_ids ?? []);
    const { id } = await insererMandat(trx, {
      client_id: e.client_id,
      reference: e.reference ?? null,
      signataire: e.signataire,
      date_debut: e.date_debut,
      date_fin: e.date_fin ?? null,
      notes: e.notes ?? null,
      created_by: ctx.acteur.nom,
      modified_by: ctx.acteur.nom,
    });
    await couvrir(trx, id, ids, tranches);
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_mandat",
      entiteId: id,
      action: "CREATION",
      apres: { ...e, numeros: ids.length, tranches: tranches.length },
    });
    return id;
  });
  return detailMandat(ctx.db, id);
}

export async function detailMandat(db: Kysely<DB>, id: number) {
  const m = await lireMandat(db, id);
  if (!m) throw introuvable("Mandat");
  const c = await couverture(db, id);
  return { ...m, nb_numeros: Number(m.nb_numeros), nb_tranches: Number(m.nb_tranches), ...c };
}

export interface ModificationMandat {
  reference?: string | null | undefined;
  signataire?: string | undefined;
  date_fin?: string | null | undefined;
  notes?: string | null | undefined;
  actif?: boolean | undefined;
  ajouter_numeros?: string[] | undefined;
  ajouter_tranche_ids?: number[] | undefined;
}

/**
 * Edits a mandate. Its coverage only grows (what it covered stays provable); an end moved later lets the alerts go
 * out again for the new end; `actif: false` revokes it at once.
 */
export async function modifierInfosMandat(ctx: Contexte, id: number, v: ModificationMandat) {
  await enTransaction(ctx.db, async (trx) => {
    const avant = await mandatVerrouille(trx, id);
    if (!avant) throw introuvable("Mandat");
    const { ajouter_numeros, ajouter_tranche_ids, ...champs } = v;
    if (champs.date_fin && champs.date_fin < avant.date_debut)
      throw invalide("date_fin", "Le dernier jour du mandat précède son premier jour.");
    const prolonge =
      champs.date_fin !== undefined &&
      (champs.date_fin === null || avant.date_fin === null || champs.date_fin > avant.date_fin);
    await modifierMandat(trx, id, {
      ...champs,
      ...(prolonge ? { alerte_30_le: null, alerte_7_le: null } : {}),
      modified_by: ctx.acteur.nom,
    });
    const { ids, tranches } = await lireCouverture(trx, ajouter_numeros ?? [], ajouter_tranche_ids ?? []);
    await couvrir(trx, id, ids, tranches);
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_mandat",
      entiteId: id,
      action: "MODIFICATION",
      avant,
      apres: { ...champs, numeros_ajoutes: ids.length, tranches_ajoutees: tranches.length },
    });
  });
  return detailMandat(ctx.db, id);
}

/** A PDF starts with "%PDF-" (ISO 32000); anything else is refused rather than stored as a mandate's proof. */
/** A PDF by its first bytes: what a signed mandate is, here and for a port-in. */
export const estPdf = (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-";

/**
 * Stores the signed mandate (PDF) with its SHA-256: in the database, or in MANDATES_DIR when configured (written to a
 * temporary name, then renamed: never a half-written file under its final name).
 */
export async function deposerDocument(ctx: Contexte, id: number, nom: string, contenu: Buffer) {
  if (!estPdf(contenu))
    throw new ApiError(422, "DOCUMENT_INVALIDE", "Le document d'un mandat est un fichier PDF.");
  const sha256 = createHash("sha256").update(contenu).digest("hex");
  const dossier = ctx.config.dossierMandats;
  let chemin: string | null = null;
  if (dossier) {
    fs.mkdirSync(dossier, { recursive: true });
    chemin = path.join(dossier, `mandat-${id}-${sha256.slice(0, 16)}.pdf`);
    const provisoire = `${chemin}.${process.pid}.tmp`;
    fs.writeFileSync(provisoire, contenu);
    fs.renameSync(provisoire, chemin);
  }
  await enTransaction(ctx.db, async (trx) => {
    if (!(await mandatVerrouille(trx, id))) throw introuvable("Mandat");
    await ecrireDocument(trx, id, {
      nom,
      taille: contenu.length,
      sha256,
      contenu: chemin ? null : contenu,
      chemin,
    });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_mandat",
      entiteId: id,
      action: "DOCUMENT",
      apres: { document_nom: nom, document_taille: contenu.length, document_sha256: sha256 },
    });
  });
  return detailMandat(ctx.db, id);
}

export async function documentDuMandat(db: Kysely<DB>, id: number) {
  const d = await lireDocument(db, id);
  if (!d) throw introuvable("Mandat");
  if (!d.document_sha256) throw new ApiError(404, "DOCUMENT_ABSENT", "Ce mandat n'a pas encore de document.");
  const contenu = d.document ?? (d.document_chemin ? fs.readFileSync(d.document_chemin) : null);
  if (!contenu) throw new ApiError(404, "DOCUMENT_ABSENT", "Le document de ce mandat est introuvable.");
  return { nom: d.document_nom ?? `mandat-${id}.pdf`, sha256: d.document_sha256, contenu };
}

const JOUR_MS = 86_400_000;

/**
 * The alerts before a mandate ends: once at 30 days, once at 7 days (a mandate already within 7 days gets the
 * 7-day one only). Sent to the staff and the webhooks, in the transaction that marks them sent.
 */
export async function alerterFinsDeMandat(db: Kysely<DB>, config: Contexte["config"], maintenant: Date) {
  const aujourdhui = jourMetier(maintenant);
  const horizon = jourMetier(new Date(maintenant.getTime() + 31 * JOUR_MS));
  return enTransaction(db, async (trx) => {
    let envoyees = 0;
    for (const m of await mandatsAAlerter(trx, aujourdhui, horizon)) {
      const fin = periodeMandat(m).fin as number;
      const reste = fin - maintenant.getTime();
      if (reste <= 0) continue;
      const palier = reste <= 7 * JOUR_MS ? 7 : reste <= 30 * JOUR_MS ? 30 : undefined;
      if (palier === undefined || (palier === 7 ? m.alerte_7_le : m.alerte_30_le)) continue;
      const jours = Math.ceil(reste / JOUR_MS);
      const evenement = palier === 7 ? "mandat.fin_7_jours" : "mandat.fin_30_jours";
      await notifierPersonnel(
        trx,
        config,
        evenement,
        {
          sujet: `[SDA] Mandat ${m.reference ?? `n° ${m.id}`} (${m.client}) : fin dans ${jours} jour(s)`,
          corps: [
            `Le mandat ${m.reference ?? `n° ${m.id}`} du client ${m.client}, signé par ${m.signataire}, prend fin le ${m.date_fin} à minuit.`,
            "Ses numéros ne seront plus présentés en appel sortant à partir du lendemain, 00:00, sauf renouvellement.",
          ].join("\n"),
          donnees: {
            mandat: { id: m.id, reference: m.reference, client_id: m.client_id, client: m.client },
            dernier_jour: m.date_fin,
            fin: new Date(fin).toISOString(),
            jours_restants: jours,
          },
        },
        maintenant,
      );
      await modifierMandat(trx, m.id, {
        alerte_7_le: palier === 7 ? maintenant : m.alerte_7_le,
        alerte_30_le: m.alerte_30_le ?? maintenant,
      });
      envoyees++;
    }
    return envoyees;
  });
}
