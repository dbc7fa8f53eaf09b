import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, lancerServeur } from "../helpers/processus.js";

// One writer per embedded database: a second process on the same DATA_DIR is refused and told who holds it;
// a lock left by a process killed with -9 does not stop the next start.
describe("one process per embedded data folder", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-verrou-"));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a second process while the server runs, and starts again after a kill -9", async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: "", ADMIN_PASSWORD: "mot-de-passe-verrou-42" };
    const s1 = await lancerServeur(env);
    const pid = s1.processus.pid as number;
    const seconde = cli(["seed-demo", "--numeros", "10"], env);
    expect(seconde.code).toBe(1);
    expect(seconde.stderr).toContain(`déjà ouverte par un autre processus : pid ${pid}`);
    expect(seconde.stderr).toContain("serve");
    expect(seconde.stderr).toContain("arrêtez ce processus");
    // nothing was written by the refused process: the running server still has an empty inventory
    const cle = await fetch(`${s1.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "admin", mot_de_passe: "mot-de-passe-verrou-42" }),
    });
    const cookie = cle.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const liste = await (await fetch(`${s1.url}/api/v1/dids`, { headers: { cookie } })).json();
    expect(liste.total).toBe(0);
    // a second server is refused the same way
    await expect(lancerServeur(env)).rejects.toThrow(/déjà ouverte par un autre processus/);

    s1.processus.kill("SIGKILL");
    await new Promise((r) => s1.processus.once("exit", r));
    expect(fs.existsSync(path.join(dataDir, "telephony.lock"))).toBe(true);
    const s2 = await lancerServeur(env);
    try {
      expect((await fetch(`${s2.url}/api/v1/ready`)).status).toBe(200);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, "telephony.lock"), "utf8")).pid).toBe(
        s2.processus.pid,
      );
    } finally {
      await s2.arreter();
    }
    // a clean stop gives the folder back
    expect(fs.existsSync(path.join(dataDir, "telephony.lock"))).toBe(false);
    expect(cli(["seed-demo", "--numeros", "10"], env).code).toBe(0);
  }, 120_000);
});
