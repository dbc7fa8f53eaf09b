// The plain comparator of bench/echelle.ts: node's http server and one prepared query over the same table that
// GET /dids/par-numero reads, nothing else (no framework, no authentication, no labels), with as many connections
// as the server's pool (argv[3]: the same database capacity on both sides). Prints its URL.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.argv[2], max: Number(process.argv[3] ?? 4) });
const serveur = http.createServer(async (req, res) => {
  const numero = decodeURIComponent(req.url.slice("/numero/".length));
  const e164 = numero.startsWith("0") ? `+33${numero.slice(1)}` : numero;
  try {
    const r = await pool.query({
      name: "par-numero",
      text: "SELECT * FROM tel_did WHERE did_format_e164 = $1",
      values: [e164],
    });
    const corps = JSON.stringify(r.rows[0] ?? null);
    res.writeHead(r.rows[0] ? 200 : 404, { "content-type": "application/json" }).end(corps);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
serveur.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${serveur.address().port}`));
process.on("SIGTERM", () => serveur.close(() => pool.end().then(() => process.exit(0))));
