import { spawn } from "node:child_process";

/**
 * The built server in its own process, as in production, so the load generator does not share its event
 * loop. Resolves with its base URL once it prints it.
 */
export async function lancerServeurBench(databaseUrl: string, env: Record<string, string> = {}) {
  // BENCH_NODE_ARGS: node's own options for the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
  const options = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const serveur = spawn(process.execPath, [...options, "dist/main.js", "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: "bench-bench-bench",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const adresse = await new Promise<string>((resolve, reject) => {
    let sortie = "";
    let pret = false;
    serveur.once("exit", (code) => reject(new Error(`le serveur s'est arrêté (${code})`)));
    serveur.stdout?.on("data", (d) => {
      // the server's warnings once started (a held event loop names its requests): shown, not swallowed
      if (pret) {
        // BENCH_TOUT_AFFICHER=1: everything it prints (with BENCH_NODE_ARGS=--trace-gc, its collections)
        if (process.env.BENCH_TOUT_AFFICHER === "1" || /"level":(40|50|60)/.test(String(d)))
          process.stderr.write(d);
        return;
      }
      sortie += d;
      const m = /API :\s+(http:\/\/\S+)\/api\/v1/.exec(sortie);
      if (m) {
        pret = true;
        resolve(m[1] as string);
      }
    });
  });
  return {
    adresse,
    pid: serveur.pid as number,
    arreter: () =>
      new Promise<void>((resolve) => {
        serveur.once("exit", () => resolve());
        serveur.kill("SIGTERM");
      }),
  };
}
