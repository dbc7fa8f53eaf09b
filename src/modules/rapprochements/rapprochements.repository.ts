import { sql } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import type { ClasseRapprochement } from "../../db/schema.js";
import type { Executor } from "../audit/audit.repository.js";

// The SQL of carrier reconciliations. A file's lines go in by slices of arrays (one statement per slice, whatever
// its size), then two statements classify them against the inventory and one adds the numbers the carrier did not
// bill: a million lines against a million numbers is a few joins, not a million lookups.

/** A carrier file's lines as columns (what unnest reads); brut and raison are set on unreadable lines only. */
export interface LignesLues {
  ligne: number[];
  numero: Array<string | null>;
  brut: Array<string | null>;
  raison: Array<string | null>;
  reference: Array<string | null>;
  prix: Array<number | null>;
  debut: Array<string | null>;
  fin: Array<string | null>;
}

/**
 * Memory for this transaction's sorts and hashes: with the default 4 MB, each slice's join against the inventory
 * and its sort spilled to disk.
 */
export async function memoireDeTravail(db: Executor) {
  await sql`SET LOCAL work_mem = '64MB'`.execute(db);
}

export function insererRapprochement(
  db: Executor,
  v: {
    operateur_id: number;
    periode: string;
    fichier_nom: string;
    fichier_sha256: string;
    colonnes: Record<string, string>;
    colonnes_ignorees: string[];
    lignes_lues: number;
    auteur: string;
  },
) {
  return db
    .insertInto("tel_rapprochement")
    .values({
      ...v,
      colonnes: JSON.stringify(v.colonnes),
      colonnes_ignorees: JSON.stringify(v.colonnes_ignorees),
      totaux: "{}",
      duree_ms: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * One slice of the file's lines, classified against the inventory as it goes in: one INSERT … SELECT FROM unnest
 * joined to the numbers by their E.164 (no second pass over the lines). The part of the month a line bills is its
 * service start and end within the month (the whole month without them), its amount that many days at the monthly
 * price. Money to claim: a number we terminated, billed after the day it was terminated (that day is the last one
 * we owe), for the days billed after it. Then a price different from cout_mensuel (the amount: what is billed beyond
 * the inventory's price for the same days), a reference different from ours, or matching.
 */
export async function insererLignes(
  db: Executor,
  id: number,
  l: LignesLues,
  m: { premier: string; dernier: string; jours: number },
) {
  await sql`
    INSERT INTO tel_rapprochement_ligne (rapprochement_id, ligne, numero, brut, did_id, classe, raison,
      reference_facturee, reference_inventaire, prix_facture, prix_inventaire, debut, fin, facture_du, facture_au,
      date_resiliation, jours_factures, montant_facture, montant, prix_different, reference_differente, en_service)
    SELECT ${id}, u.ligne, u.numero, u.brut, d.id,
      CASE WHEN u.raison IS NOT NULL THEN 'ILLISIBLE' WHEN d.id IS NULL THEN 'INCONNU'
        WHEN x.resiliation IS NOT NULL AND f.au > x.resiliation THEN 'A_RECLAMER'
        WHEN x.prix_different THEN 'PRIX_DIFFERENT' WHEN x.reference_differente THEN 'REFERENCE_DIFFERENTE'
        ELSE 'CONFORME' END,
      u.raison, u.reference, d.reference_externe, u.prix, d.cout_mensuel, u.debut, u.fin,
      CASE WHEN f.jours > 0 THEN f.du END, CASE WHEN f.jours > 0 THEN f.au END, x.resiliation, f.jours, f.montant,
      CASE WHEN u.raison IS NOT NULL OR u.prix IS NULL THEN NULL
        WHEN d.id IS NOT NULL AND x.resiliation IS NOT NULL AND f.au > x.resiliation THEN
          round(coalesce(u.prix, 0) * (f.au - greatest(f.du, x.resiliation + 1) + 1) / ${m.jours}, 4)
        WHEN x.prix_different THEN f.montant - round(coalesce(d.cout_mensuel, 0) * f.jours / ${m.jours}, 4)
        ELSE f.montant END,
      coalesce(x.prix_different, false), coalesce(x.reference_differente, false), coalesce(s.code = 'UTILISE', false)
    FROM unnest(${l.ligne}::int[], ${l.numero}::text[], ${l.brut}::text[], ${l.raison}::text[],
      ${l.reference}::text[], ${l.prix}::numeric[], ${l.debut}::date[], ${l.fin}::date[])
      AS u(ligne, numero, brut, raison, reference, prix, debut, fin)
    CROSS JOIN LATERAL (SELECT greatest(coalesce(u.debut, ${m.premier}::date), ${m.premier}::date) AS du,
      least(coalesce(u.fin, ${m.dernier}::date), ${m.dernier}::date) AS au) b
    CROSS JOIN LATERAL (SELECT b.du, b.au, greatest(b.au - b.du + 1, 0) AS jours,
      round(u.prix * greatest(b.au - b.du + 1, 0) / ${m.jours}, 4) AS montant) f
    -- each number looked up by itself through the E.164 index (LATERAL, OFFSET 0 keeps it from becoming a join):
    -- as a hash join, every slice scanned and hashed the whole inventory (a million numbers, twenty times)
    LEFT JOIN LATERAL (SELECT * FROM tel_did t WHERE t.did_format_e164 = u.numero AND u.raison IS NULL OFFSET 0) d
      ON true
    LEFT JOIN tel_statut_did s ON s.id = d.statut_id
    CROSS JOIN LATERAL (SELECT CASE WHEN s.code = 'RESILIE' THEN coalesce(d.date_resiliation, f.du - 1) END AS resiliation,
      u.prix IS NOT NULL AND d.id IS NOT NULL AND u.prix IS DISTINCT FROM d.cout_mensuel AS prix_different,
      coalesce(u.reference, '') <> '' AND d.id IS NOT NULL AND u.reference IS DISTINCT FROM d.reference_externe
        AS reference_differente) x
    ORDER BY u.ligne`.execute(db);
}

/**
 * The inventory's numbers for that operator (their block's, else their own), held during the month and not
 * terminated, that no line bills: the carrier may have dropped them (a routing risk when in use). Their amount is
 * their monthly cost, what we expected to pay.
 */
export async function ajouterNonFactures(db: Executor, id: number, operateurId: number, finDuMois: string) {
  await sql`
    INSERT INTO tel_rapprochement_ligne (rapprochement_id, numero, did_id, classe, reference_inventaire,
      prix_inventaire, montant, en_service)
    SELECT ${id}, d.did_format_e164, d.id, 'NON_FACTURE', d.reference_externe, d.cout_mensuel, d.cout_mensuel,
      s.code = 'UTILISE'
    FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id LEFT JOIN tel_tranche t ON t.id = d.tranche_id
    WHERE coalesce(t.operateur_id, d.operateur_id) = ${operateurId} AND s.code NOT IN ('RESILIE', 'COMMANDE')
      AND (d.date_acquisition IS NULL OR d.date_acquisition <= ${finDuMois}::date)
      AND NOT EXISTS (SELECT 1 FROM tel_rapprochement_ligne l
                      WHERE l.rapprochement_id = ${id} AND l.numero = d.did_format_e164)
    ORDER BY d.did_format_e164`.execute(db);
}

export async function totaux(db: Executor, id: number) {
  const r = await sql<{ classe: ClasseRapprochement; n: number; montant: number | null }>`
    SELECT classe, count(*)::int AS n, sum(montant)::float8 AS montant FROM tel_rapprochement_ligne
    WHERE rapprochement_id = ${id} GROUP BY classe`.execute(db);
  return Object.fromEntries(
    // no line of the class with a price: no amount, not zero (a file without prices says nothing of money)
    r.rows.map((l) => [
      l.classe,
      { n: l.n, montant: l.montant === null ? null : Math.round(l.montant * 100) / 100 },
    ]),
  ) as Record<ClasseRapprochement, { n: number; montant: number | null }>;
}

/** Lines already corrected, by class: the stored totals are the file's, these say what is left to do. */
export async function corrigeesParClasse(db: Executor, id: number) {
  const r = await sql<{ classe: ClasseRapprochement; n: number }>`
    SELECT classe, count(*)::int AS n FROM tel_rapprochement_ligne
    WHERE rapprochement_id = ${id} AND correction IS NOT NULL GROUP BY classe`.execute(db);
  return new Map(r.rows.map((l) => [l.classe, l.n]));
}

export function terminerRapprochement(
  db: Executor,
  id: number,
  t: Record<string, { n: number; montant: number | null }>,
  dureeMs: number,
) {
  return db
    .updateTable("tel_rapprochement")
    .set({ totaux: JSON.stringify(t), duree_ms: Math.round(dureeMs) })
    .where("id", "=", id)
    .execute();
}

const COLONNES = [
  "r.id",
  "r.operateur_id",
  "o.nom as operateur",
  "r.periode",
  "r.fichier_nom",
  "r.fichier_sha256",
  "r.colonnes",
  "r.colonnes_ignorees",
  "r.lignes_lues",
  "r.totaux",
  "r.auteur",
  "r.duree_ms",
  "r.date_creation",
] as const;

export function lireRapprochement(db: Executor, id: number) {
  return db
    .selectFrom("tel_rapprochement as r")
    .innerJoin("tel_operateur as o", "o.id", "r.operateur_id")
    .select(COLONNES)
    .where("r.id", "=", id)
    .executeTakeFirst();
}

export async function pageRapprochements(
  db: Executor,
  operateurId: number | undefined,
  page: number,
  parPage: number,
) {
  let q = db.selectFrom("tel_rapprochement as r").innerJoin("tel_operateur as o", "o.id", "r.operateur_id");
  if (operateurId !== undefined) q = q.where("r.operateur_id", "=", operateurId);
  const [data, total] = await Promise.all([
    q
      .select(COLONNES)
      .orderBy("r.id", "desc")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

export async function pageLignes(
  db: Executor,
  id: number,
  classes: ClasseRapprochement[] | undefined,
  page: number,
  parPage: number,
) {
  let q = db.selectFrom("tel_rapprochement_ligne").where("rapprochement_id", "=", id);
  if (classes?.length) q = q.where(parmiTextes("classe", classes));
  const [data, total] = await Promise.all([
    q
      .selectAll()
      .orderBy("id")
      .limit(parPage)
      .offset((page - 1) * parPage)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data, total: Number(total.n) };
}

/** Lines to fix: those named, or all of a class, not fixed yet. */
export function lignesACorriger(
  db: Executor,
  id: number,
  f: { ids?: number[] | undefined; classe?: ClasseRapprochement | undefined },
) {
  let q = db
    .selectFrom("tel_rapprochement_ligne")
    .selectAll()
    .where("rapprochement_id", "=", id)
    .where("correction", "is", null)
    .where("did_id", "is not", null);
  if (f.ids) q = q.where(parmiIds("id", f.ids));
  if (f.classe) q = q.where("classe", "=", f.classe);
  return q.orderBy("id").forUpdate().execute();
}

export function marquerCorrigees(db: Executor, ids: number[], correction: string, par: string, le: Date) {
  if (ids.length === 0) return Promise.resolve();
  return db
    .updateTable("tel_rapprochement_ligne")
    .set({ correction, corrige_par: par, corrige_le: le })
    .where(parmiIds("id", ids))
    .execute();
}

/** What to claim from the carrier: terminated numbers billed, numbers not ours billed, prices above ours. */
export function lignesReclamees(db: Executor, id: number) {
  return db
    .selectFrom("tel_rapprochement_ligne")
    .selectAll()
    .where("rapprochement_id", "=", id)
    .where((eb) =>
      eb.or([
        eb("classe", "in", ["A_RECLAMER", "INCONNU"]),
        eb.and([eb("classe", "=", "PRIX_DIFFERENT"), eb("montant", ">", 0)]),
      ]),
    )
    .orderBy("id")
    .execute();
}

export async function idOperateur(db: Executor, code: string) {
  const o = await db
    .selectFrom("tel_operateur")
    .select("id")
    .where("code", "=", code.toUpperCase())
    .executeTakeFirst();
  return o?.id;
}
