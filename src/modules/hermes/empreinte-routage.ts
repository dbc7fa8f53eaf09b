import type { RouteCourante } from "./snapshot.js";
import type { NumeroRoute } from "./snapshot-lecture.js";

/** What the digest reads of the routing snapshot. */
export interface SourceEmpreinte {
  etat(): { version: number; generation: number };
  numeros(): Iterable<NumeroRoute>;
  routesDe(n: NumeroRoute, t: number): Iterable<RouteCourante>;
  prochaineBorneMandats(t: number): number;
  horloge(): Date;
}

/**
 * A digest of the current routes (the routing's ETag): equal on every instance that holds the same routes, so
 * pollers behind a load balancer get 304s. Kept until the next change or the next assignment date (a dated start
 * or end changes the routes without any write). Computed by slices of numbers, the event loop let go between two,
 * as sums of each route's hash: the same routes give the same digest in any order, with no sort of a million lines
 * (which held the loop 1.8 s at 1,000,000 numbers). Identical calls in flight share one computation, and a change
 * has it computed in the background a second later, so that the dashboard and Hermes' pollers find it ready.
 */
export class EmpreinteRoutage {
  private cache:
    | { valeur: string; version: number; generation: number; depuis: number; jusqua: number }
    | undefined;
  private enCours: { cle: string; promesse: Promise<string> } | undefined;
  private minuterie: ReturnType<typeof setTimeout> | undefined;
  private arretee = false;

  constructor(private readonly source: SourceEmpreinte) {}

  etag(t: number): Promise<string> {
    const { version, generation } = this.source.etat();
    const c = this.cache;
    if (c && c.version === version && c.generation === generation && t >= c.depuis && t < c.jusqua)
      return Promise.resolve(c.valeur);
    const cle = `${version}:${generation}:${t}`;
    if (this.enCours?.cle !== cle) this.enCours = { cle, promesse: this.calculer(t) };
    return this.enCours.promesse;
  }

  /** After a change: the digest computed a second later, in the background. */
  prevoir() {
    if (this.minuterie || this.arretee) return;
    this.minuterie = setTimeout(() => {
      this.minuterie = undefined;
      if (!this.arretee) this.etag(this.source.horloge().getTime()).catch(() => {});
    }, 1000);
    this.minuterie.unref();
  }

  arreter() {
    this.arretee = true;
    clearTimeout(this.minuterie);
  }

  private async calculer(t: number): Promise<string> {
    for (let essai = 0; ; essai++) {
      const { version, generation } = this.source.etat();
      let prochaine = Number.POSITIVE_INFINITY;
      // two sums of 52-bit hashes, modulo 2^52: exact in doubles, and independent of the routes' order
      let s1 = 0;
      let s2 = 0;
      let nombre = 0;
      let i = 0;
      let change = false;
      for (const n of this.source.numeros()) {
        for (const a of n.affectations) {
          if (a.debut > t) prochaine = Math.min(prochaine, a.debut);
          else if (a.fin !== null && a.fin > t) prochaine = Math.min(prochaine, a.fin);
        }
        for (const r of this.source.routesDe(n, t)) {
          const l = JSON.stringify(r);
          s1 = (s1 + hachage52(l, 1)) % DEUX_52;
          s2 = (s2 + hachage52(l, 2)) % DEUX_52;
          nombre++;
        }
        if (++i % 10_000 === 0) {
          await new Promise((r) => setImmediate(r));
          const e = this.source.etat();
          if (e.version !== version || e.generation !== generation) {
            change = true;
            break;
          }
        }
      }
      // routes changed while reading them: read them again (a digest of no snapshot that ever was helps nobody)
      if (change && essai < 5) continue;
      // a mandate starting or ending changes which numbers are presented
      prochaine = Math.min(prochaine, this.source.prochaineBorneMandats(t));
      const valeur = `"${nombre.toString(36)}-${s1.toString(36)}-${s2.toString(36)}"`;
      if (!change) this.cache = { valeur, version, generation, depuis: t, jusqua: prochaine };
      return valeur;
    }
  }
}

const DEUX_52 = 2 ** 52;

/** cyrb53 (a public-domain string hash), reduced to 52 bits: fast, well spread, not for secrets. */
function hachage52(texte: string, graine: number): number {
  let h1 = 0xdeadbeef ^ graine;
  let h2 = 0x41c6ce57 ^ graine;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) % DEUX_52;
}
