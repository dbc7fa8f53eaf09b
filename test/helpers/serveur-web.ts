import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { type BaseDeTest, type Cible, ouvrirBaseDeTest } from "./bases.js";
import { cli, lancerServeur } from "./processus.js";

export const ADMIN = "mot-de-passe-admin-42";
export const MDP = "mot-de-passe-equipe-42";

/**
 * The built server as `npm start` runs it, on a fresh database of the target, for the browser tests: seeded with
 * the demo data when asked, with automatic backups in its folder when asked.
 */
export async function serveurWeb(
  cible: Cible,
  options: { demo?: number; sauvegardes?: boolean; env?: Record<string, string> } = {},
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-web-"));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: ADMIN,
    DATABASE_URL: "",
    // a browser test signs in again for each step: the login limit (10 a minute per login) is the API tests' business
    LOGIN_RATE_PER_MINUTE: "1000",
    ...options.env,
  };
  // automatic backups: the first is taken at start
  if (options.sauvegardes) env.BACKUP_DIR = path.join(dataDir, "sauvegardes");
  let base: BaseDeTest | undefined;
  if (cible.nom === "postgres") {
    base = await ouvrirBaseDeTest(cible, { migrer: false });
    env.DATABASE_URL = base.url as string;
  }
  if (options.demo) {
    const r = cli(["seed-demo", "--numeros", String(options.demo)], env);
    expect(r.code, r.stderr).toBe(0);
  }
  const s = await lancerServeur(env, 60_000);
  return {
    s,
    fermer: async () => {
      await s.arreter();
      await base?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
