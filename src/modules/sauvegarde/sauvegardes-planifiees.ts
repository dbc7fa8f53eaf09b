import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { ApiError } from "../../http/errors.js";
import { type Executor, ecrireAudit } from "../audit/audit.repository.js";
import { type Acteur, SYSTEME } from "../auth/acteur.js";
import { copieBase, EXTENSION } from "./sauvegarde.service.js";

export const SAUVEGARDE_AUTO: Acteur = { ...SYSTEME, nom: "système:sauvegarde" };

/** The names this module writes, and the only ones it lists, serves or deletes. */
const NOM_FICHIER = /^telephony-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.(tar\.gz|dump)$/;

/** Two instances on one PostgreSQL database take turns: the one holding this lock decides and records. */
const VERROU_CONSULTATIF = 7_340_101;

export interface FichierSauvegarde {
  nom: string;
  octets: number;
  le: Date;
}

/**
 * Automatic backups (BACKUP_DIR, BACKUP_INTERVAL_HOURS, BACKUP_KEEP): a copy is due when the last automatic one,
 * as the audit log records it, is older than the interval, so a restart does not take an extra copy and several
 * instances on one database take one between them. Each copy is written under a temporary name and renamed once
 * complete; past BACKUP_KEEP, the oldest are deleted. Starts, failures and deletions go to the audit log.
 */
export class SauvegardesPlanifiees {
  private minuterie: NodeJS.Timeout | undefined;
  private enCours: Promise<string | null> | undefined;
  /** For the metrics and the Administration page. */
  readonly bilan: {
    succes: number;
    echecs: number;
    dernierSucces?: Date;
    dernierEchec?: Date;
    erreur?: string;
  } = { succes: 0, echecs: 0 };

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly horloge: () => Date,
    private readonly journal: (message: string, err?: unknown) => void,
  ) {}

  get actives(): boolean {
    return this.config.sauvegardes !== undefined;
  }

  /** Checks every few minutes whether a copy is due (and once now). */
  demarrer() {
    const s = this.config.sauvegardes;
    if (!s || this.minuterie) return;
    this.minuterie = setInterval(
      () => void this.tour(),
      Math.min(s.intervalleHeures * 3_600_000, 5 * 60_000),
    );
    this.minuterie.unref();
    void this.tour();
  }

  arreter() {
    if (this.minuterie) clearInterval(this.minuterie);
    this.minuterie = undefined;
    return this.enCours;
  }

  /** The moment of the last automatic copy started, from the audit log (null: none yet). */
  async derniereAuto(db: Executor = this.database.db): Promise<Date | null> {
    const r = await sql<{ le: string | null }>`SELECT apres->>'le' AS le FROM tel_audit
      WHERE action = 'SAUVEGARDE' AND acteur = ${SAUVEGARDE_AUTO.nom} ORDER BY id DESC LIMIT 1`.execute(db);
    const le = r.rows[0]?.le;
    return le ? new Date(le) : null;
  }

  /** When the next automatic copy is due (null when disabled). */
  async prochaine(): Promise<Date | null> {
    const s = this.config.sauvegardes;
    if (!s) return null;
    const derniere = await this.derniereAuto();
    return derniere ? new Date(derniere.getTime() + s.intervalleHeures * 3_600_000) : this.horloge();
  }

  /** One check now: takes a copy if one is due; the file written, or null. Runs never overlap. */
  tour(): Promise<string | null> {
    this.enCours ??= this.sauvegarderSiDue().finally(() => {
      this.enCours = undefined;
    });
    return this.enCours;
  }

  private async sauvegarderSiDue(): Promise<string | null> {
    const s = this.config.sauvegardes;
    if (!s) return null;
    const maintenant = this.horloge();
    const nom = `telephony-${maintenant.toISOString().replace(/[:.]/g, "-")}.${EXTENSION[this.database.mode]}`;
    const fichier = path.join(s.dossier, nom);
    try {
      const due = await this.database.db.transaction().execute(async (trx) => {
        const verrou = await sql<{
          ok: boolean;
        }>`SELECT pg_try_advisory_xact_lock(${VERROU_CONSULTATIF}) AS ok`.execute(trx);
        if (!verrou.rows[0]?.ok) return false;
        const derniere = await this.derniereAuto(trx);
        if (derniere && maintenant.getTime() - derniere.getTime() < s.intervalleHeures * 3_600_000)
          return false;
        // recorded before the copy, so that the copy holds the record of itself
        await ecrireAudit(trx, SAUVEGARDE_AUTO, {
          entite: "sauvegarde",
          entiteId: null,
          action: "SAUVEGARDE",
          apres: { base: this.database.mode, le: maintenant.toISOString(), fichier: nom },
          motif: `Sauvegarde automatique (toutes les ${s.intervalleHeures} h)`,
        });
        return true;
      });
      if (!due) return null;
      fs.mkdirSync(s.dossier, { recursive: true });
      const partiel = `${fichier}.partiel`;
      try {
        await pipeline(await copieBase(this.database, this.config), fs.createWriteStream(partiel));
        fs.renameSync(partiel, fichier);
      } finally {
        fs.rmSync(partiel, { force: true });
      }
      this.bilan.succes++;
      this.bilan.dernierSucces = maintenant;
      this.bilan.erreur = undefined;
      this.journal(`sauvegarde automatique écrite : ${fichier} (${fs.statSync(fichier).size} octets)`);
      await this.elaguer(s.garder);
      return fichier;
    } catch (err) {
      this.bilan.echecs++;
      this.bilan.dernierEchec = maintenant;
      this.bilan.erreur = (err as Error).message;
      this.journal("échec de la sauvegarde automatique", err);
      await ecrireAudit(this.database.db, SAUVEGARDE_AUTO, {
        entite: "sauvegarde",
        entiteId: null,
        action: "SAUVEGARDE_ECHEC",
        apres: { fichier: nom, erreur: (err as Error).message },
      }).catch(() => undefined);
      return null;
    }
  }

  /** Deletes the oldest copies beyond `garder`, and says so in the audit log. */
  private async elaguer(garder: number) {
    const trop = this.fichiers().slice(garder);
    if (!trop.length) return;
    for (const f of trop)
      fs.rmSync(path.join(this.config.sauvegardes?.dossier as string, f.nom), { force: true });
    await ecrireAudit(this.database.db, SAUVEGARDE_AUTO, {
      entite: "sauvegarde",
      entiteId: null,
      action: "SAUVEGARDE_SUPPRIMEE",
      apres: { fichiers: trop.map((f) => f.nom) },
      motif: `Rétention : les ${garder} plus récentes sont gardées`,
    });
  }

  /** The copies in BACKUP_DIR, newest first. */
  fichiers(): FichierSauvegarde[] {
    const dossier = this.config.sauvegardes?.dossier;
    if (!dossier || !fs.existsSync(dossier)) return [];
    return fs
      .readdirSync(dossier)
      .filter((n) => NOM_FICHIER.test(n))
      .sort()
      .reverse()
      .map((nom) => {
        const st = fs.statSync(path.join(dossier, nom));
        return { nom, octets: st.size, le: st.mtime };
      });
  }

  /** The path of one stored copy, by its name; refuses any other name. */
  chemin(nom: string): string {
    const dossier = this.config.sauvegardes?.dossier;
    if (!dossier || !NOM_FICHIER.test(nom) || !fs.existsSync(path.join(dossier, nom)))
      throw new ApiError(
        404,
        "SAUVEGARDE_INTROUVABLE",
        `Aucune sauvegarde « ${nom} » dans le dossier des sauvegardes.`,
      );
    return path.join(dossier, nom);
  }
}
