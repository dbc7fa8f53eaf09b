import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { dateHeureFr } from "../heure-metier.js";
import { ApiError } from "../http/errors.js";
import { TOUT } from "../modules/auth/acces.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { importerNumerosPortabilite } from "../modules/portabilite/import.js";
import { pagePortabilites } from "../modules/portabilite/portabilite.repository.js";
import { correspondancesCli, fichierCli } from "./arguments.js";
import type { Outils } from "./sortie.js";

/** Port-in requests from the command line: a list of numbers added from a file, the requests listed. */
export function commandesPortabilite(programme: Command, { ctx, io, avecBase }: Outils) {
  programme
    .command("portabilite-import <fichier>")
    .description(
      "Ajoute à une demande de portabilité les numéros d'un fichier CSV ou XLSX (colonnes numero, rio ; plages acceptées) : tout ou rien, les refusés listés",
    )
    .requiredOption("--demande <reference>", "référence (POR-2027-00012) ou numéro de la demande")
    .option("--map <champ=colonne...>", "colonne du fichier pour un champ (numero, rio)")
    .option("--strict", "refuser un fichier dont une colonne ne sert à rien")
    .option("--json", "le résultat en JSON sur la sortie standard")
    .action(
      async (fichier: string, o: { demande: string; map?: string[]; strict?: boolean; json?: boolean }) => {
        const colonnes = correspondancesCli(o.map);
        const contenu = fichierCli(fichier);
        const config = loadConfig(ctx.env);
        await avecBase(async ({ db }) => {
          const d = await db
            .selectFrom("tel_portabilite")
            .select(["id", "reference"])
            .where((eb) =>
              /^\d+$/.test(o.demande)
                ? eb("id", "=", Number(o.demande))
                : eb("reference", "=", o.demande.trim()),
            )
            .executeTakeFirst();
          if (!d)
            throw new ApiError(404, "INTROUVABLE", `Demande de portabilité introuvable : ${o.demande}.`);
          const r = await importerNumerosPortabilite(
            { db, acteur: acteurCli(), maintenant: new Date(), config },
            d.id,
            contenu,
            Object.keys(colonnes).length ? JSON.stringify(colonnes) : undefined,
            !!o.strict,
            config.importLimites,
          );
          if (o.json) {
            io.out(`${JSON.stringify({ demande: d.reference, ...r })}\n`);
            return;
          }
          io.ligne(`${r.ajoutes} numéro(s) ajouté(s) à la demande ${d.reference}.`);
          if (r.colonnes_ignorees.length) io.ligne(`Colonnes ignorées : ${r.colonnes_ignorees.join(", ")}`);
        });
      },
    );

  programme
    .command("portabilites")
    .description("Liste les demandes de portabilité entrante, les bascules à venir d'abord")
    .option("--statut <STATUT,...>", "un ou plusieurs statuts (DATE_CONFIRMEE : bascules confirmées)")
    .option("--json", "le résultat en JSON sur la sortie standard")
    .action(async (o: { statut?: string; json?: boolean }) => {
      await avecBase(async ({ db }) => {
        const { data, total } = await pagePortabilites(
          db,
          { statut: o.statut?.split(","), portee: TOUT },
          1,
          200,
        );
        if (o.json) {
          io.out(`${JSON.stringify({ total, data })}\n`);
          return;
        }
        for (const p of data) {
          const bascule = p.bascule_le ? ` — bascule le ${dateHeureFr(new Date(p.bascule_le))} (Paris)` : "";
          io.ligne(
            `${p.reference}  ${p.statut}  ${p.client}  ${p.nombre} numéro(s) depuis ${p.operateur_donneur}${bascule}`,
          );
        }
        io.ligne(`${total} demande(s)${total > data.length ? ` (les ${data.length} premières)` : ""}.`);
      });
    });
}
