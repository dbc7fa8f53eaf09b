import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { sql } from "kysely";
import { ApiError } from "../http/errors.js";
import type { Outils } from "./sortie.js";

const SCHEMA = "telephony_lecture";
const NOM_ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * `telephony sql-lecture --role NAME`: a PostgreSQL role that reads the views of telephony_lecture and nothing
 * else (#31), for the company's other tools (reporting, SQL Server through a linked server). The views read the
 * tables with their owner's rights: the role needs no right on a table, and gets none.
 */
export function commandesLecture(programme: Command, { io, avecBase }: Outils) {
  programme
    .command("sql-lecture")
    .description(
      `Crée ou met à jour un rôle PostgreSQL qui ne lit que les vues du schéma ${SCHEMA} (PostgreSQL seulement)`,
    )
    .requiredOption("--role <nom>", "nom du rôle (minuscules, chiffres, _)")
    .option(
      "--mot-de-passe <mdp>",
      "son mot de passe (sinon SQL_LECTURE_PASSWORD ; sinon un mot de passe tiré au hasard pour un nouveau rôle, affiché une fois)",
    )
    .action(async (o: { role: string; motDePasse?: string }) => {
      if (!NOM_ROLE.test(o.role))
        throw new ApiError(
          422,
          "ROLE_INVALIDE",
          `Nom de rôle refusé : « ${o.role} » (minuscules, chiffres et _, 63 caractères au plus, sans chiffre au début).`,
        );
      await avecBase(async (base) => {
        if (base.mode !== "postgres")
          throw new ApiError(
            422,
            "POSTGRES_SEULEMENT",
            `Les vues ${SCHEMA} se lisent par une connexion PostgreSQL : la base embarquée n'en accepte aucune d'un autre outil. Passez à PostgreSQL (DATABASE_URL) pour les ouvrir à d'autres outils.`,
          );
        const db = base.db;
        const existant = await sql<{ rolsuper: boolean }>`
          SELECT rolsuper FROM pg_roles WHERE rolname = ${o.role}`.execute(db);
        const role = existant.rows[0];
        if (role?.rolsuper)
          throw new ApiError(
            409,
            "ROLE_SUPERUTILISATEUR",
            `Le rôle ${o.role} est superutilisateur : il lit tout. Choisissez un autre nom.`,
          );
        const donne = o.motDePasse ?? process.env.SQL_LECTURE_PASSWORD;
        const motDePasse = donne ?? (role ? undefined : randomBytes(18).toString("base64url"));
        // identifiers and the password quoted by PostgreSQL itself (format %I, %L): no statement takes parameters here
        await db.transaction().execute(async (trx) => {
          const x = async (modele: string, ...valeurs: string[]) => {
            const r = await sql<{
              s: string;
            }>`SELECT format(${modele}, ${sql.join(valeurs.map((v) => sql`${v}::text`))}) AS s`.execute(trx);
            await sql.raw((r.rows[0] as { s: string }).s).execute(trx);
          };
          if (!role) await x("CREATE ROLE %I LOGIN PASSWORD %L", o.role, motDePasse as string);
          else if (motDePasse) await x("ALTER ROLE %I LOGIN PASSWORD %L", o.role, motDePasse);
          const nomBase = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(trx)).rows[0]
            ?.d as string;
          await x("GRANT CONNECT ON DATABASE %I TO %I", nomBase, o.role);
          await x("GRANT USAGE ON SCHEMA %I TO %I", SCHEMA, o.role);
          await x("GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I", SCHEMA, o.role);
          // views a later version adds are readable too
          await x("ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I", SCHEMA, o.role);
          await x("ALTER ROLE %I SET search_path = %I", o.role, SCHEMA);
        });
        const vues = await sql<{ nom: string }>`
          SELECT table_name AS nom FROM information_schema.views WHERE table_schema = ${SCHEMA} ORDER BY 1`.execute(
          db,
        );
        io.ligne(
          `Rôle ${o.role} : lit les vues de ${SCHEMA} (${vues.rows.map((v) => v.nom).join(", ")}), rien d'autre.`,
        );
        if (motDePasse && !donne) io.ligne(`Mot de passe (affiché une seule fois) : ${motDePasse}`);
        else if (!motDePasse) io.ligne("Mot de passe inchangé.");
      });
    });
}
