import fs from "node:fs";
import path from "node:path";
import { Migrator, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrer } from "../../src/db/migrate.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

// The views other tools read (#31) are a contract: a view keeps every column it had, with its type; a new column is
// allowed, a removed or retyped one needs a new view name (numeros_v2). The contract is this file (ECRIRE_CONTRAT=1
// writes it from the database: a change to it is a change of the interface, reviewed as such).
const CONTRAT = path.join(import.meta.dirname, "vues-lecture.contrat.json");
type Contrat = Record<string, Array<[colonne: string, type: string]>>;

async function colonnesDesVues(base: BaseDeTest): Promise<Contrat> {
  const r = await sql<{ vue: string; colonne: string; type: string }>`
    SELECT c.table_name AS vue, c.column_name AS colonne, c.data_type AS type
    FROM information_schema.columns c
    JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
    WHERE c.table_schema = 'telephony_lecture' ORDER BY c.table_name, c.ordinal_position`.execute(base.db);
  const vues: Contrat = {};
  for (const l of r.rows) {
    vues[l.vue] ??= [];
    vues[l.vue]?.push([l.colonne, l.type]);
  }
  // the functions' result columns, from « TABLE(did_id integer, numero_e164 text, …) »
  const f = await sql<{ nom: string; resultat: string }>`
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS nom,
      pg_get_function_result(p.oid) AS resultat
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'telephony_lecture'`.execute(
    base.db,
  );
  for (const l of f.rows)
    vues[l.nom] = l.resultat
      .replace(/^TABLE\((.*)\)$/, "$1")
      .split(", ")
      .map((c) => [c.slice(0, c.indexOf(" ")), c.slice(c.indexOf(" ") + 1)] as [string, string]);
  return vues;
}

describe.each(CIBLES)("the read-only SQL views ($nom)", (cible) => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible);
  });
  afterAll(() => base?.close());

  it("keep every column of the contract with its type, and every view is in the contract", async () => {
    if (process.env.ECRIRE_CONTRAT === "1")
      fs.writeFileSync(CONTRAT, `${JSON.stringify(await colonnesDesVues(base), null, 1)}\n`);
    const contrat = JSON.parse(fs.readFileSync(CONTRAT, "utf8")) as Contrat;
    const vues = await colonnesDesVues(base);
    expect(Object.keys(vues).sort(), "a new view goes in the contract").toEqual(Object.keys(contrat).sort());
    for (const [vue, colonnes] of Object.entries(contrat)) {
      // the contract's columns first, in its order, then any added since
      expect(
        vues[vue]?.slice(0, colonnes.length),
        `${vue}: a column removed or retyped needs a new view name`,
      ).toEqual(colonnes);
    }
    for (const v of Object.keys(vues)) expect(v).toMatch(/_v\d+(\(.*\))?$/);
  });

  it("answer with the inventory's labels, numbers in both forms, and the campaigns' inbound numbers", async () => {
    const db = base.db;
    const client = await db
      .insertInto("tel_client")
      .values({ code: "LECT", nom: "Lecture SA" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const campagne = await db
      .insertInto("tel_campaign")
      .values({ client_id: client.id, code: "LECT-SAV", nom: "SAV", hermes_id: "7001" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ref = async (table: "tel_indicatif" | "tel_statut_did", code: string) =>
      (await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    const d = await db
      .insertInto("tel_did")
      .values({
        indicatif_id: await ref("tel_indicatif", "RE"),
        did: "262304152",
        did_format_e164: "+262262304152",
        statut_id: await ref("tel_statut_did", "UTILISE"),
        client_id: client.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("tel_did_virtual")
      .values({ did_id: d.id, campaign_id: campagne.id, date_debut: new Date(Date.now() - 86_400_000) })
      .execute();
    const numero = await sql<Record<string, unknown>>`
      SELECT numero_e164, numero_national, statut_code, statut, client_code, client
      FROM telephony_lecture.numeros_v1 WHERE id = ${d.id}`.execute(db);
    expect(numero.rows[0]).toEqual({
      numero_e164: "+262262304152",
      numero_national: "0262304152",
      statut_code: "UTILISE",
      statut: "Utilisé",
      client_code: "LECT",
      client: "Lecture SA",
    });
    const campagnes = await sql<Record<string, unknown>>`
      SELECT hermes_id, did, did_national, campagne_code FROM telephony_lecture.campagnes_did_v1
      WHERE campagne_id = ${campagne.id}`.execute(db);
    expect(campagnes.rows).toEqual([
      { hermes_id: "7001", did: "262262304152", did_national: "0262304152", campagne_code: "LECT-SAV" },
    ]);
    const affectation = await sql<Record<string, unknown>>`
      SELECT en_cours, entrant, campagne_code FROM telephony_lecture.affectations_v1 WHERE did_id = ${d.id}`.execute(
      db,
    );
    expect(affectation.rows).toEqual([{ en_cours: true, entrant: true, campagne_code: "LECT-SAV" }]);
  });

  if (cible.nom === "pglite")
    it("refuses a role on the embedded database, which no other tool can reach", async () => {
      const r = await cliInterne(["sql-lecture", "--role", "lecture_outils"], base);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("Passez à PostgreSQL");
    });

  if (cible.nom === "postgres")
    it("gives a role that reads the views and nothing else, and refuses a name it cannot quote", async () => {
      const role = `lecture_test_${process.pid}`;
      try {
        const r = await cliInterne(
          ["sql-lecture", "--role", role, "--mot-de-passe", "lecture-secrete"],
          base,
        );
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain("numeros_v1");
        const u = new URL(base.url as string);
        u.username = role;
        u.password = "lecture-secrete";
        const c = new pg.Client({ connectionString: u.toString() });
        await c.connect();
        try {
          // its search path is the views' schema; it reads every view
          expect(
            (await c.query("SELECT count(*)::int AS n FROM numeros_v1")).rows[0].n,
          ).toBeGreaterThanOrEqual(1);
          const vues = await sql<{ nom: string }>`
            SELECT table_name AS nom FROM information_schema.views WHERE table_schema = 'telephony_lecture'`.execute(
            base.db,
          );
          expect(vues.rows.length).toBeGreaterThanOrEqual(8);
          for (const v of vues.rows) await c.query(`SELECT * FROM telephony_lecture.${v.nom} LIMIT 1`);
          // and no table of the application, each tried
          const tables = await sql<{ nom: string }>`
            SELECT tablename AS nom FROM pg_tables WHERE schemaname = 'public'`.execute(base.db);
          expect(tables.rows.length).toBeGreaterThan(30);
          for (const t of tables.rows)
            await expect(c.query(`SELECT 1 FROM public.${t.nom} LIMIT 1`), t.nom).rejects.toMatchObject({
              code: "42501",
            });
          for (const interdit of [
            "SELECT * FROM public.tel_did",
            "SELECT * FROM public.tel_utilisateur",
            "DELETE FROM public.tel_did",
            "CREATE TABLE telephony_lecture.x (a int)",
          ])
            await expect(c.query(interdit), interdit).rejects.toMatchObject({ code: "42501" });
          // each number's cost in a month, through the function
          const couts = await c.query("SELECT count(*)::int AS n FROM couts_mois_v1('2026-12')");
          expect(couts.rows[0].n).toBeGreaterThanOrEqual(0);
          // a view it may read, never write
          const droits = await c.query(
            "SELECT has_table_privilege('telephony_lecture.mandats_v1', 'SELECT') AS lire, has_table_privilege('telephony_lecture.mandats_v1', 'INSERT') OR has_table_privilege('telephony_lecture.mandats_v1', 'UPDATE') OR has_table_privilege('telephony_lecture.mandats_v1', 'DELETE') AS ecrire",
          );
          expect(droits.rows[0]).toEqual({ lire: true, ecrire: false });
        } finally {
          await c.end();
        }
        // run again: the same role, its password kept
        const encore = await cliInterne(["sql-lecture", "--role", role], base);
        expect(encore.stdout).toContain("Mot de passe inchangé.");
        const mauvais = await cliInterne(["sql-lecture", "--role", "x; DROP TABLE tel_did"], base);
        expect(mauvais.code).not.toBe(0);
        expect(mauvais.stderr).toContain("Nom de rôle refusé");
      } finally {
        await sql
          .raw(`DROP OWNED BY ${role}`)
          .execute(base.db)
          .catch(() => {});
        await sql.raw(`DROP ROLE IF EXISTS ${role}`).execute(base.db);
      }
    });
});

// #31: an existing database gets the views at its next migration, and they show what it already held.
describe.each(CIBLES)("migrating an existing database to the read-only views ($nom)", (cible) => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible, { vierge: true });
  });
  afterAll(async () => base?.close());

  it("creates the views over the numbers already there", async () => {
    const db = base.db;
    const avant = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await avant.migrateTo("0023_commentaire_commande")).error).toBeUndefined();
    await sql`INSERT INTO tel_indicatif (code, indicatif, libelle) VALUES ('FR', '33', 'France')`.execute(db);
    await sql`INSERT INTO tel_statut_did (code, libelle, couleur) VALUES ('DISPONIBLE', 'Disponible', '#17A2B8')`.execute(
      db,
    );
    await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, statut_id)
      SELECT i.id, '142685300', '+33142685300', s.id FROM tel_indicatif i, tel_statut_did s`.execute(db);
    const schema = () =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.views
        WHERE table_schema = 'telephony_lecture'`.execute(db);
    expect((await schema()).rows[0]?.n).toBe(0);
    await migrer(db);
    expect((await schema()).rows[0]?.n).toBeGreaterThanOrEqual(8);
    const lus = await sql<Record<string, unknown>>`
      SELECT numero_e164, numero_national, statut_code FROM telephony_lecture.numeros_v1`.execute(db);
    expect(lus.rows).toEqual([
      { numero_e164: "+33142685300", numero_national: "0142685300", statut_code: "DISPONIBLE" },
    ]);
  });
});
