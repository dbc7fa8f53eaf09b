import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { castCsv, type Destinataire } from "../../http/fichiers.js";
import { attendreVidange, ecrireFlux, finEcriture } from "../../http/flux-ecriture.js";
import { masqueur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import type { FiltresDid } from "../dids/dids.repository.js";
import { CURSEUR, type Curseur, type FiltresExport, type Ligne, lignesExport } from "./export.repository.js";

export const TYPES_EXPORT = [
  "numeros",
  "affectations",
  "clients",
  "campagnes",
  "configs",
  "commandes",
] as const;
export type TypeExport = (typeof TYPES_EXPORT)[number];
export const FORMATS_EXPORT = ["csv", "json", "xlsx"] as const;
export type FormatExport = (typeof FORMATS_EXPORT)[number];

/** CSV for a French Excel (";" and a BOM, which Excel needs to read UTF-8), JSON, or an XLSX workbook. */
export async function encoder(
  lignes: Ligne[],
  format: FormatExport,
  feuille: string,
  colonnes?: string[],
  /** A file for people unless it is in the list of files for programs (fichiers.ts). */
  { pour = "personnes" }: { pour?: Destinataire } = {},
): Promise<Buffer> {
  const entetes = colonnes ?? Object.keys(lignes[0] ?? {});
  if (format === "json") return Buffer.from(`${JSON.stringify(lignes, null, 2)}\n`);
  if (format === "csv") {
    const texte = stringify(lignes, {
      header: true,
      delimiter: ";",
      columns: entetes,
      cast: castCsv(pour),
    });
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texte)]);
  }
  // loaded for a workbook only: ExcelJS takes ~0.4 s to load, which the server's start need not pay
  const { default: Excel } = await import("exceljs");
  const classeur = new Excel.Workbook();
  const f = classeur.addWorksheet(feuille);
  f.columns = entetes.map((e) => ({ header: e, key: e, width: Math.max(12, e.length + 2) }));
  for (const l of lignes) f.addRow(l);
  f.getRow(1).font = { bold: true };
  f.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

export const COLONNES_VIDES: Record<TypeExport, string[]> = {
  numeros: [
    "numero",
    "client",
    "groupement",
    "operateur",
    "statut",
    "type",
    "region",
    "equipement",
    "cloud",
    "reference_externe",
    "date_acquisition",
    "date_activation",
    "date_resiliation",
    "cout_mensuel",
    "cout_mise_en_service",
    "description",
    "notes",
  ],
  affectations: [
    "numero",
    "campagne",
    "hermes_id",
    "config",
    "alias",
    "priorite",
    "date_debut",
    "date_fin",
    "entrant",
    "sortant",
  ],
  clients: [
    "code",
    "nom",
    "siret",
    "adresse",
    "contact_nom",
    "contact_email",
    "contact_tel",
    "groupement",
    "groupement_libelle",
  ],
  campagnes: ["code", "nom", "client", "hermes_id", "description", "prospection"],
  configs: ["code", "nom", "description", "json"],
  commandes: [
    "reference",
    "client",
    "statut",
    "type",
    "region",
    "quantite",
    "quantite_livree",
    "urgence",
    "date_souhaitee",
    "demandeur_nom",
    "reference_operateur",
    "date_creation",
    "date_livraison",
  ],
};

/**
 * Rows per page of a streamed export: a page is all that sits in memory at once, and what the event loop spends in
 * one go to read it from the database and write it (about 15 ms for a thousand rows; 5,000 held it near 100 ms).
 */
const PAGE_EXPORT = 500;

/** Rows written at once by a streamed export (CSV or JSON text of 250 rows: a few milliseconds). */
const MORCEAU = 100;

/** An export's rows page by page, in its order: never the whole inventory in memory. */
async function* pagesExport(
  db: Kysely<DB>,
  type: TypeExport,
  filtres: FiltresDid,
  maintenant: Date,
  acteur: Pick<Acteur, "role">,
): AsyncGenerator<Ligne[]> {
  const masquer = masqueur(acteur);
  if (type !== "numeros" && type !== "affectations") {
    yield (await lignesExport(db, type, filtres, maintenant)).map(masquer);
    return;
  }
  let apres: Curseur | null = null;
  for (;;) {
    const lignes = await lignesExport(db, type, filtres, maintenant, { apres, limite: PAGE_EXPORT });
    if (lignes.length > 0) yield lignes.map(masquer);
    if (lignes.length < PAGE_EXPORT) return;
    apres = (lignes.at(-1) as Ligne & { [CURSEUR]: Curseur })[CURSEUR];
  }
}

/**
 * An export as a stream, written page after page (CSV, JSON or a streamed XLSX workbook): the first bytes leave at
 * once and the server's memory holds one page, whatever the inventory's size. Same bytes as `encoder` would write.
 */
export function exporterFlux(
  db: Kysely<DB>,
  type: TypeExport,
  format: FormatExport,
  filtres: FiltresDid = {},
  maintenant: Date = new Date(),
  /** Who exports: the fields it may not see are left empty (acces.ts). */
  acteur: Pick<Acteur, "role"> = { role: "admin" },
): Readable {
  return fluxDePages(pagesExport(db, type, filtres, maintenant, acteur), format, type, COLONNES_VIDES[type]);
}

/** Pages of rows written as one file, with backpressure: a slow reader slows the reading of the database. */
export function fluxDePages(
  pages: AsyncIterable<Ligne[]>,
  format: FormatExport,
  feuille: string,
  colonnes: string[],
  /** Who reads it (fichiers.ts): people get formulas neutralised and the BOM a French Excel needs; programs not. */
  { pour = "personnes" }: { pour?: Destinataire } = {},
): Readable {
  const bom = pour === "personnes";
  const cast = castCsv(pour);
  const sortie = new PassThrough();
  const ecrire = (morceau: string | Buffer) => ecrireFlux(sortie, morceau);
  (async () => {
    if (format === "xlsx") {
      const { default: Excel } = await import("exceljs");
      const classeur = new Excel.stream.xlsx.WorkbookWriter({ stream: sortie, useStyles: true });
      const f = classeur.addWorksheet(feuille, { views: [{ state: "frozen", ySplit: 1 }] });
      f.columns = colonnes.map((e) => ({ header: e, key: e, width: Math.max(12, e.length + 2) }));
      f.getRow(1).font = { bold: true };
      for await (const page of pages)
        for (let i = 0; i < page.length; i++) {
          f.addRow(page[i]).commit();
          // a workbook's row costs about 0.15 ms (1,000 rows held the loop 145 ms): let go every hundred, and wait
          // for a slow reader (the workbook writer does not)
          if (i % 100 === 99) {
            await new Promise((r) => setImmediate(r));
            await attendreVidange(sortie);
          }
        }
      f.commit();
      await classeur.commit();
      return;
    }
    let premiere = true;
    for await (const lu of pages)
      for (let i = 0; i < lu.length; i += MORCEAU) {
        // written by a few hundred rows, the loop let go between two (and the stream drained)
        const page = lu.slice(i, i + MORCEAU);
        if (i > 0) await new Promise((r) => setImmediate(r));
        if (format === "csv") {
          await ecrire(
            `${premiere && bom ? "\uFEFF" : ""}${stringify(page, {
              header: premiere,
              delimiter: ";",
              columns: colonnes,
              cast,
            })}`,
          );
        } else {
          // as JSON.stringify(rows, null, 2) writes the whole array
          const corps = page.map((l) => `  ${JSON.stringify(l, null, 2).replace(/\n/g, "\n  ")}`).join(",\n");
          await ecrire(`${premiere ? "[\n" : ",\n"}${corps}`);
        }
        premiere = false;
      }
    if (format === "csv" && premiere)
      await ecrire(
        `${bom ? "\uFEFF" : ""}${stringify([], { header: true, delimiter: ";", columns: colonnes })}`,
      );
    if (format === "json") await ecrire(premiere ? "[]\n" : "\n]\n");
    sortie.end();
  })().catch(finEcriture(sortie));
  return sortie;
}

/** An array handed out by pages, the loop let go between two. */
export async function* parPages<T>(elements: T[], taille: number): AsyncGenerator<T[]> {
  for (let i = 0; i < elements.length; i += taille) {
    yield elements.slice(i, i + taille);
    await new Promise((r) => setImmediate(r));
  }
}

/** A JSON document whose one array is written page by page: `debut`, the elements separated by commas, `fin`. */
export function fluxJson(debut: string, pages: AsyncIterable<unknown[]>, fin: string): Readable {
  const sortie = new PassThrough();
  (async () => {
    let premier = true;
    await ecrireFlux(sortie, debut);
    for await (const page of pages) {
      if (page.length === 0) continue;
      const texte = page.map((e) => JSON.stringify(e)).join(",");
      await ecrireFlux(sortie, premier ? texte : `,${texte}`);
      premier = false;
    }
    sortie.end(fin);
  })().catch(finEcriture(sortie));
  return sortie;
}

/** Pages of anything turned into pages of a file's rows. */
export async function* enLignes<T>(
  pages: AsyncIterable<T[]>,
  ligne: (t: T) => Ligne,
): AsyncGenerator<Ligne[]> {
  for await (const page of pages) yield page.map(ligne);
}

/** The whole export in memory (the command line writes it to a file or its output). */
export async function exporter(...args: Parameters<typeof exporterFlux>): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const m of exporterFlux(...args)) morceaux.push(Buffer.from(m as Buffer));
  return Buffer.concat(morceaux);
}

export { type FiltresExport, lignesExport };
