import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Carrier blocks (#20): a range of numbers under one carrier reference, never overlapping another block in service,
// with its usage, its free numbers, its return to the carrier through the lifecycle, and the block an order's
// contiguous delivery makes.
describe.each(CIBLES)("carrier blocks ($nom)", (cible) => {
  let ctx: Contexte;
  let orange: number;
  let tranche: number;
  const maintenant = new Date("2026-03-02T09:00:00Z");
  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    orange = await idDe(ctx.db, "tel_operateur", "ORANGE");
  });
  afterAll(() => ctx?.fermer());

  const api = async (
    methode: "GET" | "POST" | "PATCH",
    url: string,
    payload?: unknown,
    cle = ctx.cles.admin,
  ) => {
    const r = await ctx.app.inject({
      method: methode,
      url: `/api/v1${url}`,
      headers: cle,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: r.statusCode, corps: r.json() };
  };
  const idNumero = async (numero: string) =>
    (await api("GET", `/dids?q=${encodeURIComponent(numero)}`)).corps.data[0].id as number;

  it("attaches the numbers already in stock, creates the others, and refuses a block that overlaps one in service", async () => {
    const deja = await api("POST", "/dids", { numero: "01 84 88 01 50" });
    expect(deja.status).toBe(201);
    const cree = await api("POST", "/tranches", {
      operateur_id: orange,
      reference_operateur: "ORA-SDA-100",
      premier: "01 84 88 01 00",
      dernier: "01 84 88 01 99",
      date_reception: "2026-02-27",
      creer_numeros: true,
    });
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201);
    tranche = cree.corps.id;
    expect(cree.corps.attaches).toEqual(["+33184880150"]);
    expect(cree.corps.crees).toHaveLength(99);
    expect(cree.corps.tranche).toMatchObject({
      premier: "+33184880100",
      dernier: "+33184880199",
      taille: 100,
      operateur_code: "ORANGE",
      usage: { DISPONIBLE: 100 },
      hors_inventaire: 0,
      restituable: true,
    });
    // the number entered before the block now names it, and took its operator
    expect((await api("GET", `/dids/${deja.corps.id}`)).corps).toMatchObject({
      tranche_id: tranche,
      operateur_id: orange,
    });

    const chevauche = await api("POST", "/tranches", {
      operateur_id: orange,
      premier: "0184880190",
      dernier: "0184880209",
    });
    expect(chevauche.status).toBe(409);
    expect(chevauche.corps).toMatchObject({ code: "TRANCHE_CHEVAUCHEMENT", tranche_id: tranche });
    expect(chevauche.corps.detail).toContain("+33184880100 – +33184880199");
    // the database refuses it too, whoever writes (the rule is a constraint, not only the service's check)
    await expect(
      sql`INSERT INTO tel_tranche (operateur_id, premier, dernier, debut, fin, date_reception)
          VALUES (${orange}, '+33184880199', '+33184880205', 33184880199, 33184880205, '2026-03-01')`.execute(
        ctx.db,
      ),
    ).rejects.toMatchObject({ constraint: "tel_tranche_sans_chevauchement" });

    // adjacent is not overlapping; a number created later inside it joins it by itself
    const voisine = await api("POST", "/tranches", {
      operateur_id: orange,
      premier: "0184880200",
      dernier: "0184880209",
    });
    expect(voisine.status, JSON.stringify(voisine.corps)).toBe(201);
    expect(voisine.corps.tranche).toMatchObject({ hors_inventaire: 10, usage: {} });
    const entre = await api("POST", "/dids", { numero: "0184880205" });
    expect(entre.corps.tranche_id).toBe(voisine.corps.id);
    // so do the numbers an import creates in its range
    const imp = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros",
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: "numero\n0184880206\n0184880207\n",
    });
    expect(imp.statusCode, imp.body).toBe(200);
    expect((await api("GET", `/tranches/${voisine.corps.id}`)).corps).toMatchObject({
      usage: { DISPONIBLE: 3 },
      hors_inventaire: 7,
    });
    expect(
      (await api("GET", `/tranches?contient=0184880205`)).corps.data.map((t: { id: number }) => t.id),
    ).toEqual([voisine.corps.id]);

    for (const [premier, dernier, champ] of [
      ["0184880300", "0184880299", "dernier"],
      ["0184880300", "018488030", "dernier"],
      ["0184880300", "+3214880399", "dernier"],
      ["01848803", "0184880399", "premier"],
    ] as const) {
      const r = await api("POST", "/tranches", { operateur_id: orange, premier, dernier });
      expect(r.status, `${premier}-${dernier}`).toBe(422);
      expect(r.corps.code).toBe("TRANCHE_INVALIDE");
      expect(r.corps.errors[0].champ).toBe(champ);
    }
  });

  it("counts usage, holders, cost and the next free numbers after assignments and terminations", async () => {
    const [a, b, c, d] = await Promise.all(
      ["0184880100", "0184880101", "0184880102", "0184880103"].map(idNumero),
    );
    expect((await api("POST", `/dids/${a}/actions/affecter`, { client_id: ctx.clientA })).status).toBe(200);
    expect((await api("POST", `/dids/${b}/actions/affecter`, { client_id: ctx.clientA })).status).toBe(200);
    expect((await api("POST", `/dids/${c}/actions/resilier`, { motif: "test" })).status).toBe(200);
    expect((await api("PATCH", `/dids/${d}`, { cout_mensuel: 2.5 })).status).toBe(200);
    expect((await api("PATCH", `/dids/${a}`, { cout_mensuel: 1.25 })).status).toBe(200);
    expect((await api("PATCH", `/dids/${c}`, { cout_mensuel: 9 })).status).toBe(200);

    const detail = (await api("GET", `/tranches/${tranche}`)).corps;
    expect(detail).toMatchObject({
      usage: { DISPONIBLE: 97, AFFECTE: 2, RESILIE: 1 },
      hors_inventaire: 0,
      // the terminated number's cost is no longer paid
      cout_mensuel: 3.75,
      clients: [{ code: "CLIENT_A", numeros: 2 }],
      restituable: false,
    });
    expect(detail.prochains_libres.slice(0, 3)).toEqual(["+33184880103", "+33184880104", "+33184880105"]);
    expect(
      (await api("GET", `/tranches/${tranche}/prochain-libre?n=2`)).corps.data.map(
        (x: { numero: string }) => x.numero,
      ),
    ).toEqual(["+33184880103", "+33184880104"]);
    const liste = (await api("GET", `/tranches?operateur_id=${orange}`)).corps;
    expect(liste.data.find((t: { id: number }) => t.id === tranche).usage).toEqual({
      DISPONIBLE: 97,
      AFFECTE: 2,
      RESILIE: 1,
    });
    // the list of numbers filters by block
    expect((await api("GET", `/dids?tranche_id=${tranche}&statut=AFFECTE`)).corps.total).toBe(2);

    const occupee = await api("POST", `/tranches/${tranche}/restitution`, { confirmer: true });
    expect(occupee.status).toBe(409);
    expect(occupee.corps.code).toBe("TRANCHE_OCCUPEE");
    expect(occupee.corps.tenus).toHaveLength(2);
    // a reader sees blocks, cannot return them
    expect((await api("GET", `/tranches/${tranche}`, undefined, ctx.cles.lecteur)).status).toBe(200);
    expect(
      (await api("POST", `/tranches/${tranche}/restitution`, { confirmer: true }, ctx.cles.lecteur)).status,
    ).toBe(403);
    expect((await api("GET", `/tranches/${tranche}`, undefined, ctx.cles.client)).status).toBe(403);
  });

  it("returns a block to its carrier through the lifecycle, freeze included, after one confirmation", async () => {
    const [a, b] = await Promise.all(["0184880100", "0184880101"].map(idNumero));
    for (const id of [a, b])
      expect((await api("POST", `/dids/${id}/actions/liberer`, { motif: "fin de contrat" })).status).toBe(
        200,
      );

    const question = await api("POST", `/tranches/${tranche}/restitution`, {});
    expect(question.status).toBe(409);
    expect(question.corps.code).toBe("CONFIRMATION_REQUISE");
    expect(question.corps.a_resilier).toHaveLength(99);
    // nothing moved on the question
    expect((await api("GET", `/tranches/${tranche}`)).corps.usage).toEqual({ DISPONIBLE: 99, RESILIE: 1 });

    const rendue = await api("POST", `/tranches/${tranche}/restitution`, {
      confirmer: true,
      motif: "Restitution ORA-SDA-100",
    });
    expect(rendue.status, JSON.stringify(rendue.corps)).toBe(200);
    expect(rendue.corps.resilies).toHaveLength(99);
    expect((await api("GET", `/tranches/${tranche}`)).corps).toMatchObject({
      actif: false,
      usage: { RESILIE: 100 },
      restituable: false,
    });
    // through the lifecycle: terminated on the app clock's day, with its history and reason...
    const numero = (await api("GET", `/dids/${a}`)).corps;
    expect(numero).toMatchObject({ statut_code: "RESILIE", date_resiliation: "2026-03-02" });
    const historique = (await api("GET", `/dids/${a}/historique`)).corps.data;
    expect(historique.some((h: { motif: string | null }) => h.motif === "Restitution ORA-SDA-100")).toBe(
      true,
    );
    // ...and frozen: client A held it, client B cannot have it before the freeze ends
    const gele = await api("POST", `/dids/${a}/actions/reactiver`, { client_id: ctx.clientB });
    expect(gele.corps.code).toBe("NUMERO_GELE");
    expect((await api("POST", `/tranches/${tranche}/restitution`, { confirmer: true })).corps.code).toBe(
      "TRANCHE_RESTITUEE",
    );
    // the range is free again for a later block, which takes its numbers back
    const reprise = await api("POST", "/tranches", {
      operateur_id: orange,
      premier: "0184880100",
      dernier: "0184880199",
    });
    expect(reprise.status, JSON.stringify(reprise.corps)).toBe(201);
    expect(reprise.corps.attaches).toHaveLength(100);
  });

  it("records a block when an order delivers contiguous numbers, not otherwise", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const commande = async (reference: string) => {
      const c = (
        await api("POST", "/commandes", {
          client_id: ctx.clientA,
          type_did_id: geo,
          quantite: 10,
          motif: "test",
        })
      ).corps;
      for (const [action, corps] of [
        ["soumettre", {}],
        ["valider", {}],
        ["demarrer", { reference_operateur: reference, operateur_id: orange }],
      ] as const)
        expect((await api("POST", `/commandes/${c.id}/actions/${action}`, corps)).status).toBe(200);
      return c;
    };
    const c1 = await commande("ORA-CMD-1");
    const livree = await api("POST", `/commandes/${c1.id}/livraisons`, {
      numeros: "0142770109, 0142770100-0142770108",
    });
    expect(livree.status, JSON.stringify(livree.corps)).toBe(200);
    expect(livree.corps.tranche_id).toEqual(expect.any(Number));
    expect((await api("GET", `/tranches/${livree.corps.tranche_id}`)).corps).toMatchObject({
      premier: "+33142770100",
      dernier: "+33142770109",
      reference_operateur: "ORA-CMD-1",
      commande_reference: c1.reference,
      usage: { COMMANDE: 10 },
    });
    const c2 = await commande("ORA-CMD-2");
    const trouee = await api("POST", `/commandes/${c2.id}/livraisons`, { numeros: "0142770200, 0142770202" });
    expect(trouee.status).toBe(200);
    expect(trouee.corps.tranche_id).toBeNull();
  });
});
