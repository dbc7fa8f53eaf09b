import { parentPort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// The embedded database's own thread (see pglite-distante.ts for why). It holds the PGlite instance and answers
// the main thread's protocol messages in order, one at a time, as PGlite itself would.

export type Demande =
  | { type: "ouvrir"; dataDir: string; modele?: ArrayBuffer; reglages: string }
  | { type: "exec"; id: number; octets: Uint8Array }
  | { type: "ecouter"; id: number; canal: string }
  | { type: "dump"; id: number }
  | { type: "fermer"; id: number };

export type Reponse =
  | { type: "ouverte" }
  | { type: "messages"; id: number; messages: unknown[] }
  | { type: "fait"; id: number; archive?: ArrayBuffer }
  | { type: "erreur"; id?: number; erreur: ErreurSerialisee }
  | { type: "notification"; canal: string; payload: string };

/** An error as plain data: a thread boundary keeps an Error's message only, and the callers read its SQLSTATE. */
export type ErreurSerialisee = { message: string; [propriete: string]: unknown };

/** Messages per post: a large result reaches the main thread in slices, each decoded between two other tasks. */
const TRANCHE = 500;

export function serialiserErreur(e: unknown): ErreurSerialisee {
  if (e instanceof Error)
    return { ...(e as unknown as Record<string, unknown>), message: e.message, name: e.name };
  return { message: String(e) };
}

const port = parentPort;
if (!port) throw new Error("pglite-worker runs as a worker thread");
let lite: PGlite | undefined;
const canaux = new Set<string>();
let file = Promise.resolve();

const repondre = (r: Reponse, transfert: ArrayBuffer[] = []) => port.postMessage(r, transfert);

async function traiter(d: Demande): Promise<void> {
  if (d.type === "ouvrir") {
    try {
      lite = await PGlite.create(d.dataDir, {
        extensions: { btree_gist, pg_trgm },
        ...(d.modele ? { loadDataDir: new Blob([d.modele]) } : {}),
      });
      await lite.exec(d.reglages);
      repondre({ type: "ouverte" });
    } catch (e) {
      repondre({ type: "erreur", erreur: serialiserErreur(e) });
    }
    return;
  }
  const base = lite;
  try {
    if (!base) throw new Error("Connection terminated: base embarquée non ouverte");
    if (d.type === "exec") {
      const messages = await base.execProtocolStream(d.octets, { throwOnError: false });
      for (let i = 0; i < messages.length; i += TRANCHE) {
        const tranche = messages.slice(i, i + TRANCHE).map((m) =>
          // a refused query is an error message: sent as data, made an Error again on the other side
          m instanceof Error ? { ...serialiserErreur(m), estErreur: true } : m,
        );
        repondre({ type: "messages", id: d.id, messages: tranche });
      }
      repondre({ type: "fait", id: d.id });
    } else if (d.type === "ecouter") {
      const canal = d.canal;
      // once per channel: the main thread dispatches to its listeners
      if (!canaux.has(canal)) {
        await base.listen(canal, (payload) => repondre({ type: "notification", canal, payload }));
        canaux.add(canal);
      }
      repondre({ type: "fait", id: d.id });
    } else if (d.type === "dump") {
      const archive = await (await base.dumpDataDir("gzip")).arrayBuffer();
      repondre({ type: "fait", id: d.id, archive }, [archive]);
    } else if (d.type === "fermer") {
      await base.close();
      lite = undefined;
      repondre({ type: "fait", id: d.id });
    }
  } catch (e) {
    repondre({ type: "erreur", id: d.id, erreur: serialiserErreur(e) });
  }
}

port.on("message", (d: Demande) => {
  file = file.then(() => traiter(d));
});
