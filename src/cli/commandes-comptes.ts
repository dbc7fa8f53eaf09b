import type { Command } from "commander";
import { acteurCli } from "../modules/auth/acteur.js";
import { genererMotDePasse } from "../modules/auth/auth.service.js";
import { creerCleApi, creerUtilisateur } from "../modules/auth/comptes.service.js";
import { idClient, type Outils } from "./sortie.js";

export function commandesComptes(programme: Command, { io, avecBase }: Outils) {
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
          io.ligne(`Compte ${u.login} (${u.role}) créé.`);
          if (!o.password) io.ligne(`Mot de passe (affiché cette seule fois) : ${mdp}`);
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
    .option(
      "--adresses <plages>",
      "adresses ou plages CIDR d'où la clé peut servir, séparées par des virgules",
    )
    .action(async (o: { nom: string; role: string; client?: string; expire?: string; adresses?: string }) => {
      await avecBase(async ({ db }) => {
        const c = await creerCleApi(db, acteurCli(), {
          nom: o.nom,
          role: o.role,
          client_id: await idClient(db, o.client),
          expire_le: o.expire ?? null,
          adresses_autorisees: o.adresses ? o.adresses.split(",") : null,
        });
        io.ligne(`Clé « ${c.nom} » (${c.role}) créée. Conservez-la, elle ne sera plus affichée :`);
        io.ligne(c.cle);
      });
    });
}
