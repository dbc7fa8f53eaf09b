import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/database.js";
import type { Role } from "../../src/modules/auth/acteur.js";
import { appelApi, type Contexte, contexte, idDe } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Issue #27: who may see what, written once (src/modules/auth/acces.ts). Each defect found by the probe has its test
// here; the fields marked internal are checked for every role, by hand, independently of the module's table.
const COUTS = ["cout_mensuel", "cout_mise_en_service", "prix_mensuel", "prix_facture", "prix_inventaire"];
const INTERNES = [
  "equipement_id",
  "equipement",
  "cloud_id",
  "cloud",
  "reference_externe",
  "created_by",
  "modified_by",
];
/** Who sees what, written out here: costs for admin and gestionnaire, internal fields for staff. */
const VOIT: Record<Role, { couts: boolean; internes: boolean }> = {
  admin: { couts: true, internes: true },
  gestionnaire: { couts: true, internes: true },
  lecteur: { couts: false, internes: true },
  client: { couts: false, internes: false },
  hermes: { couts: false, internes: false },
};

/** Every non-empty value of the named fields, at any depth of a JSON value, as "chemin=valeur". */
function valeursDe(v: unknown, champs: string[], chemin = ""): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => valeursDe(x, champs, `${chemin}[${i}]`));
  if (v === null || typeof v !== "object") return [];
  return Object.entries(v).flatMap(([k, x]) => [
    ...(champs.includes(k) && x !== null && x !== "" ? [`${chemin}.${k}=${JSON.stringify(x)}`] : []),
    ...valeursDe(x, champs, `${chemin}.${k}`),
  ]);
}

describe.each(CIBLES)("access, written once ($nom)", (cible) => {
  let ctx: Contexte;
  let did: number;
  let cleB: Record<string, string>;
  const api = appelApi(() => ctx);

  beforeAll(async () => {
    ctx = await contexte(cible);
    const equipement = await api("POST", "/equipements", { code: "SBC-1", nom: "SBC Paris" });
    const cloud = await api("POST", "/clouds", { code: "CLOUD-1", nom: "Cloud Paris" });
    const d = await api("POST", "/dids", {
      numero: "0142001724",
      reference_externe: "REF-OP-1724",
      equipement_id: equipement.corps.id,
      cloud_id: cloud.corps.id,
      cout_mensuel: 2.5,
    });
    expect(d.status, JSON.stringify(d.corps)).toBe(201);
    did = d.corps.id as number;
    const grpB = await api("POST", "/groupements", {
      client_id: ctx.clientB,
      code: "B-PROD",
      libelle: "Prod B",
    });
    // held by B, with B's sub-group and a reason about B's contract, then released and given to A
    expect(
      (
        await api("POST", `/dids/${did}/actions/affecter`, {
          client_id: ctx.clientB,
          groupement_id: grpB.corps.id,
          motif: "contrat B confidentiel",
        })
      ).status,
    ).toBe(200);
    await api("PATCH", `/dids/${did}`, { cout_mensuel: 3.1, notes: "note de B" });
    expect((await api("POST", `/dids/${did}/actions/liberer`, { motif: "fin du contrat B" })).status).toBe(
      200,
    );
    expect(
      (await api("POST", `/dids/${did}/actions/affecter`, { client_id: ctx.clientA, motif: "pour A" }))
        .status,
    ).toBe(200);
    await api("PATCH", `/dids/${did}`, { cout_mensuel: 4.2 });
    const cle = await api("POST", "/cles-api", { nom: "k-client-b", role: "client", client_id: ctx.clientB });
    cleB = { authorization: `Bearer ${cle.corps.cle}` };
    // a tariff, so that the audit holds a client's prices
    await api("PUT", `/clients/${ctx.clientA}/tarifs`, {
      tarifs: [{ type_id: await idDe(ctx.db, "tel_type_did", "GEO"), prix_mensuel: 1.75 }],
    });
  });
  afterAll(async () => ctx?.fermer());

  it("shows a client only the periods it held a number: nothing of the previous holder, no key names", async () => {
    const a = await api("GET", `/dids/${did}/historique`, undefined, ctx.cles.client);
    expect(a.status).toBe(200);
    const texte = JSON.stringify(a.corps);
    expect(texte).not.toContain("contrat B confidentiel");
    expect(texte).not.toContain("fin du contrat B");
    expect(texte).not.toContain("note de B");
    expect(texte).not.toMatch(/cle:/);
    const lignes = a.corps.data as Array<Record<string, string | null>>;
    for (const l of lignes) {
      if (l.champ === "client_id") expect([null, String(ctx.clientA)]).toContain(l.ancienne_valeur);
      if (l.champ === "client_id") expect([null, String(ctx.clientA)]).toContain(l.nouvelle_valeur);
      if (l.champ === "groupement_id") expect(l.ancienne_valeur).toBeNull();
      expect(l.utilisateur).toBe("l'équipe");
    }
    // its own acquisition is there, with its reason
    expect(lignes.some((l) => l.champ === "client_id" && l.nouvelle_valeur === String(ctx.clientA))).toBe(
      true,
    );
    expect(texte).toContain("pour A");
    const b = await api("GET", `/dids/${did}/historique`, undefined, cleB);
    // the number is A's now: its page, history included, does not exist for B (its period is asked at an instant, #33)
    expect(b.status).toBe(404);
    // staff read it all, authors included
    const staff = JSON.stringify(
      (await api("GET", `/dids/${did}/historique`, undefined, ctx.cles.lecteur)).corps,
    );
    expect(staff).toContain("contrat B confidentiel");
    expect(staff).toContain("cle:test-admin");
  });

  it("keeps costs out of history and audit for those who may not see them, and internal fields from clients", async () => {
    for (const role of ["admin", "gestionnaire", "lecteur", "client"] as Role[]) {
      const h = await api("GET", `/dids/${did}/historique`, undefined, ctx.cles[role]);
      const couts = (h.corps.data as Array<Record<string, string | null>>).filter(
        (l) => l.champ === "cout_mensuel" && (l.ancienne_valeur !== null || l.nouvelle_valeur !== null),
      );
      expect(couts.length > 0, `${role}: ${JSON.stringify(couts)}`).toBe(VOIT[role].couts);
      const numero = await api("GET", `/dids/${did}`, undefined, ctx.cles[role]);
      expect(numero.status, role).toBe(200);
      expect(valeursDe(numero.corps, COUTS).length > 0, role).toBe(VOIT[role].couts);
      expect(valeursDe(numero.corps, INTERNES).length > 0, role).toBe(VOIT[role].internes);
      // the same in every file the caller can take away
      for (const url of ["/dids?format=csv", "/exports/numeros?format=csv", "/exports/numeros?format=json"]) {
        const r = await ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: ctx.cles[role] });
        expect(r.statusCode, `${role} ${url}`).toBe(200);
        const lignes = url.includes("json")
          ? (r.json() as Array<Record<string, unknown>>)
          : (parse(r.body.replace(/^\uFEFF/, ""), { delimiter: ";", columns: true }) as Array<
              Record<string, string>
            >);
        const ligne = lignes.find((l) => String(l.numero ?? l.did_format_e164).includes("142001724"));
        expect(ligne, `${role} ${url}`).toBeDefined();
        expect(valeursDe(ligne, ["cout_mensuel"]).length > 0, `${role} ${url}`).toBe(VOIT[role].couts);
        expect(
          valeursDe(ligne, ["reference_externe", "equipement", "cloud"]).length > 0,
          `${role} ${url}`,
        ).toBe(VOIT[role].internes);
      }
    }
    // the audit: every entry, before and after, for the lecteur (who may read the audit but not the costs)
    const audit = await api("GET", "/audit?par_page=200", undefined, ctx.cles.lecteur);
    expect(audit.status).toBe(200);
    expect(valeursDe(audit.corps, [...COUTS, "tarifs"])).toEqual([]);
    const auditAdmin = await api("GET", "/audit?par_page=200", undefined, ctx.cles.admin);
    expect(valeursDe(auditAdmin.corps, ["cout_mensuel"]).length).toBeGreaterThan(0);
    expect(valeursDe(auditAdmin.corps, ["tarifs", "prix_mensuel"]).length).toBeGreaterThan(0);
  });

  it("gives a client a dashboard and a number page without the staff's concerns", async () => {
    const tableau = await api("GET", "/tableau-de-bord", undefined, ctx.cles.client);
    expect(tableau.corps.publication_en_attente ?? null).toBeNull();
    expect(typeof (await api("GET", "/tableau-de-bord")).corps.publication_en_attente).toBe("boolean");
    const numero = (await api("GET", `/dids/${did}`, undefined, ctx.cles.client)).corps;
    for (const champ of INTERNES) expect(numero[champ] ?? null, champ).toBeNull();
  });

  it("declares every field of the access table nullable wherever a response carries it", async () => {
    const { CHAMPS_RESTREINTS } = await import("../../src/modules/auth/acces.js");
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { responses?: unknown }>> };
    const fautes: string[] = [];
    const visiter = (s: unknown, ou: string) => {
      if (Array.isArray(s)) {
        s.forEach((x, i) => {
          visiter(x, `${ou}[${i}]`);
        });
        return;
      }
      if (s === null || typeof s !== "object") return;
      const o = s as Record<string, unknown>;
      if (o.properties && typeof o.properties === "object")
        for (const [k, p] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          if (!(k in CHAMPS_RESTREINTS)) continue;
          const nullable =
            p.nullable === true ||
            (Array.isArray(p.type) && p.type.includes("null")) ||
            JSON.stringify(p.anyOf ?? p.oneOf ?? []).includes('"null"') ||
            (p.type === undefined && p.anyOf === undefined);
          if (!nullable) fautes.push(`${ou}.${k}`);
        }
      for (const [k, v] of Object.entries(o)) visiter(v, `${ou}.${k}`);
    };
    for (const [chemin, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops)) visiter(op.responses, `${m.toUpperCase()} ${chemin}`);
    expect(fautes).toEqual([]);
  });

  it("answers Infinity, NaN and 1e400 in numeric parameters with 400, never a 500", async () => {
    const urls = [
      "/dormants?jours=",
      "/couts/tendance?mois=",
      `/dids/${did}/usage?jours=`,
      "/dids?page=",
      "/audit?page=",
      "/affectations?page=",
      "/commandes?page=",
    ];
    for (const url of urls)
      for (const v of ["Infinity", "1e400", "NaN", "-Infinity"]) {
        const r = await api("GET", `${url}${v}`);
        expect(r.status, `${url}${v}`).toBe(400);
      }
    const resiliation = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/dormants/resiliation",
      headers: { ...ctx.cles.admin, "content-type": "application/json" },
      payload: '{"jours": 1e400, "ids": [1]}',
    });
    expect(resiliation.statusCode, resiliation.body).toBe(400);
  });

  it("keeps a carrier's line with a NUL or a control byte as unreadable, with its reason, never a 500", async () => {
    const sfr = await idDe(ctx.db, "tel_operateur", "SFR");
    const fichier = [
      "NDI;Référence;Prix",
      "0142001724;REF\u0000X;2,00",
      "01420\u000017;;1",
      "0142009999;ok;1\u001b",
      "0142001725;;1,00",
    ].join("\n");
    const r = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/rapprochements?operateur_id=${sfr}&periode=2026-11`,
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload: fichier,
    });
    expect(r.statusCode, r.body).toBe(201);
    const lignes = await api("GET", `/rapprochements/${r.json().id}/lignes?classe=ILLISIBLE&par_page=200`);
    const illisibles = lignes.corps.data as Array<{ ligne: number; raison: string; numero_brut?: string }>;
    expect(illisibles.map((l) => l.ligne).sort()).toEqual([2, 3, 4]);
    for (const l of illisibles) expect(l.raison).toContain("caractère de contrôle refusé");
    // call records and imports: the same reason, the line refused, the others read
    const appels = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/appels?nom=appels.csv",
      headers: { ...ctx.cles.gestionnaire, "content-type": "text/csv" },
      payload:
        "date;numero;sens;duree;repondu\n2026-11-02 10:00:00;0142001724;entrant;60;oui\n2026-11-02 10:00:00;01420\u000117;entrant;60;oui\n",
    });
    expect(appels.statusCode, appels.body).toBeLessThan(300);
    expect(JSON.stringify(appels.json())).toContain("caractère de contrôle refusé");
  });

  it("writes files for programs raw: the routing export Hermes reads has no apostrophes", async () => {
    const campagne = await api("POST", "/campagnes", { client_id: ctx.clientA, code: "A-SAV", nom: "SAV A" });
    expect(
      (await api("POST", "/affectations", { did_id: did, campaign_id: campagne.corps.id, entrant: true }))
        .status,
    ).toBe(201);
    // the routing snapshot follows the database's notifications: a moment
    const exporter = () =>
      ctx.app.inject({ method: "GET", url: "/api/v1/routage/export?format=csv", headers: ctx.cles.hermes });
    let r = await exporter();
    for (let i = 0; i < 100 && !r.body.includes("142001724"); i++) {
      await new Promise((attente) => setTimeout(attente, 20));
      r = await exporter();
    }
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("+33142001724;");
    expect(r.body).not.toContain("'+33");
    // a file for people still neutralises the same number
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/v1/exports/numeros?format=csv",
          headers: ctx.cles.admin,
        })
      ).body,
    ).toContain("'+33142001724");
  });

  it("round-trips text that starts with a tab or a carriage return through export and import", async () => {
    const d = await api("POST", "/dids", {
      numero: "0142001730",
      description: "\tindenté",
      notes: "\rretour",
    });
    expect(d.status).toBe(201);
    const csv = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/exports/numeros?format=csv",
      headers: ctx.cles.admin,
    });
    // the same file, the text changed in the database meanwhile: the import puts the exported text back exactly
    await api("PATCH", `/dids/${d.corps.id}`, { description: "autre", notes: "autre" });
    const retour = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports/numeros",
      headers: { ...ctx.cles.admin, "content-type": "text/csv" },
      payload: csv.rawPayload,
    });
    expect(retour.statusCode, retour.body).toBe(200);
    const apres = (await api("GET", `/dids/${d.corps.id}`)).corps;
    expect(apres.description).toBe("\tindenté");
    expect(apres.notes).toBe("\rretour");
  });

  it.runIf(cible.nom === "postgres")(
    "cuts a revoked key on another instance within a second, and a deactivated one too",
    async () => {
      const second = await openDatabase({ databaseUrl: ctx.base.url as string, poolSize: 4 });
      const app2 = await buildApp({ database: second, config: loadConfig({}) });
      await app2.ready();
      try {
        for (const geste of ["revoquer", "desactiver"] as const) {
          const cle = await api("POST", "/cles-api", { nom: `k-${geste}`, role: "admin" });
          const auth = { authorization: `Bearer ${cle.corps.cle}` };
          const lire = () => app2.inject({ method: "GET", url: "/api/v1/dids", headers: auth });
          expect((await lire()).statusCode).toBe(200);
          // cached by the second instance now
          expect((await lire()).statusCode).toBe(200);
          const debut = Date.now();
          if (geste === "revoquer")
            expect((await api("POST", `/cles-api/${cle.corps.id}/revoquer`)).status).toBe(200);
          else
            await ctx.db
              .updateTable("tel_cle_api")
              .set({ actif: false })
              .where("id", "=", cle.corps.id as number)
              .execute();
          let statut = 200;
          while (statut === 200 && Date.now() - debut < 1000) {
            await new Promise((r) => setTimeout(r, 20));
            statut = (await lire()).statusCode;
          }
          expect(statut, geste).toBe(401);
          // and it cannot make itself a new key there
          const nouvelle = await app2.inject({
            method: "POST",
            url: "/api/v1/cles-api",
            headers: auth,
            payload: { nom: "evasion", role: "admin" },
          });
          expect(nouvelle.statusCode).toBe(401);
        }
      } finally {
        await app2.close();
        await second.close();
      }
    },
  );
});
