import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { up } from "../../src/db/migrations/0010_statut_numero_tenu.js";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// One rule for a number a client holds with no campaign in use: Affecté, whatever the path that brought it there
// (README, « Statuts »). Disponible means in stock with no client; Utilisé, a campaign in use.
describe.each(CIBLES)("the status of a number a client holds with no campaign ($nom)", (cible) => {
  let ctx: Contexte;
  let maintenant = new Date("2026-06-01T08:00:00Z");
  const post = async (url: string, payload: Record<string, unknown>, cle = ctx.cles.gestionnaire) => {
    const r = await ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers: cle, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };
  const envoyer = async (type: string, csv: string) => {
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/${type}`,
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: csv,
    });
    if (r.statusCode !== 200) throw new Error(`${type}: ${r.body}`);
  };
  const statut = async (numero: string) => {
    const d = (
      await ctx.app.inject({
        method: "GET",
        url: `/api/v1/dids/par-numero/${numero}`,
        headers: ctx.cles.admin,
      })
    ).json();
    return `${d.statut_code}/${d.client_id === ctx.clientA ? "A" : d.client_id}`;
  };

  beforeAll(async () => {
    ctx = await contexte(cible, { horloge: () => maintenant });
  });
  afterAll(async () => ctx?.fermer());

  it("is Affecté through the API, a bulk action, the import, an ended assignment, a delivery and a reactivation", async () => {
    const campagne = await post("/campagnes", { client_id: ctx.clientA, code: "A-UNIQUE", nom: "Unique" });
    // created for a client
    await post("/dids", { numero: "0142300001", client_id: ctx.clientA });
    // given to a client by its action, and by a bulk action
    const d2 = await post("/dids", { numero: "0142300002" });
    await post(`/dids/${d2.id}/actions/affecter`, { client_id: ctx.clientA });
    const d3 = await post("/dids", { numero: "0142300003" });
    await post("/dids/actions/affecter", { ids: [d3.id], client_id: ctx.clientA });
    // imported with a client, new and already in stock
    const d5 = await post("/dids", { numero: "0142300005" });
    await envoyer("numeros", "numero;client\n0142300004;CLIENT_A\n0142300005;CLIENT_A\n");
    // an assignment imported for a number in stock, ended since
    await post("/dids", { numero: "0142300006" });
    await envoyer(
      "affectations",
      "numero;campagne;date_debut;date_fin;sens\n0142300006;A-UNIQUE;01/01/2026;31/05/2026;E\n",
    );
    // an assignment through the API, ended
    const d7 = await post("/dids", { numero: "0142300007", client_id: ctx.clientA });
    const a7 = await post("/affectations", { did_id: d7.id, campaign_id: campagne.id });
    expect(await statut("0142300007")).toBe("UTILISE/A");
    await post(`/affectations/${a7.id}/terminer`, { motif: "fin" });
    // delivered on the client's order
    const commande = await post(
      "/commandes",
      {
        type_did_id: (
          await ctx.db
            .selectFrom("tel_type_did")
            .select("id")
            .where("code", "=", "GEO")
            .executeTakeFirstOrThrow()
        ).id,
        quantite: 1,
        urgence: "NORMALE",
        motif: "test",
        demandeur_email: "a@client-a.fr",
      },
      ctx.cles.client,
    );
    const action = (nom: string, payload: Record<string, unknown> = {}, cle = ctx.cles.gestionnaire) =>
      post(`/commandes/${commande.id}/actions/${nom}`, payload, cle);
    await action("soumettre", {}, ctx.cles.client);
    await action("valider");
    await action("demarrer", {
      reference_operateur: "OP-1",
      operateur_id: await idDe(ctx.db, "tel_operateur", "SFR"),
    });
    await post(`/commandes/${commande.id}/livraisons`, { numeros: "0142300008", terminer: true });
    // terminated, then reactivated for its holder
    const d9 = await post("/dids", { numero: "0142300009", client_id: ctx.clientA });
    await post(`/dids/${d9.id}/actions/resilier`, { motif: "fin" });
    await post(`/dids/${d9.id}/actions/reactiver`, { motif: "retour" });

    for (let i = 1; i <= 9; i++) expect(await statut(`014230000${i}`), `014230000${i}`).toBe("AFFECTE/A");
    // and in stock, without a client, Disponible by every path too
    await post(`/dids/${d5.id}/actions/liberer`, { motif: "rendu" });
    expect(await statut("0142300005")).toBe("DISPONIBLE/null");
    await post(`/dids/${d9.id}/actions/resilier`, { motif: "fin" });
    maintenant = new Date("2026-12-01T08:00:00Z");
    await post(`/dids/${d9.id}/actions/reactiver`, { client_id: null, motif: "stock" });
    expect(await statut("0142300009")).toBe("DISPONIBLE/null");
    // Disponible with a client is refused where a file asks for it, with the rule as the reason
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros?simulation=true",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: "numero;client;statut\n0142300010;CLIENT_A;DISPONIBLE\n",
    });
    expect(r.json().rejets[0].raison).toMatch(/Disponible veut dire en stock, sans client/);
  });

  it("moves the rows that disagree when the migration runs", async () => {
    const d = await post("/dids", { numero: "0142300020" });
    // a number delivered by the previous release: Disponible, held by a client
    await ctx.db.updateTable("tel_did").set({ client_id: ctx.clientA }).where("id", "=", d.id).execute();
    // the migration's step, run as on a database of the previous release (later migrations are applied already)
    await up(ctx.db as never);
    expect(await statut("0142300020")).toBe("AFFECTE/A");
    const histoire = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${d.id}/historique`, headers: ctx.cles.admin })
    ).json().data;
    expect(histoire).toContainEqual(
      expect.objectContaining({
        champ: "statut",
        ancienne_valeur: "DISPONIBLE",
        nouvelle_valeur: "AFFECTE",
        utilisateur: "système:migration",
      }),
    );
  });
});
