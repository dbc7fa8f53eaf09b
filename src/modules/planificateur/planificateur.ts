import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { synchroniserStatuts } from "../affectations/affectations.service.js";
import type { Acteur } from "../auth/acteur.js";
import { purgerSignauxCouts } from "../couts/couts.repository.js";
import { tendance } from "../couts/couts.service.js";
import type { MemoCouts } from "../couts/memo-couts.js";
import type { Expediteur } from "../notifications/notifications.service.js";
import { basculerEchues, rappelerBascules } from "../portabilite/bascule.js";
import { prochaineEcheance } from "../portabilite/echeances.js";
import { appliquerSortantesEchues } from "../portabilite/sortante.js";
import { alerterFinsDeMandat } from "../presentation/mandats.service.js";

export const PLANIFICATEUR: Acteur = {
  nom: "système:planificateur",
  type: "SYSTEME",
  role: "admin",
  clientId: null,
};

/**
 * Dated assignments take effect on their date with nobody acting: numbers whose assignment started or ended
 * since `depuis` move AFFECTE↔UTILISE. Without `depuis`, every number is checked (first run after a start).
 */
export async function appliquerEcheances(db: Kysely<DB>, maintenant: Date, depuis?: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let ids: number[] | undefined;
    if (depuis) {
      const lignes = await trx
        .selectFrom("tel_did_virtual")
        .select("did_id")
        .distinct()
        .where((eb) =>
          eb.or([
            eb.and([eb("date_debut", ">", depuis), eb("date_debut", "<=", maintenant)]),
            eb.and([eb("date_fin", ">", depuis), eb("date_fin", "<=", maintenant)]),
          ]),
        )
        .execute();
      ids = lignes.map((l) => l.did_id);
    }
    return synchroniserStatuts(trx, PLANIFICATEUR, maintenant, "Échéance d'une affectation datée", ids);
  });
}

/**
 * The server's periodic jobs: dated assignments, planned terminations, the costs' signal log kept short, mandates' end alerts, the
 * notification outbox, then the dashboard's months of costs computed ahead. Runs never overlap.
 */
export class Planificateur {
  private minuterie: NodeJS.Timeout | undefined;
  private dernier: Date | undefined;
  private enCours: Promise<void> | undefined;
  /** Runs done and failed since the start (the metrics read them). */
  readonly bilan = { tours: 0, echecs: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
    private readonly expediteur: Expediteur,
    private readonly horloge: () => Date,
    private readonly journal: (message: string, err?: unknown) => void,
    /**
     * memoCouts: the dashboard's months computed ahead (PostgreSQL only). anticiperBascules: a port-in's switch is
     * prepared in a transaction opened just before its instant and committed at it (PostgreSQL only: the embedded
     * database's one connection would wait behind it).
     */
    private readonly options: { memoCouts?: MemoCouts; anticiperBascules?: boolean } = {},
  ) {}

  demarrer(intervalleMs: number) {
    if (intervalleMs <= 0 || this.minuterie) return;
    this.intervalleMs = intervalleMs;
    this.minuterie = setInterval(() => void this.tour(), intervalleMs);
    this.minuterie.unref();
    void this.tour();
  }

  arreter() {
    if (this.minuterie) clearInterval(this.minuterie);
    if (this.reveil) clearTimeout(this.reveil);
    this.minuterie = undefined;
    return this.enCours;
  }

  private intervalleMs = 0;

  /**
   * A switch confirmed or moved, a port-out recorded or moved: the next instant due is looked up again now, so that
   * one set before the next run still happens on its minute (a run would otherwise come up to an interval late).
   */
  reprogrammer() {
    void this.programmerEcheance(this.horloge()).catch((e) =>
      this.journal("programmation de la prochaine échéance", e),
    );
  }
  private reveil: NodeJS.Timeout | undefined;

  /**
   * A port-in's switch or a port-out due before the next run: a run is set for that very instant, so that numbers
   * arrive and leave on the minute, not up to an interval late (the routing's own windows already stop a port-out).
   */
  private async programmerEcheance(maintenant: Date) {
    if (!this.minuterie) return;
    const prochaine = await prochaineEcheance(
      this.db,
      maintenant,
      this.intervalleMs,
      !!this.options.anticiperBascules,
    );
    if (this.reveil) clearTimeout(this.reveil);
    this.reveil = undefined;
    if (!prochaine) return;
    this.reveil = setTimeout(
      () => void this.tour(),
      Math.max(0, prochaine.getTime() - maintenant.getTime()) + 5,
    );
    this.reveil.unref();
  }

  /**
   * The dashboard's months of costs computed ahead, in the database (those unchanged are read back at once): the
   * first person to open the dashboard after a start or a change does not wait for a million numbers. A failure
   * here is logged; it stops no other job.
   */
  private async prechaufferCouts(maintenant: Date) {
    const memo = this.options.memoCouts;
    if (!memo) return;
    try {
      await tendance({ db: this.db, config: this.config, memo, maintenant });
    } catch (e) {
      this.journal("calcul d'avance des coûts du tableau de bord", e);
    }
  }

  /** One run now (also what the tests call, with their own clock). */
  tour(): Promise<void> {
    this.enCours ??= (async () => {
      const maintenant = this.horloge();
      try {
        const n = await appliquerEcheances(this.db, maintenant, this.dernier);
        this.dernier = maintenant;
        if (n > 0) this.journal(`${n} numéro(s) passés à leur statut du jour par les affectations datées.`);
        const ctx = { db: this.db, acteur: PLANIFICATEUR, maintenant, config: this.config };
        const resilies = await appliquerSortantesEchues(ctx, this.journal);
        if (resilies > 0) this.journal(`${resilies} résiliation(s) prévue(s) appliquée(s).`);
        const portes = await basculerEchues(ctx, this.journal, !!this.options.anticiperBascules);
        if (portes > 0) this.journal(`${portes} numéro(s) mis en service par une bascule de portabilité.`);
        await rappelerBascules(ctx);
        await purgerSignauxCouts(this.db, 10_000, 1000);
        const alertes = await alerterFinsDeMandat(this.db, this.config, maintenant);
        if (alertes > 0) this.journal(`${alertes} alerte(s) de fin de mandat mise(s) en file.`);
        await this.expediteur.envoyer();
        await this.programmerEcheance(maintenant);
        await this.prechaufferCouts(maintenant);
        this.bilan.tours++;
      } catch (e) {
        this.bilan.echecs++;
        this.journal("échec d'un tour du planificateur", e);
      } finally {
        this.enCours = undefined;
      }
    })();
    return this.enCours;
  }
}
