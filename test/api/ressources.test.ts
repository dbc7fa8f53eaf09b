import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESSOURCES } from "../../src/modules/referentiels/referentiels.routes.js";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// A valid body per resource, a field to update, and a filter that must find the created row.
function exemples(
  ctx: Contexte,
  suffixe: string,
): Record<string, { corps: Record<string, unknown>; maj: Record<string, unknown>; filtre: string }> {
  return {
    indicatifs: {
      corps: { code: "ZZ", indicatif: "999", libelle: `Pays ${suffixe}` },
      maj: { libelle: "Pays modifié" },
      filtre: "code=ZZ",
    },
    regions: {
      // a region lies inside a zone: 0491 is in SES
      corps: { indicatif_id: 1, code: `R${suffixe}`, libelle: "Région test", prefixe: "0491" },
      maj: { libelle: "Région modifiée" },
      filtre: `code=R${suffixe}`,
    },
    operateurs: {
      corps: { code: `OP_${suffixe}`, nom: "Opérateur test", type: "VOIP", contact: "noc@op.example" },
      maj: { nom: "Opérateur modifié" },
      filtre: "type=VOIP",
    },
    "types-did": {
      corps: { code: `T_${suffixe}`, libelle: "Type test", nature: "GEO" },
      maj: { libelle: "Type modifié" },
      filtre: `code=T_${suffixe}`,
    },
    equipements: {
      corps: { code: `EQ_${suffixe}`, nom: "SBC test", type: "SBC", ip_address: "10.1.2.3" },
      maj: { ip_address: "2001:db8::1" },
      filtre: "type=SBC",
    },
    "statuts-did": {
      corps: { code: "S_TEST", libelle: "Statut test", couleur: "#123ABC", ordre: 9 },
      maj: { couleur: "#ABCDEF" },
      filtre: "code=S_TEST",
    },
    "statuts-commande": {
      corps: { code: "SC_TEST", libelle: "Statut test", couleur: "#123ABC" },
      maj: { libelle: "Modifié" },
      filtre: "code=SC_TEST",
    },
    clouds: {
      corps: { code: `CL_${suffixe}`, nom: "Cloud test", routage: "sip:sbc.test:5060" },
      maj: { routage: "sip:sbc2.test:5060" },
      filtre: `code=CL_${suffixe}`,
    },
    clients: {
      corps: { code: `CLI_${suffixe}`, nom: "Client test", siret: "12345678901234", contact_email: "a@b.fr" },
      maj: { nom: "Client modifié" },
      filtre: `code=CLI_${suffixe}`,
    },
    groupements: {
      corps: { client_id: ctx.clientA, code: `G_${suffixe}`, libelle: "Groupement test" },
      maj: { libelle: "Groupement modifié" },
      filtre: `client_id=${ctx.clientA}`,
    },
    campagnes: {
      corps: {
        client_id: ctx.clientA,
        code: `CAMP-${suffixe}`,
        nom: "Campagne test",
        hermes_id: `H${suffixe}`,
        prospection: true,
      },
      maj: { nom: "Campagne modifiée" },
      filtre: `hermes_id=H${suffixe}`,
    },
    configs: {
      corps: {
        code: `CFG-${suffixe}`,
        nom: "Config test",
        config: {
          couleur: "#00FF00",
          horaires: { lundi: { debut: "08:00", fin: "18:00" } },
          perso: { x: 1 },
        },
      },
      maj: { config: { couleur: "#FF0000" } },
      filtre: `code=CFG-${suffixe}`,
    },
  };
}

describe.each(CIBLES)("CRUD of every uniform resource ($nom)", (cible) => {
  let ctx: Contexte;
  beforeAll(async () => {
    ctx = await contexte(cible);
  });
  afterAll(async () => ctx?.fermer());

  it("covers every resource declared", () => {
    expect(Object.keys(exemples({ clientA: 1 } as Contexte, "X")).sort()).toEqual(
      RESSOURCES.map((r) => r.chemin).sort(),
    );
  });

  for (const def of RESSOURCES) {
    it(`${def.chemin}: create, read, list with filter, sort and search, update with If-Match, delete`, async () => {
      const ex = exemples(ctx, "1")[def.chemin];
      if (!ex) throw new Error(`no example for ${def.chemin}`);
      const h = ctx.cles.admin;
      const cree = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/${def.chemin}`,
        headers: h,
        payload: ex.corps,
      });
      expect(cree.statusCode, cree.body).toBe(201);
      const ligne = cree.json();
      expect(cree.headers.etag).toBe('"1"');
      for (const [k, v] of Object.entries(ex.corps)) expect(ligne[k], k).toEqual(v);

      const lu = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/${def.chemin}/${ligne.id}`,
        headers: h,
      });
      expect(lu.statusCode).toBe(200);
      expect(lu.json()).toEqual(ligne);

      const liste = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/${def.chemin}?${ex.filtre}&tri=-id&par_page=5`,
        headers: h,
      });
      expect(liste.statusCode, liste.body).toBe(200);
      const corpsListe = liste.json();
      expect(corpsListe.data[0].id).toBe(ligne.id);
      expect(corpsListe.total).toBeGreaterThanOrEqual(1);
      expect(corpsListe.par_page).toBe(5);

      const recherche = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/${def.chemin}?q=${encodeURIComponent(String(ex.corps[def.recherche[0] as string]))}`,
        headers: h,
      });
      expect(recherche.json().data.map((d: { id: number }) => d.id)).toContain(ligne.id);
      const triInconnu = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/${def.chemin}?tri=inexistant`,
        headers: h,
      });
      expect(triInconnu.statusCode).toBe(400);
      expect(triInconnu.json().code).toBe("TRI_INVALIDE");

      const maj = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/${def.chemin}/${ligne.id}`,
        headers: { ...h, "if-match": '"1"' },
        payload: ex.maj,
      });
      expect(maj.statusCode, maj.body).toBe(200);
      expect(maj.headers.etag).toBe('"2"');
      for (const [k, v] of Object.entries(ex.maj)) expect(maj.json()[k]).toEqual(v);
      const perime = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/${def.chemin}/${ligne.id}`,
        headers: { ...h, "if-match": '"1"' },
        payload: ex.maj,
      });
      expect(perime.statusCode).toBe(412);
      expect(perime.headers["content-type"]).toContain("application/problem+json");

      const audit = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/audit?entite=${def.table}&entite_id=${ligne.id}`,
        headers: h,
      });
      expect(
        audit.json().data.map((a: { action: string; acteur: string }) => `${a.action}:${a.acteur}`),
      ).toEqual(["MODIFICATION:cle:test-admin", "CREATION:cle:test-admin"]);

      const supprime = await ctx.app.inject({
        method: "DELETE",
        url: `/api/v1/${def.chemin}/${ligne.id}`,
        headers: h,
      });
      expect(supprime.statusCode, supprime.body).toBe(204);
      const disparu = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/${def.chemin}/${ligne.id}`,
        headers: h,
      });
      expect(disparu.statusCode).toBe(404);
      expect(disparu.json().code).toBe("INTROUVABLE");
    });
  }

  it("refuses to delete a row still referenced, and says to deactivate it", async () => {
    const h = ctx.cles.admin;
    const r = await ctx.app.inject({ method: "DELETE", url: `/api/v1/clients/${ctx.clientA}`, headers: h });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: "REFERENCE_INVALIDE", status: 409 });
    expect(r.body).not.toMatch(/tel_|constraint|violates|SELECT|stack/i);
    const desactive = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${ctx.clientA}`,
      headers: h,
      payload: { actif: false },
    });
    expect(desactive.json().actif).toBe(false);
    const actifs = await ctx.app.inject({ method: "GET", url: "/api/v1/clients?actif=true", headers: h });
    expect(actifs.json().data.map((c: { id: number }) => c.id)).not.toContain(ctx.clientA);
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${ctx.clientA}`,
      headers: h,
      payload: { actif: true },
    });
  });

  it("gives field-level details for invalid bodies and duplicate codes", async () => {
    const h = ctx.cles.admin;
    const r = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: h,
      payload: { code: "bad code", nom: "" },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe("VALIDATION");
    expect(r.json().errors[0].champ).toBeTruthy();
    const doublon = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: h,
      payload: { code: "CLIENT_A", nom: "Bis" },
    });
    expect(doublon.statusCode).toBe(409);
    expect(doublon.json()).toMatchObject({ code: "DOUBLON", errors: [{ champ: "code" }] });
    const config = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/configs",
      headers: h,
      payload: {
        code: "CFG-KO",
        nom: "ko",
        config: { horaires: { lundi: { debut: "18:00", fin: "08:00" } } },
      },
    });
    expect(config.statusCode).toBe(422);
    expect(config.json().errors[0].champ).toBe("config.horaires.lundi");
  });

  it("exports a list as CSV", async () => {
    const r = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/operateurs?format=csv",
      headers: ctx.cles.admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    const lignes = r.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lignes[0]).toContain("code;nom");
    expect(lignes.length).toBe(8);
  });
});
