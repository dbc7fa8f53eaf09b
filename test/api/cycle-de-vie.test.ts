import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

const STATUTS = ["COMMANDE", "DISPONIBLE", "AFFECTE", "UTILISE", "RESILIE"] as const;
type Statut = (typeof STATUTS)[number];
// The allowed moves, written from DOMAIN.md independently of the server's table.
const PERMIS = new Set([
  "COMMANDE>DISPONIBLE",
  "COMMANDE>RESILIE",
  "DISPONIBLE>AFFECTE",
  "DISPONIBLE>RESILIE",
  "AFFECTE>UTILISE",
  "AFFECTE>DISPONIBLE",
  "AFFECTE>RESILIE",
  "UTILISE>AFFECTE",
  "UTILISE>DISPONIBLE",
  "UTILISE>RESILIE",
  "RESILIE>DISPONIBLE",
]);
const PAIRES = STATUTS.flatMap((de) => STATUTS.map((vers) => [de, vers] as const));

describe.each(CIBLES)("number lifecycle ($nom)", (cible) => {
  let ctx: Contexte;
  let h: Record<string, string>;
  // the clock the rules see; tests move it
  let maintenant = new Date("2026-03-01T10:00:00Z");
  let campagne: number;
  let suivant = 100;

  const post = (url: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers: h, payload });
  const lire = async (id: number) =>
    (await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${id}`, headers: h })).json();

  /** A fresh number in the given status, reached through the API. */
  async function numeroAuStatut(statut: Statut): Promise<number> {
    const numero = `0162${String(suivant++).padStart(6, "0")}`;
    const d = (
      await post("/dids", { numero, statut: statut === "COMMANDE" ? "COMMANDE" : "DISPONIBLE" })
    ).json();
    if (statut === "AFFECTE" || statut === "UTILISE")
      await post(`/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    if (statut === "UTILISE")
      await post("/affectations", {
        did_id: d.id,
        campaign_id: campagne,
        date_debut: new Date(maintenant.getTime() - 1000).toISOString(),
      });
    if (statut === "RESILIE") await post(`/dids/${d.id}/actions/resilier`, { motif: "préparation" });
    expect((await lire(d.id)).statut_code).toBe(statut);
    return d.id;
  }

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    h = ctx.cles.gestionnaire;
    campagne = (await post("/campagnes", { client_id: ctx.clientA, code: "A-CYCLE", nom: "Cycle" })).json()
      .id;
  });
  afterAll(async () => ctx?.fermer());

  it.each(PAIRES)("%s → %s", async (de, vers) => {
    const id = await numeroAuStatut(de);
    if (de === "AFFECTE" && vers === "UTILISE") {
      // a number goes into production when its campaign assignment starts: one starting now, not yet applied
      await post("/affectations", {
        did_id: id,
        campaign_id: campagne,
        date_debut: new Date(maintenant.getTime() + 60_000).toISOString(),
      });
      maintenant = new Date(maintenant.getTime() + 120_000);
    }
    const r = await post(`/dids/${id}/statut`, {
      statut: vers,
      ...(vers === "AFFECTE" ? { client_id: ctx.clientA } : {}),
      motif: `test ${de}>${vers}`,
    });
    if (PERMIS.has(`${de}>${vers}`)) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().statut_code).toBe(vers);
      const histoire = (
        await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${id}/historique`, headers: h })
      ).json().data;
      expect(histoire.filter((e: { champ: string }) => e.champ === "statut").at(-1)).toMatchObject({
        champ: "statut",
        ancienne_valeur: de,
        nouvelle_valeur: vers,
        motif: `test ${de}>${vers}`,
        utilisateur: "cle:test-gestionnaire",
      });
    } else {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toMatchObject({ code: "TRANSITION_INTERDITE", statut_actuel: de });
      expect((await lire(id)).statut_code).toBe(de);
    }
  });

  it("offers with each number exactly the actions the server then accepts, and none to a reader", async () => {
    const ACTIONS = [
      "livrer",
      "affecter",
      "mettre-en-production",
      "arreter-production",
      "liberer",
      "resilier",
      "reactiver",
    ];
    for (const statut of STATUTS) {
      const id = await numeroAuStatut(statut);
      const offertes: string[] = (await lire(id)).actions_possibles;
      const lecteur = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/${id}`,
        headers: ctx.cles.lecteur,
      });
      expect(lecteur.json().actions_possibles).toEqual([]);
      const listee = (
        await ctx.app.inject({ method: "GET", url: `/api/v1/dids?ids=${id}`, headers: h })
      ).json().data[0];
      expect(listee.actions_possibles).toEqual(offertes);
      // each action tried on a fresh number in that status: accepted exactly when it was offered
      for (const action of ACTIONS) {
        const essai = await numeroAuStatut(statut);
        const r = await post(`/dids/${essai}/actions/${action}`, {
          ...(action === "affecter" ? { client_id: ctx.clientA } : {}),
        });
        if (
          action === "mettre-en-production" &&
          r.statusCode === 409 &&
          r.json().code === "AUCUNE_AFFECTATION"
        )
          continue; // offered by the status; the number still needs a campaign first
        expect(r.statusCode === 200, `${statut} ${action}: ${r.body}`).toBe(offertes.includes(action));
      }
    }
  });

  it("lists the current assignments of a selection in one request, and refuses a list it cannot read", async () => {
    const [a, b] = [await numeroAuStatut("UTILISE"), await numeroAuStatut("UTILISE")];
    const lire = async (q: string) =>
      ctx.app.inject({ method: "GET", url: `/api/v1/affectations?${q}`, headers: h });
    const r = (await lire(`did_ids=${a},${b}&courante=true`)).json();
    expect(new Set(r.data.map((x: { did_id: number }) => x.did_id))).toEqual(new Set([a, b]));
    expect(r.total).toBe(r.data.length);
    for (const mauvais of ["1,,2", "a,b", Array.from({ length: 201 }, (_, i) => i + 1).join(",")])
      expect((await lire(`did_ids=${mauvais}`)).statusCode, mauvais).toBe(400);
  });

  it("ends every assignment of a terminated number and no longer reports it in use", async () => {
    const id = await numeroAuStatut("UTILISE");
    await post(`/dids/${id}/actions/resilier`, { motif: "fin de contrat" });
    const aff = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/affectations?did_id=${id}`, headers: h })
    ).json();
    expect(aff.data.every((a: { date_fin: string | null }) => a.date_fin !== null)).toBe(true);
  });

  it("freezes a terminated number for other clients, not for its holder, until the freeze ends", async () => {
    maintenant = new Date("2026-03-01T10:00:00Z");
    const id = await numeroAuStatut("AFFECTE");
    await post(`/dids/${id}/actions/resilier`, { motif: "résiliation" });
    const liste = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids?q=${(await lire(id)).did}`, headers: h })
    ).json();
    expect(liste.data[0]).toMatchObject({
      statut_code: "RESILIE",
      date_resiliation: "2026-03-01",
      reutilisable_le: "2026-05-30",
    });
    const bord = (await ctx.app.inject({ method: "GET", url: "/api/v1/tableau-de-bord", headers: h })).json();
    expect(bord.reutilisables_30_jours.n).toBe(0);

    // 23:59 on 29 May in Paris (summer time, UTC+2): the last minute of the freeze; an hour later in UTC it is
    // already 30 May in Paris, and the freeze is over (the next step)
    maintenant = new Date("2026-05-29T21:59:00Z");
    const gele = await post(`/dids/${id}/actions/reactiver`, { client_id: ctx.clientB });
    expect(gele.statusCode).toBe(409);
    expect(gele.json()).toMatchObject({ code: "NUMERO_GELE", reutilisable_le: "2026-05-30" });
    const verstock = await post(`/dids/${id}/actions/reactiver`, { client_id: null });
    expect(verstock.json().code).toBe("NUMERO_GELE");
    const bord2 = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/tableau-de-bord", headers: h })
    ).json();
    expect(bord2.reutilisables_30_jours.numeros.map((n: { id: number }) => n.id)).toContain(id);

    // its holder may have it back at once, but that does not open it to another client before the end
    // (back to its holder, it is Affecté to it: RESILIE→DISPONIBLE→AFFECTE)
    expect(
      (await post(`/dids/${id}/actions/reactiver`, { motif: "le client revient" })).json(),
    ).toMatchObject({ statut_code: "AFFECTE", client_id: ctx.clientA });
    expect((await post(`/dids/${id}/actions/liberer`, { motif: "rendu au stock" })).json()).toMatchObject({
      statut_code: "DISPONIBLE",
      client_id: null,
    });
    const autre = await post(`/dids/${id}/actions/affecter`, { client_id: ctx.clientB });
    expect(autre.json().code).toBe("NUMERO_GELE");

    maintenant = new Date("2026-05-29T22:00:00Z");
    const ok = await post(`/dids/${id}/actions/affecter`, { client_id: ctx.clientB });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ statut_code: "AFFECTE", client_id: ctx.clientB });
  });

  it("honours FREEZE_DAYS within the French 45–120 range", async () => {
    const { loadConfig, ConfigError } = await import("../../src/config.js");
    expect(loadConfig({ FREEZE_DAYS: "45" }).freezeJours).toBe(45);
    expect(() => loadConfig({ FREEZE_DAYS: "30" })).toThrow(ConfigError);
    expect(() => loadConfig({ FREEZE_DAYS: "121" })).toThrow(ConfigError);
  });

  it("applies a bulk action all-or-nothing, reporting each number", async () => {
    const a = await numeroAuStatut("DISPONIBLE");
    const b = await numeroAuStatut("DISPONIBLE");
    const c = await numeroAuStatut("COMMANDE");
    const refus = await post("/dids/actions/affecter", {
      ids: [a, b, c],
      client_id: ctx.clientA,
      motif: "lot",
    });
    expect(refus.statusCode).toBe(409);
    expect(refus.json().code).toBe("ACTION_EN_MASSE_REFUSEE");
    expect(refus.json().resultats).toEqual([
      { id: a, ok: true, statut: "AFFECTE" },
      { id: b, ok: true, statut: "AFFECTE" },
      expect.objectContaining({ id: c, ok: false, code: "TRANSITION_INTERDITE" }),
    ]);
    expect((await lire(a)).statut_code).toBe("DISPONIBLE");
    const ok = await post("/dids/actions/affecter", { ids: [a, b], client_id: ctx.clientA, motif: "lot" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().total).toBe(2);
    expect(await lire(b)).toMatchObject({ statut_code: "AFFECTE", client_id: ctx.clientA });
  });

  it("puts dated assignments into effect on their dates, as the system", async () => {
    maintenant = new Date("2026-06-01T10:00:00Z");
    const id = await numeroAuStatut("AFFECTE");
    const aff = await post("/affectations", {
      did_id: id,
      campaign_id: campagne,
      date_debut: "2026-06-03T00:00:00Z",
      date_fin: "2026-06-10T00:00:00Z",
    });
    expect(aff.statusCode, aff.body).toBe(201);
    expect((await lire(id)).statut_code).toBe("AFFECTE");
    await ctx.app.planificateur.tour();
    maintenant = new Date("2026-06-03T00:00:01Z");
    await ctx.app.planificateur.tour();
    expect((await lire(id)).statut_code).toBe("UTILISE");
    maintenant = new Date("2026-06-10T00:00:01Z");
    await ctx.app.planificateur.tour();
    expect((await lire(id)).statut_code).toBe("AFFECTE");
    const histoire = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${id}/historique`, headers: h })
    ).json().data;
    const parSysteme = histoire.filter(
      (e: { utilisateur: string }) => e.utilisateur === "système:planificateur",
    );
    expect(parSysteme.map((e: { nouvelle_valeur: string }) => e.nouvelle_valeur)).toEqual([
      "UTILISE",
      "AFFECTE",
    ]);
  });

  it("lets exactly one of two parallel inbound assignments of one number succeed", async () => {
    maintenant = new Date();
    const id = await numeroAuStatut("AFFECTE");
    const c2 = (
      await post("/campagnes", { client_id: ctx.clientA, code: "A-CYCLE-2", nom: "Cycle 2" })
    ).json().id;
    const [r1, r2] = await Promise.all([
      post("/affectations", { did_id: id, campaign_id: campagne }),
      post("/affectations", { did_id: id, campaign_id: c2 }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort(), `${r1.body} ${r2.body}`).toEqual([201, 409]);
    const perdant = r1.statusCode === 409 ? r1 : r2;
    expect(perdant.json().code).toBe("AFFECTATION_ENTRANTE_EXISTANTE");
  });
});
