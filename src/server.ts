import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { ouvrirBasePrete } from "./db/base-prete.js";
import { initialiserAdmin } from "./modules/auth/auth.service.js";

/** Opens the database, brings it up to date, seeds reference data, and serves the API and the extranet. */
export async function demarrer(config: Config) {
  let motDePasse: string | null = null;
  const database = await ouvrirBasePrete(config, async ({ db }) => {
    motDePasse = await initialiserAdmin(db, config.adminPassword);
  });
  const app = await buildApp({ database, config, logger: { level: config.logLevel } });
  const adresse = await app.listen({ host: config.host, port: config.port });
  app.planificateur.demarrer(config.planificateurSecondes * 1000);
  const base = config.publicUrl ?? adresse.replace("127.0.0.1", "localhost");
  const lignes = [
    `API Telephony prête (base ${database.mode === "pglite" ? `embarquée PGlite dans ${config.dataDir}` : "PostgreSQL"}).`,
    `  Extranet :       ${base}/admin/telephony`,
    `  API :            ${base}/api/v1`,
    `  Documentation :  ${base}/api/docs`,
  ];
  if (motDePasse) {
    lignes.push(
      "",
      "Premier démarrage : compte administrateur créé (mot de passe affiché cette seule fois) :",
      `  identifiant : admin`,
      `  mot de passe : ${motDePasse}`,
    );
  }
  process.stdout.write(`${lignes.join("\n")}\n`);
  const arreter = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", arreter);
  process.once("SIGTERM", arreter);
  return app;
}
