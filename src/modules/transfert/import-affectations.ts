// Importing campaign assignments: each row checked against the number's other assignments and the routing rules,
// written with its history; the numbers then take the status their assignments give them.

import { sql } from "kysely";
import { normaliser } from "../../numbering/index.js";
import { refusPresentation } from "../../numbering/presentation.js";
import { refusApresSortie } from "../portabilite/regle-sortie.js";
import { fondementDuNumero, REFUS_SANS_FONDEMENT } from "../presentation/presentation.service.js";
import {
  creerAffectations,
  creerCampagne,
  creerNumero,
  donnerClients,
  donnerOperateur,
} from "./import-affectations-ecriture.js";
import {
  type AffectationEnPlace,
  type ContexteImport,
  ceder,
  doublon,
  type Existant,
  e164Valides,
  existants,
  indicatifDe,
  type Ligne,
  lire,
  Refus,
  type Remettre,
  referenceFixe,
  refuserHorsPlan,
  rejeter,
  valeur,
  valeurRoutage,
  valeurSure,
} from "./import-contexte.js";
import { codeDe, lireBooleen, lireEntier, lireFin, lireInstant, lireSens, type Sens } from "./valeurs.js";

export async function prechargerAffectations(ctx: ContexteImport, lignes: Ligne[]): Promise<Remettre> {
  const normes = new Map<Ligne, ReturnType<typeof normaliser>>();
  for (const l of lignes) {
    // read outside the known ranges too: a stored number is always found; creating one needs the option
    normes.set(l, normaliser(valeurSure(ctx, l, "numero"), "FR", { plagesInconnues: true }));
    const pause = ceder();
    if (pause) await pause;
  }
  const connus = await existants(ctx.trx, ctx.refs, e164Valides(normes), "affectations", ctx.maintenant);
  return (c) => {
    c.normes = normes;
    c.connus = connus;
    // a number already read keeps what the checks made of it: this read may predate its last write
    for (const { id, affectations } of connus.values()) {
      if (c.didsLus.has(id)) continue;
      c.didsLus.add(id);
      if (affectations?.length) c.parDid.set(id, affectations);
    }
  };
}

export async function analyserAffectations(ctx: ContexteImport, lignes: Ligne[]) {
  const { refs } = ctx;
  const normes = ctx.normes as Map<Ligne, ReturnType<typeof normaliser>>;
  const connus = ctx.connus as Map<string, Existant>;
  const { parDid, clientsAAffecter } = ctx;
  const nouveauxClients = new Map<number, number>();
  const { maintenant } = ctx;
  const creations: Array<Omit<AffectationEnPlace, "id">> = [];
  for (const [i, l] of lignes.entries()) {
    const pause = ceder();
    if (pause) await pause;
    try {
      const n = normes.get(l) as ReturnType<typeof normaliser>;
      const brut = valeur(ctx, l, "numero");
      if (!n.ok) throw new Refus(ctx.colonnes.numero ?? "numero", brut, n.raison);
      const operateurId = referenceFixe(ctx, l, "operateur", refs.operateurs, "Opérateur");
      let did = connus.get(n.numero.e164) ?? ctx.numerosCrees.get(n.numero.e164);
      // a number to create is created once the row passed every check: a refused row creates nothing
      const nouveau = !did;
      if (!did) {
        if (!ctx.options.creerManquants)
          throw new Refus(
            ctx.colonnes.numero ?? "numero",
            brut,
            "Numéro absent de l'inventaire (importez d'abord les numéros, ou l'option « créer ce qui manque » le crée).",
          );
        if (n.numero.horsPlan && !ctx.options.accepterPlagesInconnues)
          refuserHorsPlan(ctx, brut, n.numero.e164);
        did = numeroACreer(ctx, n, brut, operateurId ?? null);
      } else if (operateurId) {
        const actuel = did.valeurs.operateur_id as number | null;
        if (actuel !== null && actuel !== operateurId)
          throw new Refus(
            ctx.colonnes.operateur ?? "operateur",
            valeur(ctx, l, "operateur"),
            `Le numéro est chez l'opérateur ${refs.operateurs.codes.get(actuel)} dans l'inventaire.`,
          );
        if (actuel === null) {
          const id = did.id;
          did.valeurs.operateur_id = operateurId;
          ctx.ops.push((trx) => donnerOperateur(trx, ctx.acteur, id, operateurId, refs, ctx.maintenant));
        }
      }
      const campTexte = valeur(ctx, l, "campagne");
      const clientDonne = referenceFixe(ctx, l, "client", refs.clients, "Client");
      // by code or Hermes id; a name is read as the code --create-missing would give it ("Relance été": RELANCE_ETE)
      let campagneId =
        refs.campagnes.trouver(campTexte) ??
        (campTexte ? refs.campagnes.trouver(codeDe(campTexte)) : undefined);
      if (campagneId === undefined) {
        // created, with --create-missing, for the client that holds the number (a campaign belongs to a client)
        const titulaire = did.client_id ?? clientsAAffecter.get(did.id) ?? clientDonne ?? undefined;
        if (!ctx.options.creerManquants || !campTexte || !titulaire)
          throw new Refus(
            ctx.colonnes.campagne ?? "campagne",
            campTexte,
            !campTexte
              ? "Campagne obligatoire."
              : ctx.options.creerManquants
                ? "Campagne inconnue, et le numéro n'a pas de client à qui la créer."
                : "Campagne inconnue (code ou identifiant Hermes ; l'option « créer ce qui manque » la crée chez le client du numéro).",
          );
        campagneId = await creerCampagne(ctx, campTexte, titulaire);
      }
      const camp = refs.campagnesInfo.get(campagneId) as {
        client_id: number;
        prospection: boolean;
        code: string;
      };
      const configId = referenceFixe(ctx, l, "config", refs.configs, "Configuration");
      const priorite = lire(ctx, l, "priorite", (s) => lireEntier(s, 1, 1000));
      const debut = lire(ctx, l, "date_debut", lireInstant);
      const fin = lire(ctx, l, "date_fin", lireFin);
      const apresSortie = refusApresSortie(did.valeurs, fin ?? null);
      if (apresSortie)
        throw new Refus(ctx.colonnes.date_fin ?? "date_fin", valeur(ctx, l, "date_fin"), apresSortie);
      if (debut && fin && fin <= debut)
        throw new Refus(
          ctx.colonnes.date_fin ?? "date_fin",
          valeur(ctx, l, "date_fin"),
          "La fin doit suivre le début.",
        );
      if (clientDonne && clientDonne !== camp.client_id)
        throw new Refus(
          ctx.colonnes.client ?? "client",
          valeur(ctx, l, "client"),
          `La campagne ${camp.code} est celle du client ${refs.clients.codes.get(camp.client_id)}.`,
        );
      const { entrant, sortant } = lireDirections(ctx, l);
      if (doublon(ctx, l, `${n.numero.e164}/${campagneId}/${debut?.toISOString() ?? ""}`)) continue;
      const proprietaire = did.client_id ?? clientsAAffecter.get(did.id);
      if (proprietaire !== undefined && proprietaire !== null && proprietaire !== camp.client_id)
        throw new Refus(
          ctx.colonnes.campagne ?? "campagne",
          campTexte,
          "La campagne appartient à un autre client que le numéro.",
        );
      if (proprietaire === undefined || proprietaire === null) {
        if (did.statut !== "DISPONIBLE")
          throw new Refus(
            ctx.colonnes.numero ?? "numero",
            brut,
            `Numéro sans client au statut ${did.statut} : il ne peut pas être affecté.`,
          );
      } else if (!["AFFECTE", "UTILISE", "DISPONIBLE"].includes(did.statut)) {
        throw new Refus(
          ctx.colonnes.numero ?? "numero",
          brut,
          `Numéro au statut ${did.statut} : il ne peut pas être affecté.`,
        );
      }
      const interdit = sortant ? refusPresentation(did.type, camp) : undefined;
      if (interdit)
        throw new Refus(ctx.colonnes.sortant ?? "sortant", valeur(ctx, l, "sortant"), interdit.raison);
      // a client's number is presented under its mandate only: checked at the assignment's start, as the API does
      if (
        sortant &&
        did.valeurs.titulaire === "CLIENT" &&
        !(await fondementDuNumero(
          ctx.trx,
          { id: did.id, titulaire: "CLIENT" },
          camp.client_id,
          debut ?? maintenant,
        ))
      )
        throw new Refus(ctx.colonnes.sortant ?? "sortant", valeur(ctx, l, "sortant"), REFUS_SANS_FONDEMENT);
      if (nouveau) {
        if (n.numero.horsPlan) refuserHorsPlan(ctx, brut, n.numero.e164);
        await creerNumero(ctx, did, n.numero.e164);
      }
      if (proprietaire === undefined || proprietaire === null) {
        clientsAAffecter.set(did.id, camp.client_id);
        nouveauxClients.set(did.id, camp.client_id);
      }
      const liste = parDid.get(did.id) ?? [];
      // the same assignment: same number and campaign, same start when the file gives one, else the current one
      const meme = liste.find(
        (a) =>
          a.campaign_id === campagneId &&
          (debut ? a.date_debut.getTime() === debut.getTime() : !a.date_fin || a.date_fin > maintenant),
      );
      const voulu = {
        config_id: configId === undefined ? (meme?.config_id ?? null) : configId,
        alias: valeurRoutage(ctx, l, "alias") || (meme?.alias ?? null),
        priorite: priorite ?? meme?.priorite ?? 1,
        date_debut: debut ?? meme?.date_debut ?? maintenant,
        date_fin: fin ?? null,
        entrant,
        sortant,
      };
      const d0 = voulu.date_debut.getTime();
      const d1 = voulu.date_fin?.getTime() ?? Number.POSITIVE_INFINITY;
      if (entrant) {
        const conflit = liste.find(
          (a) =>
            a !== meme &&
            a.entrant &&
            a.date_debut.getTime() < d1 &&
            (a.date_fin ? a.date_fin.getTime() : Number.POSITIVE_INFINITY) > d0,
        );
        if (conflit)
          throw new Refus(
            ctx.colonnes.numero ?? "numero",
            brut,
            `Le numéro a déjà une affectation entrante sur cette période (campagne ${refs.campagnesInfo.get(conflit.campaign_id)?.code}).`,
          );
      }
      const pseudo = {
        id: meme?.id ?? -i - 1,
        did_id: did.id,
        campaign_id: campagneId,
        ...voulu,
      } as AffectationEnPlace;
      if (meme && meme.id < 0)
        throw new Refus(
          null,
          null,
          "Affectation déjà créée par une ligne précédente du fichier, avec d'autres valeurs.",
        );
      if (meme) {
        const avant = {
          config_id: meme.config_id,
          alias: meme.alias,
          priorite: meme.priorite,
          date_debut: meme.date_debut.getTime(),
          date_fin: meme.date_fin ? meme.date_fin.getTime() : null,
          entrant: meme.entrant,
          sortant: meme.sortant,
        };
        const apres = { ...voulu, date_debut: d0, date_fin: voulu.date_fin?.getTime() ?? null };
        if (JSON.stringify(avant) === JSON.stringify(apres)) {
          ctx.rapport.inchanges++;
          continue;
        }
        ctx.rapport.a_mettre_a_jour++;
        parDid.set(
          did.id,
          liste.map((a) => (a === meme ? pseudo : a)),
        );
        ctx.ops.push(async (trx) => {
          await trx
            .updateTable("tel_did_virtual")
            .set({ ...voulu, version: sql`version + 1`, date_modification: sql`now()` } as never)
            .where("id", "=", meme.id)
            .execute();
        });
      } else {
        ctx.rapport.a_creer++;
        parDid.set(did.id, [...liste, pseudo]);
        creations.push({ did_id: did.id, campaign_id: campagneId, ...voulu });
      }
      ctx.touches?.add(did.id);
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
  const nouveaux = [...nouveauxClients];
  if (nouveaux.length) ctx.ops.push((trx) => donnerClients(trx, ctx.acteur, refs, nouveaux, ctx.maintenant));
  if (creations.length) ctx.ops.push((trx) => creerAffectations(trx, ctx.acteur, creations, ctx.maintenant));
}

/**
 * The directions of a row: a direction column (E, S, E/S, entrant, les deux, in, out, both…) or separate inbound
 * and outbound columns (1/0, oui/non, x or blank: blank is no). With neither, inbound. A blank or unknown
 * direction refuses the row: a number must never be routed inbound to a prospecting campaign by default.
 */
function lireDirections(ctx: ContexteImport, l: Ligne): Sens {
  const colonneE = ctx.colonnes.entrant;
  const colonneS = ctx.colonnes.sortant;
  const e = lire(ctx, l, "entrant", lireBooleen);
  const s = lire(ctx, l, "sortant", lireBooleen);
  let sens: Sens;
  if (ctx.colonnes.sens) {
    const texte = valeur(ctx, l, "sens");
    if (texte === "" && e === undefined && s === undefined)
      throw new Refus(ctx.colonnes.sens, "", "Sens vide (E, S ou E/S).");
    sens = lire(ctx, l, "sens", lireSens) ?? { entrant: e ?? false, sortant: s ?? false };
    // both given: they must agree
    if ((e !== undefined && e !== sens.entrant) || (s !== undefined && s !== sens.sortant))
      throw new Refus(ctx.colonnes.sens, texte, "Le sens contredit les colonnes entrant et sortant.");
  } else if (colonneE || colonneS) {
    // a column the file has: blank is no; a column it lacks: inbound unless it says outbound
    sens = { entrant: e ?? (colonneE ? false : !s), sortant: s ?? false };
  } else sens = { entrant: true, sortant: false };
  if (!sens.entrant && !sens.sortant)
    throw new Refus(
      ctx.colonnes.sens ?? ctx.colonnes.entrant ?? ctx.colonnes.sortant ?? "entrant",
      valeur(ctx, l, ctx.colonnes.sens ? "sens" : "entrant"),
      "Ni entrant ni sortant.",
    );
  return sens;
}

/** --create-missing: a number the assignments file names and the inventory lacks, as it will be created in stock. */
function numeroACreer(
  ctx: ContexteImport,
  n: Extract<ReturnType<typeof normaliser>, { ok: true }>,
  brut: string,
  operateurId: number | null,
): Existant {
  const { refs } = ctx;
  const indicatifId = indicatifDe(ctx, n.numero.pays, brut);
  const valeurs = {
    indicatif_id: indicatifId,
    did: n.numero.national,
    did_format_e164: n.numero.e164,
    type_id: refs.types.trouver(n.numero.type) ?? null,
    region_id: n.numero.region ? (refs.regions.get(`${indicatifId}/${n.numero.region}`) ?? null) : null,
    operateur_id: operateurId,
    statut_id: refs.statuts.trouver("DISPONIBLE") as number,
    hors_plan: n.numero.horsPlan,
  };
  return {
    id: 0,
    client_id: null,
    groupement_id: null,
    statut: "DISPONIBLE",
    type: n.numero.type,
    valeurs,
    affectations: [],
  };
}
