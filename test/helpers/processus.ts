import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { executerCli } from "../../src/cli/programme.js";
import type { Database } from "../../src/db/database.js";

export const RACINE = path.resolve(import.meta.dirname, "../..");
export const MAIN = path.join(RACINE, "dist/main.js");

export interface Serveur {
  url: string;
  processus: ChildProcess;
  sortie: () => string;
  arreter: () => Promise<void>;
}

/** Starts the built server as `npm start` does, and waits until it prints its URL. */
export async function lancerServeur(env: Record<string, string>, delaiMs = 30_000): Promise<Serveur> {
  const processus = spawn(process.execPath, [MAIN, "serve"], {
    cwd: RACINE,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let sortie = "";
  processus.stdout?.on("data", (d) => (sortie += d));
  processus.stderr?.on("data", (d) => (sortie += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start in time:\n${sortie}`)), delaiMs);
    const verifier = () => {
      const m = /API :\s+(http:\/\/\S+)\/api\/v1/.exec(sortie);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    };
    processus.stdout?.on("data", verifier);
    processus.on("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`server exited with ${code}:\n${sortie}`));
    });
  });
  return {
    url,
    processus,
    sortie: () => sortie,
    arreter: () =>
      new Promise<void>((resolve) => {
        if (processus.exitCode !== null) return resolve();
        processus.once("exit", () => resolve());
        processus.kill("SIGTERM");
      }),
  };
}

export function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: RACINE,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command line run in this process, on an open database: what `cli` checks without a Node start and a
 * database opening per command (a second or more each). The process-level behaviours (a kill in the middle, the
 * exit code of the real binary) keep `cli`.
 */
export async function cliInterne(args: string[], base: Database, env: Record<string, string> = {}) {
  const sortie: Buffer[] = [];
  let erreurs = "";
  const { code } = await executerCli(args, {
    env: { ...process.env, ...env },
    base,
    io: {
      out: (t) => void sortie.push(Buffer.from(t)),
      ligne: (t) => void sortie.push(Buffer.from(`${t}\n`)),
      erreur: (t) => {
        erreurs += `${t}\n`;
      },
      terminal: false,
    },
  });
  return { code, stdout: Buffer.concat(sortie).toString("utf8"), stderr: erreurs };
}
