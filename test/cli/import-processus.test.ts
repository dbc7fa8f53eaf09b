import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { cli, MAIN, RACINE } from "../helpers/processus.js";

// What only the real binary shows: its exit codes and streams, and an import killed in the middle.
// The import scenarios themselves run in-process in import.test.ts.
describe.each(CIBLES)("telephony import as a process ($nom)", (cible) => {
  let dossier: string;
  const bases: BaseDeTest[] = [];
  /** A fresh, migrated database for the CLI: a PGlite folder, or a new PostgreSQL database. */
  async function nouvelleBase(): Promise<Record<string, string>> {
    const dataDir = fs.mkdtempSync(path.join(dossier, "data-"));
    const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: "" };
    if (cible.nom === "postgres") {
      const b = await ouvrirBaseDeTest(cible, { migrer: false });
      bases.push(b);
      env.DATABASE_URL = b.url as string;
    }
    expect(cli(["migrate"], env).code).toBe(0);
    return env;
  }
  const fichier = (nom: string, contenu: string | Buffer) => {
    const p = path.join(dossier, nom);
    fs.writeFileSync(p, contenu);
    return p;
  };
  const exporter = (env: Record<string, string>, type: string, format = "csv") => {
    const r = cli(["export", "--type", type, "--format", format], env);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(() => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), "telephony-import-"));
  });
  afterAll(async () => {
    for (const b of bases) await b.close();
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it("exits 1 with the report on the error stream when rows are refused, 0 and the report once they are accepted", async () => {
    const env = await nouvelleBase();
    const csv = fichier("refus.csv", "numero\n0142685310\n0142\n");
    const refuse = cli(["import", csv, "--type", "numeros"], env);
    expect(refuse.code).toBe(1);
    expect(refuse.stdout).toBe("");
    expect(refuse.stderr).toContain("Import refusé (rien n'a été écrit)");
    expect(refuse.stderr).toContain("ligne 3, colonne numero (« 0142 ») : Le numéro est trop court.");
    const accepte = cli(["import", csv, "--type", "numeros", "--accept-rejects"], env);
    expect(accepte.code, accepte.stderr).toBe(0);
    expect(accepte.stdout).toMatch(/^Import terminé — numeros/);
    expect(exporter(env, "numeros")).toContain("+33142685310;");
    const inconnu = cli(["import", csv, "--type", "pommes"], env);
    expect(inconnu.code).toBe(1);
    expect(inconnu.stderr).toMatch(/^Erreur TYPE_INCONNU : Type d'import inconnu : pommes/);
  }, 120_000);

  it("leaves the database as it was when the process is killed in the middle of an import", async () => {
    const env = await nouvelleBase();
    const lignes = ["numero;notes"];
    for (let i = 0; i < 20_000; i++) lignes.push(`01${String(40_000_000 + i).padStart(8, "0")};lot`);
    const f = fichier("gros.csv", lignes.join("\n"));
    const p = spawn(process.execPath, [MAIN, "import", f, "--type", "numeros"], {
      cwd: RACINE,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let sortie = "";
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no progress:\n${sortie}`)), 60_000);
      p.stderr.on("data", (d) => {
        sortie += d;
        // rows are being written inside the one transaction: kill it there
        const m = /écriture (\d+)\/(\d+)/.exec(sortie);
        if (m && m[1] !== m[2]) {
          clearTimeout(t);
          p.kill("SIGKILL");
          resolve();
        }
      });
      p.on("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
    if (p.exitCode === null && p.signalCode === null) await new Promise((r) => p.once("exit", r));
    expect(p.signalCode).toBe("SIGKILL");
    expect(exporter(env, "numeros").trim().split("\n")).toHaveLength(1);
    // and the same import then goes through whole
    const r = cli(["import", f, "--type", "numeros", "--json"], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ ecrit: true, a_creer: 20_000 });
  }, 240_000);
  it("commits by batches with --batch-size and resumes after the last committed batch when run again", async () => {
    const env = await nouvelleBase();
    const lignes = ["numero"];
    for (let i = 0; i < 15_000; i++) lignes.push(`02${String(50_000_000 + i).padStart(8, "0")}`);
    const f = fichier("lots.csv", lignes.join("\n"));
    const reprise = `${f}.reprise.json`;
    const p = spawn(process.execPath, [MAIN, "import", f, "--type", "numeros", "--batch-size", "2500"], {
      cwd: RACINE,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "ignore"],
    });
    // killed once a batch is committed and noted in the checkpoint
    const fin = Date.now() + 60_000;
    while (!fs.existsSync(reprise) && p.exitCode === null && Date.now() < fin)
      await new Promise((r) => setTimeout(r, 20));
    p.kill("SIGKILL");
    if (p.exitCode === null && p.signalCode === null) await new Promise((r) => p.once("exit", r));
    const point = JSON.parse(fs.readFileSync(reprise, "utf8")) as { ligne: number };
    expect(point.ligne).toBeGreaterThanOrEqual(2501);
    const deja = exporter(env, "numeros").trim().split("\n").length - 1;
    // every committed batch is whole: what is in the database is exactly what the checkpoint says
    expect(deja).toBeGreaterThanOrEqual(point.ligne - 1);
    expect(deja % 2500).toBe(0);

    const r = cli(["import", f, "--type", "numeros", "--batch-size", "2500", "--json"], env);
    expect(r.stderr).toMatch(/Reprise après la ligne \d+/);
    const rapport = JSON.parse(r.stdout) as { a_creer: number; inchanges: number };
    expect(rapport.a_creer + rapport.inchanges).toBe(15_000 - (point.ligne - 1));
    expect(exporter(env, "numeros").trim().split("\n")).toHaveLength(15_001);
    expect(fs.existsSync(reprise)).toBe(false);
  }, 240_000);
});
