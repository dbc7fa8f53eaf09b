import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RACINE } from "../helpers/processus.js";

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
