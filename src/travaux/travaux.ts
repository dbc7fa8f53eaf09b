import { Readable } from "node:stream";
import type { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { demarrerWorker } from "../demarrer-worker.js";
import { ApiError } from "../http/errors.js";
import type { MemoCouts } from "../modules/couts/memo-couts.js";
import { deballer } from "./erreurs.js";
import type { MessageVersServeur, MessageVersTravail } from "./messages.js";
import {
  type EnvTravail,
  type TravauxFlux,
  type TravauxResultat,
  travauxFlux,
  travauxResultat,
} from "./registre.js";

/**
 * Where a request's long work runs (registre.ts: imports, exports, a declaration's preview). On PostgreSQL, in a
 * thread of its own with its own connections: the server's event loop, which answers Hermes' routing lookups, only
 * passes messages and bytes, and the work's garbage stays in the other thread's heap. On the embedded database,
 * whose one connection lives in this thread, here, between two turns of the loop as before.
 *
 * The thread starts with the first piece of work and stops after a while without any.
 */
export class Travaux {
  private worker: Worker | undefined;
  private prochainId = 1;
  private readonly attentes = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly lecteurs = new Map<number, Readable>();
  private arret: NodeJS.Timeout | undefined;
  /** Started with the server and kept: the first export's first byte does not wait for the thread's start. */
  private permanent = false;
  /** For the metrics: work started by name and thread, and the work running now. */
  readonly comptes = new Map<string, number>();
  enCours = 0;

  constructor(
    private readonly options: {
      db: Kysely<DB>;
      /** The app's memo of computed statements, for the work run in this thread. */
      memo: MemoCouts;
      /** PostgreSQL's: the work thread connects to it. Undefined: the work runs in this thread. */
      url: string | undefined;
      connexions?: number;
      /** Stop the thread after this long without work. */
      inactifMs?: number;
    },
  ) {}

  /** Whether the work runs in a thread of its own. */
  get isole(): boolean {
    return this.options.url !== undefined;
  }

  executer<N extends keyof TravauxResultat>(
    nom: N,
    args: Parameters<TravauxResultat[N]>[1],
    /** Buffers handed over to the thread (the uploaded file): unusable here afterwards. */
    transfert: ArrayBuffer[] = [],
  ): Promise<Awaited<ReturnType<TravauxResultat[N]>>> {
    type R = Awaited<ReturnType<TravauxResultat[N]>>;
    const travail = travauxResultat[nom] as (env: EnvTravail, a: typeof args) => Promise<R>;
    const fini = this.compter(nom);
    if (!this.isole) return travail(this.options, args).finally(fini);
    const id = this.prochainId++;
    return new Promise<R>((resolve, reject) => {
      this.attentes.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.envoyer({ type: "executer", id, nom, args }, transfert);
    }).finally(fini);
  }

  /** A file written by the work: read as it comes, the thread writing a piece ahead of what was read. */
  flux<N extends keyof TravauxFlux>(nom: N, args: Parameters<TravauxFlux[N]>[1]): Readable {
    const travail = travauxFlux[nom] as (env: EnvTravail, a: typeof args) => Readable;
    const fini = this.compter(nom);
    if (!this.isole) return travail(this.options, args).once("close", fini);
    const id = this.prochainId++;
    const lecteur = new Readable({
      read: () => this.envoyer({ type: "lire", id }),
      destroy: (err, fin) => {
        // the client left (or the file failed): the thread stops writing it
        if (this.lecteurs.delete(id)) {
          this.worker?.postMessage({ type: "annuler", id } satisfies MessageVersTravail);
          this.peutEtreInactif();
        }
        fin(err);
      },
    });
    lecteur.once("close", fini);
    this.lecteurs.set(id, lecteur);
    this.envoyer({ type: "flux", id, nom, args });
    return lecteur;
  }

  /** The served process starts the thread at once and keeps it (tests and commands start it on demand). */
  prechauffer() {
    if (!this.isole) return;
    this.permanent = true;
    this.demarrer().unref();
  }

  /** An uploaded file as the work takes it: handed over to the thread in a buffer of its own, or as it is here. */
  fichier(contenu: Buffer): { octets: Uint8Array; transfert: ArrayBuffer[] } {
    if (!this.isole) return { octets: contenu, transfert: [] };
    const octets = new Uint8Array(contenu);
    return { octets, transfert: [octets.buffer] };
  }

  async close() {
    clearTimeout(this.arret);
    const w = this.worker;
    this.worker = undefined;
    this.toutEchoue();
    if (w) await arreter(w);
  }

  /** Counts a piece of work that starts; the function returned counts its end, once. */
  private compter(nom: string): () => void {
    const cle = `${nom}:${this.isole ? "dedie" : "serveur"}`;
    this.comptes.set(cle, (this.comptes.get(cle) ?? 0) + 1);
    this.enCours++;
    let compte = false;
    return () => {
      if (compte) return;
      compte = true;
      this.enCours--;
    };
  }

  private envoyer(m: MessageVersTravail, transfert: ArrayBuffer[] = []) {
    clearTimeout(this.arret);
    const w = this.demarrer();
    w.ref();
    w.postMessage(m, transfert);
  }

  private demarrer(): Worker {
    if (this.worker) return this.worker;
    const w = demarrerWorker("travaux/travaux-worker", {
      workerData: { url: this.options.url, connexions: this.options.connexions ?? 4 },
    });
    w.on("message", (m: MessageVersServeur) => this.recevoir(m));
    w.on("error", (e) => process.stderr.write(`Fil de travail arrêté : ${e.message}\n`));
    w.on("exit", () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.toutEchoue();
    });
    this.worker = w;
    return w;
  }

  private recevoir(m: MessageVersServeur) {
    switch (m.type) {
      case "resultat":
        this.attentes.get(m.id)?.resolve(m.valeur);
        this.attentes.delete(m.id);
        break;
      case "erreur": {
        const e = deballer(m.erreur);
        this.attentes.get(m.id)?.reject(e);
        this.attentes.delete(m.id);
        const l = this.lecteurs.get(m.id);
        this.lecteurs.delete(m.id);
        l?.destroy(e);
        break;
      }
      case "morceau":
        this.lecteurs.get(m.id)?.push(Buffer.from(m.octets.buffer, m.octets.byteOffset, m.octets.length));
        return;
      case "fin":
        this.lecteurs.get(m.id)?.push(null);
        this.lecteurs.delete(m.id);
        break;
    }
    this.peutEtreInactif();
  }

  /** Nothing left to do: the thread no longer holds the process open, and stops after a while. */
  private peutEtreInactif() {
    if (this.attentes.size > 0 || this.lecteurs.size > 0 || !this.worker) return;
    const w = this.worker;
    w.unref();
    clearTimeout(this.arret);
    if (this.permanent) return;
    this.arret = setTimeout(() => {
      if (this.worker !== w || this.attentes.size > 0 || this.lecteurs.size > 0) return;
      this.worker = undefined;
      void arreter(w);
    }, this.options.inactifMs ?? 60_000).unref();
  }

  /** The thread is gone (it failed, or the server stops): what it was doing fails as a 503 to retry. */
  private toutEchoue() {
    const e = () =>
      new ApiError(
        503,
        "TRAVAIL_INTERROMPU",
        "Le traitement s'est arrêté avant sa fin (fil de travail interrompu) : réessayez.",
      );
    for (const a of this.attentes.values()) a.reject(e());
    this.attentes.clear();
    for (const l of this.lecteurs.values()) l.destroy(e());
    this.lecteurs.clear();
  }
}

/** Asks the thread to close its connections and end; ends it after 2 s if it has not. */
async function arreter(w: Worker) {
  if (w.threadId < 0) return;
  const fini = new Promise<void>((r) => w.once("exit", () => r()));
  w.postMessage({ type: "fermer" } satisfies MessageVersTravail);
  const delai = setTimeout(() => void w.terminate(), 2000);
  await fini;
  clearTimeout(delai);
}
