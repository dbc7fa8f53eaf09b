import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { ApiError } from "../http/errors.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { idOperateur } from "../modules/rapprochements/rapprochements.repository.js";
import { rapprocher } from "../modules/rapprochements/rapprochements.service.js";
import { reclamation } from "../modules/rapprochements/reclamation.js";
import { correspondancesCli, fichierCli } from "./arguments.js";
import type { Outils } from "./sortie.js";

const euros = (n: number) => n.toLocaleString("fr-FR", { style: "currency", currency: "EUR" });

export function commandesCouts(programme: Command, { ctx, io, avecBase }: Outils) {
  programme
    .command("rapprochement <fichier>")
    .description(
      "Rapproche la liste ou les lignes de facture d'un opérateur (CSV ou XLSX) avec l'inventaire pour un mois : à réclamer, inconnus, non facturés, écarts de prix et de référence",
    )
    .requiredOption("--operateur <code>", "code de l'opérateur (ex. SFR)")
    .requiredOption("--periode <AAAA-MM>", "mois facturé")
    .option(
      "--map <champ=colonne...>",
      "colonne du fichier pour un champ (numero, reference, prix, debut, fin)",
    )
    .option(
      "--reclamation <fichier>",
      "écrire la réclamation pour l'opérateur (CSV, ou XLSX si le nom finit par .xlsx)",
    )
    .option("--json", "le résultat en JSON sur la sortie standard")
    .action(
      async (
        fichier: string,
        o: { operateur: string; periode: string; map?: string[]; reclamation?: string; json?: boolean },
      ) => {
        const colonnes = correspondancesCli(o.map);
        const contenu = fichierCli(fichier);
        const config = loadConfig(ctx.env);
        await avecBase(async ({ db }) => {
          const operateur = await idOperateur(db, o.operateur);
          if (operateur === undefined)
            throw new ApiError(422, "REFERENCE_INVALIDE", `Opérateur inconnu : ${o.operateur}.`);
          const r = await rapprocher(
            { db, acteur: acteurCli(), maintenant: new Date(), config },
            {
              operateur_id: operateur,
              periode: o.periode,
              nom: basename(fichier),
              contenu,
              colonnes,
              limites: config.importLimites,
            },
          );
          if (o.reclamation) {
            const f = await reclamation(db, r.id, o.reclamation.endsWith(".xlsx") ? "xlsx" : "csv");
            writeFileSync(o.reclamation, f.contenu);
          }
          if (o.json) {
            io.out(`${JSON.stringify(r, null, 2)}\n`);
            return;
          }
          io.ligne(
            `Rapprochement n° ${r.id} — ${r.operateur}, ${r.periode} : ${r.lignes_lues} ligne(s) lue(s) en ${(r.duree_ms / 1000).toFixed(1)} s`,
          );
          for (const a of r.avertissements) io.ligne(`Attention : ${a}`);
          if (r.colonnes_ignorees.length) io.ligne(`Colonnes ignorées : ${r.colonnes_ignorees.join(", ")}`);
          for (const c of r.classes)
            io.ligne(`  ${c.libelle} : ${c.n}${c.montant === null ? "" : ` (${euros(c.montant)})`}`);
          if (o.reclamation) io.ligne(`Réclamation écrite dans ${o.reclamation}`);
        });
      },
    );
}
