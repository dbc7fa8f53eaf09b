import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { parse } from "csv-parse";
import type ExcelJS from "exceljs";
import { lireCelluleCsv } from "../../http/csv.js";
import { ApiError } from "../../http/errors.js";
import { classeurOrdonne, entreesZip } from "./zip-classeur.js";

/** What a file may cost to read: beyond any of these it is refused with the limit it passed. */
export interface LimitesLecture {
  lignes: number;
  colonnes: number;
  /** Bytes an XLSX's entries may inflate to: declared, then counted as they are inflated. */
  xlsxDecompresseOctets: number;
  /** Heap of the worker that reads the file. */
  memoireMo: number;
  dureeMs: number;
}

export type MessageLecture =
  | {
      type: "entetes";
      entetes: string[];
      format: "csv" | "xlsx";
      encodage?: "utf-8" | "windows-1252";
      separateur?: ";" | ",";
    }
  /** [line, JSON array of the cells] per row */
  | { type: "lignes"; lignes: Array<[number, string]> }
  | { type: "fin" }
  | { type: "erreur"; status: number; code: string; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Rows per message to the main thread: a few milliseconds of work there each (2,000 made 50 to 90 ms stalls). */
const PAQUET = 250;

const tropDeLignes = (l: LimitesLecture) =>
  new ApiError(
    413,
    "TROP_DE_LIGNES",
    `Le fichier dépasse ${l.lignes.toLocaleString("fr-FR")} lignes : découpez-le en plusieurs fichiers.`,
  );
const tropDeColonnes = (l: LimitesLecture) =>
  new ApiError(422, "TROP_DE_COLONNES", `Le fichier a plus de ${l.colonnes} colonnes.`);

/** Reads a CSV or XLSX file (told by its content), posting its header, then its rows in batches. */
export async function lireFichier(
  contenu: Buffer,
  limites: LimitesLecture,
  envoyer: (m: MessageLecture) => void,
): Promise<void> {
  if (contenu.length === 0) throw new ApiError(422, "FICHIER_VIDE", "Le fichier est vide.");
  if (ZIP.every((b, i) => contenu[i] === b)) await lireXlsx(contenu, limites, envoyer);
  else await lireCsv(contenu, limites, envoyer);
}

/** The separator is the one the header line uses most: French Excel writes ";", the rest of the world ",". */
function separateurDe(debut: string): ";" | "," {
  const entete = debut.slice(0, debut.search(/\r?\n|$/));
  return entete.split(";").length >= entete.split(",").length ? ";" : ",";
}

/** A spreadsheet's text as typed: UTF-8 (BOM or not), else Windows-1252 (Excel's "CSV" on a French Windows). */
async function lireCsv(contenu: Buffer, limites: LimitesLecture, envoyer: (m: MessageLecture) => void) {
  const bom = contenu[0] === 0xef && contenu[1] === 0xbb && contenu[2] === 0xbf;
  const corps = bom ? contenu.subarray(3) : contenu;
  const encodage = isUtf8(corps) ? "utf-8" : "windows-1252";
  const decodeur = new TextDecoder(encodage);
  const separateur = separateurDe(decodeur.decode(corps.subarray(0, 64 * 1024), { stream: false }));
  const analyseur = parse({
    delimiter: separateur,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    // a quoted field that never closes must not swallow the rest of a large file into one cell
    max_record_size: 1024 * 1024,
  });
  // decoded in pieces, so the whole text never exists at once
  const morceaux = (function* () {
    const d = new TextDecoder(encodage);
    const taille = 1024 * 1024;
    for (let i = 0; i < corps.length; i += taille)
      yield d.decode(corps.subarray(i, i + taille), { stream: i + taille < corps.length });
  })();
  Readable.from(morceaux).pipe(analyseur);
  let entetes: string[] | undefined;
  let paquet: Array<[number, string]> = [];
  let n = 0;
  try {
    for await (const { record, info } of analyseur as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (record.length > limites.colonnes) throw tropDeColonnes(limites);
      if (!entetes) {
        entetes = record.map((e) => lireCelluleCsv(e.trim()));
        envoyer({ type: "entetes", entetes, format: "csv", encodage, separateur });
        continue;
      }
      if (!record.some((v) => v !== "")) continue;
      if (++n > limites.lignes) throw tropDeLignes(limites);
      // trimmed, then the export's neutralisation undone: a text that starts with a tab keeps it (the apostrophe
      // the export put before it shielded it from the trim)
      paquet.push([info.lines, JSON.stringify(record.map((v) => lireCelluleCsv(v.trim())))]);
      if (paquet.length >= PAQUET) {
        envoyer({ type: "lignes", lignes: paquet });
        paquet = [];
      }
    }
  } catch (e) {
    analyseur.destroy();
    if (e instanceof ApiError) throw e;
    throw new ApiError(422, "FICHIER_ILLISIBLE", `Fichier CSV illisible : ${(e as Error).message}`);
  }
  if (!entetes) throw new ApiError(422, "FICHIER_VIDE", "Le fichier est vide.");
  if (paquet.length) envoyer({ type: "lignes", lignes: paquet });
}

const classeurTropGros = (limite: number, taille?: number) =>
  new ApiError(
    413,
    "CLASSEUR_TROP_GROS",
    `Ce classeur XLSX décompressé ${taille === undefined ? "dépasse" : `ferait ${Number.isFinite(taille) ? `${Math.round(taille / 1024 / 1024)} Mo` : "plus de 4 Go"}, au-delà de`} la limite de ${Math.round(limite / 1024 / 1024)} Mo : enregistrez-le en CSV ou découpez-le.`,
  );

/**
 * The bytes an XLSX inflates to, counted as they are produced, and stopped at the limit. The sizes the ZIP
 * declares are checked first (a 1 MB file of repeated cells can inflate to hundreds of megabytes), but a file may
 * lie about them: each entry is then inflated once, by chunks that are counted and dropped, so memory stays a
 * chunk whatever the file says, before the workbook reader sees it. Returns the workbook in the order the reader
 * needs.
 */
async function verifierDecompression(zip: Buffer, limite: number): Promise<Buffer> {
  const entrees = entreesZip(zip);
  const declare = entrees.reduce((t, e) => t + e.declare, 0);
  if (declare > limite) throw classeurTropGros(limite, declare);
  let total = 0;
  for (const e of entrees) {
    if (e.methode === 0) {
      total += e.compresse;
      if (total > limite) throw classeurTropGros(limite);
      continue;
    }
    if (e.methode !== 8)
      throw new ApiError(
        422,
        "FICHIER_ILLISIBLE",
        `Classeur XLSX illisible : compression ${e.methode} inconnue.`,
      );
    await new Promise<void>((resolve, reject) => {
      const z = createInflateRaw();
      z.on("data", (morceau: Buffer) => {
        total += morceau.length;
        if (total > limite) {
          z.destroy();
          reject(classeurTropGros(limite));
        }
      });
      z.on("end", resolve);
      z.on("error", (err) =>
        reject(new ApiError(422, "FICHIER_ILLISIBLE", `Classeur XLSX illisible : ${err.message}`)),
      );
      z.end(zip.subarray(e.debut, e.debut + e.compresse));
    });
  }
  return classeurOrdonne(zip, entrees);
}

function texteCellule(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("text" in v && typeof v.text === "string") return v.text.replace(/^ +| +$/g, "");
    if ("result" in v) return texteCellule(v.result as ExcelJS.CellValue);
    if ("richText" in v)
      return v.richText
        .map((r) => r.text)
        .join("")
        .replace(/^ +| +$/g, "");
    return "";
  }
  // spaces around go; a tab or a line break a text starts with is the text's (a workbook has no formulas to
  // neutralise, so nothing shields them as the CSV's apostrophe does)
  return String(v).replace(/^ +| +$/g, "");
}

async function lireXlsx(contenu: Buffer, limites: LimitesLecture, envoyer: (m: MessageLecture) => void) {
  const ordonne = await verifierDecompression(contenu, limites.xlsxDecompresseOctets);
  // loaded for a workbook only: ExcelJS takes about 0.4 s to load, which every CSV read paid in its worker
  const { default: Excel } = await import("exceljs");
  // streaming: the sheet is read row by row, never held whole
  const lecteur = new Excel.stream.xlsx.WorkbookReader(Readable.from([ordonne]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  // a workbook without shared strings or relations would still send its sheet through the temporary file: they
  // start empty, and the archive's own, which now come first, replace them
  Object.assign(lecteur, { sharedStrings: [], workbookRels: [] });
  let entetes: string[] | undefined;
  let paquet: Array<[number, string]> = [];
  let n = 0;
  try {
    for await (const feuille of lecteur) {
      for await (const ligne of feuille as AsyncIterable<ExcelJS.Row>) {
        const brutes = ligne.values as ExcelJS.CellValue[];
        if (brutes.length - 1 > limites.colonnes) throw tropDeColonnes(limites);
        const valeurs = brutes.slice(1).map(texteCellule);
        // empty rows between and after: never counted, never sent
        if (valeurs.every((v) => v === "")) continue;
        if (!entetes) {
          entetes = valeurs.map((v) => v.trim());
          envoyer({ type: "entetes", entetes, format: "xlsx" });
          continue;
        }
        if (++n > limites.lignes) throw tropDeLignes(limites);
        paquet.push([ligne.number, JSON.stringify(valeurs.slice(0, entetes.length))]);
        if (paquet.length >= PAQUET) {
          envoyer({ type: "lignes", lignes: paquet });
          paquet = [];
        }
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(422, "FICHIER_ILLISIBLE", `Classeur XLSX illisible : ${(e as Error).message}`);
  }
  if (!entetes) throw new ApiError(422, "FICHIER_VIDE", "La feuille est vide.");
  if (paquet.length) envoyer({ type: "lignes", lignes: paquet });
}
