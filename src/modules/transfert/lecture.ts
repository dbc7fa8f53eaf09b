import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ApiError } from "../../http/errors.js";

export interface Tableau {
  entetes: string[];
  /** Data rows with the line (CSV) or row (XLSX) they came from, for the report. */
  lignes: Array<{ ligne: number; valeurs: Record<string, string> }>;
  format: "csv" | "xlsx";
  encodage?: "utf-8" | "windows-1252";
  separateur?: ";" | ",";
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** A spreadsheet's text as typed: UTF-8 (BOM or not), else Windows-1252 (Excel's "CSV" on a French Windows). */
function decoder(contenu: Buffer): { texte: string; encodage: "utf-8" | "windows-1252" } {
  const sansBom =
    contenu[0] === 0xef && contenu[1] === 0xbb && contenu[2] === 0xbf ? contenu.subarray(3) : contenu;
  try {
    return { texte: new TextDecoder("utf-8", { fatal: true }).decode(sansBom), encodage: "utf-8" };
  } catch {
    return { texte: new TextDecoder("windows-1252").decode(contenu), encodage: "windows-1252" };
  }
}

/** The separator is the one the header line uses most: French Excel writes ";", the rest of the world ",". */
function separateurDe(texte: string): ";" | "," {
  const entete = texte.slice(0, texte.search(/\r?\n|$/));
  const pv = entete.split(";").length;
  const v = entete.split(",").length;
  return pv >= v ? ";" : ",";
}

export function lireCsv(contenu: Buffer): Tableau {
  const { texte, encodage } = decoder(contenu);
  const separateur = separateurDe(texte);
  let enregistrements: Array<{ record: string[]; info: { lines: number } }>;
  try {
    enregistrements = parse(texte, {
      delimiter: separateur,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    throw new ApiError(422, "FICHIER_ILLISIBLE", `Fichier CSV illisible : ${(e as Error).message}`);
  }
  const [tete, ...corps] = enregistrements;
  if (!tete) throw new ApiError(422, "FICHIER_VIDE", "Le fichier est vide.");
  const entetes = tete.record.map((e) => e.trim());
  const lignes = corps
    .filter((r) => r.record.some((v) => v !== ""))
    .map((r) => ({
      ligne: r.info.lines,
      valeurs: Object.fromEntries(entetes.map((e, i) => [e, r.record[i] ?? ""])),
    }));
  return { entetes, lignes, format: "csv", encodage, separateur };
}

function texteCellule(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return texteCellule(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    return "";
  }
  return String(v).trim();
}

export async function lireXlsx(contenu: Buffer): Promise<Tableau> {
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(contenu as unknown as ArrayBuffer);
  } catch (e) {
    throw new ApiError(422, "FICHIER_ILLISIBLE", `Classeur XLSX illisible : ${(e as Error).message}`);
  }
  const feuille = classeur.worksheets[0];
  if (!feuille) throw new ApiError(422, "FICHIER_VIDE", "Le classeur n'a aucune feuille.");
  let entetes: string[] = [];
  const lignes: Tableau["lignes"] = [];
  feuille.eachRow({ includeEmpty: false }, (row, numero) => {
    const valeurs = (row.values as ExcelJS.CellValue[]).slice(1).map(texteCellule);
    if (entetes.length === 0) {
      entetes = valeurs.map((v) => v.trim());
      return;
    }
    if (valeurs.every((v) => v === "")) return;
    lignes.push({ ligne: numero, valeurs: Object.fromEntries(entetes.map((e, i) => [e, valeurs[i] ?? ""])) });
  });
  if (entetes.length === 0) throw new ApiError(422, "FICHIER_VIDE", "La feuille est vide.");
  return { entetes, lignes, format: "xlsx" };
}

/** CSV or XLSX, told by the content (an XLSX is a ZIP archive), whatever the file is called. */
export async function lireTableau(contenu: Buffer): Promise<Tableau> {
  if (contenu.length === 0) throw new ApiError(422, "FICHIER_VIDE", "Le fichier est vide.");
  return ZIP.every((b, i) => contenu[i] === b) ? lireXlsx(contenu) : lireCsv(contenu);
}
