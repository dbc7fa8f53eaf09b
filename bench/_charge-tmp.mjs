import fs from "node:fs";
import autocannon from "autocannon";

const [adresse, chemin, cle, secondes] = process.argv.slice(2);
const nums = fs.readFileSync("/tmp/prof/nums.txt", "utf8").trim().split("\n");
const h = () => nums[Math.floor(Math.random() * nums.length)];
const r = await autocannon({
  url: adresse,
  connections: 16,
  duration: Number(secondes ?? 10),
  headers: cle ? { authorization: `Bearer ${cle}` } : {},
  requests: [
    {
      setupRequest: (req) => ({
        ...req,
        path:
          chemin === "recherche"
            ? `/api/v1/dids?q=${1000 + Math.floor(Math.random() * 9000)}&par_page=50`
            : chemin === "brut"
              ? `/numero/${h()}`
              : `/api/v1/dids/par-numero/${h()}`,
      }),
    },
  ],
});
console.log(
  chemin,
  Math.round(r.requests.average),
  "req/s p50",
  r.latency.p50,
  "p99",
  r.latency.p99,
  "non2xx",
  r.non2xx,
);
