import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

describe.each(CIBLES)("numbers through the API ($nom)", (cible) => {
  let ctx: Contexte;
  let h: Record<string, string>;
  const creer = (payload: Record<string, unknown>) =>
    ctx.app.inject({ method: "POST", url: "/api/v1/dids", headers: h, payload });

  beforeAll(async () => {
    ctx = await contexte(cible);
    h = ctx.cles.gestionnaire;
  });
  afterAll(async () => ctx?.fermer());

  it("creates a number written any way, deriving E.164, type and region, and shows the labels", async () => {
    const r = await creer({
      numero: "+33 (0)1 42 68 53 00",
      cout_mensuel: 1.5,
      date_acquisition: "2026-01-15",
      reference_externe: "BYT-1",
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      did: "142685300",
      did_format_e164: "+33142685300",
      pays: "FR",
      type_code: "GEO",
      region_code: "IDF",
      region: "Île-de-France",
      statut_code: "DISPONIBLE",
      statut: "Disponible",
      statut_couleur: "#17A2B8",
      cout_mensuel: 1.5,
      date_acquisition: "2026-01-15",
      created_by: "cle:test-gestionnaire",
    });
    const doublon = await creer({ numero: "0142685300" });
    expect(doublon.statusCode).toBe(409);
    expect(doublon.json()).toMatchObject({ code: "NUMERO_EXISTANT", errors: [{ champ: "numero" }] });
  });

  it("refuses invalid numbers and caller values that contradict the number", async () => {
    const invalide = await creer({ numero: "01 42 68 53" });
    expect(invalide.statusCode).toBe(422);
    expect(invalide.json()).toMatchObject({ code: "TROP_COURT", errors: [{ champ: "numero" }] });
    const type = await creer({ numero: "0162000001", type_id: await idDe(ctx.db, "tel_type_did", "GEO") });
    expect(type.statusCode).toBe(422);
    expect(type.json().errors[0].champ).toBe("type_id");
    const region = await creer({ numero: "0162000001", region_id: await idDe(ctx.db, "tel_region", "SOU") });
    expect(region.json().errors[0].champ).toBe("region_id");
    const e164 = await creer({ numero: "0162000001", did_format_e164: "+33162000009" });
    expect(e164.json().errors[0].champ).toBe("did_format_e164");
    const ok = await creer({
      numero: "0162000001",
      type_id: await idDe(ctx.db, "tel_type_did", "NPV"),
      did_format_e164: "+33162000001",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ type_code: "NPV", region_code: "IDF" });
  });

  it("finds numbers by any format and partial digits, filters and sorts", async () => {
    await creer({ numero: "0491000053" });
    await creer({ numero: "0262 30 53 00" });
    const chercher = async (q: string) =>
      (await ctx.app.inject({ method: "GET", url: `/api/v1/dids?q=${encodeURIComponent(q)}`, headers: h }))
        .json()
        .data.map((d: { did_format_e164: string }) => d.did_format_e164)
        .sort();
    expect(await chercher("53 00")).toEqual(["+262262305300", "+33142685300"]);
    expect(await chercher("01.42.68")).toEqual(["+33142685300"]);
    expect(await chercher("+33 1 42 68 53 00")).toEqual(["+33142685300"]);
    expect(await chercher("BYT-1")).toEqual(["+33142685300"]);
    // one or two digits: read without the trigram index, the same numbers
    expect(await chercher("53")).toEqual(["+262262305300", "+33142685300", "+33491000053"]);
    expect(await chercher("9")).toEqual(["+33491000053"]);
    const parRegion = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/dids?region_id=${await idDe(ctx.db, "tel_region", "SES")}`,
      headers: h,
    });
    expect(parRegion.json().data.map((d: { did: string }) => d.did)).toEqual(["491000053"]);
    const tri = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/dids?tri=-did_format_e164&par_page=2",
      headers: h,
    });
    expect(tri.json()).toMatchObject({ total: 4, par_page: 2 });
    expect(tri.json().data[0].did_format_e164).toBe("+33491000053");
    const parNumero = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/dids/par-numero/0033142685300",
      headers: h,
    });
    expect(parNumero.json().did).toBe("142685300");
  });

  it("finds a number by its value after another instance's migration added a column to the numbers", async () => {
    await creer({ numero: "0388000077" });
    const lire = async () =>
      Promise.all(
        Array.from({ length: 12 }, () =>
          ctx.app.inject({ method: "GET", url: "/api/v1/dids/par-numero/0388000077", headers: h }),
        ),
      );
    for (const r of await lire()) expect(r.statusCode, r.body).toBe(200);
    // the statement each connection prepared must not break (« cached plan must not change result type »)
    await sql`ALTER TABLE tel_did ADD COLUMN essai_migration text`.execute(ctx.app.database.db);
    try {
      for (const r of await lire()) {
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json()).toMatchObject({ did: "388000077" });
      }
    } finally {
      await sql`ALTER TABLE tel_did DROP COLUMN essai_migration`.execute(ctx.app.database.db);
    }
  });

  it("lets exactly one of two concurrent updates with the same ETag win", async () => {
    const cree = (await creer({ numero: "0388000001" })).json();
    const etag = `"${cree.version}"`;
    const [a, b] = await Promise.all([
      ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/dids/${cree.id}`,
        headers: { ...h, "if-match": etag },
        payload: { notes: "version A" },
      }),
      ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/dids/${cree.id}`,
        headers: { ...h, "if-match": etag },
        payload: { notes: "version B" },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const gagnant = a.statusCode === 200 ? "version A" : "version B";
    const lu = await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${cree.id}`, headers: h });
    expect(lu.json().notes).toBe(gagnant);
    expect(lu.headers.etag).toBe(`"${cree.version + 1}"`);
  });

  it("records every changed field in the number's history with its actor, and in the audit log", async () => {
    const cree = (await creer({ numero: "0556000001" })).json();
    const ovh = await idDe(ctx.db, "tel_operateur", "OVH");
    const maj = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/dids/${cree.id}`,
      headers: ctx.cles.admin,
      payload: {
        operateur_id: ovh,
        cout_mensuel: 2.25,
        description: "Standard Bordeaux",
        reference_externe: "OVH-99",
        motif: "Portabilité vers OVH",
      },
    });
    expect(maj.statusCode, maj.body).toBe(200);
    const histoire = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${cree.id}/historique`, headers: h })
    ).json().data;
    const modifs = histoire.filter((e: { action: string }) => e.action === "MODIFICATION");
    expect(modifs.map((e: { champ: string }) => e.champ).sort()).toEqual([
      "cout_mensuel",
      "description",
      "operateur_id",
      "reference_externe",
    ]);
    for (const e of modifs)
      expect(e).toMatchObject({ utilisateur: "cle:test-admin", motif: "Portabilité vers OVH" });
    expect(modifs.find((e: { champ: string }) => e.champ === "cout_mensuel")).toMatchObject({
      ancienne_valeur: null,
      nouvelle_valeur: "2.25",
    });
    const audit = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/audit?entite=did&entite_id=${cree.id}&acteur=cle:test-admin`,
        headers: h,
      })
    ).json();
    expect(audit.data[0]).toMatchObject({
      action: "MODIFICATION",
      motif: "Portabilité vers OVH",
      apres: { cout_mensuel: 2.25 },
    });
  });

  it("moves a number through its lifecycle and campaign assignment, with history", async () => {
    const cree = (await creer({ numero: "0162000099" })).json();
    const campagne = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/campagnes",
        headers: h,
        payload: { client_id: ctx.clientA, code: "A-SAV", nom: "SAV A", hermes_id: "501" },
      })
    ).json();
    const action = (nom: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: "POST", url: `/api/v1/dids/${cree.id}/actions/${nom}`, headers: h, payload });
    expect((await action("mettre-en-production")).json().code).toBe("TRANSITION_INTERDITE");
    expect(
      (await action("affecter", { client_id: ctx.clientA, motif: "Nouveau client" })).json(),
    ).toMatchObject({ statut_code: "AFFECTE", client_id: ctx.clientA });
    const aff = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: h,
      payload: { did_id: cree.id, campaign_id: campagne.id, alias: "Accueil" },
    });
    expect(aff.statusCode, aff.body).toBe(201);
    expect(aff.json()).toMatchObject({ courante: true, campaign_code: "A-SAV", entrant: true });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${cree.id}`, headers: h })).json()
        .statut_code,
    ).toBe("UTILISE");
    const fin = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/affectations/${aff.json().id}/terminer`,
      headers: h,
      payload: { motif: "Fin de campagne" },
    });
    expect(fin.json().courante).toBe(false);
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${cree.id}`, headers: h })).json()
        .statut_code,
    ).toBe("AFFECTE");
    expect((await action("resilier", { motif: "Fin de contrat" })).json()).toMatchObject({
      statut_code: "RESILIE",
    });
    const gele = await action("reactiver", { client_id: ctx.clientB });
    expect(gele.statusCode).toBe(409);
    expect(gele.json().code).toBe("NUMERO_GELE");
    // back to its holder: RESILIE→DISPONIBLE, then Affecté to it (a number a client holds is Affecté)
    expect((await action("reactiver", { motif: "Le client revient" })).json()).toMatchObject({
      statut_code: "AFFECTE",
      client_id: ctx.clientA,
    });
    const histoire = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${cree.id}/historique`, headers: h })
    ).json().data;
    const statuts = histoire
      .filter((e: { champ: string }) => e.champ === "statut")
      .map((e: { nouvelle_valeur: string }) => e.nouvelle_valeur);
    expect(statuts).toEqual([
      "DISPONIBLE",
      "AFFECTE",
      "UTILISE",
      "AFFECTE",
      "RESILIE",
      "DISPONIBLE",
      "AFFECTE",
    ]);
    expect(
      histoire.some(
        (e: { champ: string; nouvelle_valeur: string }) =>
          e.champ === "campagne" && e.nouvelle_valeur.startsWith("A-SAV"),
      ),
    ).toBe(true);
  });

  it("shows labels renamed or created a moment ago (in-memory labels stay fresh)", async () => {
    const d = (await creer({ numero: "0233000123" })).json();
    const op = await idDe(ctx.db, "tel_operateur", "KEYYO");
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/dids/${d.id}`,
      headers: h,
      payload: { operateur_id: op },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${d.id}`, headers: h })).json().operateur,
    ).toBe("Keyyo");
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/operateurs/${op}`,
      headers: ctx.cles.admin,
      payload: { nom: "Keyyo Business" },
    });
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${d.id}`, headers: h })).json().operateur,
    ).toBe("Keyyo Business");
    // a client written straight to the database (as another instance would) is found on first sight
    const autre = await ctx.db
      .insertInto("tel_client")
      .values({ code: "ECRIT_AILLEURS", nom: "Écrit ailleurs" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/dids/${d.id}/actions/affecter`,
      headers: h,
      payload: { client_id: autre.id },
    });
    const liste = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids?q=0233000123", headers: h })
    ).json();
    expect(liste.data[0]).toMatchObject({
      client: "Écrit ailleurs",
      client_code: "ECRIT_AILLEURS",
      statut: "Affecté",
    });
  });

  it("refuses a mobile number in outbound use", async () => {
    const mobile = (await creer({ numero: "0612000001" })).json();
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/dids/${mobile.id}/actions/affecter`,
      headers: h,
      payload: { client_id: ctx.clientA },
    });
    const campagne = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/campagnes?code=A-SAV", headers: h })
    ).json().data[0];
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: h,
      payload: { did_id: mobile.id, campaign_id: campagne.id, entrant: false, sortant: true },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe("MOBILE_INTERDIT_SORTANT");
  });

  it("deletes a number entered by mistake, never one that was held or used (its history stays)", async () => {
    const utilise = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids?q=0162000099", headers: h })
    ).json().data[0];
    const r = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/dids/${utilise.id}`,
      headers: ctx.cles.admin,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe("NUMERO_A_SERVI");
    // held by a client once, then released: free again, but its history says who held it, so it stays
    const rendu = (await creer({ numero: "0233000778" })).json();
    for (const [action, payload] of [
      ["affecter", { client_id: ctx.clientA, motif: "essai" }],
      ["liberer", { motif: "fin de l'essai" }],
    ] as const) {
      const a = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/dids/${rendu.id}/actions/${action}`,
        headers: h,
        payload,
      });
      expect(a.statusCode, a.body).toBe(200);
    }
    const refus = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/dids/${rendu.id}`,
      headers: ctx.cles.admin,
    });
    expect(refus.statusCode).toBe(409);
    expect(refus.json().code).toBe("NUMERO_A_SERVI");
    const histoire = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/dids/${rendu.id}/historique`,
      headers: h,
    });
    expect(histoire.json().data.length).toBeGreaterThanOrEqual(3);
    const libre = (await creer({ numero: "0233000777" })).json();
    expect(
      (await ctx.app.inject({ method: "DELETE", url: `/api/v1/dids/${libre.id}`, headers: ctx.cles.admin }))
        .statusCode,
    ).toBe(204);
  });

  it("creates, edits and comments an order draft with a per-year reference", async () => {
    const c = ctx.cles.client;
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/commandes",
      headers: c,
      payload: { type_did_id: geo, quantite: 10, urgence: "HAUTE", motif: "Nouvelle agence" },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      client_id: ctx.clientA,
      statut_code: "BROUILLON",
      quantite: 10,
      urgence: "HAUTE",
    });
    expect(r.json().reference).toMatch(new RegExp(`^CMD-${new Date().getFullYear()}-\\d{5}$`));
    const maj = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/commandes/${r.json().id}`,
      headers: { ...c, "if-match": '"1"' },
      payload: { quantite: 12 },
    });
    expect(maj.json().quantite).toBe(12);
    const trop = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/commandes/${r.json().id}`,
      headers: c,
      payload: { quantite: 1001 },
    });
    expect(trop.statusCode).toBe(400);
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${r.json().id}/commentaires`,
      headers: c,
      payload: { commentaire: "Besoin avant fin de mois" },
    });
    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/commandes/${r.json().id}`, headers: h })
    ).json();
    expect(detail.commentaires.map((x: { commentaire: string }) => x.commentaire)).toContain(
      "Besoin avant fin de mois",
    );
    const autre = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/commandes",
      headers: c,
      payload: { client_id: ctx.clientB, type_did_id: geo, quantite: 1 },
    });
    expect(autre.statusCode).toBe(403);
  });
  it("creates a range all or nothing, previews it, and names the numbers that already exist", async () => {
    const plage = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/dids/plage", headers: h, payload });
    const compter = async () =>
      (await ctx.app.inject({ method: "GET", url: "/api/v1/dids?q=0477001&par_page=1", headers: h })).json()
        .total as number;
    const apercu = await plage({ debut: "04 77 00 10 00", fin: "0477001019", simulation: true });
    expect(apercu.statusCode, apercu.body).toBe(200);
    expect(apercu.json()).toMatchObject({ simulation: true, crees: 0 });
    expect(apercu.json().numeros).toHaveLength(20);
    expect(apercu.json().numeros[19]).toBe("+33477001019");
    expect(await compter()).toBe(0);

    const ok = await plage({ debut: "0477001000", fin: "0477001019", reference_externe: "LOT-7" });
    expect(ok.json()).toMatchObject({ simulation: false, crees: 20 });
    expect(await compter()).toBe(20);

    // overlaps 5 existing numbers: nothing of the 10 is created, and the caller learns which ones clash
    const chevauche = await plage({ debut: "0477001015", fin: "0477001024" });
    expect(chevauche.statusCode).toBe(409);
    expect(chevauche.json()).toMatchObject({ code: "NUMEROS_EXISTANTS" });
    expect(chevauche.json().numeros_existants).toHaveLength(5);
    // said in national form; a preview does not say « nothing was created »
    expect(chevauche.json().detail).toBe(
      "5 numéro(s) de la plage existe(nt) déjà : 04 77 00 10 15, 04 77 00 10 16, 04 77 00 10 17, 04 77 00 10 18, 04 77 00 10 19. Rien n'a été créé.",
    );
    const apercuChevauche = await plage({ debut: "0477001015", fin: "0477001024", simulation: true });
    expect(apercuChevauche.json().detail).toContain("04 77 00 10 15");
    expect(apercuChevauche.json().detail).toContain("Retirez-les de la plage.");
    expect(apercuChevauche.json().detail).not.toContain("Rien n'a été créé");
    expect(await compter()).toBe(20);

    for (const [debut, fin] of [
      ["0477001030", "0477001020"],
      ["0477000000", "0477009999"],
      ["0477001000", "+3247700100"],
    ]) {
      const r = await plage({ debut, fin });
      expect(r.statusCode, `${debut}-${fin}`).toBe(422);
      expect(r.json().code).toBe("PLAGE_INVALIDE");
    }
    expect(await compter()).toBe(20);
  });

  it("counts a digit search up to 1,000 matches and says so, while its pages go on", async () => {
    // 1,200 numbers laid out in one statement (through the API they take seconds on the embedded database)
    const modele = (await creer({ numero: "0478100000" })).json().id as number;
    await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, type_id, region_id, statut_id)
      SELECT indicatif_id, (478100000 + n)::text, '+33' || (478100000 + n), type_id, region_id, statut_id
      FROM tel_did, generate_series(1, 1199) AS n WHERE id = ${modele}`.execute(ctx.db);
    const lire = async (url: string) => (await ctx.app.inject({ method: "GET", url, headers: h })).json();

    const large = await lire("/api/v1/dids?q=047810&par_page=50");
    expect(large).toMatchObject({ total: 1000, total_plafonne: true });
    // past the counted thousand the pages still answer: 1,200 numbers are 24 pages of 50
    const page24 = await lire("/api/v1/dids?q=047810&par_page=50&page=24");
    expect(page24.data).toHaveLength(50);
    expect(page24.data[49].did).toBe("478101199");
    expect(page24.total_plafonne).toBe(true);

    expect(await lire("/api/v1/dids?q=0478101&par_page=1")).toMatchObject({
      total: 200,
      total_plafonne: false,
    });
    // a broad list keeps its exact count
    const tout = await lire("/api/v1/dids?par_page=1");
    expect(tout.total).toBeGreaterThanOrEqual(1200);
    expect(tout.total_plafonne).toBe(false);
  });
});
