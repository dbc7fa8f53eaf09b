import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// A publication never wipes or forges routing: it refuses when the routes in memory disagree with the database,
// asks for a confirmation that states the count before removing many routes, and no value can add a line.
describe.each(CIBLES)("publication safety ($nom)", (cible) => {
  let ctx: Contexte;
  let h: Record<string, string>;
  let dossier: string;
  let campagne: number;
  const recept = () => path.join(dossier, "recept.ons");
  const post = async (url: string, payload: Record<string, unknown> = {}) =>
    ctx.app.inject({ method: "POST", url: `/api/v1${url}`, headers: h, payload });
  const patch = async (url: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: "PATCH", url: `/api/v1${url}`, headers: h, payload });
  const apercu = async () =>
    (await ctx.app.inject({ method: "GET", url: "/api/v1/hermes/publication", headers: h })).json();
  const affectations: number[] = [];
  const router = async (numero: string) => {
    const d = (await post("/dids", { numero })).json();
    await post(`/dids/${d.id}/actions/affecter`, { client_id: ctx.clientA });
    const a = (await post("/affectations", { did_id: d.id, campaign_id: campagne, alias: "Accueil" })).json();
    affectations.push(a.id);
    const fin = Date.now() + 2000;
    while (!ctx.app.routage.entrant(`+33${numero.slice(1)}`)) {
      if (Date.now() > fin) throw new Error("not routed");
      await new Promise((r) => setTimeout(r, 10));
    }
    return { did: d.id as number, affectation: a.id as number };
  };

  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), "hermes-surete-"));
    ctx = await contexte(cible, {
      // at most 2 removals without a confirmation (the share allows all of them)
      env: {
        HERMES_OUTPUT_DIR: dossier,
        HERMES_PUBLISH_MAX_REMOVALS: "2",
        HERMES_PUBLISH_MAX_REMOVALS_PERCENT: "100",
      },
    });
    h = ctx.cles.gestionnaire;
    campagne = (
      await post("/campagnes", { client_id: ctx.clientA, code: "A-SUR", nom: "Sûreté", hermes_id: "H7" })
    ).json().id;
    for (let i = 1; i <= 6; i++) await router(`014300000${i}`);
    const r = await post("/hermes/publication", { motif: "mise en service" });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().routes).toEqual({ ajoutees: 6, supprimees: 0, modifiees: 0 });
  });
  afterAll(async () => {
    await ctx?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("refuses a newline, a NUL or the separator in an alias or a hermes_id (422 naming the field)", async () => {
    const id = affectations[0] as number;
    for (const alias of ["Acc\n+33999999999;6666;EVIL;EVIL;x", "Acc\u0000", "Acc;EVIL", "Acc\r"]) {
      const r = await patch(`/affectations/${id}`, { alias });
      expect(r.statusCode, alias).toBe(422);
      expect(r.json()).toMatchObject({ code: "CARACTERE_INTERDIT", errors: [{ champ: "alias" }] });
    }
    for (const hermes_id of ["H7\nEVIL", "H7;X", "\u0000"]) {
      const r = await patch(`/campagnes/${campagne}`, { hermes_id });
      expect(r.statusCode, hermes_id).toBe(422);
      expect(r.json().errors[0].champ).toBe("hermes_id");
    }
    const creee = await post("/campagnes", {
      client_id: ctx.clientA,
      code: "A-EVIL",
      nom: "Évil",
      hermes_id: "1\n+33999999999;6666",
    });
    expect(creee.statusCode).toBe(422);
    expect(fs.readFileSync(recept(), "utf8")).not.toContain("EVIL");
  });

  it("refuses an import row whose alias would break a routing file, in the simulation as in the write", async () => {
    const fichier = "numero;campagne;alias\n0143000001;A-SUR;Ligne;forgée\n";
    for (const simulation of [true, false]) {
      const r = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/imports/affectations?simulation=${simulation}`,
        headers: { ...h, "content-type": "text/csv" },
        payload: 'numero;campagne;alias\n0143000001;A-SUR;"Ligne;forgée"\n',
      });
      const rapport = simulation ? r.json() : r.json().rapport;
      expect(rapport.rejetes, fichier).toBe(1);
      expect(rapport.rejets[0]).toMatchObject({ colonne: "alias", valeur: "Ligne;forgée" });
    }
  });

  it("reports a bad value already in the database, leaves it out of the files and refuses to publish", async () => {
    const id = affectations[1] as number;
    // written as an older version or a hand-made SQL fix could have
    await sql`UPDATE tel_did_virtual SET alias = ${"Acc\n+33999999999;6666;EVIL;EVIL;x"} WHERE id = ${id}`.execute(
      ctx.db,
    );
    const fin = Date.now() + 2000;
    while (!(await apercu()).invalides.length && Date.now() < fin)
      await new Promise((r) => setTimeout(r, 20));
    const a = await apercu();
    expect(a.invalides).toEqual([
      expect.objectContaining({ numero: "+33143000002", campagne_code: "A-SUR", champ: "alias" }),
    ]);
    const rendu = a.fichiers.find((f: { nom: string }) => f.nom === "recept.ons").contenu as string;
    expect(rendu).not.toContain("EVIL");
    expect(rendu).not.toContain("+33999999999");
    const r = await post("/hermes/publication", {});
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe("VALEURS_ROUTAGE_INVALIDES");
    expect(r.json().detail).toContain("+33143000002");
    expect(fs.readFileSync(recept(), "utf8")).not.toContain("EVIL");
    // corrected through the API, it publishes again
    expect((await patch(`/affectations/${id}`, { alias: "Accueil" })).statusCode).toBe(200);
    const fin2 = Date.now() + 2000;
    while ((await apercu()).invalides.length && Date.now() < fin2)
      await new Promise((r) => setTimeout(r, 20));
    expect((await apercu()).invalides).toEqual([]);
  });

  it("refuses a publication rendered from routes the database no longer has, and reloads them", async () => {
    // another process ends three assignments without this one hearing of it (no notification: triggers off)
    await ctx.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE tel_did_virtual SET actif = false WHERE id IN (${sql.join(affectations.slice(3, 6))})`.execute(
        trx,
      );
    });
    const avant = fs.readFileSync(recept(), "utf8");
    expect(ctx.app.routage.entrant("+33143000006")).toBeDefined();
    const r = await post("/hermes/publication", { confirmer: 3 });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: "ROUTAGE_DESYNCHRONISE", ecart: { supprimees: 3 } });
    expect(fs.readFileSync(recept(), "utf8")).toBe(avant);
    // the memory is read again from the database: lookups stop routing what the database ended
    const fin = Date.now() + 3000;
    while (ctx.app.routage.entrant("+33143000006") && Date.now() < fin)
      await new Promise((r) => setTimeout(r, 20));
    expect(ctx.app.routage.entrant("+33143000006")).toBeUndefined();
  });

  it("asks for a confirmation stating the count before removing more routes than the threshold", async () => {
    const a = await apercu();
    expect(a.routes).toMatchObject({ deployees: 6, a_publier: 3, ajoutees: 0, supprimees: 3, modifiees: 0 });
    expect(a.confirmation_requise).toBe(true);
    expect(a.suppressions_permises).toBe(2);
    expect(a.routes.exemples.supprimees).toContain("entrant +33143000006 → A-SUR | H7 |  | Accueil");
    const avant = fs.readFileSync(recept(), "utf8");
    for (const corps of [{}, { confirmer: 2 }]) {
      const r = await post("/hermes/publication", corps);
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: "CONFIRMATION_REQUISE", routes: { supprimees: 3 } });
      expect(r.json().detail).toContain("supprime 3 route(s) sur 6");
      expect(fs.readFileSync(recept(), "utf8")).toBe(avant);
    }
    const ok = await post("/hermes/publication", { confirmer: 3, motif: "fin de trois numéros" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().routes).toEqual({ ajoutees: 0, supprimees: 3, modifiees: 0 });
    const publie = fs.readFileSync(recept(), "utf8");
    expect(publie).toContain("+33143000001;H7");
    expect(publie).not.toContain("+33143000006");
    // removals within the threshold need nothing
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/affectations/${affectations[2]}/terminer`,
      headers: h,
      payload: {},
    });
    await ctx.app.routage.aJour();
    const r = await post("/hermes/publication", {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().routes).toEqual({ ajoutees: 0, supprimees: 1, modifiees: 0 });
  });
});
