import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lancerServeur, RACINE } from "../helpers/processus.js";

const ANALYSE = "/usr/bin/systemd-analyze";

describe("running as a service", () => {
  it.skipIf(!fs.existsSync(ANALYSE))("ships a systemd unit that systemd-analyze verifies", () => {
    const r = spawnSync(ANALYSE, ["verify", path.join(RACINE, "deploy/api-telephony.service")], {
      encoding: "utf8",
      env: { ...process.env, SYSTEMD_LOG_LEVEL: "info" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe("");
  });

  it("documents every setting the environment file sets", () => {
    const exemple = fs.readFileSync(path.join(RACINE, "deploy/api-telephony.env.example"), "utf8");
    const readme = fs.readFileSync(path.join(RACINE, "README.md"), "utf8");
    const variables = [...exemple.matchAll(/^#?\s*([A-Z_]{3,})=/gm)].map((m) => m[1] as string);
    expect(variables.length).toBeGreaterThan(5);
    for (const v of variables.filter((v) => v !== "NODE_ENV")) expect(readme, v).toContain(`\`${v}\``);
  });
});

describe("first start under a service manager", () => {
  it("keeps the generated admin password out of the output, in a private file deleted at the first login", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "premier-demarrage-"));
    // the output is a pipe, as under systemd or docker: what a log collector reads
    const serveur = await lancerServeur({
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      ADMIN_PASSWORD: "",
      LOG_LEVEL: "info",
    });
    try {
      const fichier = path.join(dataDir, "mot-de-passe-admin-initial.txt");
      expect(fs.existsSync(fichier)).toBe(true);
      expect(fs.statSync(fichier).mode & 0o777).toBe(0o600);
      const motDePasse = fs.readFileSync(fichier, "utf8").trim();
      expect(motDePasse.length).toBeGreaterThanOrEqual(16);
      expect(serveur.sortie()).toContain(fichier);
      expect(serveur.sortie()).not.toContain(motDePasse);
      const connexion = await fetch(`${serveur.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "admin", mot_de_passe: motDePasse }),
      });
      expect(connexion.status).toBe(200);
      expect(fs.existsSync(fichier)).toBe(false);
      expect(serveur.sortie()).not.toContain(motDePasse);
    } finally {
      await serveur.arreter();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
