import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/database.js";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

describe.each(CIBLES)("Hermes routing ($nom)", (cible) => {
  let ctx: Contexte;
  let h: Record<string, string>;
  let hermes: Record<string, string>;
  let maintenant = new Date("2026-04-01T10:00:00Z");
  const campagnes: Record<string, number> = {};
  const post = async (url: string, payload: Record<string, unknown>) => {
    const r = await ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers: h, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };
  const numero = async (saisie: string) => {
    const d = await post("/dids", { numero: saisie });
    await post(`/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    return d.id as number;
  };
  const entrant = (n: string) =>
    ctx.app.inject({
      method: "GET",
      url: `/api/v1/routage/entrant/${encodeURIComponent(n)}`,
      headers: hermes,
    });
  /** Waits for the in-memory routing to reflect a committed change (at most 1 s). */
  const bientot = async (verifier: () => Promise<boolean>) => {
    const fin = Date.now() + 1000;
    while (!(await verifier())) {
      if (Date.now() > fin) throw new Error("routing not updated within 1 s");
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    h = ctx.cles.gestionnaire;
    hermes = ctx.cles.hermes;
    for (const [code, prospection] of [
      ["SAV", false],
      ["RELANCE", false],
      ["PROSPECT", true],
    ] as const) {
      campagnes[code] = (
        await post("/campagnes", {
          client_id: ctx.clientA,
          code: `A-${code}`,
          nom: code,
          hermes_id: `H-${code}`,
          prospection,
        })
      ).id;
    }
  });
  afterAll(async () => ctx?.fermer());

  it("routes a number in use to its campaign and configuration, in any format, and nothing else", async () => {
    const cfg = await post("/configs", {
      code: "CFG-SAV",
      nom: "SAV",
      config: { couleur: "#112233", message_accueil: "Bonjour" },
    });
    const id = await numero("0142000100");
    expect((await entrant("0142000100")).statusCode).toBe(404);
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.SAV,
      config_id: cfg.id,
      alias: "Accueil",
      date_debut: "2026-04-01T09:00:00Z",
    });
    await bientot(async () => (await entrant("+33 1 42 00 01 00")).statusCode === 200);
    expect((await entrant("0033142000100")).json()).toMatchObject({
      numero: "+33142000100",
      campagne: { code: "A-SAV", hermes_id: "H-SAV" },
      config: { couleur: "#112233", message_accueil: "Bonjour" },
      config_code: "CFG-SAV",
      alias: "Accueil",
    });
    // the forms Hermes sends are read without parsing; a national number dialled from another country is not
    // the French one, and what is not a number at all is a 422, not a 404
    for (const forme of ["+33142000100", "0142000100", "0033142000100", "01 42 00 01 00", "01.42.00.01.00"]) {
      expect((await entrant(forme)).json().numero, forme).toBe("+33142000100");
    }
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/v1/routage/entrant/0142000100?pays=BE",
          headers: hermes,
        })
      ).statusCode,
    ).not.toBe(200);
    expect((await entrant("+331420001")).statusCode).toBe(422);
    expect((await entrant("abc")).statusCode).toBe(422);
    // a configuration edited later is served at once
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/configs/${cfg.id}`,
      headers: h,
      payload: { config: { couleur: "#445566" } },
    });
    await bientot(async () => (await entrant("0142000100")).json().config?.couleur === "#445566");
    // terminated: never routed
    await post(`/dids/${id}/actions/resilier`, { motif: "fin" });
    await bientot(async () => (await entrant("0142000100")).statusCode === 404);
    expect((await entrant("0142000999")).json().code).toBe("NON_ROUTE");
    expect((await entrant("12")).statusCode).toBe(422);
  });

  it("follows dated assignments: the next campaign takes over on its date, an ended one stops", async () => {
    const id = await numero("0142000200");
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.SAV,
      date_debut: "2026-04-01T09:00:00Z",
      date_fin: "2026-04-02T00:00:00Z",
    });
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.RELANCE,
      date_debut: "2026-04-02T00:00:00Z",
      date_fin: "2026-04-03T00:00:00Z",
    });
    // both assignments must have reached the snapshot (two notifications) before the clock is moved
    await bientot(async () => {
      maintenant = new Date("2026-04-02T08:00:00Z");
      const suivante = (await entrant("0142000200")).json().campagne?.code;
      maintenant = new Date("2026-04-01T10:00:00Z");
      return suivante === "A-RELANCE";
    });
    expect((await entrant("0142000200")).json().campagne.code).toBe("A-SAV");
    maintenant = new Date("2026-04-02T08:00:00Z");
    expect((await entrant("0142000200")).json().campagne.code).toBe("A-RELANCE");
    maintenant = new Date("2026-04-03T08:00:00Z");
    expect((await entrant("0142000200")).statusCode).toBe(404);
    maintenant = new Date("2026-04-01T10:00:00Z");
  });

  it("serves a campaign's change at once, even for a number whose answer was already served", async () => {
    const camp = await post("/campagnes", {
      client_id: ctx.clientA,
      code: "A-RENOMMEE",
      nom: "R",
      hermes_id: "H-R",
    });
    const id = await numero("0142000600");
    await post("/affectations", { did_id: id, campaign_id: camp.id, date_debut: "2026-04-01T09:00:00Z" });
    await bientot(async () => (await entrant("0142000600")).statusCode === 200);
    expect((await entrant("+33142000600")).json().campagne.hermes_id).toBe("H-R");
    const patch = async (payload: Record<string, unknown>) => {
      const actuelle = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/campagnes/${camp.id}`,
        headers: h,
      });
      const r = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/campagnes/${camp.id}`,
        headers: h,
        payload: { ...payload, version: actuelle.json().version },
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await patch({ hermes_id: "H-R2" });
    await bientot(async () => (await entrant("0142000600")).json().campagne?.hermes_id === "H-R2");
    // a clock moved back before the assignment's start is not answered from what was served later
    maintenant = new Date("2026-04-01T08:00:00Z");
    expect((await entrant("0142000600")).statusCode).toBe(404);
    maintenant = new Date("2026-04-01T10:00:00Z");
    expect((await entrant("0142000600")).statusCode).toBe(200);
    // deactivated, the campaign's assignments end (#28): not routed, and not again when it is reactivated
    await patch({ actif: false });
    await bientot(async () => (await entrant("0142000600")).statusCode === 404);
    await patch({ actif: true });
    expect((await entrant("0142000600")).statusCode).toBe(404);
  });

  it("keeps answering for a routed number while its change is being read from the database", async () => {
    const id = await numero("0142000700");
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.SAV,
      date_debut: "2026-04-01T09:00:00Z",
    });
    await bientot(async () => (await entrant("0142000700")).statusCode === 200);
    const t = maintenant.getTime();
    // before the fix, the number left the snapshot while its new state was being read: a 404 for that moment
    const enCours = ctx.app.routage.appliquer(`did:${id}:0`);
    expect(ctx.app.routage.entrantJson(33142000700, t)).toContain('"A-SAV"');
    await enCours;
    expect(ctx.app.routage.entrantJson(33142000700, t)).toContain('"A-SAV"');
  });

  /** Numbers of client A written straight in SQL, as a bulk import does: prefix + 0001, 0002... */
  const semerNumeros = (prefixe: string, n: number, statut: string) =>
    sql`
      INSERT INTO tel_did (indicatif_id, did, did_format_e164, client_id, statut_id)
      SELECT (SELECT id FROM tel_indicatif WHERE code = 'FR'), ${prefixe} || lpad(g::text, 4, '0'),
        '+33' || ${prefixe} || lpad(g::text, 4, '0'), ${ctx.clientA},
        (SELECT id FROM tel_statut_did WHERE code = ${statut})
      FROM generate_series(1, ${n}::int) g`.execute(ctx.db);

  it("applies the signals of an import written by chunks of 500 rows as one reload, not one read per number", async () => {
    await semerNumeros("14400", 1500, "UTILISE");
    const avant = { ...ctx.app.routage.compteurs };
    // one transaction, three statements of 500 assignments: 1,500 signals at its commit
    await ctx.db.transaction().execute(async (trx) => {
      for (const debut of [1, 501, 1001])
        await sql`
          INSERT INTO tel_did_virtual (did_id, campaign_id, date_debut, entrant, sortant)
          SELECT d.id, ${campagnes.SAV}, '2026-04-01T09:00:00Z', true, false FROM tel_did d
          WHERE d.did BETWEEN ${`14400${String(debut).padStart(4, "0")}`}
            AND ${`14400${String(debut + 499).padStart(4, "0")}`}`.execute(trx);
    });
    await bientot(async () => (await entrant("0144001500")).statusCode === 200);
    expect((await entrant("0144000001")).json().campagne.code).toBe("A-SAV");
    await bientot(async () => ctx.app.routage.compteurs.signaux - avant.signaux >= 1500);
    // read in a few rounds (the burst may come in pieces) rather than 1,500 reads of one number each
    expect(ctx.app.routage.compteurs.lectures - avant.lectures).toBeGreaterThanOrEqual(1);
    expect(ctx.app.routage.compteurs.lectures - avant.lectures).toBeLessThanOrEqual(10);
  });

  it("reloads the whole routing once when one statement touches more than 1,000 numbers (an import)", async () => {
    // written straight in SQL, as a bulk import does: 1,200 numbers, their assignments, then their status
    await semerNumeros("14300", 1200, "AFFECTE");
    await sql`
      INSERT INTO tel_did_virtual (did_id, campaign_id, date_debut, entrant, sortant)
      SELECT id, ${campagnes.SAV}, '2026-04-01T09:00:00Z', true, false FROM tel_did WHERE did LIKE '14300%'`.execute(
      ctx.db,
    );
    const versionAvant = ctx.app.routage.version;
    await sql`UPDATE tel_did SET statut_id = (SELECT id FROM tel_statut_did WHERE code = 'UTILISE')
      WHERE did LIKE '14300%'`.execute(ctx.db);
    await bientot(async () => (await entrant("0143000777")).statusCode === 200);
    expect((await entrant("0143001200")).json().campagne.code).toBe("A-SAV");
    // two statements of more than 1,000 numbers each: two reload signals, not one per row (2,400)
    expect(ctx.app.routage.version - versionAvant).toBeLessThanOrEqual(2);
    const [n] = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM tel_did_virtual v JOIN tel_did d ON d.id = v.did_id
        WHERE d.did LIKE '14300%'`.execute(ctx.db)
    ).rows;
    expect(n?.n).toBe(1200);
  });

  it("answers the common lookup over HTTP before Fastify, byte for byte as the route does, and nothing else", async () => {
    const id = await numero("0142000800");
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.SAV,
      alias: "Rapide",
      date_debut: "2026-04-01T09:00:00Z",
    });
    await bientot(async () => (await entrant("0142000800")).statusCode === 200);
    const adresse = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const lire = (chemin: string, cle = hermes) =>
      fetch(`${adresse}/api/v1/routage/entrant/${chemin}`, { headers: cle });
    const avant = ctx.app.voieRapide.servies;
    const rapide = await lire("0142000800", { ...hermes, "x-request-id": "appel-hermes-42" });
    expect(ctx.app.voieRapide.servies).toBe(avant + 1);
    const parFastify = await entrant("0142000800");
    expect(rapide.status).toBe(200);
    expect(await rapide.text()).toBe(parFastify.body);
    expect(rapide.headers.get("content-type")).toBe(parFastify.headers["content-type"]);
    expect(rapide.headers.get("x-request-id")).toBe("appel-hermes-42");
    for (const forme of ["+33142000800", "0033142000800", "0142000800?pays=FR"]) {
      expect(await (await lire(forme)).text(), forme).toBe(parFastify.body);
    }
    expect(ctx.app.voieRapide.servies).toBe(avant + 4);
    // everything else goes through the route, with its full behaviour
    expect((await lire("01%2042%2000%2008%2000")).status).toBe(200);
    expect((await lire("0142000800?pays=BE")).status).not.toBe(200);
    expect((await lire("0142000999")).status).toBe(404);
    expect((await lire("abc")).status).toBe(422);
    expect((await lire("0142000800", ctx.cles.client)).status).toBe(403);
    expect(
      (await lire("0142000800", { authorization: "Bearer tel_000000000000_inconnueinconnueinconnue" }))
        .status,
    ).toBe(401);
    expect(ctx.app.voieRapide.servies).toBe(avant + 4);
  });

  /** A server of its own, listening, with one number routed to a campaign of client A. */
  const serveurAUnNumero = async (saisie: string, options: Parameters<typeof contexte>[1] = {}) => {
    const autre = await contexte(cible, { horloge: () => maintenant, ...options });
    const envoyer = async (url: string, payload: Record<string, unknown>) =>
      (
        await autre.app.inject({
          method: "POST",
          url: `/api/v1${url}`,
          headers: autre.cles.gestionnaire,
          payload,
        })
      ).json();
    const d = await envoyer("/dids", { numero: saisie });
    await envoyer(`/dids/${d.id}/actions/affecter`, { client_id: autre.clientA });
    const c = await envoyer("/campagnes", { client_id: autre.clientA, code: "A-SEUL", nom: "Seul" });
    await envoyer("/affectations", { did_id: d.id, campaign_id: c.id, date_debut: "2026-04-01T09:00:00Z" });
    return { autre, adresse: await autre.app.listen({ port: 0, host: "127.0.0.1" }) };
  };

  it("logs the lookups the fast lane answers as Fastify logs its requests, at info and not above", async () => {
    const lignes: Array<Record<string, unknown>> = [];
    const { autre: journal, adresse } = await serveurAUnNumero("0142000900", {
      logger: { level: "info", stream: { write: (l: string) => lignes.push(JSON.parse(l)) } },
    });
    try {
      const lire = (id: string) =>
        fetch(`${adresse}/api/v1/routage/entrant/0142000900`, {
          headers: { ...journal.cles.hermes, "x-request-id": id },
        });
      // the first lookup builds the answer through Fastify; the next ones are the fast lane's
      const fin = Date.now() + 2000;
      while ((await lire("chauffe")).status !== 200 && Date.now() < fin)
        await new Promise((r) => setTimeout(r, 10));
      const avant = journal.app.voieRapide.servies;
      expect((await lire("appel-journal-1")).status).toBe(200);
      expect(journal.app.voieRapide.servies).toBe(avant + 1);
      expect(lignes.filter((l) => l.reqId === "appel-journal-1")).toEqual([
        expect.objectContaining({
          level: 30,
          msg: "requête servie",
          methode: "GET",
          url: "/api/v1/routage/entrant/0142000900",
          statut: 200,
          ms: expect.any(Number),
          voie_rapide: true,
        }),
      ]);
      journal.app.log.level = "warn";
      expect((await lire("appel-journal-2")).status).toBe(200);
      expect(journal.app.voieRapide.servies).toBe(avant + 2);
      expect(lignes.filter((l) => l.reqId === "appel-journal-2")).toEqual([]);
    } finally {
      await journal.fermer();
    }
  });

  it("closes within seconds while Hermes keeps a connection busy with fast-lane lookups", async () => {
    const { autre, adresse } = await serveurAUnNumero("0142000901");
    let fini = false;
    try {
      const lire = () =>
        fetch(`${adresse}/api/v1/routage/entrant/0142000901`, { headers: autre.cles.hermes }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          () => 0,
        );
      const fin = Date.now() + 2000;
      while ((await lire()) !== 200 && Date.now() < fin) await new Promise((r) => setTimeout(r, 10));
      // the first answer is built by the route; the next ones are the fast lane's
      expect(await lire()).toBe(200);
      expect(autre.app.voieRapide.servies).toBeGreaterThan(0);
      // Hermes: lookups back to back on kept-alive connections, until the server is gone
      const statuts: number[] = [];
      const charge = (async () => {
        while (!fini) statuts.push(await lire());
      })();
      await new Promise((r) => setTimeout(r, 100));
      const t = performance.now();
      await Promise.race([
        autre.app.close(),
        new Promise((_, non) => setTimeout(() => non(new Error("server still open after 5 s")), 5000)),
      ]);
      expect(performance.now() - t).toBeLessThan(5000);
      fini = true;
      await charge;
      // answered until the close, then told to go away (503, connection closed), never left hanging
      // answered until the close, never left hanging, and gone after it
      expect(statuts).toContain(200);
      expect(await lire()).toBe(0);
    } finally {
      fini = true;
      await autre.base.close();
    }
  });

  it("presents outbound numbers by priority, local ones first, NPV only for prospecting", async () => {
    const idf = await numero("0142000300");
    const ses = await numero("0491000300");
    const npv = await numero("0162000300");
    for (const [id, priorite] of [
      [idf, 1],
      [ses, 2],
      [npv, 3],
    ] as const) {
      await post("/affectations", {
        did_id: id,
        campaign_id: campagnes.RELANCE,
        entrant: false,
        sortant: true,
        priorite,
        date_debut: "2026-04-01T09:00:00Z",
      });
      await post("/affectations", {
        did_id: id,
        campaign_id: campagnes.PROSPECT,
        entrant: false,
        sortant: true,
        priorite,
        date_debut: "2026-04-01T09:00:00Z",
      }).catch((e) => e);
    }
    const sortant = async (url: string) =>
      (
        await ctx.app.inject({ method: "GET", url: `/api/v1/routage/sortant/${url}`, headers: hermes })
      ).json();
    // the last assignment posted is the prospecting one: once it is in, all of them are
    await bientot(async () => (await sortant(String(campagnes.PROSPECT))).numeros?.length === 1);
    await bientot(async () => (await sortant("A-RELANCE")).numeros?.length === 3);
    expect((await sortant("A-RELANCE")).numeros.map((n: { numero: string }) => n.numero)).toEqual([
      "+33142000300",
      "+33491000300",
      "+33162000300",
    ]);
    const local = await sortant(`H-RELANCE?destination=${encodeURIComponent("04 91 12 34 56")}`);
    expect(local.region_destination).toBe("SES");
    expect(
      local.numeros.map((n: { numero: string; local: boolean }) => `${n.numero}${n.local ? "*" : ""}`),
    ).toEqual(["+33491000300*", "+33142000300", "+33162000300"]);
    expect(
      (await sortant(String(campagnes.PROSPECT))).numeros.map((n: { numero: string }) => n.numero),
    ).toEqual(["+33162000300"]);
    const mobile = await numero("0612000300");
    const refus = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: h,
      payload: { did_id: mobile, campaign_id: campagnes.RELANCE, entrant: false, sortant: true },
    });
    expect(refus.json().code).toBe("MOBILE_INTERDIT_SORTANT");
  });

  it("exports every current route with an ETag that gives 304 while nothing changes", async () => {
    const r = await ctx.app.inject({ method: "GET", url: "/api/v1/routage/export", headers: hermes });
    expect(r.statusCode).toBe(200);
    const etag = r.headers.etag as string;
    expect(r.json().routes.length).toBeGreaterThan(0);
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/v1/routage/export",
          headers: { ...hermes, "if-none-match": etag },
        })
      ).statusCode,
    ).toBe(304);
    const csv = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/routage/export?format=csv",
      headers: hermes,
    });
    expect(csv.body.split("\n")[0]).toBe("numero;sens;campagne_code;hermes_id;config_code;alias;priorite");
    const id = await numero("0142000400");
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes.SAV,
      date_debut: "2026-04-01T09:00:00Z",
    });
    await bientot(
      async () =>
        (
          await ctx.app.inject({
            method: "GET",
            url: "/api/v1/routage/export",
            headers: { ...hermes, "if-none-match": etag },
          })
        ).statusCode === 200,
    );
    // a client key is not the platform
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/routage/export", headers: ctx.cles.client }))
        .statusCode,
    ).toBe(403);
  });

  it.runIf(cible.nom === "postgres")(
    "keeps a second instance coherent: a change through one is seen by the other within 1 s",
    async () => {
      const second = await openDatabase({ databaseUrl: ctx.base.url, poolSize: 4 });
      const app2 = await buildApp({ database: second, config: loadConfig({}), horloge: () => maintenant });
      await app2.ready();
      try {
        const id = await numero("0142000500");
        const debut = Date.now();
        await post("/affectations", {
          did_id: id,
          campaign_id: campagnes.SAV,
          date_debut: "2026-04-01T09:00:00Z",
        });
        let vu = false;
        while (Date.now() - debut < 1000) {
          const r = await app2.inject({
            method: "GET",
            url: "/api/v1/routage/entrant/0142000500",
            headers: hermes,
          });
          if (r.statusCode === 200) {
            vu = true;
            break;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
        expect(vu).toBe(true);
        // the write sends several notifications (assignment, then the number's status): both instances agree
        // on the whole routing table once all of them are applied, still within the second
        const etags = async () => [
          (await ctx.app.inject({ method: "GET", url: "/api/v1/routage/export", headers: hermes })).headers
            .etag,
          (await app2.inject({ method: "GET", url: "/api/v1/routage/export", headers: hermes })).headers.etag,
        ];
        let [etag1, etag2] = await etags();
        while (etag1 !== etag2 && Date.now() - debut < 1000) {
          await new Promise((r) => setTimeout(r, 10));
          [etag1, etag2] = await etags();
        }
        expect(etag2).toBe(etag1);
      } finally {
        await app2.close();
        await second.close();
      }
    },
  );
});
