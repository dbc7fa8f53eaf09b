import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BaseDeTest, CIBLES, ouvrirBaseDeTest } from "../helpers/bases.js";
import { cliInterne } from "../helpers/processus.js";

interface Rapport {
  simulation: boolean;
  ecrit: boolean;
  lus: number;
  a_creer: number;
  a_mettre_a_jour: number;
  inchanges: number;
  doublons: number;
  rejetes: number;
  rejets: Array<{ ligne: number; colonne: string | null; valeur: string | null; raison: string }>;
}

describe.each(CIBLES)("telephony import and export, run in-process ($nom)", (cible) => {
  let dossier: string;
  const bases: BaseDeTest[] = [];
  /** A fresh, migrated database, on which the commands run in this process (test/cli/import-processus runs the binary). */
  async function nouvelleBase(): Promise<BaseDeTest> {
    const b = await ouvrirBaseDeTest(cible);
    bases.push(b);
    return b;
  }
  const cli = (args: string[], base: BaseDeTest) => cliInterne(args, base);
  const fichier = (nom: string, contenu: string | Buffer) => {
    const p = path.join(dossier, nom);
    fs.writeFileSync(p, contenu);
    return p;
  };
  const importer = async (base: BaseDeTest, args: string[]) => {
    const r = await cli(["import", ...args, "--json"], base);
    return { code: r.code, rapport: (r.stdout ? JSON.parse(r.stdout) : null) as Rapport, stderr: r.stderr };
  };
  const exporter = async (base: BaseDeTest, type: string, format = "csv") => {
    const r = await cli(["export", "--type", type, "--format", format], base);
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

  it("prints the columns first, refuses ignored ones with --strict, writes the refused lines, gives a template", async () => {
    const base = await nouvelleBase();
    const modele = await cli(["import", "--type", "numeros", "--modele"], base);
    expect(modele.code, modele.stderr).toBe(0);
    expect(modele.stdout.replace(/^\uFEFF/, "")).toMatch(/^numero;pays;client;groupement;operateur;statut;/);
    const csv = fichier("colonnes.csv", "Numéro;Remarque\n0142685310;à garder\n0142;court\n");
    const texte = await cli(["import", csv, "--type", "numeros", "--dry-run"], base);
    const lignes = texte.stdout.split("\n");
    expect(lignes[1]).toBe("  colonnes lues : Numéro → numero");
    expect(lignes[2]).toBe("  colonnes ignorées (rien n'en est lu ; --strict les refuse) : Remarque");
    const strict = await cli(["import", csv, "--type", "numeros", "--strict"], base);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("COLONNES_IGNOREES");
    const rejets = path.join(dossier, "rejets.csv");
    const r = await importer(base, [csv, "--type", "numeros", "--rejets", rejets]);
    expect(r.code).toBe(1);
    expect(
      fs
        .readFileSync(rejets, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/),
    ).toEqual(["Numéro;Remarque;motif_rejet", "0142;court;Numéro : Le numéro est trop court."]);
  });

  it("reports a messy file exactly, writes nothing while rows are refused, and changes nothing the second time", async () => {
    const base = await nouvelleBase();
    const clients = fichier(
      "clients.csv",
      "code,nom,groupement,groupement_libelle\nALPHA,Alpha Assurances,SAV,Service client\nBETA,Beta Énergie,,\n",
    );
    expect((await importer(base, [clients, "--type", "clients"])).rapport).toMatchObject({
      a_creer: 2,
      ecrit: true,
    });
    // Windows-1252 (Excel's French CSV), ";" separators, blank lines, numbers written every which way
    const lignes = [
      "Numéro;Client;Groupement;Opérateur;Coût mensuel;Date acquisition;Notes",
      "01 42 68 53 00;ALPHA;SAV;Orange;1,50;15/01/2026;Accueil général",
      "+33 1 42 68 53 01;Alpha Assurances;;;2.5;2026-02-01;",
      "",
      "0033142685302;;;;;;Réservé",
      "0142685300;ALPHA;SAV;Orange;1,50;15/01/2026;Accueil général",
      "0142685301;BETA;;;;;",
      "0999;;;;;;",
      "0142685303;GAMMA;;;;;",
      "0142685304;ALPHA;;;3,x;;",
      "0142685305;ALPHA;;;;31/02/2026;",
      "06 12 34 56 78;BETA;;;;;mobile",
      "",
    ];
    const f = fichier("numeros.csv", Buffer.from(lignes.join("\r\n"), "latin1"));
    const apercu = await importer(base, [f, "--type", "numeros", "--dry-run"]);
    expect(apercu.code).toBe(0);
    expect(apercu.rapport).toMatchObject({
      simulation: true,
      ecrit: false,
      lus: 10,
      a_creer: 4,
      doublons: 1,
      rejetes: 5,
    });
    const parLigne = Object.fromEntries(apercu.rapport.rejets.map((r) => [r.ligne, r]));
    // the same number as line 3 with other values: which one is right is for a person to say
    expect(parLigne[7]?.raison).toBe("Même élément qu'à la ligne 3, avec d'autres valeurs.");
    expect(parLigne[8]).toMatchObject({ colonne: "Numéro", valeur: "0999" });
    expect(parLigne[9]).toMatchObject({
      colonne: "Client",
      valeur: "GAMMA",
      raison: expect.stringMatching(/inconnu/),
    });
    expect(parLigne[10]).toMatchObject({ colonne: "Coût mensuel", valeur: "3,x" });
    expect(parLigne[11]).toMatchObject({ colonne: "Date acquisition", raison: "Date inexistante." });
    expect(
      Object.keys(parLigne)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([7, 8, 9, 10, 11]);
    expect((await exporter(base, "numeros")).trim().split("\n")).toHaveLength(1);

    // all or nothing: refused rows stop the whole file
    const refuse = await importer(base, [f, "--type", "numeros"]);
    expect(refuse.code).toBe(1);
    expect(refuse.rapport).toMatchObject({ ecrit: false, rejetes: 5 });
    expect((await exporter(base, "numeros")).trim().split("\n")).toHaveLength(1);

    const accepte = await importer(base, [f, "--type", "numeros", "--accept-rejects"]);
    expect(accepte.rapport).toMatchObject({ ecrit: true, a_creer: 4, rejetes: 5 });
    const csv = await exporter(base, "numeros");
    expect(csv).toContain(
      "+33142685300;ALPHA;SAV;ORANGE;AFFECTE;GEO;IDF;;;;2026-01-15;;;1.5;;;Accueil général",
    );
    expect(csv).toContain("+33142685302;;;;DISPONIBLE;GEO;IDF;;;;;;;;;;Réservé");

    const encore = await importer(base, [f, "--type", "numeros", "--accept-rejects"]);
    expect(encore.rapport).toMatchObject({ a_creer: 0, a_mettre_a_jour: 0, inchanges: 4, doublons: 1 });
    expect(await exporter(base, "numeros")).toBe(csv);

    // a number already held by another client is refused, not moved
    const autre = await importer(base, [
      fichier("autre.csv", "numero;client\n01 42 68 53 00;BETA\n"),
      "--type",
      "numeros",
    ]);
    expect(autre.code).toBe(1);
    expect(autre.rapport.rejets).toEqual([
      { ligne: 2, colonne: "client", valeur: "BETA", raison: "Numéro déjà détenu par le client ALPHA." },
    ]);
    expect(await exporter(base, "numeros")).toBe(csv);
  });

  it("imports assignments from an XLSX file, puts the numbers in use, and round-trips through export", async () => {
    const base = await nouvelleBase();
    fichier("c.csv", "code;nom\nALPHA;Alpha\n");
    await importer(base, [path.join(dossier, "c.csv"), "--type", "clients"]);
    fichier(
      "p.csv",
      "code;nom;client;hermes_id;prospection\nALPHA-SAV;SAV;ALPHA;2001;non\nALPHA-PROSPECT;Prospection;ALPHA;2002;oui\n",
    );
    expect(
      (await importer(base, [path.join(dossier, "p.csv"), "--type", "campagnes"])).rapport,
    ).toMatchObject({
      a_creer: 2,
    });
    fichier("n.csv", "numero;client\n0142685300;ALPHA\n0142685301;ALPHA\n0162685302;ALPHA\n0142685303;\n");
    expect((await importer(base, [path.join(dossier, "n.csv"), "--type", "numeros"])).rapport).toMatchObject({
      a_creer: 4,
    });

    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("DID_VIRTUAL");
    feuille.addRow(["SDA", "Campagne", "Alias", "Priorité", "Début", "Entrant", "Sortant"]);
    feuille.addRow(["01 42 68 53 00", "2001", "Accueil", 1, "2026-01-01T08:00:00Z", "oui", "non"]);
    feuille.addRow(["0142685301", "ALPHA-PROSPECT", "Relance", 2, "2026-01-01T08:00:00Z", "non", "oui"]);
    feuille.addRow(["0162685302", "ALPHA-PROSPECT", "NPV", 1, "2026-01-01T08:00:00Z", "non", "oui"]);
    feuille.addRow(["0142685303", "ALPHA-SAV", "", "", "2026-01-01T08:00:00Z", "oui", ""]);
    feuille.addRow(["0142685399", "ALPHA-SAV", "", "", "", "", ""]);
    feuille.addRow(["0142685300", "INCONNUE", "", "", "", "", ""]);
    const xlsx = fichier("affectations.xlsx", Buffer.from(await classeur.xlsx.writeBuffer()));
    const r = await importer(base, [xlsx, "--type", "affectations", "--accept-rejects"]);
    expect(r.rapport).toMatchObject({ a_creer: 3, rejetes: 3 });
    expect(r.rapport.rejets.map((j) => [j.ligne, j.raison])).toEqual([
      [3, "Une campagne de prospection ne présente que des numéros NPV (ARCEP, depuis le 1er janvier 2023)."],
      [
        6,
        "Numéro absent de l'inventaire (importez d'abord les numéros, ou l'option « créer ce qui manque » le crée).",
      ],
      [
        7,
        "Campagne inconnue (code ou identifiant Hermes ; l'option « créer ce qui manque » la crée chez le client du numéro).",
      ],
    ]);
    const numeros = await exporter(base, "numeros");
    expect(numeros).toMatch(/\+33142685300;ALPHA;;;UTILISE/);
    // a number without a client takes the campaign's client
    expect(numeros).toMatch(/\+33142685303;ALPHA;;;UTILISE/);
    const encore = await importer(base, [xlsx, "--type", "affectations", "--accept-rejects"]);
    expect(encore.rapport, encore.stderr).toMatchObject({
      a_creer: 0,
      a_mettre_a_jour: 0,
      inchanges: 3,
    });

    // export everything, import it into an empty database, export again: the same bytes
    const types = ["clients", "campagnes", "numeros", "affectations"];
    const avant: Record<string, string> = {};
    for (const t of types) avant[t] = await exporter(base, t);
    const vide = await nouvelleBase();
    for (const t of types) {
      const f = fichier(`export-${t}.csv`, avant[t] as string);
      const i = await importer(vide, [f, "--type", t]);
      expect(i.code, `${t}: ${JSON.stringify(i.rapport?.rejets)}`).toBe(0);
    }
    for (const t of types) expect(await exporter(vide, t), t).toBe(avant[t]);
    for (const format of ["json", "xlsx"])
      expect((await exporter(vide, "numeros", format)).length).toBeGreaterThan(100);
  });
});
