import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { FastifyReply } from "fastify";
import { masqueur } from "../modules/auth/acces.js";
import { attendreVidange, finEcriture } from "./flux-ecriture.js";

const TAILLE_LOT = 500;

// A cell a spreadsheet would run as a formula (OWASP, CSV injection): = + - @, and tab or carriage return before them.
const FORMULE = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets: prefixed with an apostrophe when it starts like a formula. A number in
 * +33… form stays readable ('+33142685300) and the import reads it back as it was (lireCelluleCsv).
 */
export const neutraliserCellule = (v: string): string => (FORMULE.test(v) ? `'${v}` : v);

/** The cell as it was before neutraliserCellule: the apostrophe it added goes, any other stays. */
export const lireCelluleCsv = (v: string): string =>
  v.startsWith("'") && FORMULE.test(v.slice(1)) ? v.slice(1) : v;

/** csv-stringify's casts for every CSV this API writes. */
export const CAST_CSV = {
  boolean: (b: boolean) => (b ? "1" : "0"),
  string: neutraliserCellule,
  number: (n: number) => String(n),
};

function cellule(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === "object") return JSON.stringify(v);
  return v;
}

/**
 * Streams a whole filtered list as CSV (`;`, UTF-8 with BOM so spreadsheet software reads accents),
 * fetched by id batches so a million rows never sit in memory at once.
 */
export function envoyerCsv(
  reply: FastifyReply,
  nom: string,
  lot: (apresId: number, taille: number) => Promise<Array<Record<string, unknown>>>,
) {
  let lues: Array<Record<string, unknown>> = [];
  return envoyerCsvParIds(
    reply,
    nom,
    async (apres, taille) => {
      lues = await lot(apres, taille);
      return lues.map((l) => Number(l.id));
    },
    undefined,
    async () => lues,
  );
}

/**
 * The same, in a kind's import format (export.service.ts): the list's ids in batches, then each batch's rows as the
 * import reads them. The header is written even for an empty list, from `colonnes`.
 */
export function envoyerCsvParIds(
  reply: FastifyReply,
  nom: string,
  ids: (apresId: number, taille: number) => Promise<number[]>,
  colonnesFixes: string[] | undefined,
  lignesDe: (ids: number[]) => Promise<Array<Record<string, unknown>>>,
) {
  // a list's file shows what its JSON page shows: the fields its caller may not see are empty (acces.ts)
  const masquer = reply.request.acteur
    ? masqueur(reply.request.acteur, reply.request.routeOptions.config?.champsPropres)
    : <T>(l: T) => l;
  return envoyerFichierCsv(reply, nom, fluxCsvParIds(ids, colonnesFixes, lignesDe, masquer));
}

/** A list's CSV file as the answer, with its name. */
export function envoyerFichierCsv(reply: FastifyReply, nom: string, contenu: Readable) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${nom}.csv"`)
    .send(contenu);
}

/** A list's CSV as a stream, read by batches of ids: what envoyerCsvParIds sends, and the work thread writes. */
export function fluxCsvParIds(
  ids: (apresId: number, taille: number) => Promise<number[]>,
  colonnesFixes: string[] | undefined,
  lignesDe: (ids: number[]) => Promise<Array<Record<string, unknown>>>,
  masquer: (l: Record<string, unknown>) => Record<string, unknown>,
): Readable {
  const sortie = new PassThrough();
  const csv = stringify({
    delimiter: ";",
    header: true,
    bom: true,
    cast: CAST_CSV,
    ...(colonnesFixes ? { columns: colonnesFixes } : {}),
  });
  csv.pipe(sortie);
  (async () => {
    let apres = 0;
    let colonnes = colonnesFixes;
    for (;;) {
      const lot = await ids(apres, TAILLE_LOT);
      if (lot.length === 0) break;
      for (const lu of await lignesDe(lot)) {
        const l = masquer(lu);
        colonnes ??= Object.keys(l);
        csv.write(Object.fromEntries(colonnes.map((c) => [c, cellule(l[c])])));
        // the client that left closes `sortie`, never `csv`: its drain would never come
        await attendreVidange(csv, sortie);
      }
      apres = Number(lot[lot.length - 1]);
      if (lot.length < TAILLE_LOT) break;
    }
    csv.end();
  })().catch(finEcriture(sortie));
  return sortie;
}
