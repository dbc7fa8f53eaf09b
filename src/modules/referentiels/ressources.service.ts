import type { Contexte } from "../../contexte.js";
import { enTransaction } from "../../db/transaction.js";
import { introuvable } from "../../http/errors.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import { porteeDuActeur } from "../auth/acces.js";
import { conflitVersion, type DefinitionRessource, exigerCodeGarde, type Ligne } from "./ressource.js";
import {
  insererRessource,
  lireRessource,
  majRessource,
  supprimerLigneRessource,
} from "./ressources.repository.js";

type Ctx = Contexte;

function versDb(def: DefinitionRessource, valeurs: Ligne): Ligne {
  const out: Ligne = {};
  for (const [k, v] of Object.entries(valeurs)) {
    out[k] = def.json?.includes(k) && v !== null && v !== undefined ? JSON.stringify(v) : v;
  }
  return out;
}

/** One row, if it is within the caller's scope (a client's own rows; shared tables for everyone). */
export async function lireLigne(ctx: Ctx, def: DefinitionRessource, id: number) {
  const ligne = await lireRessource(ctx.db, def, id, porteeDuActeur(ctx.acteur));
  if (!ligne) throw introuvable(def.nom);
  return ligne;
}

export async function creerLigne(ctx: Ctx, def: DefinitionRessource, valeurs: Ligne) {
  await def.verifier?.(ctx.db, valeurs, null);
  const completes = def.completer ? await def.completer(ctx.db, valeurs, null) : valeurs;
  return enTransaction(ctx.db, async (trx) => {
    const ligne = await insererRessource(trx, def, versDb(def, completes));
    await ecrireAudit(trx, ctx.acteur, {
      entite: def.table,
      entiteId: ligne.id as number,
      action: "CREATION",
      apres: ligne,
    });
    return ligne;
  });
}

export async function modifierLigne(
  ctx: Ctx,
  def: DefinitionRessource,
  id: number,
  valeurs: Ligne,
  attendue: number | undefined,
) {
  const existant = await lireLigne(ctx, def, id);
  exigerCodeGarde(def, existant, valeurs);
  await def.verifier?.(ctx.db, { ...existant, ...valeurs }, existant);
  const completes = def.completer ? await def.completer(ctx.db, valeurs, existant) : valeurs;
  return enTransaction(ctx.db, async (trx) => {
    await def.avantMaj?.({ ...ctx, db: trx }, existant, valeurs);
    const ligne = await majRessource(trx, def, id, versDb(def, completes), attendue);
    if (!ligne) throw conflitVersion();
    await ecrireAudit(trx, ctx.acteur, {
      entite: def.table,
      entiteId: id,
      action: "MODIFICATION",
      avant: existant,
      apres: ligne,
    });
    return ligne;
  });
}

export async function supprimerLigne(
  ctx: Ctx,
  def: DefinitionRessource,
  id: number,
  attendue: number | undefined,
) {
  const existant = await lireLigne(ctx, def, id);
  exigerCodeGarde(def, existant, null);
  await enTransaction(ctx.db, async (trx) => {
    if (!(await supprimerLigneRessource(trx, def, id, attendue))) throw conflitVersion();
    await ecrireAudit(trx, ctx.acteur, {
      entite: def.table,
      entiteId: id,
      action: "SUPPRESSION",
      avant: existant,
    });
  });
}
