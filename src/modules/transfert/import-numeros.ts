import { jourFr } from "../../heure-metier.js";
// Importing numbers (inventory): each row checked against the numbering plan, the references and the lifecycle,
// then created or updated with its history.

import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { normaliser } from "../../numbering/index.js";
import type { Acteur } from "../auth/acteur.js";
import { actionPour, changerStatut, type Statut, TRANSITIONS } from "../dids/cycle-de-vie.js";
import { finDuGel, jourDe } from "../dids/gel.js";
import {
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
import { Index, type References } from "./references.js";
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
      const typeId = refs.types.trouver(n.numero.type) ?? null;
      const typeDonne = referenceFixe(ctx, l, "type", refs.types, "Type");
      if (typeDonne !== undefined && typeDonne !== typeId)
        throw new Refus(
          ctx.colonnes.type ?? "type",
          valeur(ctx, l, "type"),
          `Le numéro est de type ${n.numero.type}.`,
        );
      const regionId = n.numero.region
        ? (refs.regions.get(`${indicatifId}/${n.numero.region}`) ?? null)
        : null;
      const regionDonnee = valeur(ctx, l, "region");
      if (regionDonnee && Index.cle(regionDonnee) !== Index.cle(n.numero.region ?? ""))
        throw new Refus(
          ctx.colonnes.region ?? "region",
          regionDonnee,
          `Le numéro est en zone ${n.numero.region ?? "(aucune)"}.`,
        );
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
      for (const c of CHAMPS_SIMPLES) {
        const s = valeur(ctx, l, c);
        if (s !== "") valeurs[c] = s === "-" ? null : s;
      }
      const statutCode = statutId ? (refs.statuts.codes.get(statutId) as Statut) : undefined;
      const existant = connus.get(n.numero.e164);
      if (existant) {
        if (clientId && existant.client_id && clientId !== existant.client_id)
          throw new Refus(
            ctx.colonnes.client ?? "client",
            valeur(ctx, l, "client"),
            `Numéro déjà détenu par le client ${refs.clients.codes.get(existant.client_id) ?? existant.client_id}.`,
          );
        const changements: Array<{ champ: string; avant: unknown; apres: unknown }> = [];
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
          changements.push({ champ: "statut", avant: existant.statut, apres: mouvement });
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
      if (["AFFECTE", "UTILISE"].includes(statut) && !clientId)
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

const COLONNES_DID = [
  ["indicatif_id", "int"],
  ["did", "text"],
  ["did_format_e164", "text"],
  ["type_id", "int"],
  ["region_id", "int"],
  ["client_id", "int"],
  ["groupement_id", "int"],
  ["operateur_id", "int"],
  ["equipement_id", "int"],
  ["cloud_id", "int"],
  ["statut_id", "int"],
  ["reference_externe", "text"],
  ["description", "text"],
  ["notes", "text"],
  ["date_acquisition", "date"],
  ["date_activation", "date"],
  ["cout_mensuel", "numeric"],
  ["cout_mise_en_service", "numeric"],
  ["hors_plan", "bool"],
] as const;

/**
 * Many numbers in one statement (one array per column, not thousands of parameters), and their creation in
 * their histories by the same statement.
 */
async function creerNumeros(
  trx: Transaction<DB>,
  acteur: Acteur,
  lignes: Array<Record<string, unknown>>,
  refs: References,
  maintenant: Date,
) {
  const tableaux = COLONNES_DID.map(([c, t]) => sql`${lignes.map((l) => l[c] ?? null)}::${sql.raw(t)}[]`);
  const codes = [...refs.statuts.codes.entries()];
  await sql`
    WITH crees AS (
      INSERT INTO tel_did (${sql.join(COLONNES_DID.map(([c]) => sql.ref(c)))}, created_by, modified_by)
      SELECT *, ${acteur.nom}, ${acteur.nom} FROM unnest(${sql.join(tableaux)})
      RETURNING id, statut_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id,
      date_action)
    SELECT c.id, 'CREATION', 'statut', NULL, s.code, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}, ${maintenant}
    FROM crees c JOIN unnest(${codes.map(([id]) => id)}::int[], ${codes.map(([, code]) => code)}::text[]) AS s(id, code)
      ON s.id = c.statut_id`.execute(trx);
}

async function mettreAJourNumero(
  trx: Transaction<DB>,
  acteur: Acteur,
  existant: Existant,
  changements: Array<{ champ: string; avant: unknown; apres: unknown }>,
  freezeJours: number,
  maintenant: Date,
) {
  const champs = changements.filter((c) => c.champ !== "statut");
  const statut = changements.find((c) => c.champ === "statut");
  if (champs.length) {
    await trx
      .updateTable("tel_did")
      .set({
        ...Object.fromEntries(champs.map((c) => [c.champ, c.apres])),
        version: sql`version + 1`,
        modified_by: acteur.nom,
        date_modification: sql`now()`,
      } as never)
      .where("id", "=", existant.id)
      .execute();
    await trx
      .insertInto("tel_did_historique")
      .values(
        champs.map((c) => ({
          did_id: existant.id,
          action: "MODIFICATION",
          champ: c.champ,
          ancienne_valeur:
            c.avant === null || c.avant === undefined
              ? null
              : String(c.avant instanceof Date ? c.avant.toISOString() : c.avant),
          nouvelle_valeur: c.apres === null || c.apres === undefined ? null : String(c.apres),
          utilisateur: acteur.nom,
          motif: "Import",
          request_id: acteur.requestId ?? null,
          date_action: maintenant,
        })),
      )
      .execute();
  }
  // a status moves through the lifecycle's own action: termination dates and freeze, assignments ended...
  if (statut) {
    const client = champs.find((c) => c.champ === "client_id")?.apres ?? existant.client_id;
    await changerStatut(
      { db: trx, acteur, maintenant, config: { freezeJours } },
      existant.id,
      statut.apres as Statut,
      { client_id: (client as number | null) ?? null, motif: "Import" },
    );
  }
}
