import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { portLibre } from "./grappe.js";

const SLAPD = "/usr/sbin/slapd";
const SCHEMAS = ["core", "cosine", "inetorgperson", "nis"].map((s) => `/etc/ldap/schema/${s}.schema`);

/** Whether Debian's OpenLDAP is here (`.ci/run` installs it). */
export const slapdPresent = () => fs.existsSync(SLAPD) && SCHEMAS.every((s) => fs.existsSync(s));

/**
 * A throwaway OpenLDAP (Debian's slapd) in a temporary folder on a free port, loaded from an LDIF, stopped and
 * removed by `arreter`: a real directory for the sign-in tests, as the fault tests start their own PostgreSQL.
 */
export async function lancerSlapd(suffixe: string, ldif: string) {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "slapd-"));
  fs.mkdirSync(path.join(dossier, "donnees"));
  const conf = path.join(dossier, "slapd.conf");
  fs.writeFileSync(
    conf,
    [
      ...SCHEMAS.map((s) => `include ${s}`),
      "modulepath /usr/lib/ldap",
      "moduleload back_mdb",
      `pidfile ${path.join(dossier, "slapd.pid")}`,
      "database mdb",
      "maxsize 10485760",
      `suffix "${suffixe}"`,
      `rootdn "cn=admin,${suffixe}"`,
      "rootpw secret-racine-ldap",
      `directory ${path.join(dossier, "donnees")}`,
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(dossier, "donnees.ldif"), ldif);
  const charge = spawnSync("/usr/sbin/slapadd", ["-f", conf, "-l", path.join(dossier, "donnees.ldif")], {
    encoding: "utf8",
  });
  if (charge.status !== 0) throw new Error(`slapadd: ${charge.stderr}`);
  const port = await portLibre();
  const url = `ldap://127.0.0.1:${port}`;
  let sortie = "";
  const p: ChildProcess = spawn(SLAPD, ["-f", conf, "-h", `${url}/`, "-d", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  p.stdout?.on("data", (d) => (sortie += d));
  p.stderr?.on("data", (d) => (sortie += d));
  // ready once it accepts a connection
  const fin = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => {
        c.destroy();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > fin || p.exitCode !== null) throw new Error(`slapd ne démarre pas :\n${sortie}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    arreter: async () => {
      if (p.exitCode === null) {
        await new Promise<void>((resolve) => {
          p.once("exit", () => resolve());
          p.kill("SIGTERM");
        });
      }
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  };
}
