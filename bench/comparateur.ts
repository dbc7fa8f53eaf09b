import { spawn } from "node:child_process";
import path from "node:path";

/** The plain prepared-query server (comparateur-serveur.mjs) in its own process; resolves with its URL. */
export async function lancerComparateur(databaseUrl: string, connexions: number) {
  const enfant = spawn(
    process.execPath,
    [path.join(import.meta.dirname, "comparateur-serveur.mjs"), databaseUrl, String(connexions)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const adresse = await new Promise<string>((resolve, reject) => {
    enfant.once("exit", (code) => reject(new Error(`le comparateur s'est arrêté (${code})`)));
    enfant.stdout?.once("data", (d) => resolve(String(d).trim()));
  });
  return {
    adresse,
    arreter: () =>
      new Promise<void>((resolve) => {
        enfant.once("exit", () => resolve());
        enfant.kill("SIGTERM");
      }),
  };
}
