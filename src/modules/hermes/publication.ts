import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createTwoFilesPatch } from "diff";
import { type Kysely, sql } from "kysely";
import { Liquid } from "liquidjs";
import type { Config } from "../../config.js";
import { parmiIds } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { type Deploiement, deployer, enPhase } from "./deploiement-fichiers.js";
import { type Apercu, donneesDeRendu, type FichierRendu, lireModele } from "./rendu.js";
import {
  apercuRestauration,
  routesApresRestauration,
  routesDeployees,
  sensDuFichier,
} from "./restauration.js";
import {
  comparerRoutes,
  compresserRoutes,
  type DifferenceRoutes,
  jeuDeRoutes,
  suppressionsPermises,
} from "./routes-publiees.js";
import { SnapshotRoutage } from "./snapshot.js";

const VERROU_PUBLICATION = 7_310_001;
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/**
 * Renders, diffs, publishes and restores Hermes' routing files. Templates run in LiquidJS, which evaluates
 * no code from a template; writes are atomic (temporary file, fsync, rename); every version is kept.
 */
export class PublicationHermes {
  // strict: an unknown variable or filter is an error, not an empty string in a routing file
  private readonly liquid = new Liquid({ strictFilters: true, strictVariables: true, ownPropertyOnly: true });

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
    private readonly routage: SnapshotRoutage,
    private readonly horloge: () => Date,
  ) {}

  /** The versions published, latest first (500 at most), of one file or all. */
  versions(fichier?: string) {
    let q = this.db
      .selectFrom("tel_publication")
      .select([
        "id",
        "fichier",
        "version",
        "type",
        "chemin",
        "somme_sha256",
        "auteur",
        "motif",
        "commande",
        "code_sortie",
        "sortie_commande",
        "date_publication",
      ]);
    if (fichier) q = q.where("fichier", "=", fichier);
    return q.orderBy("id", "desc").limit(500).execute();
  }

  /** What would be published now, against what is deployed. */
  async preparer(db: Kysely<DB> = this.db): Promise<Apercu> {
    const { contexte: donnees, invalides, jeu } = donneesDeRendu(this.routage, this.horloge().getTime());
    const resultat: FichierRendu[] = [];
    for (const f of this.config.fichiersHermes) {
      let contenu: string;
      try {
        contenu = await this.liquid.parseAndRender(lireModele(f.modele), donnees);
      } catch (e) {
        throw new ApiError(
          422,
          "MODELE_INVALIDE",
          `Le modèle de ${f.nom} ne se rend pas : ${(e as Error).message}`,
        );
      }
      const deploye = fs.existsSync(f.sortie) ? fs.readFileSync(f.sortie, "utf8") : null;
      const derniere = await db
        .selectFrom("tel_publication")
        .select(["version", "somme_sha256"])
        .where("fichier", "=", f.nom)
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      const derive = deploye !== null && (derniere ? sha256(deploye) !== derniere.somme_sha256 : true);
      resultat.push({
        nom: f.nom,
        chemin: f.sortie,
        contenu,
        deploye,
        derniere: derniere ?? null,
        derive,
        change: deploye !== contenu,
        // git-style a/ b/ labels: the diff library quotes and octal-escapes non-ASCII file names
        diff: createTwoFilesPatch(`a/${f.nom}`, `b/${f.nom}`, deploye ?? "", contenu, "déployé", "à publier"),
      });
    }
    const routes = comparerRoutes(await routesDeployees(db), jeu);
    const permises = suppressionsPermises(routes, this.config.seuilSuppressionsPublication);
    return {
      fichiers: resultat,
      routes,
      suppressions_permises: permises,
      confirmation_requise: routes.supprimees > permises,
      invalides,
      jeu,
    };
  }

  /**
   * The routes in memory (what Hermes' lookups are answered from, and what the files are rendered from) against
   * the routes read afresh from the database. They differ when a change never reached this process (a lost
   * notification, a write from another process on an embedded database): publishing then could remove routes
   * that exist. Notifications still on their way are given a moment first.
   */
  async verifierRoutage(): Promise<void> {
    let ecart: DifferenceRoutes | undefined;
    for (let essai = 0; essai < 3; essai++) {
      if (essai > 0) await new Promise((r) => setTimeout(r, 250 * essai));
      await this.routage.aJour();
      const frais = new SnapshotRoutage(this.db, this.horloge);
      await frais.chargerTout();
      const t = this.horloge().getTime();
      ecart = comparerRoutes(jeuDeRoutes(this.routage.routes(t)), jeuDeRoutes(frais.routes(t)));
      if (ecart.ajoutees + ecart.supprimees + ecart.modifiees === 0) return;
    }
    // read everything again, so that the next attempt (and Hermes' lookups) see the database's routes
    this.routage.signaler("tout:0:0");
    throw new ApiError(
      409,
      "ROUTAGE_DESYNCHRONISE",
      `Le routage en mémoire ne correspond pas à la base (${ecart?.ajoutees} route(s) absente(s) de la mémoire, ${ecart?.supprimees} en trop, ${ecart?.modifiees} différente(s)) : rien n'est publié. Il est rechargé depuis la base ; vérifiez l'aperçu puis publiez de nouveau.`,
      undefined,
      { ecart },
    );
  }

  /** True when the routes changed since the last publication (shown on the dashboard). */
  async enAttente(): Promise<boolean> {
    const derniere = await this.db
      .selectFrom("tel_publication")
      .select("etag_routage")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return derniere?.etag_routage !== (await this.routage.etag(this.horloge().getTime()));
  }

  /**
   * Publishes every file whose content changed. Publications are serialised by a database advisory lock,
   * so two instances or two people never interleave. A hand-edited deployed file stops the publication
   * unless `forcer`.
   */
  async publier(
    acteur: Acteur,
    options: {
      motif?: string | undefined;
      forcer?: boolean | undefined;
      /** The number of route removals the caller has seen and accepts (needed beyond the threshold). */
      confirmer?: number | undefined;
    },
  ) {
    try {
      const r = await this.publierSansBilan(acteur, options);
      this.bilan.succes++;
      this.bilan.dernierSucces = this.horloge();
      return r;
    } catch (e) {
      this.bilan.echecs++;
      this.bilan.dernierEchec = this.horloge();
      throw e;
    }
  }

  /** Publications since the start, by result (the metrics read them). */
  readonly bilan: { succes: number; echecs: number; dernierSucces?: Date; dernierEchec?: Date } = {
    succes: 0,
    echecs: 0,
  };

  private async publierSansBilan(
    acteur: Acteur,
    options: {
      motif?: string | undefined;
      forcer?: boolean | undefined;
      confirmer?: number | undefined;
    },
  ) {
    await this.verifierRoutage();
    const deployes: Deploiement[] = [];
    return enPhase(deployes, () =>
      this.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${VERROU_PUBLICATION})`.execute(trx);
        // read inside the lock's transaction: PGlite has one connection, and the state read must be the locked one
        const apercu = await this.preparer(trx);
        const fichiers = apercu.fichiers;
        if (apercu.invalides.length > 0) {
          throw new ApiError(
            422,
            "VALEURS_ROUTAGE_INVALIDES",
            `${apercu.invalides.length} valeur(s) casseraient les fichiers de routage (retour à la ligne, caractère de contrôle ou « ; ») : corrigez ${apercu.invalides
              .slice(0, 5)
              .map((i) => `${i.champ} de ${i.numero} (${i.campagne_code})`)
              .join(", ")}${apercu.invalides.length > 5 ? "…" : ""} avant de publier.`,
            undefined,
            { invalides: apercu.invalides.slice(0, 200) },
          );
        }
        const r = apercu.routes;
        if (apercu.confirmation_requise && options.confirmer !== r.supprimees) {
          throw new ApiError(
            409,
            "CONFIRMATION_REQUISE",
            `Cette publication supprime ${r.supprimees} route(s) sur ${r.deployees} déployée(s) (${r.ajoutees} ajoutée(s), ${r.modifiees} modifiée(s)), au-delà de ${apercu.suppressions_permises} sans confirmation : vérifiez la différence, puis confirmez en indiquant ${r.supprimees} suppression(s).`,
            undefined,
            { routes: r, suppressions_permises: apercu.suppressions_permises },
          );
        }
        const derives = fichiers.filter((f) => f.derive);
        if (derives.length > 0 && !options.forcer) {
          throw new ApiError(
            409,
            "FICHIER_MODIFIE_A_LA_MAIN",
            `${derives.map((f) => f.nom).join(", ")} a été modifié à la main depuis la dernière publication : vérifiez la différence, puis publiez en forçant.`,
            undefined,
            { fichiers: derives.map((f) => ({ nom: f.nom, chemin: f.chemin, diff: f.diff })) },
          );
        }
        const etag = await this.routage.etag(this.horloge().getTime());
        const aPublier = fichiers.filter((x) => x.change);
        const publies = [];
        for (const f of aPublier) {
          const version = (f.derniere?.version ?? 0) + 1;
          const ligne = await trx
            .insertInto("tel_publication")
            .values({
              fichier: f.nom,
              version,
              chemin: f.chemin,
              somme_sha256: sha256(f.contenu),
              contenu: f.contenu,
              etag_routage: etag,
              auteur: acteur.nom,
              motif: options.motif ?? null,
              routes: compresserRoutes(apercu.jeu),
            })
            .returning(["id", "fichier", "version", "somme_sha256"])
            .executeTakeFirstOrThrow();
          await ecrireAudit(trx, acteur, {
            entite: "tel_publication",
            entiteId: ligne.id,
            action: "PUBLICATION",
            apres: {
              ...ligne,
              derive_forcee: f.derive,
              routes: { ajoutees: r.ajoutees, supprimees: r.supprimees, modifiees: r.modifiees },
            },
            motif: options.motif ?? null,
          });
          publies.push(ligne);
        }
        deployer(
          aPublier.map((f) => ({ chemin: f.chemin, contenu: f.contenu, ancien: f.deploye })),
          deployes,
        );
        if (publies.length > 0)
          await this.apresPublication(
            trx,
            publies.map((p) => p.id),
          );
        return {
          publies,
          inchanges: fichiers.filter((x) => !x.change).map((x) => x.nom),
          routes: { ajoutees: r.ajoutees, supprimees: r.supprimees, modifiees: r.modifiees },
        };
      }),
    );
  }

  /** What writing a version back would change in Hermes' routing (restauration.ts). */
  apercuRestauration(id: number) {
    return apercuRestauration(this.db, this.config, id);
  }

  /** Writes a previous version back, byte for byte, as a new version. */
  async restaurer(acteur: Acteur, id: number, motif?: string) {
    const deployes: Deploiement[] = [];
    return enPhase(deployes, () =>
      this.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${VERROU_PUBLICATION})`.execute(trx);
        const ancienne = await trx
          .selectFrom("tel_publication")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirst();
        if (!ancienne) throw new ApiError(404, "INTROUVABLE", "Version de publication introuvable.");
        const derniere = await trx
          .selectFrom("tel_publication")
          .select(sql<number>`max(version)`.as("v"))
          .where("fichier", "=", ancienne.fichier)
          .executeTakeFirstOrThrow();
        const ligne = await trx
          .insertInto("tel_publication")
          .values({
            fichier: ancienne.fichier,
            version: Number(derniere.v) + 1,
            type: "RESTAURATION",
            chemin: ancienne.chemin,
            somme_sha256: ancienne.somme_sha256,
            contenu: ancienne.contenu,
            etag_routage: null,
            auteur: acteur.nom,
            motif: motif ?? `Retour à la version ${ancienne.version}`,
            routes: await routesApresRestauration(
              trx,
              ancienne.routes,
              sensDuFichier(this.config, ancienne.fichier),
            ),
          })
          .returning(["id", "fichier", "version", "somme_sha256"])
          .executeTakeFirstOrThrow();
        await ecrireAudit(trx, acteur, {
          entite: "tel_publication",
          entiteId: ligne.id,
          action: "RESTAURATION",
          apres: ligne,
          motif: motif ?? null,
        });
        const deploye = fs.existsSync(ancienne.chemin) ? fs.readFileSync(ancienne.chemin, "utf8") : null;
        deployer([{ chemin: ancienne.chemin, contenu: ancienne.contenu, ancien: deploye }], deployes);
        await this.apresPublication(trx, [ligne.id]);
        return ligne;
      }),
    );
  }

  private async apresPublication(trx: Kysely<DB>, ids: number[]) {
    const commande = this.config.commandeApresPublication;
    if (!commande) return;
    const { code, sortie } = await new Promise<{ code: number; sortie: string }>((resolve) => {
      execFile(
        "/bin/sh",
        ["-c", commande],
        { timeout: 60_000, maxBuffer: 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err
            ? typeof (err as { code?: unknown }).code === "number"
              ? (err as { code: number }).code
              : 1
            : 0;
          resolve({ code, sortie: `${stdout}${stderr}`.slice(0, 20_000) });
        },
      );
    });
    await trx
      .updateTable("tel_publication")
      .set({ commande, code_sortie: code, sortie_commande: sortie })
      .where(parmiIds("id", ids))
      .execute();
  }
}
