// A steady load of routing lookups for the benches, in a process of its own so that it never shares the server's or
// the bench's event loop: CONCURRENCE loops, each sending one lookup then waiting PAUSE_MS, until stdin closes; then
// prints the latencies as JSON: their summary, and each lookup's start (epoch ms) and duration so that a bench can
// read the lookups of one window of time (bench/charge.ts).
// Usage: node bench/charge-routage.mjs <url> <authorization>
import http from "node:http";

const [url, authorization] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const CONCURRENCE = 4;
const PAUSE_MS = 4;
const mesures = [];
const statuts = {};
let fini = false;
process.stdin.on("end", () => (fini = true));
process.stdin.resume();

const requete = () =>
  new Promise((resolve) => {
    const debut = performance.now();
    const req = http.get(url, { agent, headers: { authorization } }, (res) => {
      res.resume();
      res.on("end", () => {
        mesures.push([performance.timeOrigin + debut, performance.now() - debut]);
        statuts[res.statusCode] = (statuts[res.statusCode] ?? 0) + 1;
        resolve();
      });
    });
    req.on("error", () => {
      statuts.erreur = (statuts.erreur ?? 0) + 1;
      resolve();
    });
  });

await Promise.all(
  Array.from({ length: CONCURRENCE }, async () => {
    while (!fini) {
      await requete();
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }),
);
const latences = mesures.map((m) => m[1]).sort((a, b) => a - b);
const q = (p) => latences[Math.min(latences.length - 1, Math.floor((p / 100) * latences.length))] ?? 0;
// exit once the output is flushed: a pipe takes it in pieces
process.stdout.write(
  JSON.stringify({ n: latences.length, p50: q(50), p99: q(99), max: latences.at(-1) ?? 0, statuts, mesures }),
  () => process.exit(0),
);
