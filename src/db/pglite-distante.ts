import type { Worker } from "node:worker_threads";
import { demarrerWorker } from "../demarrer-worker.js";
import type { Demande, ErreurSerialisee, Reponse } from "./pglite-worker.js";

/**
 * The embedded database, run in a worker thread. PGlite is PostgreSQL compiled to WebAssembly: a query runs
 * synchronously on the thread that calls it. On the main thread, each statement of an import or a publication's
 * snapshot held the event loop for tens of milliseconds, and Hermes' routing lookups (answered from memory) waited
 * behind it: 101 ms at the 99th percentile during a 100,000-row import. In its own thread, the database works
 * while the event loop answers.
 *
 * This object is what PGlite's node-postgres adapter needs (`execProtocolStream`, `waitReady`), so node-postgres
 * and Kysely see the same database as before. If the thread dies (an abort inside the WebAssembly), the session
 * dies with it, as a server connection would: the statements in flight fail as a lost connection (503), the pool
 * drops its client, and the next one starts a new thread on the same data folder (never on an in-memory one, whose
 * data died with the thread).
 */
export class PGliteDistante {
  private worker: Worker | undefined;
  private pret: Promise<void> | undefined;
  private suivant = 1;
  private readonly attentes = new Map<
    number,
    {
      messages: unknown[];
      resoudre: (r: Reponse & { type: "fait" }, messages: unknown[]) => void;
      rejeter: (e: Error) => void;
    }
  >();
  private readonly ecoutes = new Map<string, Set<Ecoute>>();
  private fermee = false;
  private morte: Error | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly reglages: string,
    private readonly modele: () => Blob | undefined,
  ) {}

  /** Starts the thread and opens the database; rejects with the opening's error. */
  get waitReady(): Promise<void> {
    if (this.morte && !this.dataDir.startsWith("memory://") && !this.fermee) {
      this.morte = undefined;
      this.pret = undefined;
    }
    if (this.morte) return Promise.reject(this.morte);
    this.pret ??= this.demarrer();
    return this.pret;
  }

  private async demarrer(): Promise<void> {
    const worker = demarrerWorker("db/pglite-worker");
    this.worker = worker;
    const ouverte = new Promise<void>((resolve, reject) => {
      worker.on("message", (r: Reponse) => {
        if (r.type === "ouverte") resolve();
        else if (r.type === "erreur" && r.id === undefined) reject(erreurDe(r.erreur));
        else this.recevoir(r);
      });
      worker.on("error", (err) => {
        reject(err);
        this.mourir(worker, err);
      });
      worker.on("exit", (code) => {
        const err = new Error(`Connection terminated: la base embarquée s'est arrêtée (code ${code})`);
        reject(err);
        this.mourir(worker, err);
      });
    });
    const blob = this.modele();
    const modele = blob ? await blob.arrayBuffer() : undefined;
    const ouvrir: Demande = {
      type: "ouvrir",
      dataDir: this.dataDir,
      reglages: this.reglages,
      ...(modele ? { modele } : {}),
    };
    worker.postMessage(ouvrir, modele ? [modele] : []);
    await ouverte;
    // a new thread after a death: it listens again, and what was missed is reloaded by the listeners
    for (const canal of this.ecoutes.keys()) await this.envoyer(worker, { type: "ecouter", id: 0, canal });
  }

  private mourir(worker: Worker, err: Error) {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.morte = new Error(`Connection terminated: ${err.message}`);
    for (const a of this.attentes.values()) a.rejeter(this.morte);
    this.attentes.clear();
    // the listeners reload what they keep, which starts a new thread (a data folder) or fails (in memory)
    if (!this.fermee) for (const ecoutes of this.ecoutes.values()) for (const e of ecoutes) e.perte();
  }

  private recevoir(r: Reponse) {
    if (r.type === "notification") {
      for (const e of this.ecoutes.get(r.canal) ?? []) e.recevoir(r.payload);
      return;
    }
    if (r.type === "ouverte" || r.id === undefined) return;
    const attente = this.attentes.get(r.id);
    if (!attente) return;
    if (r.type === "messages") {
      for (const m of r.messages) attente.messages.push(m);
    } else if (r.type === "fait") {
      this.attentes.delete(r.id);
      attente.resoudre(r, attente.messages);
    } else if (r.type === "erreur") {
      this.attentes.delete(r.id);
      attente.rejeter(erreurDe(r.erreur));
    }
  }

  private async demander(
    demande: Demande & { id: number },
    transfert: ArrayBuffer[] = [],
  ): Promise<{ reponse: Reponse & { type: "fait" }; messages: unknown[] }> {
    await this.waitReady;
    const worker = this.worker;
    if (!worker) throw this.morte ?? new Error("Connection terminated: base embarquée fermée");
    return this.envoyer(worker, demande, transfert);
  }

  private envoyer(
    worker: Worker,
    demande: Demande & { id: number },
    transfert: ArrayBuffer[] = [],
  ): Promise<{ reponse: Reponse & { type: "fait" }; messages: unknown[] }> {
    const id = this.suivant++;
    return new Promise((resolve, reject) => {
      this.attentes.set(id, {
        messages: [],
        resoudre: (reponse, messages) => resolve({ reponse, messages }),
        rejeter: reject,
      });
      worker.postMessage({ ...demande, id }, transfert);
    });
  }

  /** What the node-postgres adapter calls for each protocol message: the server's answers, errors among them. */
  async execProtocolStream(octets: Uint8Array, _options?: unknown): Promise<unknown[]> {
    // a copy of its own, handed over without a second copy: the caller may reuse its buffer
    const copie = octets.slice();
    const { messages } = await this.demander({ type: "exec", id: 0, octets: copie }, [
      copie.buffer as ArrayBuffer,
    ]);
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as { estErreur?: boolean } & ErreurSerialisee;
      if (m.estErreur) {
        const { estErreur: _, ...erreur } = m;
        messages[i] = erreurDe(erreur);
      }
    }
    return messages;
  }

  /** Calls `recevoir` for each notification on `canal`, and `perte` when the thread died (some may be lost). */
  async listen(canal: string, recevoir: (payload: string) => void, perte: () => void): Promise<() => void> {
    const ecoute: Ecoute = { recevoir, perte };
    const existantes = this.ecoutes.get(canal);
    if (existantes) existantes.add(ecoute);
    else {
      this.ecoutes.set(canal, new Set([ecoute]));
      await this.demander({ type: "ecouter", id: 0, canal });
    }
    return () => {
      this.ecoutes.get(canal)?.delete(ecoute);
    };
  }

  async dumpDataDir(): Promise<Blob> {
    const { reponse } = await this.demander({ type: "dump", id: 0 });
    if (!reponse.archive) throw new Error("La base embarquée n'a pas produit d'archive");
    return new Blob([reponse.archive]);
  }

  async close(): Promise<void> {
    if (this.fermee) return;
    const worker = this.worker;
    try {
      if (worker && !this.morte) await this.demander({ type: "fermer", id: 0 });
    } finally {
      this.fermee = true;
      this.worker = undefined;
      await worker?.terminate();
    }
  }
}

interface Ecoute {
  recevoir: (payload: string) => void;
  perte: () => void;
}

/** A serialised error made an Error again, with its SQLSTATE, constraint and detail where the callers look. */
function erreurDe(e: ErreurSerialisee): Error {
  const { message, name: _name, stack: _stack, ...proprietes } = e;
  // "error" is node-postgres' name for a server's error message (DatabaseError)
  return Object.assign(new Error(message), proprietes, { name: "error" });
}
