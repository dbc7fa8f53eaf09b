import fs from "node:fs";
import os from "node:os";
import type { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../db/database.js";
import { MemoCouts } from "../modules/couts/memo-couts.js";
import { emballer } from "./erreurs.js";
import type { MessageVersServeur, MessageVersTravail } from "./messages.js";
import { travauxFlux, travauxResultat } from "./registre.js";

// The work thread (travaux.ts): its own pool of connections to the same PostgreSQL database, the work of the
// registry, files sent back a piece at a time as the server's side asks for them.
const port = parentPort;
if (!port) throw new Error("travaux-worker runs as a worker thread");
// This thread yields the processor to the server's (Linux: a thread's own nice value, read by its id); on a machine
// of two cores, the routing lookups waited for it otherwise, though the server's thread had nothing else to do.
try {
  os.setPriority(Number(fs.readlinkSync("/proc/thread-self").split("/").pop()), 10);
} catch {
  // elsewhere, the same priority as the server
}

const envoyer = (m: MessageVersServeur, transfert?: ArrayBuffer[]) => port.postMessage(m, transfert ?? []);

const database = await openDatabase({
  databaseUrl: workerData.url as string,
  poolSize: workerData.connexions as number,
});
// its statements' memo: their kept lines live in this thread's heap, not the server's
const env = { db: database.db, memo: new MemoCouts() };

interface FluxEnCours {
  flux: Readable;
  iterateur: AsyncIterator<Buffer | string>;
  /** The next piece, read ahead while the server writes the previous one. */
  suivant: Promise<IteratorResult<Buffer | string>>;
}
const flux = new Map<number, FluxEnCours>();

async function lireMorceau(id: number) {
  const f = flux.get(id);
  if (!f) return;
  try {
    const r = await f.suivant;
    if (!flux.has(id)) return;
    if (r.done) {
      flux.delete(id);
      envoyer({ type: "fin", id });
      return;
    }
    f.suivant = f.iterateur.next();
    // a copy of its own: a piece may be a slice of a pooled buffer, which must not be handed over
    const octets = typeof r.value === "string" ? Buffer.from(r.value) : r.value;
    const copie = new Uint8Array(octets.length);
    copie.set(octets);
    envoyer({ type: "morceau", id, octets: copie }, [copie.buffer]);
  } catch (e) {
    flux.delete(id);
    envoyer({ type: "erreur", id, erreur: emballer(e) });
  }
}

port.on("message", (m: MessageVersTravail) => {
  switch (m.type) {
    case "executer": {
      const travail = travauxResultat[m.nom] as (env: unknown, args: unknown) => Promise<unknown>;
      travail(env, m.args).then(
        (valeur) => envoyer({ type: "resultat", id: m.id, valeur }),
        (e) => envoyer({ type: "erreur", id: m.id, erreur: emballer(e) }),
      );
      return;
    }
    case "flux": {
      try {
        const f = (travauxFlux[m.nom] as (env: unknown, args: unknown) => Readable)(env, m.args);
        const iterateur = f[Symbol.asyncIterator]();
        flux.set(m.id, { flux: f, iterateur, suivant: iterateur.next() });
      } catch (e) {
        envoyer({ type: "erreur", id: m.id, erreur: emballer(e) });
      }
      return;
    }
    case "lire":
      void lireMorceau(m.id);
      return;
    case "fermer":
      // its connections ended cleanly, not cut by the thread's end (the database would log each one)
      void database.close().finally(() => process.exit(0));
      return;
    case "annuler": {
      const f = flux.get(m.id);
      flux.delete(m.id);
      // the reader left: the file's writer stops there and gives its cursor back (flux-ecriture.ts)
      f?.flux.destroy();
      f?.suivant.catch(() => {});
      return;
    }
  }
});
