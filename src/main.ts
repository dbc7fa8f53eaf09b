#!/usr/bin/env node
import fs, { writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Command } from "commander";
import { ConfigError, loadConfig } from "./config.js";
import { ouvrirBasePrete, VERROU_DEMARRAGE } from "./db/base-prete.js";
import { type Database, openDatabase } from "./db/database.js";
import { BasePlusRecenteError, MigrationError, migrer } from "./db/migrate.js";
import { seedReference } from "./db/reference-data.js";
import { DossierOccupeError } from "./db/verrou-dossier.js";
import { fixerFuseauMetier } from "./heure-metier.js";
import { ApiError } from "./http/errors.js";
import { depuisPostgres } from "./http/problem.js";
import { acteurCli } from "./modules/auth/acteur.js";
import { creerCleApi, creerUtilisateur, genererMotDePasse } from "./modules/auth/auth.service.js";
import { seedDemo } from "./modules/demo/seed-demo.js";
import { PublicationHermes } from "./modules/hermes/publication.js";
import type { DifferenceRoutes } from "./modules/hermes/routes-publiees.js";
import { SnapshotRoutage } from "./modules/hermes/snapshot.js";
import { fluxSauvegarde, restaurer } from "./modules/sauvegarde/sauvegarde.service.js";
import { commandeImport, type OptionsCli } from "./modules/transfert/cli.js";
import { modeleCsv, TYPES_IMPORT, type TypeImport } from "./modules/transfert/colonnes.js";
import {
  exporter,
  FORMATS_EXPORT,
  type FormatExport,
  TYPES_EXPORT,
  type TypeExport,
} from "./modules/transfert/export.service.js";
import { documentOpenApi } from "./openapi-document.js";
import { demarrer } from "./server.js";

async function avecBase<T>(travail: (database: Database) => Promise<T>): Promise<T> {
  const database = await ouvrirBasePrete(loadConfig());
  try {
    return await travail(database);
  } finally {
    await database.close();
  }
}

async function idClient(db: Database["db"], code: string | undefined) {
  if (!code) return null;
  const c = await db
    .selectFrom("tel_client")
    .select("id")
    .where("code", "=", code.toUpperCase())
    .executeTakeFirst();
  if (!c) throw new ApiError(422, "CLIENT_INCONNU", `Client inconnu : ${code}.`);
  return c.id;
}

const programme = new Command()
  .name("telephony")
  .description("API Telephony : inventaire des SDA, affectations Hermes, commandes")
  .showHelpAfterError()
  // business time for every command (dates without an offset in the files it reads)
  .hook("preAction", () => fixerFuseauMetier(loadConfig().fuseauMetier));

programme
  .command("serve")
  .description("Démarre l'API et l'extranet (migre la base et charge les référentiels au passage)")
  .action(async () => {
    await demarrer(loadConfig());
  });

programme
  .command("migrate")
  .description("Met le schéma de la base à jour et charge les référentiels manquants")
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
    });
    try {
      const r = await database.sousVerrou(VERROU_DEMARRAGE, async () => {
        const r = await migrer(database.db);
        await seedReference(database.db);
        return r;
      });
      console.log(
        r.appliquees.length ? `Migrations appliquées : ${r.appliquees.join(", ")}` : "Base déjà à jour.",
      );
      console.log(`Version du schéma : ${r.version}`);
    } finally {
      await database.close();
    }
  });

programme
  .command("backup <fichier>")
  .description(
    "Sauvegarde la base pendant que le serveur tourne : base embarquée (tar.gz, par l'API du serveur s'il la détient : --url et --cle, ou TELEPHONY_URL et TELEPHONY_API_KEY) ou PostgreSQL (pg_dump, format custom)",
  )
  .option("--url <url>", "adresse du serveur en marche (base embarquée)", process.env.TELEPHONY_URL)
  .option("--cle <cle>", "clé API admin du serveur en marche", process.env.TELEPHONY_API_KEY)
  .action(async (fichier: string, o: { url?: string; cle?: string }) => {
    const config = loadConfig();
    const ecrire = async (flux: NodeJS.ReadableStream) => {
      const temporaire = `${fichier}.partiel`;
      await pipeline(flux, fs.createWriteStream(temporaire));
      fs.renameSync(temporaire, fichier);
      console.log(`Sauvegarde écrite : ${fichier} (${fs.statSync(fichier).size} octets).`);
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
    console.log(await restaurer(loadConfig(), fichier, !!o.force));
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
      console.log(
        `Démo chargée : ${r.clients} clients, ${r.campagnes} campagnes, ${r.numeros} numéros, ${r.affectations} affectations, ${r.commandes} commandes.`,
      );
    });
  });

async function publication(database: Database) {
  const config = loadConfig();
  const routage = new SnapshotRoutage(database.db);
  await routage.chargerTout();
  return new PublicationHermes(database.db, config, routage, () => new Date());
}

programme
  .command("publish")
  .description(
    "Publie les fichiers de routage Hermes (recept.ons, S2.ons...) ; --dry-run montre le rendu et la différence",
  )
  .option("--dry-run", "ne rien écrire : afficher la différence avec les fichiers déployés")
  .option("--force", "publier même si un fichier déployé a été modifié à la main")
  .option("--motif <texte>", "raison de la publication, gardée avec la version")
  .option(
    "--confirmer <n>",
    "nombre de routes supprimées que vous acceptez (exigé au-delà du seuil, voir --dry-run)",
  )
  .action(async (o: { dryRun?: boolean; force?: boolean; motif?: string; confirmer?: string }) => {
    await avecBase(async (database) => {
      const p = await publication(database);
      if (o.dryRun) {
        const a = await p.preparer();
        for (const f of a.fichiers) {
          console.log(
            `== ${f.nom} → ${f.chemin}${f.derive ? " (MODIFIÉ À LA MAIN depuis la dernière publication)" : ""}${f.change ? "" : " (inchangé)"}`,
          );
          if (f.change) console.log(f.diff);
        }
        console.log(resumeRoutes(a.routes));
        if (a.confirmation_requise)
          console.log(
            `Confirmation requise : ${a.routes.supprimees} suppressions (au-delà de ${a.suppressions_permises}) ; publiez avec --confirmer ${a.routes.supprimees}.`,
          );
        for (const i of a.invalides)
          console.log(
            `Valeur refusée : ${i.champ} « ${JSON.stringify(i.valeur)} » de ${i.numero} (${i.campagne_code}) : ${i.raison}`,
          );
        return;
      }
      const r = await p.publier(acteurCli(), {
        motif: o.motif,
        forcer: o.force,
        confirmer: o.confirmer === undefined ? undefined : Number(o.confirmer),
      });
      for (const f of r.publies)
        console.log(`${f.fichier} : version ${f.version} publiée (sha256 ${f.somme_sha256.slice(0, 12)}…)`);
      if (r.inchanges.length) console.log(`Inchangés : ${r.inchanges.join(", ")}`);
      console.log(
        `Routes : ${r.routes.ajoutees} ajoutée(s), ${r.routes.supprimees} supprimée(s), ${r.routes.modifiees} modifiée(s).`,
      );
    });
  });

const resumeRoutes = (d: DifferenceRoutes) =>
  `Routes : ${d.deployees ?? "aucune publication connue"} déployée(s), ${d.a_publier} à publier : ${d.ajoutees} ajoutée(s), ${d.supprimees} supprimée(s), ${d.modifiees} modifiée(s).`;

programme
  .command("rollback")
  .description(
    "Revient à une version publiée d'un fichier de routage (id de la version, voir GET /api/v1/hermes/publications)",
  )
  .requiredOption("--id <id>", "identifiant de la version à remettre en place")
  .option("--motif <texte>")
  .action(async (o: { id: string; motif?: string }) => {
    await avecBase(async (database) => {
      const r = await (await publication(database)).restaurer(acteurCli(), Number(o.id), o.motif);
      console.log(`${r.fichier} : version ${r.version} (restauration) écrite.`);
    });
  });

programme
  .command("openapi")
  .description("Écrit le document OpenAPI 3.1 de l'API (sur la sortie standard, ou dans --output)")
  .option("--output <fichier>")
  .action(async (o: { output?: string }) => {
    const texte = `${JSON.stringify(await documentOpenApi(), null, 2)}\n`;
    if (o.output) writeFileSync(o.output, texte);
    else process.stdout.write(texte);
  });

programme
  .command("import [fichier]")
  .description(
    "Importe un fichier CSV (; ou ,, UTF-8 ou Windows-1252) ou XLSX : numéros, affectations, clients, campagnes. Tout ou rien par défaut ; --dry-run pour le rapport seul",
  )
  .requiredOption("--type <type>", TYPES_IMPORT.join(" | "))
  .option("--dry-run", "ne rien écrire : lire, vérifier et compter")
  .option("--json", "le rapport en JSON sur la sortie standard")
  .option(
    "--create-missing",
    "« créer ce qui manque » : les clients, groupements, opérateurs, campagnes inconnus (et, pour les affectations, les numéros absents) au lieu de refuser la ligne",
  )
  .option("--accept-rejects", "écrire les lignes valides même si d'autres sont refusées")
  .option(
    "--modele",
    "écrire sur la sortie standard le modèle CSV du type (ses colonnes), sans rien importer",
  )
  .option("--strict", "refuser un fichier dont une colonne ne correspond à aucun champ")
  .option(
    "--accept-unknown-ranges",
    "« accepter les plages inconnues » : créer les numéros bien formés hors des tranches connues du plan de numérotation (marqués à revoir)",
  )
  .option(
    "--rejets <fichier.csv>",
    "écrire les lignes refusées (telles quelles, plus la raison) dans ce fichier, à corriger puis réimporter",
  )
  .option("--map <champ=colonne...>", "colonne du fichier pour un champ (ex. --map numero=SDA)")
  .option("--mapping <fichier.json>", "correspondances champ → colonne dans un fichier JSON")
  .option(
    "--batch-size <n>",
    "valider par lots de n lignes (reprise possible) au lieu d'une seule transaction",
  )
  .action(async (fichier: string | undefined, o: OptionsCli & { modele?: boolean }) => {
    if (!TYPES_IMPORT.includes(o.type as TypeImport))
      throw new ApiError(
        422,
        "TYPE_INCONNU",
        `Type d'import inconnu : ${o.type} (${TYPES_IMPORT.join(", ")}).`,
      );
    if (o.modele) {
      process.stdout.write(modeleCsv(o.type as TypeImport));
      return;
    }
    if (!fichier) throw new ApiError(422, "FICHIER_ATTENDU", "Indiquez le fichier à importer (ou --modele).");
    const code = await avecBase(({ db }) => commandeImport(db, fichier, o, loadConfig()));
    process.exitCode = code;
  });

programme
  .command("export")
  .description("Exporte numéros, affectations, clients, campagnes ou commandes en CSV, JSON ou XLSX")
  .requiredOption("--type <type>", TYPES_EXPORT.join(" | "))
  .option("--format <format>", "csv | json | xlsx", "csv")
  .option("--output <fichier>", "fichier de sortie (sinon la sortie standard)")
  .option("--client <code>", "seulement ce client")
  .option("--statut <code>", "numéros : seulement ce statut")
  .action(async (o: { type: string; format: string; output?: string; client?: string; statut?: string }) => {
    if (!TYPES_EXPORT.includes(o.type as TypeExport))
      throw new ApiError(
        422,
        "TYPE_INCONNU",
        `Type d'export inconnu : ${o.type} (${TYPES_EXPORT.join(", ")}).`,
      );
    if (!FORMATS_EXPORT.includes(o.format as FormatExport))
      throw new ApiError(422, "FORMAT_INCONNU", `Format inconnu : ${o.format} (csv, json, xlsx).`);
    await avecBase(async ({ db }) => {
      const contenu = await exporter(db, o.type as TypeExport, o.format as FormatExport, {
        client_id: (await idClient(db, o.client)) ?? undefined,
        statut: o.statut,
      });
      if (o.output) writeFileSync(o.output, contenu);
      else process.stdout.write(contenu);
    });
  });

const user = programme.command("user").description("Comptes utilisateurs");
user
  .command("create")
  .description("Crée un compte ; sans --password, un mot de passe est généré et affiché une fois")
  .requiredOption("--login <login>")
  .requiredOption("--role <role>", "admin | gestionnaire | lecteur | client | hermes")
  .option("--nom <nom>")
  .option("--email <email>")
  .option("--client <code>", "code du client (rôle client)")
  .option("--password <mdp>")
  .action(
    async (o: {
      login: string;
      role: string;
      nom?: string;
      email?: string;
      client?: string;
      password?: string;
    }) => {
      await avecBase(async ({ db }) => {
        const mdp = o.password ?? genererMotDePasse();
        const u = await creerUtilisateur(db, acteurCli(), {
          login: o.login,
          nom: o.nom ?? o.login,
          email: o.email ?? null,
          role: o.role,
          client_id: await idClient(db, o.client),
          mot_de_passe: mdp,
        });
        console.log(`Compte ${u.login} (${u.role}) créé.`);
        if (!o.password) console.log(`Mot de passe (affiché cette seule fois) : ${mdp}`);
      });
    },
  );

const apikey = programme.command("apikey").description("Clés API");
apikey
  .command("create")
  .description("Crée une clé API, affichée cette seule fois")
  .requiredOption("--nom <nom>")
  .requiredOption("--role <role>", "admin | gestionnaire | lecteur | client | hermes")
  .option("--client <code>", "code du client (rôle client)")
  .option("--expire <date>", "date d'expiration ISO 8601")
  .option("--adresses <plages>", "adresses ou plages CIDR d'où la clé peut servir, séparées par des virgules")
  .action(async (o: { nom: string; role: string; client?: string; expire?: string; adresses?: string }) => {
    await avecBase(async ({ db }) => {
      const c = await creerCleApi(db, acteurCli(), {
        nom: o.nom,
        role: o.role,
        client_id: await idClient(db, o.client),
        expire_le: o.expire ?? null,
        adresses_autorisees: o.adresses ? o.adresses.split(",") : null,
      });
      console.log(`Clé « ${c.nom} » (${c.role}) créée. Conservez-la, elle ne sera plus affichée :`);
      console.log(c.cle);
    });
  });

programme.parseAsync(process.argv).catch((e: unknown) => {
  if (
    e instanceof ConfigError ||
    e instanceof BasePlusRecenteError ||
    e instanceof MigrationError ||
    e instanceof DossierOccupeError
  ) {
    console.error(`Erreur : ${e.message}`);
  } else if (e instanceof ApiError) {
    console.error(
      `Erreur ${e.code} : ${e.message}${e.details ? ` (${e.details.map((d) => `${d.champ} : ${d.message}`).join("; ")})` : ""}`,
    );
  } else if (e && typeof e === "object" && depuisPostgres(e as never)) {
    // the same words as the API's for the same refusal
    const api = depuisPostgres(e as never) as ApiError;
    console.error(`Erreur ${api.code} : ${api.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
