import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appelApi, type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

// Issue #33: who held a number, and where its calls went, at any instant. One number walked through two clients,
// three campaigns, a termination, its freeze and a reactivation, the clock moved with each step; then asked at
// instants that fall on 00:00 Paris across both 2025 daylight-saving changes.
describe.each(CIBLES)("a number at any instant ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2025-03-01T08:00:00Z");
  let did: number;
  let cleB: Record<string, string>;
  const campagnes: Record<string, number> = {};
  const api = appelApi(() => ctx);
  const a = (instant: string, cle?: Record<string, string>) =>
    api("GET", `/dids/${did}/a-l-instant?instant=${encodeURIComponent(instant)}`, undefined, cle);
  const horloge = async (iso: string) => {
    maintenant = new Date(iso);
    await ctx.app.planificateur.tour();
  };

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
    const config = await api("POST", "/configs", { code: "ACCUEIL", nom: "Accueil", config: {} });
    for (const [code, client, hermes] of [
      ["A-ENTRANT", ctx.clientA, "H-A1"],
      ["A-SORTANT", ctx.clientA, "H-A2"],
      ["B-ENTRANT", ctx.clientB, "H-B1"],
    ] as const)
      campagnes[code] = (
        await api("POST", "/campagnes", { client_id: client, code, nom: code, hermes_id: hermes })
      ).corps.id;
    const cle = await api("POST", "/cles-api", { nom: "k-b", role: "client", client_id: ctx.clientB });
    cleB = { authorization: `Bearer ${cle.corps.cle}` };
    // 1 March 2025: created for client A (its first holder, recorded at creation)
    const operateur = (await api("GET", "/operateurs")).corps.data[0].id;
    const d = await api("POST", "/dids", {
      numero: "0142685300",
      client_id: ctx.clientA,
      operateur_id: operateur,
    });
    expect(d.status, JSON.stringify(d.corps)).toBe(201);
    did = d.corps.id;
    const aff = async (corps: Record<string, unknown>) =>
      expect((await api("POST", "/affectations", { did_id: did, ...corps })).status).toBe(201);
    await aff({
      campaign_id: campagnes["A-ENTRANT"],
      config_id: config.corps.id,
      entrant: true,
      sortant: false,
      date_debut: "2025-03-10",
      date_fin: "2025-03-31",
    });
    await aff({
      campaign_id: campagnes["A-SORTANT"],
      entrant: false,
      sortant: true,
      priorite: 1,
      date_debut: "2025-04-01",
    });
    await horloge("2025-03-09T23:00:00Z"); // 00:00 Paris, winter time: the inbound campaign starts
    await horloge("2025-03-31T22:00:00Z"); // 00:00 Paris, summer time: inbound ends, outbound starts
    maintenant = new Date("2025-06-15T08:00:00Z");
    expect((await api("POST", `/dids/${did}/actions/liberer`, { motif: "fin du contrat A" })).status).toBe(
      200,
    );
    maintenant = new Date("2025-06-20T08:00:00Z");
    expect((await api("POST", `/dids/${did}/actions/affecter`, { client_id: ctx.clientB })).status).toBe(200);
    await aff({
      campaign_id: campagnes["B-ENTRANT"],
      entrant: true,
      sortant: false,
      date_debut: "2025-07-01",
    });
    await horloge("2025-06-30T22:00:00Z");
    maintenant = new Date("2025-09-01T10:00:00Z");
    expect((await api("POST", `/dids/${did}/actions/resilier`, {})).status).toBe(200);
    // within the freeze, its former holder may have it back
    maintenant = new Date("2025-10-27T08:00:00Z");
    expect((await api("POST", `/dids/${did}/actions/reactiver`, { client_id: ctx.clientB })).status).toBe(
      200,
    );
    maintenant = new Date("2025-12-01T08:00:00Z");
  });
  afterAll(async () => ctx?.fermer());

  it("answers exactly at eight instants, 00:00 Paris across both daylight-saving changes included", async () => {
    const resume = async (instant: string) => {
      const r = (await a(instant)).corps;
      if (!r.existe) return "n'existait pas";
      return [
        r.statut.valeur,
        r.client.valeur?.code ?? "-",
        r.entrant
          ? `E:${r.entrant.campagne.code}/${r.entrant.campagne.hermes_id}/${r.entrant.config_code}`
          : "E:-",
        `S:${r.sortants.map((s: { campagne: { code: string }; priorite: number; fondement: string }) => `${s.campagne.code}/${s.priorite}/${s.fondement}`).join(",") || "-"}`,
      ].join(" ");
    };
    expect(await resume("2025-02-28T12:00:00+01:00")).toBe("n'existait pas");
    expect(await resume("2025-03-09T23:59")).toBe("AFFECTE CLIENT_A E:- S:-");
    expect(await resume("2025-03-10T00:00")).toBe("UTILISE CLIENT_A E:A-ENTRANT/H-A1/ACCUEIL S:-");
    expect(await resume("2025-03-31T23:59")).toBe("UTILISE CLIENT_A E:A-ENTRANT/H-A1/ACCUEIL S:-");
    expect(await resume("2025-04-01T00:00")).toBe("UTILISE CLIENT_A E:- S:A-SORTANT/1/CONTRAT");
    expect(await resume("2025-06-17T12:00")).toBe("DISPONIBLE - E:- S:-");
    expect(await resume("2025-07-01T00:00")).toBe("UTILISE CLIENT_B E:B-ENTRANT/H-B1/null S:-");
    expect(await resume("2025-10-26T00:00")).toBe("RESILIE CLIENT_B E:- S:-");
    expect(await resume("2025-10-27T12:00")).toBe("AFFECTE CLIENT_B E:- S:-");
    // each value with the history line it comes from
    const r = (await a("2025-07-01T00:00")).corps;
    expect(r.client.ligne).toMatchObject({ action: "AFFECTER" });
    expect(new Date(r.client.ligne.date_action).toISOString()).toBe("2025-06-20T08:00:00.000Z");
    expect(new Date(r.statut.ligne.date_action).toISOString()).toBe("2025-06-30T22:00:00.000Z");
    expect(Array.isArray(r.routage)).toBe(true);
    // the first holder comes from the creation line itself
    expect((await a("2025-03-01T12:00")).corps.client.ligne).toMatchObject({ action: "CREATION" });
  });

  it("shows a client its own periods only, « non détenu par vous » for the others, nothing of them", async () => {
    const sienne = (await a("2025-03-10T00:00", ctx.cles.client)).corps;
    expect(sienne).toMatchObject({ detenu_par_vous: true, statut: { valeur: "UTILISE" } });
    expect(sienne.statut.ligne.utilisateur).toBe("l'équipe");
    // the carrier is the company's business: staff read it, a client neither then nor now
    expect((await a("2025-03-10T00:00")).corps.operateur.valeur).toMatchObject({ code: expect.any(String) });
    expect(sienne.operateur).toEqual({ valeur: null, ligne: null });
    expect(sienne.tranche).toEqual({ valeur: null, ligne: null });
    const autre = await a("2025-07-01T00:00", ctx.cles.client);
    expect(autre.status).toBe(200);
    expect(autre.corps).toEqual({
      numero: "+33142685300",
      instant: "2025-06-30T22:00:00.000Z",
      existe: true,
      detenu_par_vous: false,
      message: "non détenu par vous",
    });
    expect(autre.texte).not.toContain("B-ENTRANT");
    expect(autre.texte).not.toContain("CLIENT_B");
    // B reads its period, and A's is not its own
    expect((await a("2025-07-01T00:00", cleB)).corps.entrant.campagne.code).toBe("B-ENTRANT");
    expect((await a("2025-03-10T00:00", cleB)).corps.message).toBe("non détenu par vous");
    // a client that never held it: it does not exist for it
    const c = await api("POST", "/clients", { code: "CLIENT_C", nom: "Client C" });
    const jamais = await api("POST", "/cles-api", { nom: "k-c", role: "client", client_id: c.corps.id });
    expect(jamais.status).toBe(201);
    expect((await a("2025-03-10T00:00", { authorization: `Bearer ${jamais.corps.cle}` })).status).toBe(404);
  });

  it("gives the same for a list of numbers or a client's numbers, as CSV for an abuse report, and on the command line", async () => {
    const csv = await api(
      "GET",
      `/dids/a-l-instant?instant=2025-07-01T00:00&client_id=${ctx.clientB}&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.texte).toContain(
      "numero;instant;statut;client;groupement;operateur;campagne_entrante;hermes_id",
    );
    expect(csv.texte).toContain(
      "'+33142685300;2025-06-30T22:00:00.000Z;UTILISE;CLIENT_B;;BOUYGUES;B-ENTRANT;H-B1",
    );
    const parA = await api("GET", `/dids/a-l-instant?instant=2025-07-01T00:00&client_id=${ctx.clientA}`);
    expect(parA.corps.data).toEqual([]);
    const liste = await api("GET", "/dids/a-l-instant?instant=2025-03-10T00:00&numeros=01 42 68 53 00");
    expect(liste.corps.data[0]).toMatchObject({ client: "CLIENT_A", campagne_entrante: "A-ENTRANT" });
    // a client's own report: its periods only
    const duClient = await api(
      "GET",
      "/dids/a-l-instant?instant=2025-07-01T00:00",
      undefined,
      ctx.cles.client,
    );
    expect(duClient.corps.data).toEqual([]);
    const cli = await cliInterne(["historique", "0142685300", "--a", "2025-04-01T00:00"], ctx.base);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("+33142685300 au 2025-03-31T22:00:00.000Z");
    expect(cli.stdout).toContain("client : CLIENT_A");
    expect(cli.stdout).toContain("sortant : A-SORTANT (priorité 1, CONTRAT)");
  });
});
