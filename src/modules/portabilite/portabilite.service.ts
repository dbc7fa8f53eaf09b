import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import type { Preparation } from "../../db/schema-portabilite.js";
import { enTransaction } from "../../db/transaction.js";
import { jourMetier } from "../../heure-metier.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import { refusPresentation } from "../../numbering/presentation.js";
import { campagneDe } from "../affectations/affectations.repository.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { dansLaPortee, exigerAcces, porteeDuActeur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { coordonneesDuCompte } from "../auth/auth.repository.js";
import { indicatifParPays } from "../dids/dids.repository.js";
import { typeEtRegion } from "../dids/dids.service.js";
import { estPdf } from "../presentation/mandats.service.js";
import { conflitVersion } from "../referentiels/ressource.js";
import { MAX_NUMEROS_DEMANDE, type NumeroSaisi, numerosAcceptables } from "./numeros-demandes.js";
import {
  ajouterCommentaire,
  ecrireNumero,
  ecrirePortabilite,
  insererNumeros,
  insererPortabilite,
  numerosDemande,
  portabiliteVerrouillee,
  prochaineReference,
  retirerNumeros,
} from "./portabilite.repository.js";
import { modifiable } from "./workflow.js";

export interface EntreePortabilite {
  client_id?: number | undefined;
  operateur_donneur?: string | undefined;
  operateur_id?: number | undefined;
  date_souhaitee?: string | null | undefined;
  notes?: string | null | undefined;
  demandeur_nom?: string | undefined;
  demandeur_email?: string | null | undefined;
  mandat_signataire?: string | null | undefined;
  numeros?: NumeroSaisi[] | undefined;
}

const pourAutrui = () =>
  new ApiError(403, "INTERDIT", "Vous ne pouvez demander une portabilité que pour votre propre client.");

const nonModifiable = (statut: string) =>
  new ApiError(
    409,
    "PORTABILITE_NON_MODIFIABLE",
    `Demande au statut ${statut} : elle ne se modifie plus (le personnel modifie une demande soumise jusqu'à la bascule).`,
  );

/** The request locked, within the caller's scope (404 outside it). */
export async function verrouillerDemande(trx: Kysely<DB>, acteur: Acteur, id: number) {
  return exigerAcces(
    acteur,
    "Demande de portabilité",
    await portabiliteVerrouillee(trx, id),
    (p) => p.client_id,
  );
}

/** A receiving operator must be one of ours, active. */
async function verifierOperateur(trx: Kysely<DB>, id: number) {
  const o = await trx
    .selectFrom("tel_operateur")
    .select(["id", "actif"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!o?.actif)
    throw new ApiError(422, "REFERENCE_INVALIDE", "Opérateur receveur inconnu ou inactif.", [
      { champ: "operateur_id", message: "Un de nos opérateurs actifs." },
    ]);
}

export async function creerPortabilite(ctx: Contexte, e: EntreePortabilite) {
  const { db, acteur, maintenant } = ctx;
  const portee = porteeDuActeur(acteur);
  const clientId = "client" in portee ? portee.client : e.client_id;
  if (!clientId)
    throw new ApiError(422, "VALIDATION", "Le client est obligatoire.", [
      { champ: "client_id", message: "Champ obligatoire." },
    ]);
  if (e.client_id !== undefined && !dansLaPortee(acteur, e.client_id)) throw pourAutrui();
  return enTransaction(db, async (trx) => {
    await verifierOperateur(trx, e.operateur_id as number);
    const lus = await numerosAcceptables(trx, acteur, clientId, e.numeros ?? [], null);
    const compte =
      acteur.type === "UTILISATEUR" && acteur.utilisateurId !== undefined
        ? await coordonneesDuCompte(trx, acteur.utilisateurId)
        : undefined;
    const cree = await insererPortabilite(trx, {
      reference: `POR-${maintenant.getTime()}-${Math.random()}`,
      client_id: clientId,
      operateur_donneur: (e.operateur_donneur as string).trim(),
      operateur_id: e.operateur_id as number,
      date_souhaitee: e.date_souhaitee ?? null,
      notes: e.notes ?? null,
      demandeur_nom: e.demandeur_nom ?? compte?.nom ?? acteur.nom,
      demandeur_email: e.demandeur_email ?? compte?.email ?? null,
      mandat_signataire: e.mandat_signataire ?? null,
      created_by: acteur.nom,
      modified_by: acteur.nom,
    });
    const reference = await prochaineReference(trx, Number(jourMetier(maintenant).slice(0, 4)), cree.id);
    await insererNumeros(
      trx,
      lus.map((l) => ({ portabilite_id: cree.id, numero: l.numero as string, rio: l.rio })),
    );
    await ajouterCommentaire(trx, cree.id, acteur.nom, `Demande ${reference} créée (brouillon).`, "INFO");
    await ecrireAudit(trx, acteur, {
      entite: "tel_portabilite",
      entiteId: cree.id,
      action: "CREATION",
      apres: { ...cree, reference, mandat_document: null },
    });
    return cree.id;
  });
}

export async function modifierPortabilite(
  ctx: Contexte,
  id: number,
  e: Omit<EntreePortabilite, "numeros" | "client_id">,
  version: number | undefined,
) {
  return enTransaction(ctx.db, async (trx) => {
    const avant = await verrouillerDemande(trx, ctx.acteur, id);
    if (version !== undefined && version !== avant.version) throw conflitVersion();
    if (!modifiable(ctx.acteur, avant.statut)) throw nonModifiable(avant.statut);
    if (e.operateur_id !== undefined) await verifierOperateur(trx, e.operateur_id);
    const apres = await ecrirePortabilite(trx, id, { ...e, modified_by: ctx.acteur.nom });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_portabilite",
      entiteId: id,
      action: "MODIFICATION",
      avant: { ...avant, mandat_document: null },
      apres: { ...apres, mandat_document: null },
    });
    return id;
  });
}

/** Adds numbers or ranges to a request still open to changes: refused lines are listed, nothing is added then. */
export async function ajouterNumeros(ctx: Contexte, id: number, numeros: NumeroSaisi[]) {
  return enTransaction(ctx.db, async (trx) => {
    const p = await verrouillerDemande(trx, ctx.acteur, id);
    if (!modifiable(ctx.acteur, p.statut)) throw nonModifiable(p.statut);
    const deja = await numerosDemande(trx, id);
    const presents = new Set(deja.map((d) => d.numero));
    const lus = await numerosAcceptables(trx, ctx.acteur, p.client_id, numeros, id, deja.length);
    const doublons = lus.filter((l) => presents.has(l.numero as string));
    if (doublons.length > 0)
      throw new ApiError(
        422,
        "PORTABILITE_NUMEROS_REFUSES",
        `Déjà dans la demande : ${doublons.map((d) => d.national).join(", ")}.`,
      );
    await insererNumeros(
      trx,
      lus.map((l) => ({ portabilite_id: id, numero: l.numero as string, rio: l.rio })),
    );
    await ecrirePortabilite(trx, id, { modified_by: ctx.acteur.nom });
    return lus.length;
  });
}

export async function retirerNumerosDemande(ctx: Contexte, id: number, ids: number[]) {
  return enTransaction(ctx.db, async (trx) => {
    const p = await verrouillerDemande(trx, ctx.acteur, id);
    if (!modifiable(ctx.acteur, p.statut)) throw nonModifiable(p.statut);
    const retires = await retirerNumeros(trx, id, ids);
    if (retires.length > 0)
      await ajouterCommentaire(
        trx,
        id,
        ctx.acteur.nom,
        `Retiré(s) de la demande : ${retires.map((r) => r.numero).join(", ")}.`,
        "INFO",
      );
    await ecrirePortabilite(trx, id, { modified_by: ctx.acteur.nom });
    return retires.length;
  });
}

export async function commenterPortabilite(ctx: Contexte, id: number, commentaire: string) {
  return enTransaction(ctx.db, async (trx) => {
    await verrouillerDemande(trx, ctx.acteur, id);
    return ajouterCommentaire(trx, id, ctx.acteur.nom, commentaire, "COMMENTAIRE");
  });
}

/** The client's signed porting mandate (PDF), kept with its SHA-256 like a caller-ID mandate. */
export async function deposerMandatPortabilite(ctx: Contexte, id: number, nom: string, contenu: Buffer) {
  if (!estPdf(contenu))
    throw new ApiError(422, "DOCUMENT_INVALIDE", "Le mandat de portabilité signé est un fichier PDF.");
  const sha256 = createHash("sha256").update(contenu).digest("hex");
  return enTransaction(ctx.db, async (trx) => {
    const p = await verrouillerDemande(trx, ctx.acteur, id);
    if (!modifiable(ctx.acteur, p.statut)) throw nonModifiable(p.statut);
    await ecrirePortabilite(trx, id, {
      mandat_nom: nom,
      mandat_taille: contenu.length,
      mandat_sha256: sha256,
      mandat_document: contenu,
      modified_by: ctx.acteur.nom,
    });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_portabilite",
      entiteId: id,
      action: "MANDAT",
      apres: { mandat_nom: nom, mandat_taille: contenu.length, mandat_sha256: sha256 },
    });
    return id;
  });
}

export async function mandatPortabilite(db: Kysely<DB>, acteur: Acteur, id: number) {
  const p = await db
    .selectFrom("tel_portabilite")
    .select(["client_id", "reference", "mandat_nom", "mandat_sha256", "mandat_document"])
    .where("id", "=", id)
    .executeTakeFirst();
  exigerAcces(acteur, "Demande de portabilité", p, (x) => x.client_id);
  if (!p?.mandat_document || !p.mandat_sha256)
    throw new ApiError(404, "DOCUMENT_ABSENT", "Cette demande n'a pas encore de mandat signé.");
  return {
    nom: p.mandat_nom ?? `mandat-${p.reference}.pdf`,
    sha256: p.mandat_sha256,
    contenu: p.mandat_document,
  };
}

/**
 * What a number becomes at the switch, checked now against the same rules an assignment meets then: the type
 * fits the number, the campaigns are the client's and active, a number presented outbound is allowed to be.
 */
export async function preparerNumero(ctx: Contexte, id: number, ligneId: number, prep: Preparation) {
  return enTransaction(ctx.db, async (trx) => {
    const p = await verrouillerDemande(trx, ctx.acteur, id);
    if (!["BROUILLON", "SOUMISE", "DATE_CONFIRMEE"].includes(p.statut)) throw nonModifiable(p.statut);
    const ligne = (await numerosDemande(trx, id)).find((l) => l.id === ligneId);
    if (!ligne) throw introuvable("Numéro de la demande");
    if (ligne.statut !== "EN_ATTENTE")
      throw new ApiError(
        409,
        "PORTABILITE_NON_MODIFIABLE",
        `Ce numéro est ${ligne.statut === "REJETE" ? "rejeté" : "déjà porté"}.`,
      );
    const lu = normaliser(ligne.numero, "FR", { plagesInconnues: true });
    if (!lu.ok) throw new ApiError(422, lu.code, lu.raison);
    const indicatif = await indicatifParPays(trx, lu.numero.pays);
    const { typeId } = await typeEtRegion(trx, lu.numero, indicatif?.id ?? 0, { type_id: prep.type_id });
    const typeCode = typeId
      ? (await trx.selectFrom("tel_type_did").select("code").where("id", "=", typeId).executeTakeFirst())
          ?.code
      : null;
    if (prep.groupement_id) {
      const g = await trx
        .selectFrom("tel_groupement")
        .select("client_id")
        .where("id", "=", prep.groupement_id)
        .executeTakeFirst();
      if (g?.client_id !== p.client_id)
        throw new ApiError(422, "REFERENCE_INVALIDE", "Ce groupement n'est pas celui du client.", [
          { champ: "groupement_id", message: "Un groupement du client de la demande." },
        ]);
    }
    for (const sens of ["entrant", "sortant"] as const) {
      const a = prep[sens];
      if (!a) continue;
      const c = await campagneDe(trx, a.campaign_id);
      if (!c || c.client_id !== p.client_id || !c.actif)
        throw new ApiError(422, "CAMPAGNE_INCONNUE", "Campagne inconnue, inactive ou d'un autre client.", [
          { champ: `${sens}.campaign_id`, message: "Une campagne active du client de la demande." },
        ]);
      if (a.config_id != null) {
        const cfg = await trx
          .selectFrom("tel_did_config")
          .select("id")
          .where("id", "=", a.config_id)
          .executeTakeFirst();
        if (!cfg)
          throw new ApiError(422, "REFERENCE_INVALIDE", "Configuration inconnue.", [
            { champ: `${sens}.config_id`, message: "Configuration inconnue." },
          ]);
      }
      const interdit = sens === "sortant" ? refusPresentation(typeCode ?? null, c) : undefined;
      if (interdit)
        throw new ApiError(422, interdit.code, interdit.raison, [
          { champ: "sortant", message: interdit.raison },
        ]);
    }
    const preparation: Preparation = { ...prep, type_id: typeId };
    await ecrireNumero(trx, ligneId, { preparation: JSON.stringify(preparation) });
    await ecrirePortabilite(trx, id, { modified_by: ctx.acteur.nom });
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_portabilite_numero",
      entiteId: ligneId,
      action: "PREPARATION",
      avant: { preparation: ligne.preparation },
      apres: { preparation },
    });
    return ligneId;
  });
}

/** Each number's readiness: what the extranet's checklist shows, and what the switch will do with it. */
export function preparationDe(
  ligne: { statut: string; preparation: Preparation | null },
  demande: { mandat_sha256: string | null; bascule_le: Date | null },
) {
  const p = ligne.preparation ?? {};
  const points = {
    type: p.type_id != null,
    entrant: !!p.entrant,
    sortant: !!p.sortant,
    mandat: !!demande.mandat_sha256,
    date: !!demande.bascule_le,
  };
  return {
    ...points,
    pret: ligne.statut === "EN_ATTENTE" && points.type && points.entrant && points.mandat && points.date,
  };
}

export { MAX_NUMEROS_DEMANDE };
