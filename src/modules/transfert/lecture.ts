import { loadConfig } from "../../config.js";
import { demarrerWorker } from "../../demarrer-worker.js";
import { codeConnu } from "../../http/codes-erreur.js";
import { ApiError } from "../../http/errors.js";
import type { LimitesLecture, MessageLecture } from "./lecture-fichier.js";

export type { LimitesLecture } from "./lecture-fichier.js";

export interface Tableau {
  entetes: string[];
  /** Data rows with the line (CSV) or row (XLSX) they came from, for the report. */
  lignes: Array<{ ligne: number; valeurs: Record<string, string> }>;
  format: "csv" | "xlsx";
  encodage?: "utf-8" | "windows-1252";
  separateur?: ";" | ",";
}

/**
 * A row as read: its cells kept as one JSON string, made into a record when the checks read it. A file of 100,000
 * rows held as records was 700,000 objects that every garbage collection of the server copied while the import ran,
 * stalling Hermes' lookups for tens of milliseconds at a time; as strings, they are 100,000.
 */
class LigneLue {
  // the checks read several cells of one row in a row: the last record made is kept
  private static derniere: { de: LigneLue; valeurs: Record<string, string> } | undefined;

  constructor(
    readonly ligne: number,
    private readonly cellules: string,
    private readonly entetes: string[],
  ) {}

  get valeurs(): Record<string, string> {
    const d = LigneLue.derniere;
    if (d?.de === this) return d.valeurs;
    const cellules = JSON.parse(this.cellules) as string[];
    const valeurs: Record<string, string> = {};
    for (let i = 0; i < this.entetes.length; i++) valeurs[this.entetes[i] as string] = cellules[i] ?? "";
    LigneLue.derniere = { de: this, valeurs };
    return valeurs;
  }
}

/** The limits the configuration gives when nothing is set (IMPORT_MAX_ROWS…): written once, in config.ts. */
const LIMITES_PAR_DEFAUT: LimitesLecture = loadConfig({}).importLimites;

/**
 * CSV or XLSX, told by the content (an XLSX is a ZIP archive), whatever the file is called. The file is read in a
 * worker thread, streaming, under limits of rows, columns, inflated size, memory and time: a large or hostile file
 * costs the worker, never the event loop that answers Hermes' routing lookups and the health checks, and the
 * worker's memory is given back when it ends. Rows come back in batches, each turned into records between two
 * turns of the event loop.
 */
export function lireTableau(contenu: Buffer, limites: LimitesLecture = LIMITES_PAR_DEFAUT): Promise<Tableau> {
  if (contenu.length === 0) return Promise.reject(new ApiError(422, "FICHIER_VIDE", "Le fichier est vide."));
  return new Promise((resolve, reject) => {
    const worker = demarrerWorker("modules/transfert/lecture-worker", {
      workerData: { limites },
      resourceLimits: { maxOldGenerationSizeMb: limites.memoireMo, maxYoungGenerationSizeMb: 64 },
    });
    let fini = false;
    const finir = (err: unknown, tableau?: Tableau) => {
      if (fini) return;
      fini = true;
      clearTimeout(minuterie);
      void worker.terminate();
      if (err) reject(err);
      else resolve(tableau as Tableau);
    };
    const minuterie = setTimeout(
      () =>
        finir(
          new ApiError(
            422,
            "LECTURE_TROP_LONGUE",
            `La lecture du fichier dépasse ${Math.round(limites.dureeMs / 1000)} s : découpez-le en plusieurs fichiers.`,
          ),
        ),
      limites.dureeMs,
    );
    let tableau: Tableau | undefined;
    worker.on("message", (m: MessageLecture) => {
      if (m.type === "entetes") {
        tableau = { entetes: m.entetes, lignes: [], format: m.format };
        if (m.encodage) tableau.encodage = m.encodage;
        if (m.separateur) tableau.separateur = m.separateur;
      } else if (m.type === "lignes" && tableau) {
        for (const [ligne, cellules] of m.lignes)
          tableau.lignes.push(new LigneLue(ligne, cellules, tableau.entetes));
      } else if (m.type === "fin") {
        finir(undefined, tableau);
      } else if (m.type === "erreur") {
        finir(new ApiError(m.status, codeConnu(m.code, "FICHIER_ILLISIBLE"), m.message));
      }
    });
    worker.on("error", (err: Error & { code?: string }) =>
      finir(
        err.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new ApiError(
              413,
              "FICHIER_TROP_GROS",
              `La lecture du fichier dépasse la mémoire qui lui est allouée (${limites.memoireMo} Mo) : découpez-le en plusieurs fichiers.`,
            )
          : err,
      ),
    );
    worker.on("exit", () =>
      finir(new ApiError(422, "FICHIER_ILLISIBLE", "La lecture du fichier s'est arrêtée avant sa fin.")),
    );
    // a copy handed over (transferred, not cloned again): the caller's buffer stays usable
    const octets = new Uint8Array(contenu).buffer;
    worker.postMessage(octets, [octets]);
  });
}
