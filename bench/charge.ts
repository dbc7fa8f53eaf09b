import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface MesureRoutage {
  n: number;
  p50: number;
  p99: number;
  max: number;
  statuts: Record<string, number>;
  /** Each lookup: its start (epoch ms) and its duration (ms). */
  mesures: Array<[number, number]>;
}

/** The lookups that started within [du, au] (epoch ms): their count, p50, p99 and max. */
export function fenetre(m: MesureRoutage, du: number, au: number) {
  const l = m.mesures
    .filter(([t]) => t >= du && t <= au)
    .map(([, d]) => d)
    .sort((a, b) => a - b);
  const q = (p: number) => l[Math.min(l.length - 1, Math.floor((p / 100) * l.length))] ?? 0;
  return { n: l.length, p50: q(50), p99: q(99), max: l.at(-1) ?? 0 };
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
