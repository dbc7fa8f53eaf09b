import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One writer per embedded database. PGlite keeps the whole database in the memory of the process that opened it
 * and writes the folder back as it goes: a second process opening the same folder works on its own copy, its
 * writes never reach the first one's routing, and whichever writes last wins. So a process that opens a data
 * folder holds `telephony.lock` in it, naming itself; another process is refused with that name. A lock whose
 * process is gone (killed with -9, crashed, machine restarted) is taken over.
 */
export const NOM_VERROU = "telephony.lock";

interface Detenteur {
  pid: number;
  /** The process's start time as the kernel counts it: a pid reused by another process after a crash does not match. */
  debut: string | null;
  hote: string;
  commande: string;
  depuis: string;
}

export class DossierOccupeError extends Error {
  constructor(
    readonly dossier: string,
    readonly detenteur: Detenteur,
  ) {
    super(
      `La base embarquée ${dossier} est déjà ouverte par un autre processus : pid ${detenteur.pid} sur ${detenteur.hote} (« ${detenteur.commande} », depuis ${detenteur.depuis}).\n` +
        "Une base embarquée n'a qu'un seul processus à la fois : arrêtez ce processus (le serveur) avant de lancer cette commande, " +
        "ou passez par l'API du serveur en marche (imports, publication, comptes). " +
        `Si ce processus n'existe plus sur ${detenteur.hote}, supprimez ${path.join(dossier, NOM_VERROU)}.`,
    );
  }
}

function debutProcessus(pid: number): string | null {
  try {
    // field 22 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces)
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function vivant(d: Detenteur): boolean {
  if (d.hote !== os.hostname()) return true; // cannot tell from here: assume it is
  try {
    process.kill(d.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const debut = debutProcessus(d.pid);
  return d.debut === null || debut === null || debut === d.debut;
}

function lire(fichier: string): Detenteur | undefined {
  try {
    return JSON.parse(fs.readFileSync(fichier, "utf8")) as Detenteur;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock, or throws DossierOccupeError; returns the function that gives it back. */
export function verrouillerDossier(dossier: string): () => void {
  const fichier = path.join(dossier, NOM_VERROU);
  const moi: Detenteur = {
    pid: process.pid,
    debut: debutProcessus(process.pid),
    hote: os.hostname(),
    commande: process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(" ")
      .slice(0, 200),
    depuis: new Date().toISOString(),
  };
  // written whole beside the lock, then linked into place: a reader never sees a half-written lock
  const temporaire = `${fichier}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(temporaire, JSON.stringify(moi));
  try {
    for (let essai = 0; essai < 50; essai++) {
      try {
        fs.linkSync(temporaire, fichier);
        return () => {
          const actuel = lire(fichier);
          if (actuel?.pid === moi.pid && actuel.depuis === moi.depuis) fs.rmSync(fichier, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const detenteur = lire(fichier);
      if (detenteur && vivant(detenteur)) throw new DossierOccupeError(dossier, detenteur);
      reprendre(fichier, detenteur);
    }
    throw new Error(`Impossible de prendre le verrou ${fichier}.`);
  } finally {
    fs.rmSync(temporaire, { force: true });
  }
}

/**
 * Removes a stale lock, one process at a time (a directory is created atomically): two processes starting
 * after a crash must not each remove the lock the other has just taken.
 */
function reprendre(fichier: string, perime: Detenteur | undefined) {
  const garde = `${fichier}.reprise`;
  try {
    fs.mkdirSync(garde);
  } catch {
    // another process is taking over; a guard left by a crash is removed after a while
    const age = Date.now() - (fs.statSync(garde, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) fs.rmSync(garde, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    return;
  }
  try {
    const actuel = lire(fichier);
    // unreadable lock: a writer of an older version, or an empty file; taken over like a dead one
    if (JSON.stringify(actuel) === JSON.stringify(perime)) fs.rmSync(fichier, { force: true });
  } finally {
    fs.rmSync(garde, { recursive: true, force: true });
  }
}
