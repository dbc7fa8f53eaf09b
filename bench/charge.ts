import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface MesureRoutage {
  n: number;
  p50: number;
  p99: number;
  max: number;
  statuts: Record<string, number>;
}

/**
 * Routing lookups at a steady rate from another process (charge-routage.mjs), so that they never share the
 * server's or the bench's event loop, until `arreter` is called; resolves to their latencies.
 */
export function chargeRoutage(url: string, authorization: string) {
  const enfant: ChildProcess = spawn(
    process.execPath,
    [path.join(import.meta.dirname, "charge-routage.mjs"), url, authorization],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let sortie = "";
  enfant.stdout?.on("data", (d) => (sortie += d));
  const resultat = new Promise<MesureRoutage>((r) => enfant.on("exit", () => r(JSON.parse(sortie))));
  return {
    arreter: () => {
      enfant.stdin?.end();
      return resultat;
    },
  };
}
