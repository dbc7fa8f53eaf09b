import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { lireSaisieNumeros, normaliser, numeroPourMessage } from "../../numbering/index.js";
import { champsModifies, type Executor, ecrireAudit } from "../audit/audit.repository.js";
import { type Portee, TOUT } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import type { Libelles } from "../referentiels/libelles.js";
import { conflitVersion } from "../referentiels/ressource.js";
import {
  appliquerFiltres,
  aServi,
  didPourMaj,
  e164Existants,
  ecrireDid,
  ecrireHistorique,
  idsReference,
  indicatifParPays,
  insererDid,
  regionParCode,
  selectDid,
  supprimerDidEtHistorique,
} from "./dids.repository.js";
import { type NumeroLu, refusRegion, refusType } from "./nature.js";
import { regionParId, typeParId } from "./nature.repository.js";

export const CHAMPS_DESCRIPTIFS = [
  "operateur_id",
  "equipement_id",
  "groupement_id",
  "cloud_id",
  "description",
  "reference_externe",
  "date_acquisition",
  "date_activation",
  "cout_mensuel",
  "cout_mise_en_service",
  "notes",
  "actif",
  "titulaire",
] as const;

export interface EntreeDid {
  numero: string;
  /** Accept a well-formed number outside the known ranges: it is marked hors_plan, to be reviewed. */
  accepter_plages_inconnues?: boolean | undefined;
  pays?: string | undefined;
  did_format_e164?: string | undefined;
  type_id?: number | undefined;
  region_id?: number | null | undefined;
  indicatif_id?: number | undefined;
  client_id?: number | null | undefined;
  statut?: "COMMANDE" | "DISPONIBLE" | undefined;
  operateur_id?: number | null | undefined;
  equipement_id?: number | null | undefined;
  groupement_id?: number | null | undefined;
  cloud_id?: number | null | undefined;
  description?: string | null | undefined;
  reference_externe?: string | null | undefined;
  date_acquisition?: string | null | undefined;
  date_activation?: string | null | undefined;
  cout_mensuel?: number | null | undefined;
  cout_mise_en_service?: number | null | undefined;
  notes?: string | null | undefined;
  actif?: boolean | undefined;
  titulaire?: "SOCIETE" | "CLIENT" | undefined;
}

/** A port-out's instant is the notice's: it moves or is called off there, for all its numbers at once. */
export const sortiePrevue = () =>
  new ApiError(
    409,
    "PORTABILITE_SORTANTE_PREVUE",
    "Une portabilité sortante est prévue pour ce numéro : déplacez-la ou annulez-la (Portabilités sortantes).",
    [{ champ: "resiliation_prevue_le", message: "Fixée par la portabilité sortante." }],
  );

const incoherent = (champ: string, message: string) =>
  new ApiError(422, "VALEUR_INCOHERENTE", message, [{ champ, message, code: "INCOHERENT" }]);

/**
 * Reads the number, derives country, E.164, type and region from it, and checks what the caller gave
 * against what the number says: a value that contradicts the number is refused, not stored.
 */
export async function resoudreNumero(db: Executor, e: EntreeDid) {
  const r = normaliser(e.numero, e.pays ?? "FR", { plagesInconnues: !!e.accepter_plages_inconnues });
  if (!r.ok)
    throw new ApiError(422, r.code, r.raison, [{ champ: "numero", message: r.raison, code: r.code }]);
  const n = r.numero;
  const indicatif = await indicatifParPays(db, n.pays);
  if (!indicatif) {
    throw new ApiError(
      422,
      "PAYS_NON_GERE",
      `Le pays ${n.pays} (+${n.indicatif}) n'est pas dans le référentiel des indicatifs.`,
      [{ champ: "numero", message: "Pays absent du référentiel." }],
    );
  }
  if (e.indicatif_id !== undefined && e.indicatif_id !== indicatif.id) {
    throw incoherent(
      "indicatif_id",
      `L'indicatif donné ne correspond pas au numéro (${n.pays} +${n.indicatif}).`,
    );
  }
  if (e.did_format_e164 !== undefined && e.did_format_e164 !== n.e164) {
    throw incoherent("did_format_e164", `Le format E.164 donné ne correspond pas au numéro (${n.e164}).`);
  }
  const { typeId, regionId } = await typeEtRegion(db, n, indicatif.id, e);
  return { numero: n, indicatifId: indicatif.id, typeId, regionId };
}

/**
 * The type and region a number takes: those given, when the number is of the type's nature and in the region's zone
 * (nature.ts), else the built-in type of its nature and the region of its zone. A contradiction is refused.
 */
export async function typeEtRegion(
  db: Executor,
  n: NumeroLu,
  indicatifId: number,
  e: { type_id?: number | null | undefined; region_id?: number | null | undefined },
) {
  let typeId = (await idsReference(db, "tel_type_did", n.type)) ?? null;
  if (e.type_id != null) {
    const t = await typeParId(db, e.type_id);
    const refus = t ? refusType(n, t) : "Type inconnu.";
    if (refus) throw incoherent("type_id", refus);
    typeId = e.type_id;
  }
  let regionId = n.region ? ((await regionParCode(db, indicatifId, n.region))?.id ?? null) : null;
  if (e.region_id != null) {
    const r = await regionParId(db, e.region_id);
    const refus = r ? refusRegion(n, indicatifId, r) : "Région inconnue.";
    if (refus) throw incoherent("region_id", refus);
    regionId = e.region_id;
  } else if (e.region_id === null && n.region) {
    throw incoherent("region_id", `Le numéro est en zone ${n.region} : il a une région.`);
  }
  return { typeId, regionId };
}

/** Creates one number, in the caller's transaction if any (an order's delivery, a range). */
/** `maintenant`: the app clock's instant, for the creation's line of history (the database's clock without it). */
export async function creerDid(db: Kysely<DB>, acteur: Acteur, e: EntreeDid, maintenant?: Date) {
  return enTransaction(db, async (trx) => {
    const { numero, indicatifId, typeId, regionId } = await resoudreNumero(trx, e);
    // one rule whatever the path: a number in stock that a client holds is Affecté (Disponible: no client)
    const statut =
      (e.statut ?? "DISPONIBLE") === "DISPONIBLE" && e.client_id ? "AFFECTE" : (e.statut ?? "DISPONIBLE");
    const statutId = await idsReference(trx, "tel_statut_did", statut);
    if (!statutId) throw new ApiError(422, "STATUT_INCONNU", `Statut inconnu : ${statut}.`);
    const cree = await insererDid(trx, {
      indicatif_id: indicatifId,
      did: numero.national,
      did_format_e164: numero.e164,
      type_id: typeId,
      region_id: regionId,
      statut_id: statutId,
      client_id: e.client_id ?? null,
      hors_plan: numero.horsPlan,
      ...Object.fromEntries(CHAMPS_DESCRIPTIFS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])),
      created_by: acteur.nom,
      modified_by: acteur.nom,
    });
    await ecrireHistorique(
      trx,
      acteur,
      cree.id,
      "CREATION",
      // the first holder is recorded from the first day: who held it at any instant reads it (#33)
      [
        { champ: "statut", avant: null, apres: statut },
        ...(e.client_id ? [{ champ: "client_id", avant: null, apres: e.client_id }] : []),
        ...(e.groupement_id ? [{ champ: "groupement_id", avant: null, apres: e.groupement_id }] : []),
      ],
      null,
      maintenant,
    );
    await ecrireAudit(trx, acteur, { entite: "tel_did", entiteId: cree.id, action: "CREATION", apres: cree });
    if (numero.horsPlan)
      await ecrireAudit(trx, acteur, {
        entite: "tel_did",
        entiteId: cree.id,
        action: "HORS_PLAN_ACCEPTE",
        apres: { numero: numero.e164 },
        motif: "Numéro hors des tranches connues du plan de numérotation, accepté explicitement",
      });
    return cree;
  });
}

export async function lireDid(db: Executor, libelles: Libelles, id: number, portee: Portee = TOUT) {
  const did = await appliquerFiltres(selectDid(db).where("d.id", "=", id), { portee }).executeTakeFirst();
  return did ? (await libelles.etiqueter([did]))[0] : undefined;
}

/** Descriptive changes; the status and the holding client move only through the lifecycle actions. */
export async function modifierDid(
  { db, acteur, maintenant }: Contexte,
  id: number,
  valeurs: Partial<
    Record<(typeof CHAMPS_DESCRIPTIFS)[number] | "type_id" | "region_id" | "resiliation_prevue_le", unknown>
  >,
  versionAttendue: number | undefined,
  motif?: string | null,
) {
  return enTransaction(db, async (trx) => {
    const avant = await didPourMaj(trx, id);
    if (!avant) throw introuvable("Numéro");
    // a planned termination withdrawn: written as a change of the number, with its history line
    if (valeurs.resiliation_prevue_le !== undefined && avant.portabilite_sortante_id) throw sortiePrevue();
    if (valeurs.resiliation_prevue_le === null && !avant.resiliation_prevue_le)
      throw new ApiError(409, "TRANSITION_INTERDITE", "Aucune résiliation n'est prévue pour ce numéro.", [
        { champ: "resiliation_prevue_le", message: "Rien à annuler." },
      ]);
    if (valeurs.type_id !== undefined || valeurs.region_id !== undefined) {
      // within the number's nature and zone, as at its creation (nature.ts)
      const n = normaliser(avant.did_format_e164, "FR", { plagesInconnues: true });
      if (!n.ok) throw incoherent("type_id", n.raison);
      const choisis = await typeEtRegion(trx, n.numero, avant.indicatif_id, {
        type_id: (valeurs.type_id as number | undefined) ?? avant.type_id,
        region_id: valeurs.region_id === undefined ? avant.region_id : (valeurs.region_id as number | null),
      });
      valeurs = { ...valeurs, type_id: choisis.typeId, region_id: choisis.regionId };
    }
    if (versionAttendue !== undefined && avant.version !== versionAttendue) throw conflitVersion();
    if (valeurs.groupement_id != null && avant.client_id === null) {
      throw new ApiError(
        422,
        "GROUPEMENT_SANS_CLIENT",
        "Un numéro sans client ne peut pas avoir de groupement.",
        [{ champ: "groupement_id", message: "Affectez d'abord le numéro à un client." }],
      );
    }
    const apres = await ecrireDid(trx, id, { ...valeurs, modified_by: acteur.nom });
    const modifies = champsModifies(avant, apres).filter((c) => c !== "modified_by");
    await ecrireHistorique(
      trx,
      acteur,
      id,
      "MODIFICATION",
      modifies.map((champ) => ({
        champ,
        avant: (avant as Record<string, unknown>)[champ],
        apres: (apres as Record<string, unknown>)[champ],
      })),
      motif,
      maintenant,
    );
    await ecrireAudit(trx, acteur, {
      entite: "tel_did",
      entiteId: id,
      action: "MODIFICATION",
      avant,
      apres,
      motif: motif ?? null,
    });
    return apres;
  });
}

/** A range of numbers, all or nothing; the simulation resolves every number (type, region) without writing. */
export async function creerPlage(
  ctx: Contexte,
  plage: { debut: string; fin: string; simulation?: boolean | undefined } & Omit<EntreeDid, "numero">,
) {
  const { debut, fin, simulation, ...commun } = plage;
  const { numeros, erreurs } = lireSaisieNumeros([`${debut} - ${fin}`], {
    plagesInconnues: !!commun.accepter_plages_inconnues,
  });
  if (erreurs.length) {
    const raison = erreurs[0]?.raison ?? "Plage invalide.";
    throw new ApiError(422, "PLAGE_INVALIDE", raison, [{ champ: "fin", message: raison, code: "PLAGE" }]);
  }
  const existants = await e164Existants(ctx.db, numeros);
  if (existants.length) {
    // in national form, and « nothing created » only when something was to be created (not for a preview)
    const lus = existants.slice(0, 5).map(numeroPourMessage).join(", ");
    throw new ApiError(
      409,
      "NUMEROS_EXISTANTS",
      `${existants.length} numéro(s) de la plage existe(nt) déjà : ${lus}${existants.length > 5 ? "…" : ""}.${simulation ? " Retirez-les de la plage." : " Rien n'a été créé."}`,
      undefined,
      { numeros_existants: existants },
    );
  }
  if (simulation) {
    // what creation would refuse, the preview refuses
    for (const n of numeros) await resoudreNumero(ctx.db, { ...commun, numero: n });
    return { simulation: true, crees: 0, numeros };
  }
  await enTransaction(ctx.db, async (trx) => {
    for (const n of numeros) await creerDid(trx, ctx.acteur, { ...commun, numero: n }, ctx.maintenant);
  });
  return { simulation: false, crees: numeros.length, numeros };
}

/**
 * Deletes a number entered by mistake, with its history. One that was ever held by a client, moved through the
 * lifecycle or used by a campaign keeps its trace: 409 NUMERO_A_SERVI (terminate it instead).
 */
export async function supprimerDid(ctx: Contexte, id: number, versionAttendue: number | undefined) {
  await enTransaction(ctx.db, async (trx) => {
    const avant = await didPourMaj(trx, id);
    if (!avant) throw introuvable("Numéro");
    if (versionAttendue !== undefined && versionAttendue !== avant.version)
      throw new ApiError(412, "VERSION_PERIMEE", "Numéro modifié entre-temps.");
    if (avant.client_id !== null || (await aServi(trx, avant.id)))
      throw new ApiError(
        409,
        "NUMERO_A_SERVI",
        "Ce numéro a déjà servi (client, statut ou campagne dans son historique) : résiliez-le plutôt que de le supprimer, son historique est gardé.",
      );
    await supprimerDidEtHistorique(trx, avant.id);
    await ecrireAudit(trx, ctx.acteur, {
      entite: "tel_did",
      entiteId: avant.id,
      action: "SUPPRESSION",
      avant,
    });
  });
}
