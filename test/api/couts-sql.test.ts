import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peuplerEchelle } from "../../bench/jeu-echelle.js";
import { fuseauMetier, moisMetier } from "../../src/heure-metier.js";
import { installerCoutsLecture } from "../../src/modules/couts/couts-lecture.js";
import { partsDuClient, resumeDuMois } from "../../src/modules/couts/parts.repository.js";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { type Part, partsDuMois } from "../helpers/couts-oracle.js";

// The costs in SQL (#26) agree with the day-by-day JavaScript of the first build, kept as an oracle, on three years
// of generated history: holders changing, terminations in and out of their freeze, assignments changing campaign
// mid-month, numbers acquired mid-month, and numbers whose history never recorded their holder (legacy data).
describe.each(CIBLES)("costs in SQL against the day-by-day oracle ($nom)", (cible) => {
  let base: BaseDeTest;
  const GEL = 60;
  beforeAll(async () => {
    base = await ouvrirBaseDeTest(cible);
    await peuplerEchelle(base.db, { numeros: 3000, maintenant: new Date("2026-12-05T10:00:00Z") });
    await installerCoutsLecture(base.db, GEL);
    // legacy: holders never recorded, acquisitions in the middle of a month, a second inbound campaign by priority
    await sql`DELETE FROM tel_did_historique WHERE champ = 'client_id' AND did_id % 53 = 0`.execute(base.db);
    await sql`UPDATE tel_did SET date_acquisition = date '2026-11-17' WHERE id % 89 = 0`.execute(base.db);
    await sql`UPDATE tel_did SET date_acquisition = date '2025-11-03' WHERE id % 97 = 1`.execute(base.db);
    await sql`INSERT INTO tel_did_virtual (did_id, campaign_id, priorite, date_debut, date_fin, entrant, sortant)
      SELECT v.did_id, v.campaign_id, 2, timestamptz '2026-11-12 15:30:00+01', NULL, false, true
      FROM tel_did_virtual v WHERE v.date_fin IS NULL AND v.did_id % 7 = 0`.execute(base.db);
  }, 300_000);
  afterAll(() => base?.close());

  const cle = (p: Part, dimension: string, codes: Map<string, number>) => {
    switch (dimension) {
      case "client":
        return p.client_id === null ? (p.gel ? "gel" : "stock") : String(p.client_id);
      case "groupement":
        return String(p.groupement_id);
      case "operateur":
        return String(p.operateur);
      case "campagne":
        return String(p.campagne === null ? null : codes.get(p.campagne));
      default:
        return String(p.type_id);
    }
  };

  for (const periode of ["2026-12", "2026-11", "2026-10", "2025-12", "2024-03"]) {
    it(`gives the oracle's figures for ${periode}, by every grouping`, async () => {
      const m = moisMetier(periode);
      if (!m) throw new Error(periode);
      const campagnes = await base.db.selectFrom("tel_campaign").select(["id", "code"]).execute();
      const codes = new Map(campagnes.map((c) => [c.code, c.id]));
      const oracle = await partsDuMois(base.db, { freezeJours: GEL }, periode);
      const attendu: Record<string, { numeros: number; jours: number; montant: number }> = {};
      for (const dimension of ["client", "groupement", "operateur", "campagne", "type", "total"]) {
        const groupes = new Map<string, { ids: Set<number>; jours: number; montant: number }>();
        for (const p of oracle.parts) {
          const k = dimension === "total" ? "" : cle(p, dimension, codes);
          const g = groupes.get(k) ?? { ids: new Set<number>(), jours: 0, montant: 0 };
          g.ids.add(p.did_id);
          g.jours += p.jours;
          g.montant += p.montant;
          groupes.set(k, g);
        }
        for (const [k, g] of groupes)
          attendu[`${dimension}:${k}`] = {
            numeros: g.ids.size,
            jours: g.jours,
            montant: Math.round(g.montant * 100) / 100,
          };
      }
      const parametres = { premier: m.premier, suivant: m.suivant, fuseau: fuseauMetier(), freezeJours: GEL };
      const lu = (lignes: Awaited<ReturnType<typeof resumeDuMois>>) =>
        Object.fromEntries(
          lignes.map((l) => [
            `${l.dimension}:${l.dimension === "total" ? "" : l.dimension === "client" && l.cle === null ? (l.gel ? "gel" : "stock") : String(l.cle)}`,
            { numeros: l.numeros, jours: l.jours, montant: Math.round(l.montant * 100) / 100 },
          ]),
        );
      expect(oracle.parts.length).toBeGreaterThan(400);
      expect(lu(await resumeDuMois(base.db, parametres, m.jours.length))).toEqual(attendu);
      // the same in slices of 700 numbers, one query each, as on the embedded database (#32)
      let tranches = 0;
      const enTranches = await resumeDuMois(base.db, parametres, m.jours.length, 700, async () => {
        tranches++;
      });
      expect(tranches).toBeGreaterThan(3);
      expect(lu(enTranches)).toEqual(attendu);
      // the function other tools read (telephony_lecture.couts_mois_v1) gives each number's part: the same sums
      const parClient = await sql<{ cle: string; numeros: number; jours: number; montant: number }>`
        SELECT coalesce(client_id::text, CASE WHEN gel THEN 'gel' ELSE 'stock' END) AS cle,
          count(DISTINCT did_id)::int AS numeros, sum(jours)::int AS jours, sum(montant)::float8 AS montant
        FROM telephony_lecture.couts_mois_v1(${periode}) GROUP BY 1`.execute(base.db);
      const clients = Object.entries(attendu).filter(([k]) => k.startsWith("client:"));
      expect(parClient.rows).toHaveLength(clients.length);
      for (const l of parClient.rows) {
        const a = attendu[`client:${l.cle}`];
        expect(a, l.cle).toBeDefined();
        expect({ numeros: l.numeros, jours: l.jours }).toEqual({ numeros: a?.numeros, jours: a?.jours });
        expect(Math.abs(l.montant - (a?.montant ?? 0))).toBeLessThan(0.011);
      }
    });
  }

  it("gives a client's statement line by line as the oracle does", async () => {
    const m = moisMetier("2026-11");
    if (!m) throw new Error();
    const clients = await base.db.selectFrom("tel_client").select("id").orderBy("id").limit(3).execute();
    for (const { id } of clients) {
      const oracle = (await partsDuMois(base.db, { freezeJours: GEL }, "2026-11", id)).parts
        .filter((p) => p.client_id === id)
        .map((p) => [p.numero, p.du, p.au, p.jours]);
      const lignes = await partsDuClient(base.db, {
        premier: m.premier,
        suivant: m.suivant,
        fuseau: fuseauMetier(),
        freezeJours: GEL,
        clientId: id,
      });
      expect(oracle.length).toBeGreaterThan(10);
      expect(lignes.map((l) => [l.numero, l.du, l.au, l.jours])).toEqual(oracle);
    }
  });
});
