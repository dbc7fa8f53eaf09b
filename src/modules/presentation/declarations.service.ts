import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contexte } from "../../contexte.js";
import type { DB, LigneDeclaree } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { chiffresDepuisLaFrance } from "../../numbering/numbering.js";
import { encoder } from "../transfert/export.service.js";
import { derniereDeclaration } from "./declarations.repository.js";
import { fondementA, periodeMandat } from "./fondement.js";
import { insererDeclaration, lireDeclaration, numerosDeLOperateur } from "./presentation.repository.js";

// What we tell an outbound carrier: the numbers of theirs (a block of theirs, or their own number) we may present at
// the instant of the declaration, with the basis of each, and what changed since the last declaration to them.

/** The numbers with a valid basis at t among the operator's, one line each, in number order. */
export async function numerosDeclarables(
  db: Kysely<DB>,
  operateurId: number,
  t: Date,
): Promise<LigneDeclaree[]> {
  const lignes = await numerosDeLOperateur(db, operateurId);
  const resultat: LigneDeclaree[] = [];
  // the rows come in number order, a number's mandates one after the other: each run of rows is one number (no map
  // of 100,000 keys to build, and the loop is let go every 5,000 numbers)
  let debut = 0;
  let vus = 0;
  while (debut < lignes.length) {
    const numero = (lignes[debut] as (typeof lignes)[number]).numero;
    let fin = debut + 1;
    while (fin < lignes.length && (lignes[fin] as (typeof lignes)[number]).numero === numero) fin++;
    const ls = lignes.slice(debut, fin);
    debut = fin;
    if (++vus % 5000 === 0) await new Promise((r) => setImmediate(r));
    const premier = ls[0] as (typeof ls)[number];
    const mandats = ls.flatMap((l) =>
      l.mandat_id === null
        ? []
        : [
            periodeMandat({
              id: l.mandat_id,
              client_id: l.mandat_client_id as number,
              date_debut: l.date_debut as string,
              date_fin: l.date_fin,
            }),
          ],
    );
    // the client whose mandate counts is the number's holder: a mandate of a former holder allows nothing
    const f = fondementA(premier.titulaire, mandats, premier.client_id, t.getTime());
    if (!f) continue;
    resultat.push({
      numero,
      fondement: f.type,
      mandat_id: f.type === "MANDAT" ? f.mandat_id : null,
      client: f.type === "MANDAT" ? premier.client : null,
    });
  }
  return resultat;
}

export interface Changements {
  ajoutes: string[];
  retires: string[];
  /** Still declared, on another basis (contract ↔ mandate, or another mandate). */
  modifies: string[];
}

/** What changed between two declarations; lets the event loop go every 5,000 numbers (an operator may carry 100,000). */
export async function changements(
  avant: LigneDeclaree[] | undefined,
  apres: LigneDeclaree[],
): Promise<Changements> {
  const ancien = new Map<string, LigneDeclaree>();
  const nouveau = new Set<string>();
  const c: Changements = { ajoutes: [], retires: [], modifies: [] };
  let i = 0;
  const souffler = async () => {
    if (++i % 5000 === 0) await new Promise((r) => setImmediate(r));
  };
  for (const l of avant ?? []) {
    ancien.set(l.numero, l);
    await souffler();
  }
  for (const l of apres) {
    nouveau.add(l.numero);
    const a = ancien.get(l.numero);
    if (a === undefined) c.ajoutes.push(l.numero);
    else if (a.fondement !== l.fondement || a.mandat_id !== l.mandat_id) c.modifies.push(l.numero);
    await souffler();
  }
  for (const n of ancien.keys()) {
    if (!nouveau.has(n)) c.retires.push(n);
    await souffler();
  }
  return c;
}

/** Numbers shown per list in a preview: the counts are of all of them, the lists of the first ones. */
const APERCU_MAX = 200;

/** What a declaration to the operator says at t, whole: every number, and every change since the last one. */
async function declaration(db: Kysely<DB>, operateurId: number, t: Date) {
  const [numeros, derniere] = await Promise.all([
    numerosDeclarables(db, operateurId, t),
    derniereDeclaration(db, operateurId),
  ]);
  return { numeros, derniere, changements: await changements(derniere?.numeros, numeros) };
}

/** What a declaration to the operator would say now, and its changes since the last one (nothing recorded). */
export async function apercuDeclaration(db: Kysely<DB>, operateurId: number, t: Date) {
  const { numeros, derniere, changements: c } = await declaration(db, operateurId, t);
  return {
    operateur_id: operateurId,
    instant: t,
    total: numeros.length,
    numeros: numeros.slice(0, APERCU_MAX),
    derniere: derniere ? { id: derniere.id, instant: derniere.instant } : null,
    changements: {
      ajoutes: c.ajoutes.slice(0, APERCU_MAX),
      retires: c.retires.slice(0, APERCU_MAX),
      modifies: c.modifies.slice(0, APERCU_MAX),
    },
    changements_totaux: { ajoutes: c.ajoutes.length, retires: c.retires.length, modifies: c.modifies.length },
  };
}

/**
 * A number as carriers' lists write it: E.164 with its « + » (the file is written raw, fichiers.ts: nothing makes a
 * leading « + » inert), and the digits dialled from France (« 0142685300 », « 0262304152 »; none abroad).
 */
const colonnesNumero = (e164: string) => ({
  "Numéro E.164": e164,
  "Numéro national": chiffresDepuisLaFrance(e164) ?? "",
});

const CHANGEMENT = { AJOUT: "Ajouté", MODIFIE: "Modifié", RETRAIT: "Retiré" } as const;

/**
 * The file handed to the carrier: every number declared, then the numbers withdrawn since the last declaration.
 * Its staff read it as much as their programs do (#29, point 9): French headers and words, no internal codes.
 */
async function fichier(numeros: LigneDeclaree[], c: Changements, format: "csv" | "xlsx") {
  const ajoutes = new Set(c.ajoutes);
  const modifies = new Set(c.modifies);
  const lignes = [
    ...numeros.map((l) => ({
      ...colonnesNumero(l.numero),
      Fondement: l.fondement === "CONTRAT" ? "Contrat opérateur" : "Mandat du client",
      Client: l.client ?? "",
      Mandat: l.mandat_id ?? "",
      Changement: ajoutes.has(l.numero) ? CHANGEMENT.AJOUT : modifies.has(l.numero) ? CHANGEMENT.MODIFIE : "",
    })),
    ...c.retires.map((numero) => ({
      ...colonnesNumero(numero),
      Fondement: "",
      Client: "",
      Mandat: "",
      Changement: CHANGEMENT.RETRAIT,
    })),
  ];
  return encoder(
    lignes,
    format,
    "Numéros présentés",
    ["Numéro E.164", "Numéro national", "Fondement", "Client", "Mandat", "Changement"],
    { pour: "declaration" },
  );
}

/**
 * Records a declaration to the operator: the list at the app clock's instant, its changes, who and when, and the
 * file itself with its SHA-256 (what was declared on a date can be proven by the bytes sent).
 */
export async function declarer(ctx: Contexte, operateurId: number, format: "csv" | "xlsx") {
  return enTransaction(ctx.db, async (trx) => {
    // the whole list, never the preview's first numbers: the file and the record hold every number declared
    const apercu = await declaration(trx, operateurId, ctx.maintenant);
    const contenu = await fichier(apercu.numeros, apercu.changements, format);
    const somme = createHash("sha256").update(contenu).digest("hex");
    const { id } = await insererDeclaration(trx, {
      operateur_id: operateurId,
      instant: ctx.maintenant,
      auteur: ctx.acteur.nom,
      format,
      nombre: apercu.numeros.length,
      ajouts: apercu.changements.ajoutes.length,
      retraits: apercu.changements.retires.length,
      somme_sha256: somme,
      numeros: apercu.numeros,
      fichier: contenu,
    });
    const d = await lireDeclaration(trx, id);
    if (!d) throw new ApiError(500, "ERREUR_INTERNE", "Déclaration enregistrée introuvable.");
    const { fichier: _octets, ...resume } = d;
    const c = apercu.changements;
    // the answer names the first changes, as the preview does; the counts and the file hold them all
    return {
      ...resume,
      changements: {
        ajoutes: c.ajoutes.slice(0, APERCU_MAX),
        retires: c.retires.slice(0, APERCU_MAX),
        modifies: c.modifies.slice(0, APERCU_MAX),
      },
      modifies: c.modifies.length,
    };
  });
}

export async function fichierDeclaration(db: Kysely<DB>, id: number) {
  const d = await lireDeclaration(db, id);
  if (!d) throw introuvable("Déclaration");
  return d;
}
