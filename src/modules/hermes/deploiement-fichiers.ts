import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Writing the routing files: atomic per file (temporary file, fsync, rename), and all or nothing across the
// files of one publication.

export interface Deploiement {
  chemin: string;
  /** What was there before (null: no file), put back if the publication does not commit. */
  ancien: string | null;
}

/**
 * Deploys several files as one: every new file is first written and synced beside its target, so that a
 * failure there deploys nothing; then each is renamed into place. What has been put in place is listed in
 * `deployes`, for enPhase to put back.
 */
export function deployer(fichiers: Array<Deploiement & { contenu: string }>, deployes: Deploiement[]) {
  const prets: Array<{ temporaire: string; f: Deploiement }> = [];
  try {
    for (const f of fichiers) prets.push({ temporaire: ecrireTemporaire(f.chemin, f.contenu), f });
    for (const p of prets) {
      mettreEnPlace(p.temporaire, p.f.chemin);
      deployes.push({ chemin: p.f.chemin, ancien: p.f.ancien });
    }
  } finally {
    for (const p of prets) fs.rmSync(p.temporaire, { force: true });
  }
}

/**
 * Runs a publication's transaction; if it fails at any point, rename or commit included, the files already put
 * in place get their previous bytes back, so the deployed files and the recorded versions never disagree (a
 * disagreement would read as a hand edit at the next publication). If the reload command had already run,
 * Hermes reloads again at the next publication.
 */
export async function enPhase<T>(deployes: Deploiement[], travail: () => Promise<T>): Promise<T> {
  try {
    return await travail();
  } catch (e) {
    for (const d of deployes.reverse()) {
      try {
        if (d.ancien === null) fs.rmSync(d.chemin, { force: true });
        else ecrireAtomique(d.chemin, d.ancien);
      } catch {
        // the original failure is the one to report; a file left new shows as drift at the next publication
      }
    }
    throw e;
  }
}

/** Replaces a file so that readers see the old bytes or the new ones, never a mix, even if the process dies. */
export function ecrireAtomique(chemin: string, contenu: string) {
  mettreEnPlace(ecrireTemporaire(chemin, contenu), chemin);
}

/** The new bytes, synced to disk in a temporary file beside the target (same file system: rename is atomic). */
function ecrireTemporaire(chemin: string, contenu: string): string {
  fs.mkdirSync(path.dirname(chemin), { recursive: true });
  const temporaire = path.join(
    path.dirname(chemin),
    `.${path.basename(chemin)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const fd = fs.openSync(temporaire, "wx", 0o644);
  try {
    fs.writeFileSync(fd, contenu, "utf8");
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temporaire, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  return temporaire;
}

function mettreEnPlace(temporaire: string, chemin: string) {
  fs.renameSync(temporaire, chemin);
  const dossier = fs.openSync(path.dirname(chemin), "r");
  try {
    fs.fsyncSync(dossier);
  } finally {
    fs.closeSync(dossier);
  }
}
