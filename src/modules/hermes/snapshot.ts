import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { chiffresE164 } from "../../numbering/chiffres.js";
import { refusPresentation } from "../../numbering/presentation.js";
import { fondementA } from "../presentation/fondement.js";
import { MandatsEnMemoire } from "../presentation/mandats-en-memoire.js";
import { CacheEntrant } from "./cache-entrant.js";
import { EmpreinteRoutage } from "./empreinte-routage.js";
import type { NumeroSortant, RouteCourante, RouteEntrante } from "./routes-types.js";
import {
  type Aff,
  ajouterA,
  type Campagne,
  construireRoutage,
  lireCampagne,
  lireConfig,
  lireMandats,
  lireNumeros,
  lireRoutage,
  type NumeroRoute,
} from "./snapshot-lecture.js";
import { type EnAttente, fusionner, noter, rienEnAttente, SEUIL_RECHARGEMENT } from "./snapshot-signaux.js";

export type { NumeroSortant, RouteCourante, RouteEntrante } from "./routes-types.js";

const enCours = (a: Aff, t: number) => a.debut <= t && (a.fin === null || a.fin > t);

/**
 * Every route Hermes needs, in memory: dialled number → campaign and configuration, campaign → numbers to
 * present. Loaded once, then kept fresh per number, campaign or configuration from the tel_routage
 * notifications; assignment dates are checked at lookup time, so a dated start or end needs no event.
 */
export class SnapshotRoutage {
  private numeros = new Map<number, NumeroRoute>();
  private parE164 = new Map<string, number>();
  private sortants = new Map<number, Set<number>>();
  private campagnes = new Map<number, Campagne>();
  private campagnesParCle = new Map<string, number>();
  private configs = new Map<number, { code: string; config: Record<string, unknown> }>();
  private mandats = new MandatsEnMemoire();
  private readonly reponses = new CacheEntrant();
  private readonly empreinte = new EmpreinteRoutage({
    etat: () => ({ version: this.version, generation: this.generation }),
    numeros: () => this.numeros.values(),
    routesDe: (n, t) => this.routesDe(n, t),
    prochaineBorneMandats: (t) => this.mandats.prochaineBorne(t),
    horloge: () => this.horloge(),
  });
  /** Bumped by every local change, in case a change arrives without a version (full reload). */
  private generation = 0;
  /** Highest routing change applied (the database's tel_routage_version). */
  version = 0;
  /** When the routes were last read in full from the database (undefined: never, nothing to serve yet). */
  chargeLe: Date | undefined;
  /** When a change signal was last applied (the metrics show it). */
  dernierSignalLe: Date | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly horloge: () => Date = () => new Date(),
  ) {}

  async chargerTout(): Promise<{ routes: number; ms: number }> {
    const debut = performance.now();
    // what signals change meanwhile is noted, to be read again once the new routes are in
    const pendant = rienEnAttente();
    this.pendantsChargement.add(pendant);
    const lu = await Promise.all([lireRoutage(this.db, this.horloge()), lireMandats(this.db)])
      // built aside and swapped in at the end: lookups keep the previous routes until the new ones are whole
      .then(async ([r, mandats]) => ({ ...r, mandats, ...(await construireRoutage(r.tranches)) }))
      .finally(() => this.pendantsChargement.delete(pendant));
    const { version, campagnes, configs, mandats, numeros, parE164, sortants, routes } = lu;
    this.numeros = numeros;
    this.parE164 = parE164;
    this.sortants = sortants;
    this.campagnes = new Map();
    this.campagnesParCle = new Map();
    for (const c of campagnes) this.majCampagne(c);
    this.configs = new Map(configs.map((c) => [c.id, { code: c.code, config: c.config }]));
    this.mandats = new MandatsEnMemoire(mandats);
    this.reponses.vider();
    this.generation++;
    this.version = Math.max(this.version, version);
    this.chargeLe = new Date();
    this.empreinte.prevoir();
    // what was applied to the previous routes while the slices were read is read again into the new ones
    if (fusionner(this.enAttente, pendant)) this.vidange ??= this.vider(this.erreurVidange);
    return { routes, ms: performance.now() - debut };
  }

  private ajouterSortant(campagne: number, did: number) {
    ajouterA(this.sortants, campagne, did);
  }

  /** What each full load in progress must read again once its new routes are swapped in. */
  private readonly pendantsChargement = new Set<EnAttente>();
  private erreurVidange: (err: unknown) => void = () => {};

  private majCampagne(c: Campagne) {
    const ancienne = this.campagnes.get(c.id);
    if (ancienne) {
      this.campagnesParCle.delete(`code:${ancienne.code}`);
      if (ancienne.hermes_id) this.campagnesParCle.delete(`hermes:${ancienne.hermes_id}`);
    }
    this.campagnes.set(c.id, c);
    this.campagnesParCle.set(`code:${c.code}`, c.id);
    if (c.hermes_id) this.campagnesParCle.set(`hermes:${c.hermes_id}`, c.id);
  }

  /**
   * Takes a notification to apply, after the ones before it. The notifications that arrive meanwhile are
   * applied together: their numbers read again in one go, each campaign or configuration once, everything
   * reloaded when they name more than SEUIL_RECHARGEMENT numbers. An import writes by chunks of 500 rows, each
   * statement signalling its own numbers: 100,000 assignments arrive as 100,000 signals at its commit, which
   * are a few rounds of reads here instead of 100,000 reads of one number.
   */
  signaler(signal: string, erreur: (err: unknown) => void = () => {}): void {
    this.erreurVidange = erreur;
    noter(this.enAttente, signal);
    this.vidange ??= this.vider(erreur);
  }

  /** Notifications applied so far, and the rounds of reads that applied them (for tests and benches). */
  readonly compteurs = { signaux: 0, lectures: 0 };

  private arrete = false;
  /** The server closes: notifications still waiting are dropped. */
  arreter(): void {
    this.arrete = true;
    this.empreinte.arreter();
  }

  private enAttente = rienEnAttente();
  private vidange: Promise<void> | undefined;
  private async vider(erreur: (err: unknown) => void): Promise<void> {
    for (;;) {
      // a commit's notifications come in a burst: let it arrive before taking it
      await new Promise((r) => setImmediate(r));
      const a = this.enAttente;
      const n = a.dids.size + a.campagnes.size + a.configs.size + (a.mandats ? 1 : 0);
      if (this.arrete || (!a.tout && n === 0)) {
        this.vidange = undefined;
        return;
      }
      this.enAttente = rienEnAttente();
      try {
        await this.appliquerLot(a);
        this.compteurs.lectures++;
        this.compteurs.signaux += n + (a.tout ? 1 : 0);
        this.dernierSignalLe = new Date();
      } catch (err) {
        // not applied (database unreachable?): everything is read again once it answers
        erreur(err);
        this.enAttente.tout = true;
        this.enAttente.version = Math.max(this.enAttente.version, a.version);
        await new Promise((r) => setTimeout(r, 1000).unref());
      }
    }
  }

  /** Resolves once the notifications received so far are applied (or their application failed). */
  async aJour(): Promise<void> {
    while (this.vidange) await this.vidange;
  }

  /** Applies one 'table:id:version' notification now ('tout:0:version': reload everything). */
  async appliquer(signal: string): Promise<void> {
    const a = rienEnAttente();
    noter(a, signal);
    await this.appliquerLot(a);
  }

  private async appliquerLot(a: EnAttente) {
    if (a.tout || a.dids.size > SEUIL_RECHARGEMENT) {
      await this.chargerTout();
    } else {
      // campaigns and configurations first: a number's new assignment may name a campaign just created
      for (const id of a.campagnes) await this.rafraichirCampagne(id);
      for (const id of a.configs) await this.rafraichirConfig(id);
      if (a.mandats) this.mandats = new MandatsEnMemoire(await lireMandats(this.db));
      if (a.dids.size) await this.rafraichirNumeros([...a.dids]);
      for (const pendant of this.pendantsChargement) fusionner(pendant, a);
    }
    this.generation++;
    this.version = Math.max(this.version, a.version);
    this.empreinte.prevoir();
  }

  private async rafraichirNumeros(ids: number[]) {
    // read first, then swap in one synchronous step: lookups meanwhile keep getting the previous state,
    // never a 404 for a number that stays routed
    const { lignes, parNumero } = await lireNumeros(this.db, ids, this.horloge());
    for (const id of ids) {
      const ancien = this.numeros.get(id);
      if (ancien) {
        this.parE164.delete(ancien.e164);
        for (const a of ancien.affectations) this.sortants.get(a.campaign_id)?.delete(id);
        this.numeros.delete(id);
        this.oublierReponse(ancien.e164);
      }
      const ligne = lignes.get(id);
      const affectations = parNumero.get(id);
      if (!ligne || !affectations) continue;
      const numero: NumeroRoute = { ...ligne, affectations };
      this.numeros.set(id, numero);
      this.parE164.set(numero.e164, id);
      this.oublierReponse(numero.e164);
      for (const a of numero.affectations) if (a.sortant) this.ajouterSortant(a.campaign_id, id);
    }
  }

  private oublierReponse(e164: string) {
    const cle = chiffresE164(e164);
    if (cle !== undefined) this.reponses.oublier(cle);
  }

  private async rafraichirCampagne(id: number) {
    const c = await lireCampagne(this.db, id);
    if (c) this.majCampagne(c);
    else this.campagnes.delete(id);
    this.reponses.vider();
  }

  private async rafraichirConfig(id: number) {
    const c = await lireConfig(this.db, id);
    if (c) this.configs.set(id, { code: c.code, config: c.config });
    else this.configs.delete(id);
    this.reponses.vider();
  }

  /** Whether the campaign may present the number at t: the ARCEP type rules, then a basis (contract or mandate). */
  private presentable(n: NumeroRoute, c: Campagne, t: number): boolean {
    return (
      !refusPresentation(n.type, c) &&
      fondementA(n.titulaire, this.mandats.de(n), c.client_id, t) !== undefined
    );
  }

  /** The inbound route of a number in E.164 at instant t, or undefined: only a number in use is ever routed. */
  entrant(e164: string, t = Date.now()): RouteEntrante | undefined {
    const id = this.parE164.get(e164);
    const n = id === undefined ? undefined : this.numeros.get(id);
    if (n?.statut !== "UTILISE") return undefined;
    const a = n.affectations.find((x) => x.entrant && enCours(x, t));
    const c = a && this.campagnes.get(a.campaign_id);
    if (!a || !c?.actif) return undefined;
    const cfg = a.config_id === null ? undefined : this.configs.get(a.config_id);
    return {
      numero: n.e164,
      did_id: n.id,
      campagne: { id: c.id, code: c.code, hermes_id: c.hermes_id },
      config: cfg?.config ?? null,
      config_code: cfg?.code ?? null,
      alias: a.alias,
      affectation_id: a.id,
    };
  }

  /**
   * The inbound answer for a number given by its E.164 digits, as the JSON text the lookup sends: from the
   * answers already served when one holds at t, else computed (see CacheEntrant).
   */
  entrantJson(chiffres: number, t: number): string | undefined {
    const connue = this.reponses.lire(chiffres, t);
    if (connue !== undefined) return connue;
    const route = this.entrant(`+${chiffres}`, t);
    if (!route) return undefined;
    // valid until the next start or end date of any of the number's assignments, and from the last one
    let depuis = Number.NEGATIVE_INFINITY;
    let jusqua = Number.POSITIVE_INFINITY;
    for (const a of this.numeros.get(route.did_id)?.affectations ?? []) {
      for (const date of [a.debut, a.fin]) {
        if (date === null) continue;
        if (date <= t) depuis = Math.max(depuis, date);
        else jusqua = Math.min(jusqua, date);
      }
    }
    const json = JSON.stringify(route);
    this.reponses.ecrire(chiffres, json, depuis, jusqua);
    return json;
  }

  /**
   * A campaign by its Hermes id, its code, or its id, in that order: Hermes ids are often digits, and one read as
   * our id instead named another campaign, or none.
   */
  campagne(cle: string): Campagne | undefined {
    const id =
      this.campagnesParCle.get(`hermes:${cle}`) ??
      this.campagnesParCle.get(`code:${cle}`) ??
      (/^\d+$/.test(cle) ? Number(cle) : undefined);
    return id === undefined ? undefined : this.campagnes.get(id);
  }

  /**
   * Numbers a campaign presents, by priority; with a destination region, numbers of that region first (local
   * presence). A prospecting campaign presents NPV numbers only (ARCEP).
   */
  sortant(campagneId: number, regionDestination: string | null, t = Date.now()): NumeroSortant[] {
    const c = this.campagnes.get(campagneId);
    if (!c?.actif) return [];
    const resultat: NumeroSortant[] = [];
    for (const didId of this.sortants.get(campagneId) ?? []) {
      const n = this.numeros.get(didId);
      if (n?.statut !== "UTILISE" || !this.presentable(n, c, t)) continue;
      for (const a of n.affectations) {
        if (a.campaign_id !== campagneId || !a.sortant || !enCours(a, t)) continue;
        resultat.push({
          numero: n.e164,
          did_id: n.id,
          priorite: a.priorite,
          region: n.region,
          type: n.type,
          alias: a.alias,
          local: regionDestination !== null && n.region === regionDestination,
        });
      }
    }
    return resultat.sort(
      (x, y) =>
        Number(y.local) - Number(x.local) || x.priorite - y.priorite || x.numero.localeCompare(y.numero),
    );
  }

  /** Every current inbound and outbound route at t. */
  *routes(t = Date.now()): Generator<RouteCourante> {
    for (const n of this.numeros.values()) yield* this.routesDe(n, t);
  }

  /**
   * The routes at t by slices of numbers, the event loop let go between two: a million numbers never hold it for
   * more than a few milliseconds at a time. Undefined when the routes changed meanwhile (the caller starts again).
   */
  async routesParTranches(t: number, parTranche = 2000): Promise<RouteCourante[] | undefined> {
    const { version, generation } = this;
    const resultat: RouteCourante[] = [];
    let i = 0;
    for (const n of this.numeros.values()) {
      for (const r of this.routesDe(n, t)) resultat.push(r);
      if (++i % parTranche === 0) {
        await new Promise((r) => setImmediate(r));
        if (this.version !== version || this.generation !== generation) return undefined;
      }
    }
    return resultat;
  }

  private *routesDe(n: NumeroRoute, t: number): Generator<RouteCourante> {
    if (n.statut !== "UTILISE") return;
    for (const a of n.affectations) {
      const c = this.campagnes.get(a.campaign_id);
      if (!enCours(a, t) || !c?.actif) continue;
      // the same caller-ID rule as the outbound lookup: a number it would not present is not in the files either
      const sortant = a.sortant && this.presentable(n, c, t);
      if (!a.entrant && !sortant) continue;
      yield {
        numero: n.e164,
        sens: a.entrant && sortant ? "entrant+sortant" : a.entrant ? "entrant" : "sortant",
        campagne_code: c.code,
        hermes_id: c.hermes_id,
        config_code: a.config_id === null ? null : (this.configs.get(a.config_id)?.code ?? null),
        alias: a.alias,
        priorite: a.priorite,
      };
    }
  }

  /** The routes' digest (ETag): see empreinte-routage.ts. */
  etag(t = Date.now()): Promise<string> {
    return this.empreinte.etag(t);
  }

  get taille() {
    return this.numeros.size;
  }
}
