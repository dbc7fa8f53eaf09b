import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Command, CommanderError } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { ouvrirBasePrete, VERROU_DEMARRAGE } from "../db/base-prete.js";
import { type Database, openDatabase } from "../db/database.js";
import { BasePlusRecenteError, MigrationError, migrer } from "../db/migrate.js";
import { seedReference } from "../db/reference-data.js";
import { DossierOccupeError } from "../db/verrou-dossier.js";
import { fixerFuseauMetier } from "../heure-metier.js";
import { ApiError } from "../http/errors.js";
import { depuisPostgres } from "../http/problem.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { installerCoutsLecture } from "../modules/couts/couts-lecture.js";
import { seedDemo } from "../modules/demo/seed-demo.js";
import { fluxSauvegarde, restaurer } from "../modules/sauvegarde/sauvegarde.service.js";
import { demarrer } from "../server.js";
import { commandesComptes } from "./commandes-comptes.js";
import { commandesCouts } from "./commandes-couts.js";
import { commandesHermes } from "./commandes-hermes.js";
import { commandesHistorique } from "./commandes-historique.js";
import { commandesLecture } from "./commandes-lecture.js";
import { commandesPortabilite } from "./commandes-portabilite.js";
import { commandesTransfert } from "./commandes-transfert.js";
import { type ContexteCli, type SortieCli, sortieProcessus } from "./sortie.js";

export { type ContexteCli, type SortieCli, sortieProcessus };

function creerProgramme(ctx: ContexteCli, fixerCode: (code: number) => void): Command {
  const io = ctx.io;
  async function avecBase<T>(travail: (database: Database) => Promise<T>): Promise<T> {
    // a database handed over by the caller (the tests run the commands in their own process) stays open
    if (ctx.base) return travail(ctx.base);
    const database = await ouvrirBasePrete(loadConfig(ctx.env));
    try {
      return await travail(database);
    } finally {
      await database.close();
    }
  }

  const programme = new Command()
    .name("telephony")
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.erreur(t.replace(/\n$/, "")) })
    .description("API Telephony : inventaire des SDA, affectations Hermes, commandes")
    .showHelpAfterError()
    // business time for every command (dates without an offset in the files it reads)
    .hook("preAction", () => fixerFuseauMetier(loadConfig(ctx.env).fuseauMetier));

  programme
    .command("serve")
    .description("Démarre l'API et l'extranet (migre la base et charge les référentiels au passage)")
    .action(async () => {
      await demarrer(loadConfig(ctx.env));
    });

  programme
    .command("migrate")
    .description("Met le schéma de la base à jour et charge les référentiels manquants")
    .action(async () => {
      const config = loadConfig(ctx.env);
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        poolSize: config.dbPoolSize,
      });
      try {
        const r = await database.sousVerrou(VERROU_DEMARRAGE, async () => {
          const r = await migrer(database.db);
          await seedReference(database.db);
          await installerCoutsLecture(database.db, config.freezeJours);
          return r;
        });
        io.ligne(
          r.appliquees.length ? `Migrations appliquées : ${r.appliquees.join(", ")}` : "Base déjà à jour.",
        );
        io.ligne(`Version du schéma : ${r.version}`);
      } finally {
        await database.close();
      }
    });

  programme
    .command("backup <fichier>")
    .description(
      "Sauvegarde la base pendant que le serveur tourne : base embarquée (tar.gz, par l'API du serveur s'il la détient : --url et --cle, ou TELEPHONY_URL et TELEPHONY_API_KEY) ou PostgreSQL (pg_dump, format custom)",
    )
    .option("--url <url>", "adresse du serveur en marche (base embarquée)", ctx.env.TELEPHONY_URL)
    .option("--cle <cle>", "clé API admin du serveur en marche", ctx.env.TELEPHONY_API_KEY)
    .action(async (fichier: string, o: { url?: string; cle?: string }) => {
      const config = loadConfig(ctx.env);
      const ecrire = async (flux: NodeJS.ReadableStream) => {
        const temporaire = `${fichier}.partiel`;
        await pipeline(flux, fs.createWriteStream(temporaire));
        fs.renameSync(temporaire, fichier);
        io.ligne(`Sauvegarde écrite : ${fichier} (${fs.statSync(fichier).size} octets).`);
      };
      if (!config.databaseUrl && o.url) {
        // the server holds the embedded database: it makes the copy
        if (!o.cle)
          throw new ApiError(
            422,
            "CLE_OBLIGATOIRE",
            "Indiquez une clé API admin (--cle ou TELEPHONY_API_KEY).",
          );
        const r = await fetch(`${o.url.replace(/\/$/, "")}/api/v1/sauvegarde`, {
          headers: { authorization: `Bearer ${o.cle}` },
        });
        if (!r.ok || !r.body)
          throw new ApiError(r.status, "SAUVEGARDE_REFUSEE", `Le serveur a refusé : ${await r.text()}`);
        await ecrire(Readable.fromWeb(r.body as import("node:stream/web").ReadableStream));
        return;
      }
      try {
        await avecBase(async (database) => ecrire(await fluxSauvegarde(database, config, acteurCli())));
      } catch (e) {
        if (e instanceof DossierOccupeError)
          throw new ApiError(
            409,
            "SERVEUR_EN_MARCHE",
            `${e.message}\nPour sauvegarder sans l'arrêter : telephony backup ${fichier} --url <adresse du serveur> --cle <clé API admin>.`,
          );
        throw e;
      }
    });

  programme
    .command("restore <fichier>")
    .description(
      "Restaure une sauvegarde de telephony backup ; refuse une base qui contient des données sans --force (la base embarquée est alors mise de côté, pas supprimée)",
    )
    .option("--force", "remplacer une base qui contient des données")
    .action(async (fichier: string, o: { force?: boolean }) => {
      io.ligne(await restaurer(loadConfig(ctx.env), fichier, !!o.force));
    });

  programme
    .command("seed-demo")
    .description(
      "Remplit une base vide avec un jeu de démonstration réaliste (clients, campagnes, 2 000 numéros, commandes)",
    )
    .option("--numeros <n>", "nombre de numéros", "2000")
    .action(async (opts: { numeros: string }) => {
      await avecBase(async ({ db }) => {
        const r = await seedDemo(db, { numeros: Number(opts.numeros) });
        io.ligne(
          `Démo chargée : ${r.clients} clients, ${r.campagnes} campagnes, ${r.numeros} numéros, ${r.affectations} affectations, ${r.commandes} commandes.`,
        );
      });
    });

  const outils = { ctx, io, avecBase, fixerCode };
  commandesHermes(programme, outils);
  commandesTransfert(programme, outils);
  commandesCouts(programme, outils);
  commandesPortabilite(programme, outils);
  commandesComptes(programme, outils);
  commandesHistorique(programme, outils);
  commandesLecture(programme, outils);
  return programme;
}

/**
 * Runs one command line (without "node main.js") and gives its exit code; an error is said on the error
 * stream with the API's words. The tests call it in their own process with an open database.
 */
export async function executerCli(
  argv: string[],
  ctx: ContexteCli,
): Promise<{ code: number; echec: boolean }> {
  const io = ctx.io;
  let codeSortie = 0;
  try {
    const programme = creerProgramme(ctx, (c) => {
      codeSortie = c;
    });
    await programme.parseAsync(argv, { from: "user" });
    return { code: codeSortie, echec: false };
  } catch (e: unknown) {
    if (e instanceof CommanderError) return { code: e.exitCode, echec: e.exitCode !== 0 };
    if (
      e instanceof ConfigError ||
      e instanceof BasePlusRecenteError ||
      e instanceof MigrationError ||
      e instanceof DossierOccupeError
    ) {
      io.erreur(`Erreur : ${e.message}`);
    } else if (e instanceof ApiError) {
      io.erreur(
        `Erreur ${e.code} : ${e.message}${e.details ? ` (${e.details.map((d) => `${d.champ} : ${d.message}`).join("; ")})` : ""}`,
      );
    } else if (e && typeof e === "object" && depuisPostgres(e as never)) {
      // the same words as the API's for the same refusal
      const api = depuisPostgres(e as never) as ApiError;
      io.erreur(`Erreur ${api.code} : ${api.message}`);
    } else {
      io.erreur(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
    return { code: 1, echec: true };
  }
}
