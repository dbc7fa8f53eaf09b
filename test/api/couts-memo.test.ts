import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { MemoCouts } from "../../src/modules/couts/memo-couts.js";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// A month's costs are computed once and kept (#26, #32): identical requests in flight share one computation, a closed
// month answers from the kept result until a change of its own data, and the kept result survives a restart.
describe.each(CIBLES)("months' costs kept ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2026-10-05T10:00:00+02:00");
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
  });
  afterAll(() => ctx?.fermer());
  const api = async (methode: "GET" | "POST", url: string, payload?: Record<string, unknown>) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: ctx.cles.admin,
      payload,
    });
    return { status: r.statusCode, corps: r.json() };
  };
  const calculs = () => ctx.app.memoCouts.bilan.calculs;

  it("shares one computation between identical requests in flight, and keeps a closed month until its data changes", async () => {
    const ids: number[] = [];
    for (const numero of ["0142900001", "0142900002"]) {
      const d = await api("POST", "/dids", { numero, cout_mensuel: 3.1 });
      ids.push(d.corps.id);
      await api("POST", `/dids/${d.corps.id}/actions/affecter`, { client_id: ctx.clientA, motif: "test" });
    }
    maintenant = new Date("2026-12-03T10:00:00+01:00");

    const avant = calculs();
    const [a, b] = await Promise.all([
      api("GET", "/couts?periode=2026-11"),
      api("GET", "/couts?periode=2026-11"),
    ]);
    expect(calculs() - avant).toBe(1);
    expect(a.corps).toEqual(b.corps);
    expect(a.corps).toMatchObject({ total: 6.2, a_jour: true });

    // asked again, by another grouping: the kept month answers
    expect((await api("GET", "/couts?periode=2026-11&par=operateur")).corps.total).toBe(6.2);
    expect(calculs() - avant).toBe(1);

    // a change in December does not touch November's kept figures
    await api("POST", `/dids/${ids[1]}/actions/liberer`, { motif: "test" });
    expect((await api("GET", "/couts?periode=2026-11")).corps.total).toBe(6.2);
    expect(calculs() - avant).toBe(1);
    // December is computed again: it changed (released on the 3rd, the number is the company's from that day)
    const decembre = (await api("GET", "/couts?periode=2026-12")).corps;
    expect(decembre.lignes.find((l: { cle: string }) => l.cle === "SOCIETE")).toMatchObject({ jours: 29 });

    // a change dated in November (the app clock back there) makes November be computed again, with its effect
    maintenant = new Date("2026-11-21T12:00:00+01:00");
    await api("POST", "/dids", { numero: "0142900003", cout_mensuel: 3 });
    maintenant = new Date("2026-12-03T10:00:00+01:00");
    const n = calculs();
    const novembre = (await api("GET", "/couts?periode=2026-11")).corps;
    expect(calculs() - n).toBe(1);
    // 3.00 × 10/30 days in stock, from the 21st
    expect(novembre.total).toBe(7.2);
  });

  it("answers a kept month after a restart without computing it again", async () => {
    const premier = (await api("GET", "/couts?periode=2026-11")).corps;
    const autre = await buildApp({ database: ctx.base, config: ctx.app.config, horloge: () => maintenant });
    await autre.ready();
    try {
      const r = await autre.inject({
        method: "GET",
        url: "/api/v1/couts?periode=2026-11",
        headers: ctx.cles.admin,
      });
      expect(r.json()).toEqual(premier);
      expect(autre.memoCouts.bilan.calculs).toBe(0);
    } finally {
      await autre.close();
    }
  });

  it("recomputes changed months one at a time, so that a restart at a million numbers leaves connections to requests", async () => {
    const memo = new MemoCouts(20);
    const periodes = ["2026-10", "2026-11", "2026-12"];
    for (const p of periodes) await memo.lire(ctx.db, `essai:${p}`, p, maintenant, async () => 0);
    // a change that reaches each of these months
    expect((await api("POST", "/dids", { numero: "0142900077", cout_mensuel: 2 })).status).toBe(201);
    let actifs = 0;
    let auPlus = 0;
    const lent = async () => {
      actifs++;
      auPlus = Math.max(auPlus, actifs);
      await new Promise((r) => setTimeout(r, 150));
      actifs--;
      return 1;
    };
    const lus = await Promise.all(periodes.map((p) => memo.lire(ctx.db, `essai:${p}`, p, maintenant, lent)));
    // each answered its last result in time, marked not up to date, while the new ones go on
    expect(lus.map((l) => [l.valeur, l.a_jour])).toEqual(periodes.map(() => [0, false]));
    await new Promise((r) => setTimeout(r, 700));
    expect(auPlus).toBe(1);
    expect(memo.bilan.simultanes).toBe(1);
    const relus = await Promise.all(
      periodes.map((p) => memo.lire(ctx.db, `essai:${p}`, p, maintenant, lent)),
    );
    expect(relus.map((l) => [l.valeur, l.a_jour])).toEqual(periodes.map(() => [1, true]));
  });
});
