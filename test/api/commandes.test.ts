import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

const SECRET = "secret-de-test-des-webhooks";

interface Recu {
  evenement: string;
  signatureValide: boolean;
  corps: { evenement: string; commande: { reference: string } };
}

describe.each(CIBLES)("orders ($nom)", (cible) => {
  let ctx: Contexte;
  let smtp: SMTPServer;
  let recepteur: http.Server;
  const mails: Array<{ to: string; sujet: string }> = [];
  const webhooks: Recu[] = [];
  let tentativesRefusees = 1;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            for (const r of session.envelope.rcptTo) mails.push({ to: r.address, sujet: mail.subject ?? "" });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    recepteur = http.createServer((req, res) => {
      let corps = "";
      req.on("data", (c) => (corps += c));
      req.on("end", () => {
        // the first delivery fails once: the sender must retry
        if (tentativesRefusees-- > 0) {
          res.writeHead(503).end();
          return;
        }
        const sig = String(req.headers["x-telephony-signature"] ?? "");
        const t = /t=(\d+)/.exec(sig)?.[1] ?? "";
        const v1 = Buffer.from(/v1=([0-9a-f]+)/.exec(sig)?.[1] ?? "", "hex");
        const attendu = createHmac("sha256", SECRET).update(`${t}.${corps}`).digest();
        webhooks.push({
          evenement: String(req.headers["x-telephony-event"]),
          signatureValide: v1.length === attendu.length && timingSafeEqual(v1, attendu),
          corps: JSON.parse(corps),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => recepteur.listen(0, "127.0.0.1", r));
    ctx = await contexte(cible, {
      env: {
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`,
        WEBHOOK_URLS: `http://127.0.0.1:${(recepteur.address() as AddressInfo).port}/hooks`,
        WEBHOOK_SECRET: SECRET,
        NOTIFY_VALIDATORS: "valideurs@exemple.fr",
      },
    });
  });
  afterAll(async () => {
    await ctx?.fermer();
    await new Promise<void>((r) => smtp?.close(() => r()));
    await new Promise((r) => recepteur?.close(r));
  });

  const attendre = async (condition: () => boolean | Promise<boolean>, ms = 20_000) => {
    const fin = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > fin) throw new Error("timed out waiting for notifications");
      // retries are due after a back-off: run the sender as the scheduler would
      await ctx.app.expediteur.envoyer();
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it("walks an order from BROUILLON to LIVREE, delivering a range of 100 numbers into the client's stock", async () => {
    const client = ctx.cles.client;
    const staff = ctx.cles.gestionnaire;
    const npv = await idDe(ctx.db, "tel_type_did", "NPV");
    const stock = async () =>
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/v1/dids?client_id=${ctx.clientA}&statut=AFFECTE&par_page=1`,
          headers: staff,
        })
      ).json().total;
    const avant = await stock();

    const cree = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/commandes",
      headers: client,
      payload: {
        type_did_id: npv,
        quantite: 100,
        urgence: "HAUTE",
        motif: "Campagne d'automne",
        demandeur_email: "demandeur@client-a.fr",
      },
    });
    expect(cree.statusCode, cree.body).toBe(201);
    const id = cree.json().id;
    const ref = cree.json().reference;
    const action = (qui: Record<string, string>, nom: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${id}/actions/${nom}`,
        headers: qui,
        payload,
      });

    expect((await action(client, "valider")).statusCode).toBe(403);
    expect((await action(client, "soumettre")).json().statut_code).toBe("SOUMISE");
    expect((await action(staff, "rejeter")).json().code).toBe("MOTIF_OBLIGATOIRE");
    expect((await action(staff, "valider", { commentaire: "OK budget" })).json()).toMatchObject({
      statut_code: "VALIDEE",
      valideur_nom: "cle:test-gestionnaire",
    });
    expect((await action(staff, "demarrer")).json().code).toBe("REFERENCE_OPERATEUR_OBLIGATOIRE");
    // the carrier and its price, asked at the start, are copied onto every number delivered
    expect((await action(staff, "demarrer", { reference_operateur: "BYT-2026-777" })).json().code).toBe(
      "OPERATEUR_OBLIGATOIRE",
    );
    const bouygues = await idDe(ctx.db, "tel_operateur", "BOUYGUES");
    const demarree = (
      await action(staff, "demarrer", {
        reference_operateur: "BYT-2026-777",
        operateur_id: bouygues,
        cout_mensuel: 1.5,
        cout_mise_en_service: 12,
      })
    ).json();
    expect(demarree).toMatchObject({
      statut_code: "EN_COURS",
      operateur: "Bouygues Telecom",
      cout_mensuel: 1.5,
      cout_mise_en_service: 12,
    });

    const livrer = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: "POST", url: `/api/v1/commandes/${id}/livraisons`, headers: staff, payload });
    // preview writes nothing
    const apercu = await livrer({ numeros: "0162100000-0162100099", simulation: true });
    expect(apercu.json()).toMatchObject({ simulation: true, deja_livres: 0 });
    expect(apercu.json().livres).toHaveLength(100);
    // a number already in stock is refused, naming the row; nothing of the batch is kept
    const existant = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/dids",
        headers: staff,
        payload: { numero: "0162100150" },
      })
    ).json();
    expect(existant.id).toBeGreaterThan(0);
    const conflit = await livrer({ numeros: "0162100140-0162100159" });
    expect(conflit.statusCode).toBe(422);
    expect(conflit.json().rejets).toEqual([
      expect.objectContaining({
        entree: "+33162100150",
        raison: "Déjà dans l'inventaire (disponible) : retirez-le de la livraison.",
      }),
    ]);
    const mauvaisType = await livrer({ numeros: "0142000000" });
    expect(mauvaisType.json().rejets[0].raison).toContain("GEO");

    const livraison = await livrer({ numeros: "0162100000-0162100099" });
    expect(livraison.statusCode, livraison.body).toBe(200);
    expect(livraison.json().livres).toHaveLength(100);
    const trop = await livrer({ numeros: "0162100200" });
    expect(trop.statusCode).toBe(409);
    expect(trop.json()).toMatchObject({ code: "QUANTITE_DEPASSEE", quantite: 100, deja_livres: 100 });

    expect(await stock()).toBe(avant);
    const tableau = async () =>
      (await ctx.app.inject({ method: "GET", url: "/api/v1/tableau-de-bord", headers: staff })).json();
    const parStatut = (
      t: { par_statut: Array<{ code: string; n: number; couleur: string }> },
      code: string,
    ) => t.par_statut.find((x) => x.code === code);
    const bordAvant = await tableau();
    expect(parStatut(bordAvant, "COMMANDE")).toMatchObject({ couleur: "#FFA500" });
    expect(
      bordAvant.commandes_en_attente.find((x: { statut: string }) => x.statut === "EN_COURS").n,
    ).toBeGreaterThanOrEqual(1);
    const livree = await action(staff, "livrer");
    expect(livree.json()).toMatchObject({ statut_code: "LIVREE", quantite_livree: 100 });
    expect(await stock()).toBe(avant + 100);
    const bordApres = await tableau();
    expect(parStatut(bordApres, "AFFECTE")?.n).toBe((parStatut(bordAvant, "AFFECTE")?.n ?? 0) + 100);
    expect(parStatut(bordApres, "COMMANDE")?.n).toBe((parStatut(bordAvant, "COMMANDE")?.n ?? 0) - 100);

    const un = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/dids/par-numero/0162100042", headers: staff })
    ).json();
    // delivered (COMMANDE→DISPONIBLE), then Affecté to the ordering client, as any number a client holds
    expect(un).toMatchObject({
      statut_code: "AFFECTE",
      client_id: ctx.clientA,
      type_code: "NPV",
      reference_externe: "BYT-2026-777",
      operateur: "Bouygues Telecom",
      cout_mensuel: 1.5,
      cout_mise_en_service: 12,
    });
    const histoire = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/dids/${un.id}/historique`, headers: staff })
    ).json().data;
    expect(histoire.some((e: { nouvelle_valeur: string }) => e.nouvelle_valeur === ref)).toBe(true);
    expect(
      histoire
        .filter((e: { champ: string }) => e.champ === "statut")
        .map((e: { nouvelle_valeur: string }) => e.nouvelle_valeur),
    ).toEqual(["COMMANDE", "DISPONIBLE", "AFFECTE"]);

    const detail = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/commandes/${id}`, headers: client })
    ).json();
    expect(detail.numeros).toHaveLength(100);
    expect(detail.commentaires.map((c: { type: string }) => c.type)).toEqual([
      "INFO",
      "INFO",
      "VALIDATION",
      "INFO",
      "LIVRAISON",
      "LIVRAISON",
    ]);

    // each notification event: a real e-mail and a signed webhook
    await attendre(() => webhooks.length >= 3 && mails.length >= 3);
    const sujets = mails.map((m) => `${m.to} ${m.sujet}`);
    expect(sujets).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^valideurs@exemple.fr .*${ref} à valider`)),
        expect.stringMatching(new RegExp(`^demandeur@client-a.fr .*${ref} est validée`)),
        expect.stringMatching(new RegExp(`^demandeur@client-a.fr .*${ref} est livrée`)),
      ]),
    );
    expect(webhooks.map((w) => w.evenement).sort()).toEqual([
      "commande.livree",
      "commande.soumise",
      "commande.validee",
    ]);
    expect(webhooks.every((w) => w.signatureValide && w.corps.commande.reference === ref)).toBe(true);
    // the receiver sees the webhook before the sender records it as sent: wait for the record
    const lireBoite = async () =>
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/v1/notifications?commande_id=${id}&canal=WEBHOOK`,
          headers: staff,
        })
      ).json().data;
    await attendre(async () => (await lireBoite()).every((n: { statut: string }) => n.statut === "ENVOYEE"));
    const boite = await lireBoite();
    expect(boite).toHaveLength(3);
    expect(boite.every((n: { statut: string }) => n.statut === "ENVOYEE")).toBe(true);
    expect(Math.max(...boite.map((n: { tentatives: number }) => n.tentatives))).toBe(2);
  });

  it("cancels a draft, refuses to edit what was submitted, and accepts an over-delivery only when confirmed", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const staff = ctx.cles.gestionnaire;
    const brouillon = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: ctx.cles.client,
        payload: { type_did_id: geo, quantite: 2 },
      })
    ).json();
    const annulee = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${brouillon.id}/actions/annuler`,
      headers: ctx.cles.client,
      payload: {},
    });
    expect(annulee.json().statut_code).toBe("ANNULEE");
    expect(
      (
        await ctx.app.inject({
          method: "POST",
          url: `/api/v1/commandes/${brouillon.id}/actions/soumettre`,
          headers: ctx.cles.client,
          payload: {},
        })
      ).json().code,
    ).toBe("TRANSITION_INTERDITE");

    const c = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: staff,
        payload: { client_id: ctx.clientB, type_did_id: geo, quantite: 1 },
      })
    ).json();
    for (const [nom, payload] of [
      ["soumettre", {}],
      ["valider", {}],
      ["demarrer", { reference_operateur: "OP-1", operateur_id: await idDe(ctx.db, "tel_operateur", "SFR") }],
    ] as const) {
      await ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${c.id}/actions/${nom}`,
        headers: staff,
        payload,
      });
    }
    const modif = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/commandes/${c.id}`,
      headers: staff,
      payload: { quantite: 3 },
    });
    expect(modif.json().code).toBe("COMMANDE_NON_MODIFIABLE");
    const deux = "0145000001, 0145000002";
    // ordered without a zone: any zone goes; an order for a zone is delivered in that zone only
    const idf = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: staff,
        payload: {
          client_id: ctx.clientB,
          type_did_id: geo,
          quantite: 2,
          region_id: await idDe(ctx.db, "tel_region", "IDF"),
        },
      })
    ).json();
    for (const [nom, payload] of [
      ["soumettre", {}],
      ["valider", {}],
      ["demarrer", { reference_operateur: "OP-2", operateur_id: await idDe(ctx.db, "tel_operateur", "SFR") }],
    ] as const) {
      await ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${idf.id}/actions/${nom}`,
        headers: staff,
        payload,
      });
    }
    const horsZone = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${idf.id}/livraisons`,
      headers: staff,
      payload: { numeros: "0491000001, 0145000031", simulation: true },
    });
    expect(horsZone.statusCode).toBe(422);
    expect(horsZone.json().rejets).toEqual([
      { entree: "0491000001", raison: "Zone SES alors que la commande porte sur la zone IDF." },
    ]);
    expect(
      (
        await ctx.app.inject({
          method: "POST",
          url: `/api/v1/commandes/${c.id}/livraisons`,
          headers: staff,
          payload: { numeros: deux },
        })
      ).json().code,
    ).toBe("QUANTITE_DEPASSEE");
    // closing the order is part of the delivery: when it fails, the numbers are not received either
    const livree = (
      await sql<{ id: number }>`SELECT id FROM tel_statut_commande WHERE code = 'LIVREE'`.execute(ctx.db)
    ).rows[0]?.id as number;
    await sql`CREATE FUNCTION tel_test_cloture_refusee() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN RAISE EXCEPTION 'clôture refusée (test)'; END $$`.execute(ctx.db);
    await sql
      .raw(`CREATE TRIGGER tel_test_cloture_refusee BEFORE UPDATE ON tel_did_commande FOR EACH ROW
        WHEN (NEW.statut_id = ${livree}) EXECUTE FUNCTION tel_test_cloture_refusee()`)
      .execute(ctx.db);
    try {
      const echec = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${c.id}/livraisons`,
        headers: staff,
        payload: { numeros: deux, depassement: true, terminer: true },
      });
      expect(echec.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER tel_test_cloture_refusee ON tel_did_commande`.execute(ctx.db);
      await sql`DROP FUNCTION tel_test_cloture_refusee()`.execute(ctx.db);
    }
    const recus = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM tel_did_commande_ligne WHERE commande_id = ${c.id}`.execute(ctx.db);
    expect(recus.rows[0]?.n).toBe(0);
    const confirme = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${c.id}/livraisons`,
      headers: staff,
      payload: { numeros: deux, depassement: true, terminer: true },
    });
    expect(confirme.statusCode, confirme.body).toBe(200);
    const apres = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/commandes/${c.id}`, headers: staff })
    ).json();
    expect(apres).toMatchObject({ statut_code: "LIVREE", quantite_livree: 2 });
    expect(apres.numeros.map((n: { statut_code: string }) => n.statut_code)).toEqual(["AFFECTE", "AFFECTE"]);
  });

  it("lets the requesting client withdraw a submitted order, and says which moves each caller has", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const c = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: ctx.cles.client,
        payload: { type_did_id: geo, quantite: 3 },
      })
    ).json();
    expect(c.actions_possibles).toEqual(["soumettre", "annuler"]);
    const soumise = (
      await ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${c.id}/actions/soumettre`,
        headers: ctx.cles.client,
        payload: {},
      })
    ).json();
    expect(soumise.actions_possibles).toEqual(["retirer"]);
    const vueStaff = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/commandes/${c.id}`,
      headers: ctx.cles.gestionnaire,
    });
    expect(vueStaff.json().actions_possibles).toEqual(["valider", "rejeter"]);
    const lecteur = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/commandes/${c.id}`,
      headers: ctx.cles.lecteur,
    });
    expect(lecteur.json().actions_possibles).toEqual([]);
    const retiree = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${c.id}/actions/retirer`,
      headers: ctx.cles.client,
      payload: { commentaire: "Besoin couvert autrement" },
    });
    expect(retiree.statusCode, retiree.body).toBe(200);
    expect(retiree.json()).toMatchObject({ statut_code: "ANNULEE", actions_possibles: [] });
    // once validated, it is at the carrier's: no withdrawal
    const autre = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: ctx.cles.client,
        payload: { type_did_id: geo, quantite: 1 },
      })
    ).json();
    for (const [nom, cle] of [
      ["soumettre", ctx.cles.client],
      ["valider", ctx.cles.gestionnaire],
    ] as const)
      await ctx.app.inject({
        method: "POST",
        url: `/api/v1/commandes/${autre.id}/actions/${nom}`,
        headers: cle,
      });
    const tard = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${autre.id}/actions/retirer`,
      headers: ctx.cles.client,
      payload: {},
    });
    expect(tard.statusCode).toBe(409);
    expect(tard.json().code).toBe("TRANSITION_INTERDITE");
  });

  it("says how to write a prefix it refuses, and labels a person's comment as a comment", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const creer = (prefixe: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: ctx.cles.gestionnaire,
        payload: { client_id: ctx.clientA, type_did_id: geo, quantite: 1, prefixe_souhaite: prefixe },
      });
    const refus = await creer("01 42");
    expect(refus.statusCode).toBe(422);
    expect(refus.json().errors[0]).toMatchObject({
      champ: "prefixe_souhaite",
      message: "De 1 à 8 chiffres, sans espace : « 0142 » pour des numéros en 01 42.",
    });
    const cree = await creer("0142");
    expect(cree.statusCode, cree.body).toBe(201);
    const id = cree.json().id;
    const commentaire = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${id}/commentaires`,
      headers: ctx.cles.client,
      payload: { commentaire: "Pour quand ?" },
    });
    expect(commentaire.statusCode, commentaire.body).toBe(201);
    const fil = (
      await ctx.app.inject({ method: "GET", url: `/api/v1/commandes/${id}`, headers: ctx.cles.gestionnaire })
    ).json().commentaires;
    expect(fil.map((c: { type: string }) => c.type)).toEqual(["INFO", "COMMENTAIRE"]);
  });

  it("sends the rejection to the requester", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const c = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/commandes",
        headers: ctx.cles.client,
        payload: { type_did_id: geo, quantite: 5, demandeur_email: "demandeur@client-a.fr" },
      })
    ).json();
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${c.id}/actions/soumettre`,
      headers: ctx.cles.client,
      payload: {},
    });
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/commandes/${c.id}/actions/rejeter`,
      headers: ctx.cles.gestionnaire,
      payload: { commentaire: "Stock suffisant" },
    });
    expect(r.json()).toMatchObject({ statut_code: "REJETEE", commentaire_validation: "Stock suffisant" });
    await attendre(() => mails.some((m) => m.sujet.includes(`${c.reference} est rejetée`)));
    await attendre(() =>
      webhooks.some((w) => w.evenement === "commande.rejetee" && w.corps.commande.reference === c.reference),
    );
  });

  it("gives 50 parallel creations 50 distinct consecutive references", async () => {
    const geo = await idDe(ctx.db, "tel_type_did", "GEO");
    const reponses = await Promise.all(
      Array.from({ length: 50 }, () =>
        ctx.app.inject({
          method: "POST",
          url: "/api/v1/commandes",
          headers: ctx.cles.gestionnaire,
          payload: { client_id: ctx.clientB, type_did_id: geo, quantite: 1 },
        }),
      ),
    );
    expect(reponses.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const numeros = reponses.map((r) => Number(r.json().reference.slice(-5))).sort((a, b) => a - b);
    expect(new Set(numeros).size).toBe(50);
    expect((numeros.at(-1) as number) - (numeros[0] as number)).toBe(49);
  });
});
