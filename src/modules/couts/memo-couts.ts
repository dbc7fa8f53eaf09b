import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { coutsGardes, garderCouts, signatureCouts } from "./couts.repository.js";

export interface Lu<T> {
  valeur: T;
  /** The instant (app clock) of the data the figures come from. */
  calcule_le: Date;
  /** False: the data changed since, the new figures are being computed and this is the last result. */
  a_jour: boolean;
}

/** Numbers per cost query on the embedded database: about 0.3 s of its time each at 100,000 numbers. */
export const LOT_COUTS_PGLITE = 5_000;

interface Garde {
  signature: string;
  valeur: unknown;
  le: Date;
  /** Order of the computations started here (0: read from the database). */
  rang: number;
}

/**
 * Months' costs kept in memory (and a month's summary in the database, across restarts) and shared: a month is
 * computed once, in SQL, and kept until a change that may alter it is signalled (tel_couts_signal, written by triggers whatever the path); two identical requests in flight share
 * one computation. When a kept month has changed and its new computation takes longer than `attenteMs`, the last
 * result answers, marked not up to date, and the new one replaces it when done: an administrator opening the
 * dashboard never waits on a million numbers.
 */
export class MemoCouts {
  private readonly gardes = new Map<string, Garde>();
  private readonly enCours = new Map<string, Promise<Garde>>();
  private rang = 0;
  /** Computations started since the start, and the most that ran at once (the metrics and the tests read it). */
  readonly bilan = { calculs: 0, simultanes: 0 };
  private actifs = 0;
  private readonly file: Array<() => void> = [];

  constructor(
    private readonly attenteMs = 800,
    private readonly taille = 32,
    /**
     * Numbers per query when a month is computed (0: the whole inventory in one). The embedded database runs one
     * query at a time: its months are computed in slices, so that pages are served between them (resumeDuMois).
     */
    readonly lot = 0,
    /** Between two slices: waits for the database to be free (Database.auRepos), when it serves one query at a time. */
    readonly repos: () => Promise<void> = async () => {},
    /**
     * Months computed at once, at most. A kept month that changed answers its last result after `attenteMs` while
     * its new one goes on: the six months of the trend, all changed, were six queries of tens of seconds at a million
     * numbers holding the whole pool, and every other request failed to get a connection (measured after a restart).
     */
    private readonly paralleles = 1,
  ) {}

  /** Runs a computation when fewer than `paralleles` run: the others wait their turn, in order. */
  private async aSonTour<T>(calculer: () => Promise<T>): Promise<T> {
    // a slot freed is handed to the next in line, never taken by a newcomer in between
    if (this.actifs >= this.paralleles) await new Promise<void>((r) => this.file.push(r));
    else this.actifs++;
    this.bilan.simultanes = Math.max(this.bilan.simultanes, this.actifs);
    try {
      return await calculer();
    } finally {
      const suivant = this.file.shift();
      if (suivant) suivant();
      else this.actifs--;
    }
  }

  async lire<T>(
    db: Kysely<DB>,
    cle: string,
    periode: string,
    maintenant: Date,
    calculer: () => Promise<T>,
    /** Kept in the database too (tel_couts_mois): a month's summary, small; not a statement's lines. */
    persister = false,
  ): Promise<Lu<T>> {
    const signature = await signatureCouts(db, periode);
    let garde = this.gardes.get(cle);
    if (!garde && persister) {
      const enBase = await coutsGardes(db, cle);
      if (enBase) {
        garde = {
          signature: enBase.signature,
          valeur: enBase.resultat,
          le: new Date(enBase.calcule_le),
          rang: 0,
        };
        this.garder(cle, garde);
      }
    }
    if (garde?.signature === signature)
      return { valeur: garde.valeur as T, calcule_le: garde.le, a_jour: true };
    const cleCalcul = `${cle}@${signature}`;
    let calcul = this.enCours.get(cleCalcul);
    if (!calcul) {
      const rang = ++this.rang;
      this.bilan.calculs++;
      calcul = this.aSonTour(calculer).then(
        async (valeur) => {
          const g = { signature, valeur, le: maintenant, rang };
          // a copy the database could not keep is computed again after a restart, nothing worse
          if (persister) await garderCouts(db, cle, signature, maintenant, valeur).catch(() => {});
          const actuelle = this.gardes.get(cle);
          // a slower, older computation never replaces a newer one
          if (!actuelle || actuelle.rang < rang) this.garder(cle, g);
          this.enCours.delete(cleCalcul);
          return g;
        },
        (e: unknown) => {
          this.enCours.delete(cleCalcul);
          throw e;
        },
      );
      this.enCours.set(cleCalcul, calcul);
    }
    if (!garde) {
      const g = await calcul;
      return { valeur: g.valeur as T, calcule_le: g.le, a_jour: true };
    }
    // an answer in time, else the last one; a failure of the late computation is the next caller's error
    calcul.catch(() => {});
    let minuterie: ReturnType<typeof setTimeout> | undefined;
    const delai = new Promise<undefined>((r) => {
      minuterie = setTimeout(() => r(undefined), this.attenteMs);
    });
    const g = await Promise.race([calcul, delai]).finally(() => clearTimeout(minuterie));
    return g
      ? { valeur: g.valeur as T, calcule_le: g.le, a_jour: true }
      : { valeur: garde.valeur as T, calcule_le: garde.le, a_jour: false };
  }

  private garder(cle: string, g: Garde) {
    this.gardes.delete(cle);
    this.gardes.set(cle, g);
    // the oldest kept first out
    while (this.gardes.size > this.taille) {
      const premiere = this.gardes.keys().next().value as string;
      this.gardes.delete(premiere);
    }
  }
}

/**
 * The memo of an app: on the embedded database, a month is computed a slice at a time, each slice once the database
 * has been free for 30 ms (2 s at most), so that people's requests pass between them (#32).
 */
export function memoCoutsPour(database: Pick<Database, "auRepos">) {
  const auRepos = database.auRepos;
  return auRepos ? new MemoCouts(800, 32, LOT_COUTS_PGLITE, () => auRepos(30, 2000)) : new MemoCouts();
}
