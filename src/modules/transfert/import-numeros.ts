import { jourFr } from "../../heure-metier.js";
// Importing numbers (inventory): each row checked against the numbering plan, the references and the lifecycle,
// then created or updated with its history.

import { normaliser } from "../../numbering/index.js";
import { actionPour, type Statut, TRANSITIONS } from "../dids/cycle-de-vie.js";
import { finDuGel, jourDe } from "../dids/gel.js";
import { type RegionRef, refusRegion, refusType, type TypeRef } from "../dids/nature.js";
import { estDetenu } from "../dids/statuts.js";
import {
  avertir,
  type ContexteImport,
  ceder,
  creerClient,
  doublon,
  type Existant,
  e164Valides,
  existants,
  indicatifDe,
  inserer,
  type Ligne,
  lire,
  Refus,
  type Remettre,
  reference,
  referenceFixe,
  refuserHorsPlan,
  rejeter,
  valeur,
  valeurSure,
} from "./import-contexte.js";
import { creerNumeros, mettreAJourNumero } from "./import-numeros-ecriture.js";
import { Index } from "./references.js";
import { codeDe, lireDate, lireMontant } from "./valeurs.js";

const DISPONIBLE_SANS_CLIENT =
  "Un numéro qu'un client détient est Affecté (ou Utilisé avec une campagne) : Disponible veut dire en stock, sans client.";

const CHAMPS_SIMPLES = ["reference_externe", "description", "notes"] as const;

export async function prechargerNumeros(ctx: ContexteImport, lignes: Ligne[]): Promise<Remettre> {
  const normes = new Map<Ligne, ReturnType<typeof normaliser>>();
  for (const l of lignes) {
    normes.set(
      l,
      // read outside the known ranges too: a stored number is always found; creating one needs the option
      normaliser(valeurSure(ctx, l, "numero"), (valeurSure(ctx, l, "pays") || "FR").toUpperCase(), {
        plagesInconnues: true,
      }),
    );
    const pause = ceder();
    if (pause) await pause;
  }
  const connus = await existants(ctx.trx, ctx.refs, e164Valides(normes), "en_service", ctx.maintenant);
  return (c) => {
    c.normes = normes;
    c.connus = connus;
  };
}

export async function analyserNumeros(ctx: ContexteImport, lignes: Ligne[]) {
  const { refs } = ctx;
  const normes = ctx.normes as Map<Ligne, ReturnType<typeof normaliser>>;
  const connus = ctx.connus as Map<string, Existant>;
  const creations: Array<Record<string, unknown> & { did_format_e164: string }> = [];
  for (const l of lignes) {
    const pause = ceder();
    if (pause) await pause;
    try {
      const n = normes.get(l) as ReturnType<typeof normaliser>;
      const brut = valeur(ctx, l, "numero");
      if (!n.ok) throw new Refus(ctx.colonnes.numero ?? "numero", brut, n.raison);
      if (doublon(ctx, l, n.numero.e164)) continue;
      const indicatifId = indicatifDe(ctx, n.numero.pays, brut);
      // any type of the number's nature, any region inside its zone (nature.ts), as through the API
      const typeDonne = referenceFixe(ctx, l, "type", refs.types, "Type") ?? undefined;
      const refusT = typeDonne ? refusType(n.numero, refs.typesInfo.get(typeDonne) as TypeRef) : undefined;
      if (refusT) throw new Refus(ctx.colonnes.type ?? "type", valeur(ctx, l, "type"), refusT);
      const typeId = typeDonne ?? refs.types.trouver(n.numero.type) ?? null;
      const regionDonnee = valeur(ctx, l, "region");
      const regionDonneeId = regionDonnee
        ? (refs.regions.get(`${indicatifId}/${regionDonnee.toUpperCase()}`) ??
          refs.regions.get(`${indicatifId}/${Index.cle(regionDonnee).toUpperCase()}`))
        : undefined;
      if (regionDonnee && regionDonneeId === undefined)
        throw new Refus(ctx.colonnes.region ?? "region", regionDonnee, "Région inconnue pour ce pays.");
      const refusR = regionDonneeId
        ? refusRegion(n.numero, indicatifId, refs.regionsInfo.get(regionDonneeId) as RegionRef)
        : undefined;
      if (refusR) throw new Refus(ctx.colonnes.region ?? "region", regionDonnee, refusR);
      const regionId =
        regionDonneeId ??
        (n.numero.region ? (refs.regions.get(`${indicatifId}/${n.numero.region}`) ?? null) : null);
      let clientId = reference(ctx, l, "client", refs.clients, "Client", creerClient(ctx));
      if (clientId instanceof Promise) clientId = await clientId;
      const groupementTexte = valeur(ctx, l, "groupement");
      let groupementId: number | null | undefined;
      if (groupementTexte) {
        const proprietaire = clientId ?? connus.get(n.numero.e164)?.client_id;
        if (!proprietaire)
          throw new Refus(
            ctx.colonnes.groupement ?? "groupement",
            groupementTexte,
            "Un groupement demande un client.",
          );
        groupementId = refs.groupements.trouver(`${proprietaire}/${groupementTexte}`);
        if (groupementId === undefined) {
          if (!ctx.options.creerManquants)
            throw new Refus(
              ctx.colonnes.groupement ?? "groupement",
              groupementTexte,
              "Groupement inconnu pour ce client (l'option « créer ce qui manque » le crée).",
            );
          groupementId = await inserer(
            ctx,
            async () =>
              (
                await ctx.trx
                  .insertInto("tel_groupement")
                  .values({
                    client_id: proprietaire,
                    code: codeDe(groupementTexte),
                    libelle: groupementTexte,
                  })
                  .returning("id")
                  .executeTakeFirstOrThrow()
              ).id,
          );
          refs.groupements.ajouter(
            groupementId,
            `${proprietaire}/${codeDe(groupementTexte)}`,
            `${proprietaire}/${groupementTexte}`,
          );
          ctx.rapport.references_creees.push(`Groupement ${codeDe(groupementTexte)}`);
        }
      }
      let operateurId = reference(ctx, l, "operateur", refs.operateurs, "Opérateur", (nom) =>
        inserer(
          ctx,
          async () =>
            (
              await ctx.trx
                .insertInto("tel_operateur")
                .values({ code: codeDe(nom), nom, type: "VOIP" })
                .returning("id")
                .executeTakeFirstOrThrow()
            ).id,
        ),
      );
      if (operateurId instanceof Promise) operateurId = await operateurId;
      const equipementId = referenceFixe(ctx, l, "equipement", refs.equipements, "Équipement");
      const cloudId = referenceFixe(ctx, l, "cloud", refs.clouds, "Cloud");
      const statutId = referenceFixe(ctx, l, "statut", refs.statuts, "Statut");
      const valeurs: Record<string, unknown> = {
        operateur_id: operateurId,
        equipement_id: equipementId,
        cloud_id: cloudId,
        groupement_id: groupementId,
        date_acquisition: lire(ctx, l, "date_acquisition", lireDate),
        date_activation: lire(ctx, l, "date_activation", lireDate),
        cout_mensuel: lire(ctx, l, "cout_mensuel", lireMontant),
        cout_mise_en_service: lire(ctx, l, "cout_mise_en_service", lireMontant),
      };
      // a type or region the file gives changes an existing number's too (with its history)
      if (typeDonne) valeurs.type_id = typeDonne;
      if (regionDonneeId) valeurs.region_id = regionDonneeId;
      for (const c of CHAMPS_SIMPLES) {
        const s = valeur(ctx, l, c);
        if (s !== "") valeurs[c] = s === "-" ? null : s;
      }
      const statutLu = statutId ? (refs.statuts.codes.get(statutId) as Statut) : undefined;
      const existant = connus.get(n.numero.e164);
      const colStatut = ctx.colonnes.statut ?? "statut";
      // UTILISE is a fact (a current campaign assignment), never taken from a file: a number created, or held by a
      // client, without one is AFFECTE (any other move to UTILISE stays the lifecycle's to refuse, with its reason)
      const statutCode: Statut | undefined =
        statutLu === "UTILISE" && !existant?.enService && (!existant || estDetenu(existant.statut))
          ? "AFFECTE"
          : statutLu;
      if (statutCode !== statutLu)
        avertir(
          ctx,
          l,
          colStatut,
          valeur(ctx, l, "statut"),
          "Aucune affectation de campagne en cours : écrit AFFECTE (UTILISE veut dire une affectation en cours ; importez les affectations).",
        );
      const dateResiliation = lire(ctx, l, "date_resiliation", lireDate);
      const colResiliation = ctx.colonnes.date_resiliation ?? "date_resiliation";
      if (dateResiliation && dateResiliation > jourDe(ctx.maintenant))
        throw new Refus(
          colResiliation,
          valeur(ctx, l, "date_resiliation"),
          "Date de résiliation à venir : prévoyez-la par l'action résilier (date_effet) ; l'import n'écrit que des résiliations faites.",
        );
      /** The termination day of a row that terminates: the file's, or today's (reported). */
      const jourResiliation = () => {
        if (dateResiliation) return dateResiliation;
        avertir(
          ctx,
          l,
          colResiliation,
          null,
          `Date de résiliation absente : le jour de l'import (${jourFr(jourDe(ctx.maintenant))}), d'où part le gel.`,
        );
        return jourDe(ctx.maintenant);
      };
      if (existant) {
        if (clientId && existant.client_id && clientId !== existant.client_id)
          throw new Refus(
            ctx.colonnes.client ?? "client",
            valeur(ctx, l, "client"),
            `Numéro déjà détenu par le client ${refs.clients.codes.get(existant.client_id) ?? existant.client_id}.`,
          );
        const changements: Array<{
          champ: string;
          avant: unknown;
          apres: unknown;
          date_resiliation?: string;
        }> = [];
        for (const [k, v] of Object.entries(valeurs)) {
          if (v === undefined) continue;
          if (String(existant.valeurs[k] ?? null) !== String(v ?? null))
            changements.push({ champ: k, avant: existant.valeurs[k] ?? null, apres: v });
        }
        if (clientId && existant.client_id === null)
          changements.push({ champ: "client_id", avant: null, apres: clientId });
        if (statutCode === "DISPONIBLE" && (clientId ?? existant.client_id))
          throw new Refus(ctx.colonnes.statut ?? "statut", valeur(ctx, l, "statut"), DISPONIBLE_SANS_CLIENT);
        // given a client, a number in stock is Affecté to it (the one rule, whatever the path)
        const statutVoulu =
          statutCode ??
          (clientId && existant.client_id === null && existant.statut === "DISPONIBLE"
            ? "AFFECTE"
            : undefined);
        if (statutVoulu && statutVoulu !== existant.statut) {
          // reactivated for a client: the move is RESILIE→DISPONIBLE, which ends Affecté to that client
          const mouvement: Statut =
            existant.statut === "RESILIE" && statutVoulu === "AFFECTE" && (clientId ?? existant.client_id)
              ? "DISPONIBLE"
              : statutVoulu;
          if (!TRANSITIONS[existant.statut as Statut]?.includes(mouvement))
            throw new Refus(
              ctx.colonnes.statut ?? "statut",
              valeur(ctx, l, "statut"),
              `Passage ${existant.statut} → ${statutVoulu} interdit.`,
            );
          refusDuCycleDeVie(ctx, l, existant, mouvement, clientId ?? existant.client_id);
          changements.push({
            champ: "statut",
            avant: existant.statut,
            apres: mouvement,
            ...(mouvement === "RESILIE" ? { date_resiliation: jourResiliation() } : {}),
          });
        } else if (
          dateResiliation !== undefined &&
          dateResiliation !== (existant.valeurs.date_resiliation ?? undefined)
        ) {
          // a termination's date is corrected on a terminated number only: elsewhere it is the lifecycle's
          if (existant.statut !== "RESILIE")
            throw new Refus(
              colResiliation,
              valeur(ctx, l, "date_resiliation"),
              "La date de résiliation ne se corrige que sur un numéro résilié.",
            );
          changements.push({
            champ: "date_resiliation",
            avant: existant.valeurs.date_resiliation ?? null,
            apres: dateResiliation,
          });
        }
        if (changements.length === 0) {
          ctx.rapport.inchanges++;
          continue;
        }
        ctx.rapport.a_mettre_a_jour++;
        ctx.ops.push((trx) =>
          mettreAJourNumero(
            trx,
            ctx.acteur,
            existant,
            changements,
            ctx.options.freezeJours ?? 90,
            ctx.maintenant,
          ),
        );
        continue;
      }
      const statut = statutCode ?? (clientId ? "AFFECTE" : "DISPONIBLE");
      // a number created terminated is frozen from its termination day, as the API's termination freezes it; any
      // other status keeps a date it was given (a reactivated number stays frozen for other clients)
      if (statut === "RESILIE") valeurs.date_resiliation = jourResiliation();
      else if (dateResiliation) valeurs.date_resiliation = dateResiliation;
      if (estDetenu(statut) && !clientId)
        throw new Refus(ctx.colonnes.statut ?? "statut", statut, "Un numéro affecté ou utilisé a un client.");
      if (statut === "DISPONIBLE" && clientId)
        throw new Refus(ctx.colonnes.statut ?? "statut", valeur(ctx, l, "statut"), DISPONIBLE_SANS_CLIENT);
      if (n.numero.horsPlan) refuserHorsPlan(ctx, brut, n.numero.e164);
      ctx.rapport.a_creer++;
      // the row as written (an absent value is NULL): completed in place, not copied, on this per-row path
      valeurs.indicatif_id = indicatifId;
      valeurs.did = n.numero.national;
      valeurs.did_format_e164 = n.numero.e164;
      valeurs.type_id = typeId;
      valeurs.region_id = regionId;
      valeurs.client_id = clientId ?? null;
      valeurs.statut_id = refs.statuts.trouver(statut) as number;
      valeurs.hors_plan = n.numero.horsPlan;
      creations.push(valeurs as Record<string, unknown> & { did_format_e164: string });
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
  if (creations.length) ctx.ops.push((trx) => creerNumeros(trx, ctx.acteur, creations, refs, ctx.maintenant));
}

/**
 * The lifecycle's own refusals, found while checking so that they are reported on their line (with
 * --accept-rejects, the other rows still go in) instead of failing the write of the whole file.
 */
function refusDuCycleDeVie(
  ctx: ContexteImport,
  l: Ligne,
  existant: Existant,
  vers: Statut,
  clientApres: number | null,
) {
  const action = actionPour(existant.statut as Statut, vers);
  const refus = (raison: string) =>
    new Refus(ctx.colonnes.statut ?? "statut", valeur(ctx, l, "statut"), raison);
  if ((action === "affecter" || action === "reactiver") && clientApres !== existant.client_id) {
    const resiliation = existant.valeurs.date_resiliation as string | null;
    const gelJusqua = resiliation ? finDuGel(resiliation, ctx.options.freezeJours ?? 90) : null;
    if (gelJusqua && gelJusqua > jourDe(ctx.maintenant))
      throw refus(
        `Numéro résilié le ${jourFr(resiliation ?? "")} : pas à un autre client avant le ${jourFr(gelJusqua)} (gel).`,
      );
  }
  if (action === "affecter" && !clientApres) throw refus("Indiquez le client à qui affecter le numéro.");
  if (action === "mettre-en-production" && !existant.enService)
    throw refus(
      "Aucune affectation en cours : un numéro utilisé a une campagne (importez les affectations).",
    );
}
