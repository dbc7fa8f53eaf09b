import { createHash } from "node:crypto";
import fs from "node:fs";
import cliProgress from "cli-progress";
import type { Kysely } from "kysely";
import type { SortieCli } from "../../cli/sortie.js";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { acteurCli } from "../auth/acteur.js";
import { TYPES_IMPORT, type TypeImport } from "./colonnes.js";
import { importer, type Rapport } from "./import.service.js";
import { lireTableau } from "./lecture.js";
import { csvRejets } from "./rejets.js";

function ecrireRejets(
  io: SortieCli,
  fichier: string,
  tableau: Awaited<ReturnType<typeof lireTableau>>,
  r: Rapport,
) {
  fs.writeFileSync(fichier, csvRejets(tableau, r.rejets));
  io.erreur(`${r.rejets.length} ligne(s) refusée(s) écrite(s) dans ${fichier}.`);
}

export interface OptionsCli {
  type: string;
  dryRun?: boolean;
  json?: boolean;
  createMissing?: boolean;
  acceptRejects?: boolean;
  map?: string[];
  mapping?: string;
  batchSize?: string;
  strict?: boolean;
  rejets?: string;
  acceptUnknownRanges?: boolean;
}

/** Rows per second and time left on a terminal; a plain line per tenth when the output is a file or a pipe. */
function progression(io: SortieCli) {
  const debut = performance.now();
  const vitesse = (faits: number) => Math.round(faits / Math.max(0.001, (performance.now() - debut) / 1000));
  if (io.terminal) {
    const barre = new cliProgress.SingleBar(
      {
        format:
          "  {phase} {bar} {percentage}% | {value}/{total} | {vitesse} lignes/s | reste {eta_formatted}",
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let phase = "";
    return {
      maj(p: "lecture" | "ecriture", faits: number, total: number) {
        if (p !== phase) {
          if (phase) barre.stop();
          phase = p;
          barre.start(total, 0, { phase: p === "lecture" ? "lecture " : "écriture", vitesse: 0 });
        }
        barre.update(faits, { vitesse: p === "lecture" ? vitesse(faits) : "-" });
      },
      fin: () => barre.stop(),
    };
  }
  let palier = -1;
  let phase = "";
  return {
    maj(p: "lecture" | "ecriture", faits: number, total: number) {
      if (p !== phase) {
        phase = p;
        palier = -1;
      }
      const dixieme = Math.floor((10 * faits) / Math.max(1, total));
      if (dixieme > palier) {
        palier = dixieme;
        io.erreur(
          p === "lecture"
            ? `  lecture ${faits}/${total} lignes (${vitesse(faits)} lignes/s)`
            : `  écriture ${faits}/${total} lots`,
        );
      }
    },
    fin: () => {},
  };
}

/** Every column of the file and what it fed, then the ignored ones: what the import did not read is said first. */
export function decrireColonnes(r: Pick<Rapport, "colonnes" | "colonnes_ignorees">): string[] {
  return [
    `  colonnes lues : ${Object.entries(r.colonnes)
      .map(([champ, colonne]) => (champ === colonne ? champ : `${colonne} → ${champ}`))
      .join(", ")}`,
    r.colonnes_ignorees.length
      ? `  colonnes ignorées (rien n'en est lu ; --strict les refuse) : ${r.colonnes_ignorees.join(", ")}`
      : "  colonnes ignorées : aucune",
  ];
}

export function afficherRapport(r: Rapport) {
  const lignes = [
    `${r.simulation ? "Simulation (rien n'a été écrit)" : r.ecrit ? "Import terminé" : "Import refusé (rien n'a été écrit)"} — ${r.type}, ${r.duree_ms} ms`,
    ...decrireColonnes(r),
    `  lignes lues : ${r.lus}`,
    `  à créer : ${r.a_creer}`,
    `  à mettre à jour : ${r.a_mettre_a_jour}`,
    `  inchangées : ${r.inchanges}`,
    `  doublons ignorés : ${r.doublons}`,
    `  rejetées : ${r.rejetes}`,
  ];
  if (r.references_creees.length) lignes.push(`  références créées : ${r.references_creees.join(", ")}`);
  if (r.hors_plan.length)
    lignes.push(
      `  hors des tranches connues, marqués à revoir (${r.hors_plan.length}) : ${r.hors_plan.slice(0, 50).join(", ")}${r.hors_plan.length > 50 ? " …" : ""}`,
    );
  if (r.numeros_crees.length)
    lignes.push(
      `  numéros créés (${r.numeros_crees.length}) : ${r.numeros_crees.slice(0, 50).join(", ")}${r.numeros_crees.length > 50 ? " …" : ""}`,
    );
  for (const j of r.rejets.slice(0, 200))
    lignes.push(
      `  ligne ${j.ligne}${j.colonne ? `, colonne ${j.colonne}` : ""}${j.valeur !== null ? ` (« ${j.valeur} »)` : ""} : ${j.raison}`,
    );
  if (r.rejets.length > 200)
    lignes.push(`  … ${r.rejets.length - 200} autres rejets (--json pour tout voir)`);
  return lignes.join("\n");
}

export async function commandeImport(
  db: Kysely<DB>,
  fichier: string,
  o: OptionsCli,
  config: Pick<Config, "freezeJours" | "importLimites">,
  io: SortieCli,
): Promise<number> {
  if (!TYPES_IMPORT.includes(o.type as TypeImport))
    throw new ApiError(
      422,
      "TYPE_INCONNU",
      `Type d'import inconnu : ${o.type} (${TYPES_IMPORT.join(", ")}).`,
    );
  const contenu = fs.readFileSync(fichier);
  const mapping: Record<string, string> = o.mapping ? JSON.parse(fs.readFileSync(o.mapping, "utf8")) : {};
  for (const m of o.map ?? []) {
    const [champ, colonne] = m.split("=");
    if (!champ || !colonne)
      throw new ApiError(422, "CORRESPONDANCE_INVALIDE", `--map attend champ=colonne, reçu « ${m} ».`);
    mapping[champ.trim()] = colonne.trim();
  }
  const tailleLot = o.batchSize ? Number(o.batchSize) : undefined;
  // a batched import leaves a checkpoint beside the file; run again with the same file, it resumes after it
  const reprise = `${fichier}.reprise.json`;
  const somme = createHash("sha256").update(contenu).digest("hex");
  let depuisLigne = 0;
  if (tailleLot && fs.existsSync(reprise)) {
    const p = JSON.parse(fs.readFileSync(reprise, "utf8")) as { sha256: string; type: string; ligne: number };
    if (p.sha256 === somme && p.type === o.type) {
      depuisLigne = p.ligne;
      io.erreur(`Reprise après la ligne ${depuisLigne} (${reprise}).`);
    }
  }
  const tableau = await lireTableau(contenu, config.importLimites);
  const barre = progression(io);
  let rapport: Rapport;
  try {
    rapport = await importer(db, acteurCli(), o.type as TypeImport, tableau, {
      strict: !!o.strict,
      simulation: !!o.dryRun,
      creerManquants: !!o.createMissing,
      accepterRejets: !!o.acceptRejects,
      mapping,
      tailleLot,
      depuisLigne,
      freezeJours: config.freezeJours,
      progression: (p, f, t) => barre.maj(p, f, t),
      lotValide: tailleLot
        ? (ligne) => fs.writeFileSync(reprise, JSON.stringify({ sha256: somme, type: o.type, ligne }))
        : undefined,
    });
  } catch (e) {
    barre.fin();
    const r = e instanceof ApiError ? (e.extra?.rapport as Rapport | undefined) : undefined;
    if (!r) throw e;
    if (o.rejets) ecrireRejets(io, o.rejets, tableau, r);
    if (o.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else io.erreur(`${afficherRapport(r)}\n${(e as Error).message}`);
    return 1;
  }
  barre.fin();
  if (o.rejets) ecrireRejets(io, o.rejets, tableau, rapport);
  if (tailleLot && !o.dryRun && fs.existsSync(reprise)) fs.rmSync(reprise);
  if (o.json) io.out(`${JSON.stringify(rapport, null, 2)}\n`);
  else io.ligne(afficherRapport(rapport));
  return 0;
}
