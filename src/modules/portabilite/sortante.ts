import { sql } from "kysely";
import type { Contexte } from "../../contexte.js";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import { enTransaction } from "../../db/transaction.js";
import { lireIsoMetier } from "../../heure-metier.js";
import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import { type Executor, ecrireAudit } from "../audit/audit.repository.js";
import { appliquerAction } from "../dids/cycle-de-vie.js";
import { ecrireHistorique } from "../dids/dids.repository.js";
import { appliquerResiliationsEchues } from "../dids/resiliation-prevue.js";
import { estDetenu } from "../dids/statuts.js";
import { EVENEMENTS_PORTABILITE, notifierPortabilite } from "./notifications.js";

// A port-out: another operator takes a client's numbers at an instant. From that instant the routing stops in both
// directions (the assignments end then, so the routing's own windows stop them to the millisecond), and the scheduler
// terminates each number through the lifecycle with « portée vers <opérateur> »: no freeze, no cost after that day,
// never another client's unless it is ported back in.

/**
 * The notice's numbers' assignments cut at `effet`, from what they were before the notice (kept on first sight):
 * each ends at that instant at the latest, one that starts later never starts. A moved notice cuts them again from
 * the same originals; a cancelled one puts them back.
 */
export async function couperAffectations(trx: Executor, sortanteId: number, ids: number[], effet: Date) {
  await sql`INSERT INTO tel_portabilite_sortante_affectation (sortante_id, affectation_id, date_fin_avant)
    SELECT ${sortanteId}::int, v.id, v.date_fin FROM tel_did_virtual v
    WHERE v.did_id = ANY(${ids}::int[]) AND v.actif AND (v.date_fin IS NULL OR v.date_fin > ${effet})
    ON CONFLICT DO NOTHING`.execute(trx);
  await sql`UPDATE tel_did_virtual v SET
      actif = v.date_debut < ${effet},
      date_fin = CASE WHEN v.date_debut < ${effet} THEN least(coalesce(o.date_fin_avant, 'infinity'), ${effet})
        ELSE o.date_fin_avant END
    FROM tel_portabilite_sortante_affectation o
    WHERE o.sortante_id = ${sortanteId}::int AND o.affectation_id = v.id`.execute(trx);
}

/** The assignments as they were before the notice. */
export async function restaurerAffectations(trx: Executor, sortanteId: number) {
  await sql`UPDATE tel_did_virtual v SET actif = true, date_fin = o.date_fin_avant
    FROM tel_portabilite_sortante_affectation o
    WHERE o.sortante_id = ${sortanteId}::int AND o.affectation_id = v.id`.execute(trx);
}

export interface EntreeSortante {
  client_id: number;
  operateur_receveur: string;
  /** ISO 8601; without an offset, Paris time. */
  effet: string;
  numeros: string[];
  notes?: string | null | undefined;
}

export async function enregistrerSortante(
  ctx: Contexte,
  e: EntreeSortante,
  journal: (m: string, err?: unknown) => void,
) {
  const { acteur, maintenant } = ctx;
  const effet = lireIsoMetier(e.effet);
  if (!effet)
    throw new ApiError(422, "DATE_INVALIDE", `Date illisible : « ${e.effet} » (ISO 8601 attendu).`, [
      { champ: "effet", message: "Date et heure de la portabilité sortante." },
    ]);
  const lus = e.numeros.map((s) => ({ saisie: s, lu: normaliser(s, "FR", { plagesInconnues: true }) }));
  const e164 = lus.flatMap((l) => (l.lu.ok ? [l.lu.numero.e164] : []));
  const id = await enTransaction(ctx.db, async (trx) => {
    const dids = await trx
      .selectFrom("tel_did as d")
      .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
      .select(["d.id", "d.did_format_e164", "d.client_id", "s.code as statut", "d.portabilite_sortante_id"])
      .where(parmiTextes("d.did_format_e164", e164))
      .forUpdate()
      .execute();
    const parNumero = new Map(dids.map((d) => [d.did_format_e164, d]));
    const refuses: Array<{ numero: string; raison: string }> = [];
    for (const l of lus) {
      if (!l.lu.ok) {
        refuses.push({ numero: l.saisie, raison: l.lu.raison });
        continue;
      }
      const d = parNumero.get(l.lu.numero.e164);
      if (!d || d.client_id !== e.client_id || !estDetenu(d.statut))
        refuses.push({ numero: l.saisie, raison: "Ce client ne détient pas ce numéro." });
      else if (d.portabilite_sortante_id)
        refuses.push({
          numero: l.saisie,
          raison: "Une portabilité sortante est déjà prévue pour ce numéro.",
        });
    }
    if (refuses.length > 0 || lus.length === 0)
      throw new ApiError(
        422,
        "PORTABILITE_NUMEROS_NON_DETENUS",
        lus.length === 0
          ? "Indiquez les numéros qui partent."
          : `${refuses.length} numéro(s) refusé(s) : ${refuses.map((r) => r.numero).join(", ")}. Aucun n'est enregistré.`,
        refuses.slice(0, 200).map((r) => ({ champ: "numeros", message: `${r.numero} : ${r.raison}` })),
        { refuses },
      );
    const ids = dids.map((d) => d.id);
    const s = await trx
      .insertInto("tel_portabilite_sortante")
      .values({
        client_id: e.client_id,
        operateur_receveur: e.operateur_receveur.trim(),
        effet,
        notes: e.notes ?? null,
        created_by: acteur.nom,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("tel_portabilite_sortante_numero")
      .values(ids.map((did_id) => ({ sortante_id: s.id, did_id })))
      .execute();
    // the routing stops at the instant itself: each assignment ends then, one starting later never starts
    await couperAffectations(trx, s.id, ids, effet);
    await trx
      .updateTable("tel_did")
      .set({
        resiliation_prevue_le: effet,
        portabilite_sortante_id: s.id,
        modified_by: acteur.nom,
        version: sql`version + 1`,
      })
      .where(parmiIds("id", ids))
      .execute();
    for (const didId of ids)
      await ecrireHistorique(
        trx,
        acteur,
        didId,
        "PORTABILITE_SORTANTE_PREVUE",
        [{ champ: "resiliation_prevue_le", avant: null, apres: effet.toISOString() }],
        `Portabilité sortante vers ${e.operateur_receveur}`,
        maintenant,
      );
    await ecrireAudit(trx, acteur, {
      entite: "tel_portabilite_sortante",
      entiteId: s.id,
      action: "CREATION",
      apres: { ...e, effet: effet.toISOString(), did_ids: ids },
    });
    const client = await trx
      .selectFrom("tel_client")
      .select("nom")
      .where("id", "=", e.client_id)
      .executeTakeFirst();
    await notifierPortabilite(
      trx,
      ctx.config,
      EVENEMENTS_PORTABILITE.SORTANTE,
      {
        id: s.id,
        reference: `SORTANTE-${s.id}`,
        client: client?.nom ?? String(e.client_id),
        demandeur_email: null,
        statut: "PREVUE",
        bascule_le: effet,
        numeros: ids.length,
        commentaire: `Vers ${e.operateur_receveur}`,
      },
      maintenant,
    );
    return s.id;
  });
  // an instant already past: the numbers leave now, as the scheduler would have done
  if (effet <= maintenant) await appliquerSortantesEchues(ctx, journal);
  return id;
}

/** The scheduler's part: planned terminations (port-outs among them), then the notices whose numbers all left. */
export async function appliquerSortantesEchues(ctx: Contexte, journal: (m: string, err?: unknown) => void) {
  const n = await appliquerResiliationsEchues(
    ctx,
    (c, id, p) => appliquerAction(c, id, "resilier", p),
    journal,
  );
  await ctx.db
    .updateTable("tel_portabilite_sortante as ps")
    .set({ statut: "EFFECTUEE" })
    .where("ps.statut", "=", "PREVUE")
    .where("ps.effet", "<=", ctx.maintenant)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("tel_did as d").select("d.id").whereRef("d.portabilite_sortante_id", "=", "ps.id"),
        ),
      ),
    )
    .execute();
  return n;
}

export async function pageSortantes(
  ctx: Pick<Contexte, "db">,
  clientId: number | undefined,
  page: number,
  parPage: number,
) {
  let q = ctx.db
    .selectFrom("tel_portabilite_sortante as ps")
    .innerJoin("tel_client as c", "c.id", "ps.client_id")
    .select([
      "ps.id",
      "ps.client_id",
      "c.nom as client",
      "ps.operateur_receveur",
      "ps.effet",
      "ps.statut",
      "ps.notes",
      "ps.created_by",
      "ps.date_creation",
      sql<number>`(SELECT count(*)::int FROM tel_portabilite_sortante_numero n WHERE n.sortante_id = ps.id)`.as(
        "nombre",
      ),
      // a page of notices shows each one's first numbers, never all of a client leaving with ten thousand
      sql<
        string[]
      >`ARRAY(SELECT d.did_format_e164 FROM tel_portabilite_sortante_numero n JOIN tel_did d ON d.id = n.did_id
        WHERE n.sortante_id = ps.id ORDER BY d.did_format_e164 LIMIT 20)`.as("numeros"),
    ]);
  if (clientId) q = q.where("ps.client_id", "=", clientId);
  const [data, total] = await Promise.all([
    q
      .orderBy("ps.effet", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: total.n };
}
