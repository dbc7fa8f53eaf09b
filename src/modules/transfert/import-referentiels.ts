// Importing clients with their groupements, campaigns and configurations, each keyed by its code.
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { MOTIF_LIGNE, MOTIF_TEXTE } from "../../http/textes.js";
import { SchemaConfig, verifierConfig } from "../configs/config.schema.js";
import {
  type ContexteImport,
  creerClient,
  doublon,
  type Ligne,
  lire,
  Refus,
  reference,
  rejeter,
  valeur,
  valeurRoutage,
} from "./import-contexte.js";
import { codeDe, lireBooleen } from "./valeurs.js";

/** Creates or updates the row of a table keyed by its code, in one statement; its id. */
async function ecrireParCode(
  trx: Transaction<DB>,
  table: "tel_client" | "tel_campaign" | "tel_did_config",
  code: string,
  valeurs: Record<string, unknown>,
): Promise<number> {
  const r = await trx
    .insertInto(table)
    .values({ code, ...valeurs } as never)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        ...valeurs,
        version: sql.raw(`${table}.version + 1`),
        date_modification: sql`now()`,
      } as never),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function analyserClients(ctx: ContexteImport, lignes: Ligne[]) {
  const existants = new Map(
    (await ctx.trx.selectFrom("tel_client").selectAll().execute()).map((c) => [c.code, c]),
  );
  const groupes = new Set(
    (await ctx.trx.selectFrom("tel_groupement").select(["client_id", "code"]).execute()).map(
      (g) => `${g.client_id}/${g.code}`,
    ),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      const nom = valeur(ctx, l, "nom");
      if (!nom) throw new Refus(ctx.colonnes.nom ?? "nom", "", "Nom obligatoire.");
      const grp = valeur(ctx, l, "groupement");
      if (doublon(ctx, l, `${code}/${grp}`)) continue;
      const voulu: Record<string, string | null> = { nom };
      for (const k of ["siret", "adresse", "contact_nom", "contact_email", "contact_tel"]) {
        const v = valeur(ctx, l, k);
        if (v === "") continue;
        // the API's rules for the same fields, so that the simulation refuses what the write would
        if (v !== "-" && k === "siret" && !/^[0-9]{14}$/.test(v))
          throw new Refus(ctx.colonnes.siret ?? "siret", v, "SIRET : 14 chiffres.");
        if (v !== "-" && !new RegExp(k === "adresse" ? MOTIF_TEXTE : MOTIF_LIGNE, "u").test(v))
          throw new Refus(ctx.colonnes[k] ?? k, v, "Caractère de contrôle refusé.");
        voulu[k] = v === "-" ? null : v;
      }
      if (!new RegExp(MOTIF_LIGNE, "u").test(nom))
        throw new Refus(ctx.colonnes.nom ?? "nom", nom, "Caractère de contrôle refusé.");
      const ex = existants.get(code);
      const changes = ex
        ? Object.entries(voulu).filter(([k, v]) => (ex as Record<string, unknown>)[k] !== v)
        : [];
      const grpCode = grp ? codeDe(grp) : null;
      const grpNouveau = grpCode && (!ex || !groupes.has(`${ex.id}/${grpCode}`));
      if (grpCode && ex) groupes.add(`${ex.id}/${grpCode}`);
      if (ex && changes.length === 0 && !grpNouveau) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else {
        ctx.rapport.a_creer++;
        existants.set(code, { id: -1, code, ...voulu } as never);
      }
      const libelle = valeur(ctx, l, "groupement_libelle") || grp;
      ctx.ops.push(async (trx) => {
        const clientId = await ecrireParCode(trx, "tel_client", code, voulu);
        if (grpCode)
          await trx
            .insertInto("tel_groupement")
            .values({ client_id: clientId, code: grpCode, libelle })
            .onConflict((oc) => oc.columns(["client_id", "code"]).doNothing())
            .execute();
      });
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

export async function analyserCampagnes(ctx: ContexteImport, lignes: Ligne[]) {
  const existantes = new Map(
    (await ctx.trx.selectFrom("tel_campaign").selectAll().execute()).map((c) => [c.code, c]),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      if (doublon(ctx, l, code)) continue;
      const clientId = await reference(ctx, l, "client", ctx.refs.clients, "Client", creerClient(ctx));
      if (!clientId) throw new Refus(ctx.colonnes.client ?? "client", "", "Client obligatoire.");
      const voulu: Record<string, unknown> = { nom: valeur(ctx, l, "nom"), client_id: clientId };
      const hermes = valeurRoutage(ctx, l, "hermes_id");
      if (hermes) voulu.hermes_id = hermes === "-" ? null : hermes;
      const desc = valeur(ctx, l, "description");
      if (desc) voulu.description = desc === "-" ? null : desc;
      const prospection = lire(ctx, l, "prospection", lireBooleen);
      if (prospection !== undefined) voulu.prospection = prospection;
      const ex = existantes.get(code);
      if (ex && ex.client_id !== clientId)
        throw new Refus(
          ctx.colonnes.client ?? "client",
          valeur(ctx, l, "client"),
          "Cette campagne existe déjà pour un autre client.",
        );
      if (ex && Object.entries(voulu).every(([k, v]) => (ex as Record<string, unknown>)[k] === v)) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else ctx.rapport.a_creer++;
      ctx.ops.push((trx) => ecrireParCode(trx, "tel_campaign", code, voulu));
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

// a configuration's known keys are checked as the API checks them: the same JSON Schema and the same rules
if (!FormatRegistry.Has("uri")) {
  FormatRegistry.Set("uri", (v) => {
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  });
}

export async function analyserConfigs(ctx: ContexteImport, lignes: Ligne[]) {
  const existantes = new Map(
    (await ctx.trx.selectFrom("tel_did_config").selectAll().execute()).map((c) => [c.code, c]),
  );
  for (const l of lignes) {
    try {
      const code = codeDe(valeur(ctx, l, "code"));
      if (doublon(ctx, l, code)) continue;
      const nom = valeur(ctx, l, "nom");
      if (!nom) throw new Refus(ctx.colonnes.nom ?? "nom", "", "Nom obligatoire.");
      const texte = valeur(ctx, l, "config");
      const colonne = ctx.colonnes.config ?? "config";
      let config: unknown;
      try {
        config = JSON.parse(texte);
      } catch {
        throw new Refus(colonne, texte, "JSON illisible.");
      }
      if (typeof config !== "object" || config === null || Array.isArray(config))
        throw new Refus(colonne, texte, "Un objet JSON est attendu ({...}).");
      const erreur = Value.Errors(SchemaConfig, config).First();
      if (erreur) throw new Refus(colonne, texte, `${erreur.path || "/"} : ${erreur.message}`);
      try {
        verifierConfig(config as Record<string, unknown>);
      } catch (e) {
        throw new Refus(colonne, texte, (e as Error).message);
      }
      const voulu: Record<string, unknown> = { nom, config };
      const desc = valeur(ctx, l, "description");
      if (desc) voulu.description = desc === "-" ? null : desc;
      const ex = existantes.get(code);
      const pareil = (k: string, v: unknown) =>
        k === "config"
          ? JSON.stringify(trier(ex?.config)) === JSON.stringify(trier(v))
          : (ex as Record<string, unknown> | undefined)?.[k] === v;
      if (ex && Object.entries(voulu).every(([k, v]) => pareil(k, v))) {
        ctx.rapport.inchanges++;
        continue;
      }
      if (ex) ctx.rapport.a_mettre_a_jour++;
      else ctx.rapport.a_creer++;
      ctx.ops.push((trx) =>
        ecrireParCode(trx, "tel_did_config", code, { ...voulu, config: JSON.stringify(config) }),
      );
    } catch (e) {
      rejeter(ctx, l, e);
    }
  }
}

/** JSON with its keys in order, so that a configuration read back from JSONB compares equal to the file's. */
function trier(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(trier);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, trier((v as Record<string, unknown>)[k])]),
    );
  return v;
}
