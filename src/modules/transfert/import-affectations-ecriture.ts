// The writes of the assignments import: what the analysis decided, in the import's transaction.
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { courante } from "../affectations/courante.js";
import type { Acteur } from "../auth/acteur.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { type AffectationEnPlace, type ContexteImport, type Existant, inserer } from "./import-contexte.js";
import type { References } from "./references.js";
import { codeDe } from "./valeurs.js";

/** Writes a number numeroACreer described, with its creation in its history; it gets its id. */
export async function creerNumero(ctx: ContexteImport, did: Existant, e164: string) {
  did.id = await inserer(ctx, async () => {
    const cree = await ctx.trx
      .insertInto("tel_did")
      .values({
        ...(did.valeurs as {
          indicatif_id: number;
          did: string;
          did_format_e164: string;
          statut_id: number;
          hors_plan: boolean;
        }),
        created_by: ctx.acteur.nom,
        modified_by: ctx.acteur.nom,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ecrireHistorique(
      ctx.trx,
      ctx.acteur,
      cree.id,
      "CREATION",
      [{ champ: "statut", avant: null, apres: "DISPONIBLE" }],
      "Import des affectations (créer ce qui manque)",
      ctx.maintenant,
    );
    return cree.id;
  });
  ctx.numerosCrees.set(e164, did);
  ctx.didsLus.add(did.id);
  ctx.rapport.numeros_crees.push(e164);
}

/** A number the inventory had without a carrier, given the one the assignments file names, with its history. */
export async function donnerOperateur(
  trx: Transaction<DB>,
  acteur: Acteur,
  didId: number,
  operateurId: number,
  refs: References,
  maintenant: Date,
) {
  await trx
    .updateTable("tel_did")
    .set({
      operateur_id: operateurId,
      version: sql`version + 1`,
      modified_by: acteur.nom,
      date_modification: sql`now()`,
    })
    .where("id", "=", didId)
    .where("operateur_id", "is", null)
    .execute();
  await ecrireHistorique(
    trx,
    acteur,
    didId,
    "MODIFICATION",
    [{ champ: "operateur_id", avant: null, apres: refs.operateurs.codes.get(operateurId) ?? operateurId }],
    "Import des affectations",
    maintenant,
  );
}

export async function creerCampagne(ctx: ContexteImport, nom: string, clientId: number): Promise<number> {
  const code = codeDe(nom);
  const id = await inserer(
    ctx,
    async () =>
      (
        await ctx.trx
          .insertInto("tel_campaign")
          .values({ client_id: clientId, code, nom })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
  );
  ctx.refs.campagnes.ajouter(id, code, nom);
  ctx.refs.campagnesInfo.set(id, { client_id: clientId, prospection: false, code });
  ctx.rapport.references_creees.push(`Campagne ${code}`);
  return id;
}

// one statement per chunk for each kind of write: the connection then works while Node checks the next chunk

/** Numbers without a client, given the client of the campaign they are assigned to, with their history. */
export async function donnerClients(
  trx: Transaction<DB>,
  acteur: Acteur,
  refs: References,
  nouveaux: Array<[number, number]>,
  maintenant: Date,
) {
  await sql`
    WITH maj AS (
      UPDATE tel_did d SET client_id = u.client_id, statut_id = ${refs.statuts.trouver("AFFECTE") as number},
        version = d.version + 1, modified_by = ${acteur.nom}, date_modification = now()
      FROM unnest(${nouveaux.map(([id]) => id)}::int[], ${nouveaux.map(([, c]) => c)}::int[]) AS u(id, client_id)
      WHERE d.id = u.id
      RETURNING d.id, d.client_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id,
      date_action)
    SELECT m.id, h.action, h.champ, h.avant, h.apres, ${acteur.nom}, 'Import', ${acteur.requestId ?? null}, ${maintenant}
    FROM maj m, LATERAL (VALUES ('AFFECTATION_CLIENT', 'client_id', NULL, m.client_id::text),
      ('CHANGEMENT_STATUT', 'statut', 'DISPONIBLE', 'AFFECTE')) AS h(action, champ, avant, apres)`.execute(
    trx,
  );
}

/** Many assignments in one statement (one array per column), and each in its number's history. */
export async function creerAffectations(
  trx: Transaction<DB>,
  acteur: Acteur,
  lignes: Array<Omit<AffectationEnPlace, "id">>,
  maintenant: Date,
) {
  const colonne = <T>(f: (a: Omit<AffectationEnPlace, "id">) => T) => lignes.map(f);
  await sql`
    WITH crees AS (
      INSERT INTO tel_did_virtual (did_id, campaign_id, config_id, alias, priorite, date_debut, date_fin, entrant, sortant)
      SELECT * FROM unnest(${colonne((a) => a.did_id)}::int[], ${colonne((a) => a.campaign_id)}::int[],
        ${colonne((a) => a.config_id)}::int[], ${colonne((a) => a.alias)}::text[], ${colonne((a) => a.priorite)}::int[],
        ${colonne((a) => a.date_debut.toISOString())}::timestamptz[],
        ${colonne((a) => a.date_fin?.toISOString() ?? null)}::timestamptz[],
        ${colonne((a) => a.entrant)}::bool[], ${colonne((a) => a.sortant)}::bool[])
      RETURNING did_id, campaign_id)
    INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id,
      date_action)
    SELECT c.did_id, 'AFFECTATION_CAMPAGNE', 'campagne', NULL, camp.code, ${acteur.nom}, 'Import',
      ${acteur.requestId ?? null}, ${maintenant}
    FROM crees c JOIN tel_campaign camp ON camp.id = c.campaign_id`.execute(trx);
}

/** After the assignments: a number with a current one is UTILISE, one without is AFFECTE — in two statements. */
export async function synchroniserEnMasse(
  trx: Transaction<DB>,
  acteur: Acteur,
  didIds: number[],
  maintenant: Date,
) {
  if (didIds.length === 0) return;
  for (const [depuis, vers, enCours] of [
    ["AFFECTE", "UTILISE", true],
    ["UTILISE", "AFFECTE", false],
  ] as const) {
    await sql`
      WITH cibles AS (
        UPDATE tel_did d SET statut_id = (SELECT id FROM tel_statut_did WHERE code = ${vers}),
          version = d.version + 1, modified_by = ${acteur.nom}, date_modification = now()
        WHERE d.id = ANY(${didIds}::int[])
          AND d.statut_id = (SELECT id FROM tel_statut_did WHERE code = ${depuis})
          AND ${enCours} = EXISTS (SELECT 1 FROM tel_did_virtual v WHERE v.did_id = d.id AND ${courante(maintenant)})
        RETURNING d.id)
      INSERT INTO tel_did_historique (did_id, action, champ, ancienne_valeur, nouvelle_valeur, utilisateur, motif, request_id,
        date_action)
      SELECT id, 'CHANGEMENT_STATUT', 'statut', ${depuis}, ${vers}, ${acteur.nom}, 'Import', ${acteur.requestId ?? null},
        ${maintenant} FROM cibles`.execute(trx);
  }
}
