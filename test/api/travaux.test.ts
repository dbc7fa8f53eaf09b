import type { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Long work (imports, exports, a declaration's preview) runs in a thread of its own on PostgreSQL, so the event loop
// that answers Hermes' routing lookups only passes messages (src/travaux). What it answers must not change.
describe.each(CIBLES)("long work in a thread of its own ($nom)", (cible) => {
  let ctx: Contexte;
  let adresse: string;
  const fil = cible.nom === "postgres" ? "dedie" : "serveur";
  beforeAll(async () => {
    ctx = await contexte(cible);
    adresse = await ctx.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => ctx?.fermer());

  const get = (url: string, cle = ctx.cles.admin) =>
    ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: cle });
  const metrique = async (nom: string) => {
    const texte = (await get("/metrics")).body;
    const ligne = texte.split("\n").find((l) => l.startsWith(`${nom} `) || l.startsWith(`${nom}{`));
    return ligne ? Number(ligne.split(" ").at(-1)) : 0;
  };
  const televerser = (url: string, payload: string | Buffer, type = "text/csv") =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1${url}`,
      headers: { ...ctx.cles.gestionnaire, "content-type": type },
      payload,
    });
  const compte = (travail: string) => metrique(`telephony_travaux_total{travail="${travail}",fil="${fil}"}`);

  it("imports, exports and previews a declaration there, with the same answers and errors", async () => {
    const importe = await televerser(
      "/imports/numeros",
      "numero;client;notes\n0146000001;CLIENT_A;un\n0146000002;CLIENT_B;deux\n",
    );
    expect(importe.statusCode, importe.body).toBe(200);
    expect(importe.json()).toMatchObject({ ecrit: true, a_creer: 2 });

    // a refusal keeps its status, code and report across the threads
    const refuse = await televerser(
      "/imports/numeros",
      "numero;client\n0146000003;CLIENT_A\n0146;CLIENT_A\n",
    );
    expect(refuse.statusCode).toBe(422);
    expect(refuse.json()).toMatchObject({ code: "IMPORT_REFUSE", rapport: { ecrit: false, rejetes: 1 } });
    // the file's reader, a thread of the work thread then, fails as it did
    const illisible = await televerser(
      "/imports/numeros",
      Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]),
      "application/octet-stream",
    );
    expect(illisible.statusCode).toBe(422);
    expect(illisible.json().code).toMatch(/^FICHIER_|^CLASSEUR_/);

    const rejets = await televerser(
      "/imports/numeros/rejets",
      "numero;client\n0146000003;CLIENT_A\n0146;CLIENT_A\n",
    );
    expect(rejets.statusCode).toBe(200);
    expect(rejets.body).toContain("0146;CLIENT_A;");

    const csv = await get("/exports/numeros?format=csv&q=014600000");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("+33146000001");
    expect(csv.body).toContain("+33146000002");
    // a client's export holds its own numbers only, as in the server's thread
    const duClient = await get("/exports/numeros?format=json&q=014600000", ctx.cles.client);
    expect(duClient.json().map((l: { numero: string }) => l.numero)).toEqual(["+33146000001"]);

    const liste = await get("/dids?format=csv&q=014600000", ctx.cles.client);
    expect(liste.statusCode).toBe(200);
    expect(liste.headers["content-disposition"]).toContain('filename="numeros.csv"');
    expect(liste.body.trim().split("\n")).toHaveLength(2);
    expect(liste.body).toContain("+33146000001");

    // a client's statement is computed and kept there too, as JSON and as a file
    const releve = await get(`/couts/refacturation?periode=2026-11&client_id=${ctx.clientA}`);
    expect(releve.statusCode, releve.body).toBe(200);
    expect(releve.json()).toMatchObject({ client: { code: "CLIENT_A" }, periode: "2026-11" });
    const fichier = await get(`/couts/refacturation?periode=2026-11&client_id=${ctx.clientA}&format=csv`);
    expect(fichier.headers["content-disposition"]).toContain('filename="refacturation-CLIENT_A-2026-11.csv"');
    expect(fichier.body).toContain("numero;type;campagne");
    const inconnu = await get("/couts/refacturation?periode=2026-11&client_id=999999");
    expect(inconnu.statusCode).toBe(404);

    const orange = await idDe(ctx.db, "tel_operateur", "ORANGE");
    const apercu = await get(`/declarations/apercu?operateur_id=${orange}`);
    expect(apercu.statusCode, apercu.body).toBe(200);
    expect(apercu.json()).toMatchObject({ operateur_id: orange, derniere: null });
    expect(Date.parse(apercu.json().instant)).not.toBeNaN();

    expect(await compte("import")).toBe(3);
    expect(await compte("rejets")).toBe(1);
    expect(await compte("export")).toBe(2);
    expect(await compte("apercuDeclaration")).toBe(1);
    expect(await compte("csvNumeros")).toBe(1);
    expect(await compte("refacturation")).toBe(2);
    expect(await compte("fichierRefacturation")).toBe(1);
    expect(await metrique("telephony_travaux_en_cours")).toBe(0);
  });

  it("stops the work when the client leaves a file half-way", async () => {
    await sql`INSERT INTO tel_did (indicatif_id, did, did_format_e164, statut_id, created_by, modified_by)
      SELECT i.id, '1470' || lpad(g::text, 5, '0'), '+331470' || lpad(g::text, 5, '0'), s.id, 'test', 'test'
      FROM tel_indicatif i, tel_statut_did s, generate_series(1, 20000) g
      WHERE i.code = 'FR' AND s.code = 'DISPONIBLE'`.execute(ctx.db);
    const controle = new AbortController();
    const r = await fetch(`${adresse}/api/v1/exports/numeros?format=json`, {
      headers: ctx.cles.admin,
      signal: controle.signal,
    });
    expect(r.status).toBe(200);
    const lecteur = (r.body as ReadableStream<Uint8Array>).getReader();
    await lecteur.read();
    expect(await metrique("telephony_travaux_en_cours")).toBe(1);
    controle.abort();
    await lecteur.read().catch(() => {});
    await expect.poll(() => metrique("telephony_travaux_en_cours")).toBe(0);
    // and the next one is whole
    const entier = await fetch(`${adresse}/api/v1/exports/numeros?format=csv&q=1470`, {
      headers: ctx.cles.admin,
    });
    expect((await entier.text()).trim().split("\n")).toHaveLength(20_001);
  });

  it.runIf(cible.nom === "postgres")(
    "cuts a file whose work thread stops, and starts a new thread for the next request",
    async () => {
      const r = await fetch(`${adresse}/api/v1/exports/numeros?format=json&q=1470`, {
        headers: ctx.cles.admin,
      });
      const lecteur = (r.body as ReadableStream<Uint8Array>).getReader();
      await lecteur.read();
      // the thread dies mid-file (out of memory, a crash): the file is cut, never ended as if whole
      await (ctx.app.travaux as unknown as { worker: Worker }).worker.terminate();
      let texte = "";
      const decodeur = new TextDecoder();
      await expect(
        (async () => {
          for (;;) {
            const { done, value } = await lecteur.read();
            if (done) break;
            texte += decodeur.decode(value);
          }
        })(),
      ).rejects.toThrow();
      expect(texte.trimEnd().endsWith("]")).toBe(false);
      expect(await metrique("telephony_travaux_en_cours")).toBe(0);

      const ensuite = await get("/exports/numeros?format=json&q=1470");
      expect(ensuite.statusCode).toBe(200);
      expect(ensuite.json()).toHaveLength(20_000);
    },
  );
});
