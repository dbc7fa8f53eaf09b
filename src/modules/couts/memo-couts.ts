import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { signatureCouts } from "./couts.repository.js";

export interface Lu<T> {
  valeur: T;
  /** The instant (app clock) of the data the figures come from. */
  calcule_le: Date;
  /** False: the data changed since, the new figures are being computed and this is the last result. */
  a_jour: boolean;
}

interface Garde {
  signature: string;
  valeur: unknown;
  le: Date;
}

/**
 * Months' costs kept in memory and shared: a month is computed once, in SQL, and kept until a change that may alter
 * it is signalled (tel_couts_signal, written by triggers whatever the path); two identical requests in flight share
 * one computation. When a kept month has changed and its new computation takes longer than `attenteMs`, the last
 * result answers, marked not up to date, and the new one replaces it when done: an administrator opening the
 * dashboard never waits on a million numbers.
 */
export class MemoCouts {
  private readonly gardes = new Map<string, Garde>();
  private readonly enCours = new Map<string, Promise<Garde>>();

  constructor(
    private readonly attenteMs = 800,
    private readonly taille = 32,
  ) {}

  async lire<T>(
    db: Kysely<DB>,
    cle: string,
    periode: string,
    maintenant: Date,
    calculer: () => Promise<T>,
  ): Promise<Lu<T>> {
    const signature = await signatureCouts(db, periode);
    const garde = this.gardes.get(cle);
    if (garde?.signature === signature)
      return { valeur: garde.valeur as T, calcule_le: garde.le, a_jour: true };
    const cleCalcul = `${cle}@${signature}`;
    let calcul = this.enCours.get(cleCalcul);
    if (!calcul) {
      calcul = calculer().then(
        (valeur) => {
          const g = { signature, valeur, le: maintenant };
          const actuelle = this.gardes.get(cle);
          // a slower, older computation never replaces a newer one
          if (!actuelle || actuelle.le <= maintenant) this.garder(cle, g);
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

  /** How many computations run now (the tests count them). */
  get calculsEnCours() {
    return this.enCours.size;
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
