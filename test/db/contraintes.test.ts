import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";

// The rules the database must hold by itself, whatever code path writes.
describe.each(CIBLES)("constraints of the database ($nom)", (cible) => {
  let base: BaseDeTest;
  const ids: Record<string, number> = {};

  const erreur = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code?: string; constraint?: string };
    }
    throw new Error("the database accepted what it must refuse");
  };

  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible);
    const { db } = base;
    const id = async (
      table: "tel_indicatif" | "tel_statut_did" | "tel_statut_commande" | "tel_type_did",
      code: string,
    ) => (await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    ids.fr = await id("tel_indicatif", "FR");
    ids.dispo = await id("tel_statut_did", "DISPONIBLE");
    ids.brouillon = await id("tel_statut_commande", "BROUILLON");
    ids.geo = await id("tel_type_did", "GEO");
    ids.client = (
      await db
        .insertInto("tel_client")
        .values({ code: "ACME", nom: "Acme" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.autreClient = (
      await db
        .insertInto("tel_client")
        .values({ code: "AUTRE", nom: "Autre" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.campagne = (
      await db
        .insertInto("tel_campaign")
        .values({ client_id: ids.client, code: "C1", nom: "Campagne 1" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.campagne2 = (
      await db
        .insertInto("tel_campaign")
        .values({ client_id: ids.client, code: "C2", nom: "Campagne 2" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.did = (
      await db
        .insertInto("tel_did")
        .values({
          indicatif_id: ids.fr,
          did: "142685300",
          did_format_e164: "+33142685300",
          statut_id: ids.dispo,
          client_id: ids.client,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => base?.close());

  it("refuses a duplicate number", async () => {
    const e = await erreur(
      base.db
        .insertInto("tel_did")
        .values({
          indicatif_id: ids.fr as number,
          did: "142685300",
          did_format_e164: "+33142685300",
          statut_id: ids.dispo as number,
        })
        .execute(),
    );
    expect(e.code).toBe("23505");
    expect(["tel_did_numero_unique", "tel_did_did_format_e164_key"]).toContain(e.constraint);
  });

  it("refuses an E.164 form that does not end with the national number", async () => {
    const e = await erreur(
      base.db
        .insertInto("tel_did")
        .values({
          indicatif_id: ids.fr as number,
          did: "142685301",
          did_format_e164: "+33142685399",
          statut_id: ids.dispo as number,
        })
        .execute(),
    );
    expect(e.code).toBe("23514");
  });

  it("refuses an E.164 value of the wrong shape", async () => {
    const e = await erreur(
      base.db
        .insertInto("tel_did")
        .values({
          indicatif_id: ids.fr as number,
          did: "142685302",
          did_format_e164: "0142685302",
          statut_id: ids.dispo as number,
        })
        .execute(),
    );
    expect(e.code).toBe("23514");
  });

  it("refuses two overlapping inbound assignments of one number, accepts consecutive ones and outbound sharing", async () => {
    const { db } = base;
    const affecter = (
      debut: string,
      fin: string | null,
      campagne = ids.campagne as number,
      entrant = true,
      sortant = false,
    ) =>
      db
        .insertInto("tel_did_virtual")
        .values({
          did_id: ids.did as number,
          campaign_id: campagne,
          date_debut: debut,
          date_fin: fin,
          entrant,
          sortant,
        })
        .execute();
    await affecter("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    const e = await erreur(affecter("2026-01-15T00:00:00Z", null, ids.campagne2 as number));
    expect(e.code).toBe("23P01");
    expect(e.constraint).toBe("tel_did_virtual_un_entrant");
    // the next period starting exactly when the first ends does not overlap
    await affecter("2026-02-01T00:00:00Z", null, ids.campagne2 as number);
    // outbound use alongside does not compete for inbound routing
    await affecter("2026-01-10T00:00:00Z", null, ids.campagne as number, false, true);
    const n = await db
      .selectFrom("tel_did_virtual")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it("refuses an assignment that is neither inbound nor outbound, or ends before it starts", async () => {
    const { db } = base;
    const e1 = await erreur(
      db
        .insertInto("tel_did_virtual")
        .values({
          did_id: ids.did as number,
          campaign_id: ids.campagne as number,
          entrant: false,
          sortant: false,
        })
        .execute(),
    );
    expect(e1.code).toBe("23514");
    const e2 = await erreur(
      db
        .insertInto("tel_did_virtual")
        .values({
          did_id: ids.did as number,
          campaign_id: ids.campagne as number,
          entrant: false,
          sortant: true,
          date_debut: "2026-03-01",
          date_fin: "2026-02-01",
        })
        .execute(),
    );
    expect(e2.code).toBe("23514");
  });

  it("stores config as JSONB and refuses non-JSON or non-object configs", async () => {
    const { db } = base;
    await sql`INSERT INTO tel_did_config (code, nom, config) VALUES ('OK', 'ok', '{"couleur": "#12AB3F", "perso": [1, 2]}')`.execute(
      db,
    );
    const r = await sql<{
      t: string;
    }>`SELECT jsonb_typeof(config->'perso') AS t FROM tel_did_config WHERE code = 'OK'`.execute(db);
    expect(r.rows[0]?.t).toBe("array");
    const pasJson = await erreur(
      sql`INSERT INTO tel_did_config (code, nom, config) VALUES ('KO1', 'ko', '{pas du json')`.execute(db),
    );
    expect(pasJson.code).toBe("22P02");
    for (const [code, valeur] of [
      ["KO2", "[1,2]"],
      ["KO3", '"texte"'],
      ["KO4", "42"],
      ["KO5", "null"],
    ]) {
      const e = await erreur(
        sql`INSERT INTO tel_did_config (code, nom, config) VALUES (${code}, 'ko', ${valeur}::jsonb)`.execute(
          db,
        ),
      );
      expect(e.code, valeur).toBe("23514");
    }
    const couleur = await erreur(
      sql`INSERT INTO tel_did_config (code, nom, config) VALUES ('KO6', 'ko', '{"couleur": "rouge"}')`.execute(
        db,
      ),
    );
    expect(couleur.constraint).toBe("tel_did_config_couleur");
  });

  it("refuses an order quantity of 0 or 1001, and accepts 1 and 1000", async () => {
    const { db } = base;
    const commande = (reference: string, quantite: number) =>
      db
        .insertInto("tel_did_commande")
        .values({
          reference,
          client_id: ids.client as number,
          demandeur_nom: "Test",
          type_did_id: ids.geo as number,
          quantite,
          statut_id: ids.brouillon as number,
        })
        .execute();
    for (const [ref, q] of [
      ["CMD-2026-00001", 0],
      ["CMD-2026-00002", 1001],
      ["CMD-2026-00003", -5],
    ] as const) {
      const e = await erreur(commande(ref, q));
      expect(e.code).toBe("23514");
      expect(e.constraint).toBe("tel_did_commande_quantite");
    }
    await commande("CMD-2026-00004", 1);
    await commande("CMD-2026-00005", 1000);
  });

  it("refuses a malformed order reference, an unknown urgency and a duplicate reference", async () => {
    const { db } = base;
    const valeurs = {
      client_id: ids.client as number,
      demandeur_nom: "T",
      type_did_id: ids.geo as number,
      quantite: 1,
      statut_id: ids.brouillon as number,
    };
    expect(
      (
        await erreur(
          db
            .insertInto("tel_did_commande")
            .values({ ...valeurs, reference: "CMD-26-1" })
            .execute(),
        )
      ).code,
    ).toBe("23514");
    const urgence = await erreur(
      db
        .insertInto("tel_did_commande")
        .values({ ...valeurs, reference: "CMD-2026-00010", urgence: "IMMEDIATE" as "HAUTE" })
        .execute(),
    );
    expect(urgence.constraint).toBe("tel_did_commande_urgence");
    expect(
      (
        await erreur(
          db
            .insertInto("tel_did_commande")
            .values({ ...valeurs, reference: "CMD-2026-00004" })
            .execute(),
        )
      ).code,
    ).toBe("23505");
  });

  it("refuses a colour that is not #RRGGBB", async () => {
    const e = await erreur(
      base.db.insertInto("tel_statut_did").values({ code: "TEST", libelle: "t", couleur: "green" }).execute(),
    );
    expect(e.code).toBe("23514");
  });

  it("refuses a groupement of another client on a number, and unknown foreign keys", async () => {
    const { db } = base;
    const g = await db
      .insertInto("tel_groupement")
      .values({ client_id: ids.autreClient as number, code: "PROD", libelle: "Production" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const e = await erreur(
      db
        .updateTable("tel_did")
        .set({ groupement_id: g.id })
        .where("id", "=", ids.did as number)
        .execute(),
    );
    expect(e.code).toBe("23503");
    expect(e.constraint).toBe("tel_did_groupement_du_client");
    const fk = await erreur(
      db
        .updateTable("tel_did")
        .set({ operateur_id: 99999 })
        .where("id", "=", ids.did as number)
        .execute(),
    );
    expect(fk.code).toBe("23503");
  });

  it("refuses duplicate codes and a duplicate groupement code within one client", async () => {
    const { db } = base;
    expect(
      (await erreur(db.insertInto("tel_client").values({ code: "ACME", nom: "Autre Acme" }).execute())).code,
    ).toBe("23505");
    await db
      .insertInto("tel_groupement")
      .values({ client_id: ids.client as number, code: "ADMIN", libelle: "Administration" })
      .execute();
    expect(
      (
        await erreur(
          db
            .insertInto("tel_groupement")
            .values({ client_id: ids.client as number, code: "ADMIN", libelle: "Bis" })
            .execute(),
        )
      ).code,
    ).toBe("23505");
  });

  it("keeps date_modification and version up to date on every update", async () => {
    const { db } = base;
    const avant = await db
      .selectFrom("tel_did")
      .select(["date_modification", "version"])
      .where("id", "=", ids.did as number)
      .executeTakeFirstOrThrow();
    await new Promise((r) => setTimeout(r, 20));
    await sql`UPDATE tel_did SET notes = 'modifié en SQL direct' WHERE id = ${ids.did}`.execute(db);
    const apres = await db
      .selectFrom("tel_did")
      .select(["date_modification", "version"])
      .where("id", "=", ids.did as number)
      .executeTakeFirstOrThrow();
    expect(apres.date_modification.getTime()).toBeGreaterThan(avant.date_modification.getTime());
    expect(apres.version).toBe(avant.version + 1);
  });

  it("finds numbers by partial digits through the trigram index", async () => {
    const r = await sql<{
      indexdef: string;
    }>`SELECT indexdef FROM pg_indexes WHERE indexname = 'tel_did_did_trgm_idx'`.execute(base.db);
    expect(r.rows[0]?.indexdef).toContain("gin_trgm_ops");
    const trouves = await base.db.selectFrom("tel_did").select("did").where("did", "like", "%685%").execute();
    expect(trouves.map((t) => t.did)).toContain("142685300");
  });
});
