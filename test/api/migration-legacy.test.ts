import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// A legacy assignments export as Hermes users keep them: Windows-1252, ";", French dates, a direction column,
// client and operator columns beside the number and campaign, and a column nobody maps.
describe.each(CIBLES)("migrating a legacy assignments file ($nom)", (cible) => {
  let ctx: Contexte;
  const campagnes: Record<string, number> = {};
  const post = async (url: string, payload: Record<string, unknown>) => {
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1${url}`,
      headers: ctx.cles.admin,
      payload,
    });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };
  const envoyer = (type: string, contenu: string | Buffer, query = "") =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/${type}${query}`,
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: contenu,
    });
  const did = async (numero: string) =>
    (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/par-numero/${numero}`,
        headers: ctx.cles.admin,
      })
    ).json();
  const affectations = async (didId: number) =>
    (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/affectations?did_id=${didId}`,
        headers: ctx.cles.admin,
      })
    ).json().data as Array<{ campaign_id: number; entrant: boolean; sortant: boolean; date_debut: string }>;

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => new Date("2026-06-01T10:00:00Z") });
    for (const [code, client, prospection] of [
      ["A-ACCUEIL", ctx.clientA, false],
      ["A-PROSPECT", ctx.clientA, true],
      ["B-SAV", ctx.clientB, false],
    ] as const)
      campagnes[code] = (
        await post("/campagnes", { client_id: client, code, nom: code, hermes_id: `H-${code}`, prospection })
      ).id;
  });
  afterAll(async () => ctx?.fermer());

  // number; campaign; direction; what it must give (undefined: refused)
  const LIGNES: Array<[string, string, string, { entrant: boolean; sortant: boolean } | undefined]> = [
    ["0142100001", "A-ACCUEIL", "E", { entrant: true, sortant: false }],
    ["0142100002", "A-ACCUEIL", "E/S", { entrant: true, sortant: true }],
    ["0162100003", "A-PROSPECT", "S", { entrant: false, sortant: true }],
    ["0142100004", "A-ACCUEIL", "ES", { entrant: true, sortant: true }],
    ["0142100005", "A-ACCUEIL", "E+S", { entrant: true, sortant: true }],
    ["0142100006", "A-ACCUEIL", "entrant", { entrant: true, sortant: false }],
    ["0162100007", "A-PROSPECT", "Sortant", { entrant: false, sortant: true }],
    ["0142100008", "A-ACCUEIL", "les deux", { entrant: true, sortant: true }],
    ["0142100009", "A-ACCUEIL", "in", { entrant: true, sortant: false }],
    ["0162100010", "A-PROSPECT", "out", { entrant: false, sortant: true }],
    ["0142100011", "A-ACCUEIL", "both", { entrant: true, sortant: true }],
    ["0142100012", "A-ACCUEIL", "Entrée", { entrant: true, sortant: false }],
    ["0142100013", "A-ACCUEIL", "sortie?", undefined],
    ["0142100014", "A-ACCUEIL", "", undefined],
  ];
  const fichier = () => {
    const lignes = LIGNES.map(([n, c, s]) => `${n};${c};${s};CLIENT_A;Orange;01/03/2024;à revoir`);
    // the client column contradicts the campaign's client
    lignes.push("0142100015;B-SAV;E;CLIENT_A;Orange;01/03/2024;");
    return Buffer.from(
      `SDA;Campagne;Sens;Client;Opérateur;Début;Commentaire\r\n${lignes.join("\r\n")}\r\n`,
      "latin1",
    );
  };

  it("reads every direction spelling, refuses an unknown one and a contradicting client, and says which columns it ignored", async () => {
    const simulation = await envoyer("affectations", fichier(), "?simulation=true&creer_manquants=true");
    expect(simulation.statusCode, simulation.body).toBe(200);
    const r = simulation.json();
    expect(r).toMatchObject({ lus: 15, a_creer: 12, rejetes: 3, ecrit: false });
    expect(r.colonnes).toMatchObject({
      numero: "SDA",
      campagne: "Campagne",
      sens: "Sens",
      client: "Client",
      operateur: "Opérateur",
      date_debut: "Début",
    });
    expect(r.colonnes_ignorees).toEqual(["Commentaire"]);
    expect(r.rejets).toEqual([
      expect.objectContaining({ ligne: 14, colonne: "Sens", valeur: "sortie?" }),
      expect.objectContaining({ ligne: 15, colonne: "Sens", valeur: "" }),
      expect.objectContaining({
        ligne: 16,
        colonne: "Client",
        valeur: "CLIENT_A",
        raison: "La campagne B-SAV est celle du client CLIENT_B.",
      }),
    ]);
    // a refused row creates no number
    expect(r.numeros_crees).toHaveLength(12);
    expect(r.numeros_crees).not.toContain("+33142100013");

    // strict: a column the import does not read refuses the file
    const strict = await envoyer(
      "affectations",
      fichier(),
      "?simulation=true&creer_manquants=true&strict=true",
    );
    expect(strict.statusCode).toBe(422);
    expect(strict.json()).toMatchObject({ code: "COLONNES_IGNOREES", errors: [{ champ: "Commentaire" }] });

    // the refused lines as a CSV, the file's own columns plus the reason
    const rejets = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/affectations/rejets?creer_manquants=true",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: fichier(),
    });
    expect(rejets.statusCode).toBe(200);
    const lignesRejets = rejets.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lignesRejets[0]).toBe("SDA;Campagne;Sens;Client;Opérateur;Début;Commentaire;motif_rejet");
    expect(lignesRejets).toHaveLength(4);
    expect(lignesRejets[1]).toMatch(
      /^0142100013;A-ACCUEIL;sortie\?;CLIENT_A;Orange;01\/03\/2024;à revoir;Sens : Sens inconnu/,
    );

    // written (valid rows): the directions stored and what routing makes of them
    const ecrit = await envoyer("affectations", fichier(), "?creer_manquants=true&accepter_rejets=true");
    expect(ecrit.statusCode, ecrit.body).toBe(200);
    expect(ecrit.json()).toMatchObject({ ecrit: true, a_creer: 12, rejetes: 3 });
    // the routing snapshot hears of the import by a notification: on a busy PostgreSQL it may come a moment later
    const premier = LIGNES.find((l) => l[3]?.entrant)?.[0] as string;
    const fin = Date.now() + 10_000;
    while (Date.now() < fin) {
      const r = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/routage/entrant/${premier}`,
        headers: ctx.cles.hermes,
      });
      if (r.statusCode === 200) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    for (const [numero, campagne, , attendu] of LIGNES) {
      const d = await did(numero);
      if (!attendu) {
        expect(d.code, numero).toBe("INTROUVABLE");
        continue;
      }
      // created from the number (type, zone) and the file (operator), then given the campaign's client
      expect(d, numero).toMatchObject({ client_id: ctx.clientA, statut: "Utilisé", operateur: "Orange" });
      const [a] = await affectations(d.id);
      expect(a, numero).toMatchObject({ campaign_id: campagnes[campagne], ...attendu });
      // 01/03/2024 is 00:00 in Paris
      expect(new Date(a?.date_debut as string).toISOString()).toBe("2024-02-29T23:00:00.000Z");
      const entrant = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/routage/entrant/${numero}`,
        headers: ctx.cles.hermes,
      });
      expect(entrant.statusCode, numero).toBe(attendu.entrant ? 200 : 404);
      if (attendu.entrant) expect(entrant.json().campagne.code).toBe(campagne);
    }
    const sortants = (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/routage/sortant/A-PROSPECT",
        headers: ctx.cles.hermes,
      })
    ).json();
    expect(sortants.numeros.map((n: { numero: string }) => n.numero).sort()).toEqual([
      "+33162100003",
      "+33162100007",
      "+33162100010",
    ]);
  });

  it("starts an assignment at Paris midnight across both daylight-saving changes, through the import and the API", async () => {
    // last Sunday of March 2025 (30/03) and of October 2025 (26/10): the offset changes that night
    const csv = [
      "numero;campagne;date_debut;sens",
      "0142100101;A-ACCUEIL;30/03/2025;E",
      "0142100102;A-ACCUEIL;26/10/2025;E",
      "0142100103;A-ACCUEIL;31/03/2025;E",
      "0142100104;A-ACCUEIL;27/10/2025;E",
    ].join("\n");
    const r = await envoyer("affectations", csv, "?creer_manquants=true");
    expect(r.statusCode, r.body).toBe(200);
    const attendus: Record<string, string> = {
      "0142100101": "2025-03-29T23:00:00.000Z", // still winter time at midnight
      "0142100102": "2025-10-25T22:00:00.000Z", // still summer time at midnight
      "0142100103": "2025-03-30T22:00:00.000Z",
      "0142100104": "2025-10-26T23:00:00.000Z",
    };
    for (const [numero, instant] of Object.entries(attendus)) {
      const [a] = await affectations((await did(numero)).id);
      expect(new Date(a?.date_debut as string).toISOString(), numero).toBe(instant);
    }

    // through the API: a date alone is Paris midnight; an offset is kept as given
    const nouveau = await post("/dids", { numero: "0142100105" });
    await post(`/dids/${nouveau.id}/actions/affecter`, { client_id: ctx.clientA });
    const a1 = await post("/affectations", {
      did_id: nouveau.id,
      campaign_id: campagnes["A-ACCUEIL"],
      date_debut: "2025-03-30",
      date_fin: "2025-10-26",
    });
    expect(new Date(a1.date_debut).toISOString()).toBe("2025-03-29T23:00:00.000Z");
    // as an end, a date alone includes its day: 00:00 on 27 October, Paris (winter time again)
    expect(new Date(a1.date_fin).toISOString()).toBe("2025-10-26T23:00:00.000Z");
    const a2 = await post("/affectations", {
      did_id: nouveau.id,
      campaign_id: campagnes["A-ACCUEIL"],
      date_debut: "2025-10-27T00:00:00+01:00",
    });
    expect(new Date(a2.date_debut).toISOString()).toBe("2025-10-26T23:00:00.000Z");
    const sansDecalage = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/affectations",
      headers: ctx.cles.admin,
      payload: { did_id: nouveau.id, campaign_id: campagnes["A-ACCUEIL"], date_debut: "2025-12-01T00:00:00" },
    });
    // a time without an offset is ambiguous for an API caller: refused, with the forms accepted
    expect(sansDecalage.statusCode).toBe(400);
  });

  it("re-imports a corrected refused-lines file", async () => {
    const csv = "numero;campagne;sens\n0142100201;A-ACCUEIL;E\n0142100202;A-ACCUEIL;??\n";
    const rejets = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/affectations/rejets?creer_manquants=true",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: csv,
    });
    const corrige = rejets.body.replace("??", "S");
    const r = await envoyer("affectations", corrige, "?creer_manquants=true&strict=true");
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ a_creer: 1, rejetes: 0, colonnes_ignorees: [] });
    const [a] = await affectations((await did("0142100202")).id);
    expect(a).toMatchObject({ entrant: false, sortant: true });
  });

  it("gives a template per kind that the import reads with nothing ignored", async () => {
    for (const type of ["numeros", "affectations", "clients", "campagnes", "configs"]) {
      const modele = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/imports/${type}/modele`,
        headers: ctx.cles.gestionnaire,
      });
      expect(modele.statusCode, type).toBe(200);
      expect(modele.headers["content-type"]).toContain("text/csv");
      const r = await envoyer(type, modele.body, "?simulation=true&strict=true");
      expect(r.statusCode, `${type}: ${r.body}`).toBe(200);
      expect(r.json(), type).toMatchObject({ lus: 0, colonnes_ignorees: [] });
    }
    const lecteur = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/imports/numeros/modele",
      headers: ctx.cles.lecteur,
    });
    expect(lecteur.statusCode).toBe(403);
  });

  it("gives each list's CSV in its kind's import format, filtered, and it imports back unchanged", async () => {
    const get = (url: string) =>
      ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: ctx.cles.admin });
    for (const [liste, type] of [
      [`/dids?format=csv&client_id=${ctx.clientA}`, "numeros"],
      ["/clients?format=csv", "clients"],
      ["/campagnes?format=csv", "campagnes"],
      ["/configs?format=csv", "configs"],
    ] as const) {
      const csv = await get(liste);
      expect(csv.statusCode, liste).toBe(200);
      const lignes = csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
      expect(lignes.length, liste).toBeGreaterThan(type === "configs" ? 0 : 1);
      const r = await envoyer(type, csv.rawPayload, "?simulation=true&strict=true");
      expect(r.statusCode, `${liste}: ${r.body}`).toBe(200);
      expect(r.json(), liste).toMatchObject({
        lus: lignes.length - 1,
        a_creer: 0,
        a_mettre_a_jour: 0,
        rejetes: 0,
        colonnes_ignorees: [],
      });
    }
    // the list's filters apply: client A's numbers only, and a selection
    const numeros = (await get(`/dids?format=csv&client_id=${ctx.clientB}`)).body;
    expect(numeros).not.toContain("+33142100001");
    const un = await did("0142100001");
    const deux = await did("0142100002");
    const selection = (await get(`/dids?format=csv&ids=${un.id}&ids=${deux.id}`)).body;
    expect(
      selection
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/),
    ).toEqual([
      expect.stringMatching(/^numero;client;groupement;operateur;statut;type;region/),
      expect.stringMatching(/^'\+33142100001;CLIENT_A;;ORANGE;UTILISE;GEO;IDF/),
      expect.stringMatching(/^'\+33142100002;CLIENT_A;;ORANGE;UTILISE;GEO;IDF/),
    ]);
  });

  it("refuses a number outside the known ranges by default, accepts it when asked, marks, lists and finds it", async () => {
    const refuse = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids",
      headers: ctx.cles.gestionnaire,
      payload: { numero: "+33 4 00 00 08 32" },
    });
    expect(refuse.statusCode).toBe(422);
    expect(refuse.json()).toMatchObject({ code: "HORS_PLAGES_CONNUES" });
    expect(refuse.json().detail).toMatch(/hors des tranches connues/);

    const cree = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dids",
      headers: ctx.cles.gestionnaire,
      payload: { numero: "+33 4 00 00 08 32", accepter_plages_inconnues: true },
    });
    expect(cree.statusCode, cree.body).toBe(201);
    expect(cree.json()).toMatchObject({
      did_format_e164: "+33400000832",
      hors_plan: true,
      region_code: "SES",
    });
    const id = cree.json().id as number;
    const audit = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/audit?entite=tel_did&entite_id=${id}&action=HORS_PLAN_ACCEPTE`,
        headers: ctx.cles.admin,
      })
    ).json();
    expect(audit.data).toEqual([expect.objectContaining({ acteur: "cle:test-gestionnaire" })]);
    // the list to review
    const aRevoir = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids?hors_plan=true", headers: ctx.cles.admin })
    ).json();
    expect(aRevoir.data.map((d: { did_format_e164: string }) => d.did_format_e164)).toEqual(["+33400000832"]);

    // finding it never depends on the ranges: par-numero, then the routing lookup once it is in use
    const trouve = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/dids/par-numero/+33400000832",
      headers: ctx.cles.admin,
    });
    expect(trouve.statusCode, trouve.body).toBe(200);
    await post(`/dids/${id}/actions/affecter`, { client_id: ctx.clientA });
    await post("/affectations", {
      did_id: id,
      campaign_id: campagnes["A-ACCUEIL"],
      date_debut: "2026-01-01",
    });
    await expect
      .poll(
        async () =>
          (
            await ctx.app.inject({
              method: "GET",
              url: "/api/v1/routage/entrant/0400000832",
              headers: ctx.cles.hermes,
            })
          ).statusCode,
      )
      .toBe(200);

    // the import: refused by default with its reason, accepted with the option and listed
    const fichier = "numero;client\n04 00 00 08 33;CLIENT_A\n";
    const defaut = await envoyer("numeros", fichier, "?simulation=true");
    expect(defaut.json().rejets).toEqual([
      expect.objectContaining({
        ligne: 2,
        valeur: "04 00 00 08 33",
        raison: expect.stringMatching(/hors des tranches connues/),
      }),
    ]);
    const accepte = await envoyer("numeros", fichier, "?accepter_plages_inconnues=true");
    expect(accepte.statusCode, accepte.body).toBe(200);
    expect(accepte.json()).toMatchObject({ a_creer: 1, hors_plan: ["+33400000833"] });
    expect((await did("0400000833")).hors_plan).toBe(true);

    // an order delivered from a block the metadata does not know yet
    const geo = (
      await ctx.db.selectFrom("tel_type_did").select("id").where("code", "=", "GEO").executeTakeFirstOrThrow()
    ).id;
    const commande = await post("/commandes", {
      client_id: ctx.clientA,
      type_did_id: geo,
      quantite: 1,
      urgence: "NORMALE",
      motif: "bloc récent",
      demandeur_email: "a@client-a.fr",
    });
    for (const [action, corps] of [
      ["soumettre", {}],
      ["valider", {}],
      [
        "demarrer",
        { reference_operateur: "OP-NEUF", operateur_id: await idDe(ctx.db, "tel_operateur", "SFR") },
      ],
    ] as const)
      await post(`/commandes/${commande.id}/actions/${action}`, corps);
    const livrer = (corps: Record<string, unknown>) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${commande.id}/livraisons`,
        headers: ctx.cles.gestionnaire,
        payload: { numeros: "04 00 00 08 40", ...corps },
      });
    const sansOption = await livrer({});
    expect(sansOption.statusCode).toBe(422);
    expect(sansOption.json().rejets[0].raison).toMatch(/hors des tranches connues/);
    expect((await livrer({ accepter_plages_inconnues: true, terminer: true })).statusCode).toBe(200);
    expect(await did("0400000840")).toMatchObject({
      hors_plan: true,
      client_id: ctx.clientA,
      statut_code: "AFFECTE",
    });

    // a number the metadata now knows loses its mark at the next start, with a line in its history
    const connu = await did("0142100001");
    await ctx.db.updateTable("tel_did").set({ hors_plan: true }).where("id", "=", connu.id).execute();
    const redemarre = await buildApp({ database: ctx.base, config: loadConfig({}), logger: false });
    await redemarre.ready();
    await redemarre.close();
    expect((await did("0142100001")).hors_plan).toBe(false);
    expect((await did("0400000832")).hors_plan).toBe(true);
    const histoire = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/${connu.id}/historique`,
        headers: ctx.cles.admin,
      })
    ).json();
    expect(histoire.data.find((h: { champ: string }) => h.champ === "hors_plan")).toMatchObject({
      ancienne_valeur: "true",
      nouvelle_valeur: "false",
      motif: "Tranche désormais connue du plan de numérotation",
    });
  });
});
