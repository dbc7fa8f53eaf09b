import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// Automatic backups: due once per interval (the audit log says when the last one was taken, so a restart does
// not take an extra one), the newest BACKUP_KEEP kept, each start, deletion and failure in the audit log; the
// Administration page reads their state and downloads them (admin only).
describe.each(CIBLES)("automatic backups ($nom)", (cible) => {
  let ctx: Contexte;
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "sauvegardes-auto-"));
  let maintenant = new Date("2026-12-01T02:00:00Z");
  beforeAll(async () => {
    ctx = await contexte(cible, {
      env: { BACKUP_DIR: dossier, BACKUP_INTERVAL_HOURS: "6", BACKUP_KEEP: "2" },
      horloge: () => maintenant,
    });
  });
  afterAll(async () => {
    await ctx?.fermer();
    fs.rmSync(dossier, { recursive: true, force: true });
  });
  const etat = async (role: "admin" | "gestionnaire" = "admin") =>
    ctx.app.inject({ method: "GET", url: "/api/v1/sauvegardes", headers: ctx.cles[role] });
  const audit = async () =>
    ctx.db
      .selectFrom("tel_audit")
      .select(["action", "acteur", "apres"])
      .where("entite", "=", "sauvegarde")
      .orderBy("id")
      .execute();

  it("takes one copy per interval, keeps the newest, and records each step", async () => {
    const avant = await etat();
    expect(avant.statusCode).toBe(200);
    expect(avant.json()).toMatchObject({
      derniere: null,
      automatiques: { dossier, intervalle_heures: 6, garder: 2, prochaine_le: maintenant.toISOString() },
      fichiers: [],
    });

    const premier = await ctx.app.sauvegardes.tour();
    expect(premier).toMatch(/telephony-2026-12-01T02-00-00-000Z\.(tar\.gz|dump)$/);
    expect(fs.statSync(premier as string).size).toBeGreaterThan(1000);
    // an hour later: not due
    maintenant = new Date("2026-12-01T03:00:00Z");
    expect(await ctx.app.sauvegardes.tour()).toBeNull();
    // two checks at once when due: one copy, which both report
    maintenant = new Date("2026-12-01T08:00:00Z");
    const [a, b] = await Promise.all([ctx.app.sauvegardes.tour(), ctx.app.sauvegardes.tour()]);
    expect(a).toContain("2026-12-01T08-00-00-000Z");
    expect(b).toBe(a);
    maintenant = new Date("2026-12-01T14:30:00Z");
    const troisieme = await ctx.app.sauvegardes.tour();
    expect(troisieme).toContain("2026-12-01T14-30-00-000Z");

    const noms = fs.readdirSync(dossier).sort();
    expect(noms).toHaveLength(2);
    expect(noms[0]).toContain("2026-12-01T08-00-00-000Z");
    expect(noms[1]).toContain("2026-12-01T14-30-00-000Z");
    const journal = await audit();
    expect(journal.map((j) => j.action)).toEqual([
      "SAUVEGARDE",
      "SAUVEGARDE",
      "SAUVEGARDE",
      "SAUVEGARDE_SUPPRIMEE",
    ]);
    expect(journal.every((j) => j.acteur === "système:sauvegarde")).toBe(true);
    expect(JSON.stringify(journal[3]?.apres)).toContain("2026-12-01T02-00-00-000Z");

    const apres = (await etat()).json();
    expect(apres.derniere).toMatchObject({ par: "système:sauvegarde", fichier: noms[1] });
    expect(apres.automatiques.prochaine_le).toBe("2026-12-01T20:30:00.000Z");
    expect(apres.fichiers.map((f: { nom: string }) => f.nom)).toEqual([noms[1], noms[0]]);

    // the copy downloaded is the file kept, byte for byte
    const telecharge = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/sauvegardes/${noms[1]}`,
      headers: ctx.cles.admin,
    });
    expect(telecharge.statusCode).toBe(200);
    expect(telecharge.headers["content-disposition"]).toContain(noms[1]);
    expect(telecharge.rawPayload.equals(fs.readFileSync(path.join(dossier, noms[1] as string)))).toBe(true);
  }, 120_000);

  it("serves only the files it wrote, and only to an admin", async () => {
    fs.writeFileSync(path.join(dossier, "secret.txt"), "x");
    for (const nom of ["secret.txt", "..%2F..%2Fetc%2Fpasswd", "telephony-2026-01-01T00-00-00-000Z.dump"]) {
      const r = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/sauvegardes/${nom}`,
        headers: ctx.cles.admin,
      });
      expect(r.statusCode, nom).toBe(404);
      expect(r.json().code).toBe("SAUVEGARDE_INTROUVABLE");
    }
    expect((await etat()).json().fichiers).toHaveLength(2);
    for (const role of ["gestionnaire", "lecteur", "client", "hermes"] as const)
      expect(
        (await ctx.app.inject({ method: "GET", url: "/api/v1/sauvegardes", headers: ctx.cles[role] }))
          .statusCode,
      ).toBe(403);
  });

  it("records a failure in the audit log and the metrics, and tries again at the next check", async () => {
    const bloque = path.join(dossier, "bloque");
    fs.writeFileSync(bloque, "un fichier, pas un dossier");
    const config = ctx.app.config.sauvegardes as { dossier: string };
    const vrai = config.dossier;
    config.dossier = path.join(bloque, "sous-dossier");
    try {
      maintenant = new Date("2026-12-02T02:00:00Z");
      expect(await ctx.app.sauvegardes.tour()).toBeNull();
    } finally {
      config.dossier = vrai;
    }
    const dernier = (await audit()).at(-1);
    expect(dernier?.action).toBe("SAUVEGARDE_ECHEC");
    expect((await etat()).json().automatiques.dernier_echec).toMatchObject({
      le: "2026-12-02T02:00:00.000Z",
    });
    const metriques = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/metrics",
      headers: ctx.cles.admin,
    });
    expect(metriques.body).toMatch(/telephony_sauvegardes_auto_total\{resultat="echec"\} 1/);
    expect(metriques.body).toMatch(/telephony_sauvegardes_auto_total\{resultat="succes"\} 3/);
  });
});
