import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl from Debian's packages, a temporary folder,
 * a free port), so that a test can kill, restart and stop the database; the shared server is never touched.
 * initdb and pg_ctl refuse to run as root: they run as the `postgres` user, in a folder that user owns.
 */
export interface Grappe {
  url: string;
  port: number;
  demarrer(): void;
  arreter(mode?: "fast" | "immediate"): void;
  redemarrer(): void;
  detruire(): void;
}

const BIN = (() => {
  const racine = "/usr/lib/postgresql";
  if (!fs.existsSync(racine)) return undefined;
  const versions = fs
    .readdirSync(racine)
    .filter((v) => fs.existsSync(path.join(racine, v, "bin/initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(racine, versions[0], "bin") : undefined;
})();

/** True when this machine can make a throwaway cluster (Debian's PostgreSQL server binaries, and root to switch user). */
export const grappePossible = BIN !== undefined && process.getuid?.() === 0;

/** A port nobody listens on now (a throwaway server's: a cluster, a directory, an identity provider). */
export async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

function enPostgres(cmd: string, args: string[]) {
  return execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN as string, cmd), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  }).toString();
}

export async function creerGrappe(): Promise<Grappe> {
  if (!BIN) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "grappe-"));
  fs.chmodSync(dossier, 0o755);
  execFileSync("chown", ["postgres:postgres", dossier]);
  const donnees = path.join(dossier, "data");
  const port = await portLibre();
  enPostgres("initdb", ["-D", donnees, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dossier} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const journal = path.join(dossier, "log");
  const demarrer = () => enPostgres("pg_ctl", ["-D", donnees, "-o", options, "-l", journal, "-w", "start"]);
  const arreter = (mode: "fast" | "immediate" = "fast") =>
    enPostgres("pg_ctl", ["-D", donnees, "-m", mode, "-w", "stop"]);
  demarrer();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    demarrer,
    arreter,
    redemarrer: () =>
      enPostgres("pg_ctl", ["-D", donnees, "-o", options, "-l", journal, "-m", "fast", "-w", "restart"]),
    detruire: () => {
      try {
        arreter("immediate");
      } catch {
        // already stopped
      }
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  };
}
