import type { Command } from "commander";
import { loadConfig } from "../config.js";
import type { Database } from "../db/database.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { PublicationHermes } from "../modules/hermes/publication.js";
import type { DifferenceRoutes } from "../modules/hermes/routes-publiees.js";
import { SnapshotRoutage } from "../modules/hermes/snapshot.js";
import type { Outils } from "./sortie.js";

const resumeRoutes = (d: DifferenceRoutes) =>
  `Routes : ${d.deployees ?? "aucune publication connue"} déployée(s), ${d.a_publier} à publier : ${d.ajoutees} ajoutée(s), ${d.supprimees} supprimée(s), ${d.modifiees} modifiée(s).`;

export function commandesHermes(programme: Command, { ctx, io, avecBase }: Outils) {
  async function publication(database: Database) {
    const config = loadConfig(ctx.env);
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
            io.ligne(
              `== ${f.nom} → ${f.chemin}${f.derive ? " (MODIFIÉ À LA MAIN depuis la dernière publication)" : ""}${f.change ? "" : " (inchangé)"}`,
            );
            if (f.change) io.ligne(f.diff);
          }
          io.ligne(resumeRoutes(a.routes));
          if (a.confirmation_requise)
            io.ligne(
              `Confirmation requise : ${a.routes.supprimees} suppressions (au-delà de ${a.suppressions_permises}) ; publiez avec --confirmer ${a.routes.supprimees}.`,
            );
          for (const i of a.invalides)
            io.ligne(
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
          io.ligne(`${f.fichier} : version ${f.version} publiée (sha256 ${f.somme_sha256.slice(0, 12)}…)`);
        if (r.inchanges.length) io.ligne(`Inchangés : ${r.inchanges.join(", ")}`);
        io.ligne(
          `Routes : ${r.routes.ajoutees} ajoutée(s), ${r.routes.supprimees} supprimée(s), ${r.routes.modifiees} modifiée(s).`,
        );
      });
    });

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
        io.ligne(`${r.fichier} : version ${r.version} (restauration) écrite.`);
      });
    });
}
