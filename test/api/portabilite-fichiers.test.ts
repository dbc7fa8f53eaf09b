import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleRio } from "../../src/modules/portabilite/rio.js";
import { appelApi, type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

// Issue #30: a port-in list as CSV/XLSX, through the imports' column mapping, from the API and the command line.
describe.each(CIBLES)("porting lists from files ($nom)", (cible) => {
  let ctx: Contexte;
  let operateur: number;
  const api = appelApi(() => ctx);

  beforeAll(async () => {
    ctx = await contexte(cible);
    operateur = (await ctx.db.selectFrom("tel_operateur").select("id").executeTakeFirstOrThrow()).id;
    await api("POST", "/dids", { numero: "0145000009", client_id: ctx.clientB });
  });
  afterAll(async () => ctx?.fermer());

  it("adds a port-in list from a file through the imports' column mapping, all or nothing", async () => {
    const cree = await api(
      "POST",
      "/portabilites",
      { operateur_donneur: "Free", operateur_id: operateur },
      ctx.cles.client,
    );
    const envoyer = (csv: string, q = "") =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/portabilites/${cree.corps.id}/numeros/import${q}`,
        headers: { ...ctx.cles.client, "content-type": "text/csv" },
        payload: csv,
      });
    const rio = `FRE654321${cleRio("FRE654321", "0145000601")}`;
    const refuse = await envoyer(
      `NDI;Code RIO\n0145000601;${rio}\n0145000009;\n`,
      `?colonnes=${encodeURIComponent('{"numero":"NDI","rio":"Code RIO"}')}`,
    );
    expect(refuse.statusCode).toBe(422);
    expect(refuse.json().code).toBe("PORTABILITE_NUMEROS_REFUSES");
    expect(
      (await api("GET", `/portabilites/${cree.corps.id}`, undefined, ctx.cles.client)).corps.numeros,
    ).toHaveLength(0);
    const strict = await envoyer("numero;rio;couleur\n0145000601;;bleu\n", "?strict=true");
    expect(strict.json().code).toBe("COLONNES_IGNOREES");
    const ok = await envoyer(
      `NDI;Code RIO;couleur\n0145000601;${rio}\n0145000602-0145000603;\n`,
      `?colonnes=${encodeURIComponent('{"numero":"NDI","rio":"Code RIO"}')}`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ajoutes: 3, colonnes_ignorees: ["couleur"] });
    const lignes = (await api("GET", `/portabilites/${cree.corps.id}`, undefined, ctx.cles.client)).corps
      .numeros;
    expect(lignes.map((l: { national: string; rio: string | null }) => [l.national, l.rio])).toEqual([
      ["0145000601", rio],
      ["0145000602", null],
      ["0145000603", null],
    ]);
  });

  it("adds a port-in list from the command line, and lists the requests", async () => {
    const cree = await api("POST", "/portabilites", {
      client_id: ctx.clientB,
      operateur_donneur: "SFR",
      operateur_id: operateur,
    });
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "portabilite-cli-"));
    const fichier = path.join(dossier, "liste.csv");
    fs.writeFileSync(fichier, "Numéro;RIO;Agence\n0145000701;;Lyon\n0145000702-0145000704;;Lyon\n");
    const r = await cliInterne(
      ["portabilite-import", fichier, "--demande", cree.corps.reference, "--json"],
      ctx.base,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      demande: cree.corps.reference,
      ajoutes: 4,
      colonnes_ignorees: ["Agence"],
    });
    const strict = await cliInterne(
      ["portabilite-import", fichier, "--demande", String(cree.corps.id), "--strict"],
      ctx.base,
    );
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain("Agence");
    const liste = await cliInterne(["portabilites", "--statut", "BROUILLON", "--json"], ctx.base);
    expect(liste.code, liste.stderr).toBe(0);
    const lue = JSON.parse(liste.stdout) as { data: Array<{ reference: string; nombre: number }> };
    expect(lue.data.find((d) => d.reference === cree.corps.reference)?.nombre).toBe(4);
  });

  it("finds a request by its reference, its client, its donor or one of its numbers as people type it", async () => {
    const cree = await api("POST", "/portabilites", {
      client_id: ctx.clientA,
      operateur_donneur: "Zebra Telecom",
      operateur_id: operateur,
      numeros: [{ numero: "01 45 00 09 01" }],
    });
    const trouve = async (q: string) =>
      (
        (await api("GET", `/portabilites?q=${encodeURIComponent(q)}`)).corps.data as Array<{ id: number }>
      ).map((d) => d.id);
    for (const q of [cree.corps.reference, "zebra", "01 45 00 09 01", "0145000901", "+33145000901"])
      expect(await trouve(q), q).toContain(cree.corps.id);
    for (const q of ["Inconnu", "0199999999"]) expect(await trouve(q), q).not.toContain(cree.corps.id);
    // a client's search stays within its own requests
    const client = await api("GET", "/portabilites?q=zebra", undefined, ctx.cles.client);
    expect(client.corps.data.map((d: { client_id: number }) => d.client_id)).toEqual([ctx.clientA]);
    const autre = await api("POST", "/portabilites", {
      client_id: ctx.clientB,
      operateur_donneur: "Zebra Telecom",
      operateur_id: operateur,
    });
    expect(autre.status).toBe(201);
    expect((await api("GET", "/portabilites?q=zebra", undefined, ctx.cles.client)).corps.total).toBe(1);
  });
});
