import fs from "node:fs";
import path from "node:path";

/**
 * The first-start admin password. A person at a terminal sees it in the start banner. A service's output goes to a
 * log collector, which would keep it for as long as it keeps logs: there the password goes to a file only the
 * service's account may read, the banner says where, and the file is deleted at the admin's first login.
 */
export const NOM_FICHIER = "mot-de-passe-admin-initial.txt";

export function fichierMotDePasseInitial(dataDir: string): string {
  return path.join(dataDir, NOM_FICHIER);
}

/** The banner's lines for a password just created. */
export function annoncerMotDePasseInitial(motDePasse: string, dataDir: string, terminal: boolean): string[] {
  const entete = "Premier démarrage : compte administrateur « admin » créé.";
  const affiche = () => [
    "",
    `${entete} Mot de passe (affiché cette seule fois) :`,
    "  identifiant : admin",
    `  mot de passe : ${motDePasse}`,
  ];
  if (terminal) return affiche();
  const fichier = fichierMotDePasseInitial(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.rmSync(fichier, { force: true });
    fs.writeFileSync(fichier, `${motDePasse}\n`, { mode: 0o600, flag: "wx" });
  } catch (e) {
    // a password nobody can read locks everyone out: shown, with the reason, rather than lost
    return [...affiche(), `  (fichier ${fichier} impossible à écrire : ${(e as Error).message})`];
  }
  return [
    "",
    `${entete} Sortie non interactive (journal) : le mot de passe n'y est pas écrit.`,
    `  Il est dans ${fichier} (lisible par ce seul compte), supprimé à la première connexion d'admin.`,
  ];
}

/** At the admin's first login the file has done its job. */
export function effacerMotDePasseInitial(dataDir: string): boolean {
  const fichier = fichierMotDePasseInitial(dataDir);
  if (!fs.existsSync(fichier)) return false;
  fs.rmSync(fichier, { force: true });
  return true;
}
