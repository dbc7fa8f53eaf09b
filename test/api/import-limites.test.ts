import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Contexte, contexte } from "../helpers/app.js";
import { CIBLES } from "../helpers/bases.js";

// An upload's cost is bounded: its size, its rows, and what an XLSX inflates to, each refused with the limit it
// passed, before the server spends memory on it; nothing is written.
describe.each(CIBLES)("import limits ($nom)", (cible) => {
  let ctx: Contexte;
  const envoyer = (corps: string | Buffer, type = "text/csv", q = "?simulation=true") =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/imports/numeros${q}`,
      headers: { ...ctx.cles.gestionnaire, "content-type": type },
      payload: corps,
    });
  beforeAll(async () => {
    ctx = await contexte(cible, {
      env: { IMPORT_MAX_MB: "1", IMPORT_MAX_ROWS: "1000", IMPORT_XLSX_MAX_INFLATED_MB: "2" },
    });
  });
  afterAll(async () => ctx?.fermer());

  const csv = (n: number) =>
    `numero;description\n${Array.from({ length: n }, (_v, i) => `01460${String(i).padStart(5, "0")};ligne ${i}`).join("\n")}\n`;

  it("refuses an upload over IMPORT_MAX_MB with 413 naming the limit", async () => {
    const gros = `numero;description\n${"0146000001;".padEnd(200, "x")}\n`.repeat(6000);
    expect(gros.length).toBeGreaterThan(1024 * 1024);
    const r = await envoyer(gros, "text/csv", "");
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ code: "CORPS_TROP_GROS", limite_octets: 1024 * 1024 });
    expect(r.json().detail).toContain("1 Mo");
  });

  it("refuses a file over IMPORT_MAX_ROWS with 413 naming the limit, and reads one at the limit", async () => {
    const trop = await envoyer(csv(1001));
    expect(trop.statusCode).toBe(413);
    expect(trop.json()).toMatchObject({ code: "TROP_DE_LIGNES" });
    expect(trop.json().detail).toContain("1\u202f000 lignes");
    const juste = await envoyer(csv(1000));
    expect(juste.statusCode, juste.body).toBe(200);
    expect(juste.json()).toMatchObject({ lus: 1000, a_creer: 1000, rejetes: 0 });
  });

  it("refuses an XLSX whose sheet would inflate past IMPORT_XLSX_MAX_INFLATED_MB before inflating it", async () => {
    // a few hundred kilobytes of repeated cells that inflate to several megabytes: a small zip bomb
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("SDA");
    feuille.addRow(["numero", "description"]);
    const texte = "A".repeat(3000);
    for (let i = 0; i < 900; i++) feuille.addRow([`01460${String(i).padStart(5, "0")}`, `${texte}${i}`]);
    const xlsx = Buffer.from(await classeur.xlsx.writeBuffer());
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const r = await envoyer(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json()).toMatchObject({ code: "CLASSEUR_TROP_GROS" });
    expect(r.json().detail).toContain("limite de 2 Mo");
    // the same sheet, small enough, is read
    const petit = new ExcelJS.Workbook();
    const f2 = petit.addWorksheet("SDA");
    f2.addRow(["numero", "description"]);
    for (let i = 0; i < 50; i++) f2.addRow([`01461${String(i).padStart(5, "0")}`, `ligne ${i}`]);
    const ok = await envoyer(
      Buffer.from(await petit.xlsx.writeBuffer()),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ lus: 50, a_creer: 50 });
  });

  it("counts what an XLSX really inflates to: a workbook that lies about its sizes is stopped at the limit", async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("SDA");
    feuille.addRow(["numero", "description"]);
    const texte = "B".repeat(3000);
    for (let i = 0; i < 900; i++) feuille.addRow([`01462${String(i).padStart(5, "0")}`, `${texte}${i}`]);
    const xlsx = Buffer.from(await classeur.xlsx.writeBuffer());
    // every entry declares 1,000 bytes, in the central directory and in its local header
    const fin = xlsx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = xlsx.readUInt32LE(fin + 16);
    for (let k = 0; k < xlsx.readUInt16LE(fin + 10); k++) {
      xlsx.writeUInt32LE(1000, p + 24);
      xlsx.writeUInt32LE(1000, xlsx.readUInt32LE(p + 42) + 22);
      p += 46 + xlsx.readUInt16LE(p + 28) + xlsx.readUInt16LE(p + 30) + xlsx.readUInt16LE(p + 32);
    }
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const r = await envoyer(xlsx, type);
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json()).toMatchObject({ code: "CLASSEUR_TROP_GROS" });
    expect(r.json().detail).toContain("limite de 2 Mo");
    // a carrier's file goes through the same reader: nothing is saved
    const sfr = (
      await ctx.db
        .selectFrom("tel_operateur")
        .select("id")
        .where("code", "=", "SFR")
        .executeTakeFirstOrThrow()
    ).id;
    const rapprochement = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/rapprochements?operateur_id=${sfr}&periode=2026-11`,
      headers: { ...ctx.cles.gestionnaire, "content-type": type },
      payload: xlsx,
    });
    expect(rapprochement.statusCode, rapprochement.body).toBe(413);
    expect(await ctx.db.selectFrom("tel_rapprochement").select("id").execute()).toEqual([]);
  });

  it("refuses a damaged XLSX and a CSV with a NUL byte clearly, never with a 500", async () => {
    const casse = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const r = await envoyer(casse, "application/octet-stream");
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe("FICHIER_ILLISIBLE");
    for (const q of ["?simulation=true", ""]) {
      const nul = await envoyer("numero;description\n0146100001;avec\u0000nul\n", "text/csv", q);
      expect(nul.statusCode, nul.body).toBe(q ? 200 : 422);
      const rapport = q ? nul.json() : nul.json().rapport;
      expect(rapport).toMatchObject({ rejetes: 1, rejets: [{ ligne: 2, colonne: "description" }] });
    }
  });
});
