import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrer } from "../../src/db/migrate.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";

// #28: an existing database migrates to types with natures and regions with zones, and to planned terminations,
// with no change to any number's type, region or status; a company's own type keeps no nature it never had.
describe.each(CIBLES)("migrating an existing inventory to natures and zones ($nom)", (cible) => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible, { vierge: true });
  });
  afterAll(async () => base?.close());

  it("keeps every number's type, region and status, and gives each built-in type and region its own", async () => {
    const db = base.db;
    const avant = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const r = await avant.migrateTo("0019_signal_cles");
    expect(r.error).toBeUndefined();
    await sql`INSERT INTO tel_indicatif (code, indicatif, libelle) VALUES ('FR', '33', 'France')`.execute(db);
    await sql`INSERT INTO tel_region (indicatif_id, code, libelle, prefixe)
      SELECT id, x.code, x.libelle, x.prefixe FROM tel_indicatif,
        (VALUES ('IDF', 'Île-de-France', '01'), ('SES', 'Sud-Est', '04'), ('MARS', 'Marseille', NULL))
          AS x(code, libelle, prefixe)`.execute(db);
    await sql`INSERT INTO tel_type_did (code, libelle) VALUES ('GEO', 'Géographique'), ('NPV', 'NPV'),
      ('MAISON', 'Type maison')`.execute(db);
    await sql`INSERT INTO tel_statut_did (code, libelle, couleur, description) VALUES
      ('DISPONIBLE', 'Disponible', '#17A2B8', 'Numéro disponible sur le client, non affecté à une campagne'),
      ('RESILIE', 'Résilié', '#DC3545', 'Description de la maison')`.execute(db);
    await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, statut_id)
      SELECT i.id, x.did, '+33' || x.did, t.id, r.id, s.id
      FROM tel_indicatif i,
        (VALUES ('142685300', 'GEO', 'IDF', 'DISPONIBLE'), ('491123456', 'MAISON', 'MARS', 'RESILIE'),
          ('162000001', 'NPV', NULL, 'DISPONIBLE')) AS x(did, type, region, statut)
        JOIN tel_type_did t ON t.code = x.type JOIN tel_statut_did s ON s.code = x.statut
        LEFT JOIN tel_region r ON r.code = x.region`.execute(db);
    const lire = () =>
      sql<{ did: string; type_id: number; region_id: number | null; statut_id: number }>`
        SELECT did, type_id, region_id, statut_id FROM tel_did ORDER BY did`.execute(db);
    const numerosAvant = (await lire()).rows;
    await migrer(db);
    expect((await lire()).rows).toEqual(numerosAvant);
    const types = await sql<{ code: string; nature: string | null }>`
      SELECT code, nature FROM tel_type_did ORDER BY code`.execute(db);
    expect(types.rows).toEqual([
      { code: "GEO", nature: "GEO" },
      { code: "MAISON", nature: null },
      { code: "NPV", nature: "NPV" },
    ]);
    const regions = await sql<{
      code: string;
      zone: string;
    }>`SELECT code, zone FROM tel_region ORDER BY code`.execute(db);
    expect(regions.rows).toEqual([
      { code: "IDF", zone: "IDF" },
      { code: "MARS", zone: "MARS" },
      { code: "SES", zone: "SES" },
    ]);
    // the design's wording gives way to the product's; a description of the company's own stays
    const statuts = await sql<{ code: string; description: string }>`
      SELECT code, description FROM tel_statut_did ORDER BY code`.execute(db);
    expect(statuts.rows).toEqual([
      { code: "DISPONIBLE", description: "En stock : livré, sans client, prêt à être attribué" },
      { code: "RESILIE", description: "Description de la maison" },
    ]);
    const prevues = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM tel_did WHERE resiliation_prevue_le IS NOT NULL`.execute(db);
    expect(prevues.rows[0]?.n).toBe(0);
  });
});
