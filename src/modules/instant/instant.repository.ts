import { sql } from "kysely";
import { parmiIds, parmiTextes } from "../../db/parmi.js";
import { courante } from "../affectations/courante.js";
import type { Executor } from "../audit/audit.repository.js";

/** The fields whose value at an instant the history gives, line by line. */
const CHAMPS_SUIVIS = ["statut", "client_id", "groupement_id", "operateur_id", "tranche_id"] as const;
export type ChampSuivi = (typeof CHAMPS_SUIVIS)[number];

/** A number as it is now: where reading the history backwards starts. */
export function numeroActuel(db: Executor, didId: number) {
  return db
    .selectFrom("tel_did as d")
    .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
    .select([
      "d.id",
      "d.did_format_e164",
      "d.client_id",
      "d.groupement_id",
      "d.operateur_id",
      "d.tranche_id",
      "d.titulaire",
      "s.code as statut",
    ])
    .where("d.id", "=", didId)
    .executeTakeFirst();
}

/** The number's history lines about the followed fields, in order. */
export function lignesSuivies(db: Executor, didId: number) {
  return db
    .selectFrom("tel_did_historique")
    .select([
      "id",
      "action",
      "champ",
      "ancienne_valeur",
      "nouvelle_valeur",
      "utilisateur",
      "motif",
      "date_action",
    ])
    .where("did_id", "=", didId)
    .where(parmiTextes("champ", CHAMPS_SUIVIS))
    .orderBy("date_action")
    .orderBy("id")
    .execute();
}

/** The clients that held the number at some point, from its history and now: whose question it may be. */
export async function clientsAyantDetenu(db: Executor, didId: number): Promise<Set<number>> {
  const r = await sql<{ c: string | null }>`
    SELECT ancienne_valeur AS c FROM tel_did_historique WHERE did_id = ${didId} AND champ = 'client_id'
    UNION SELECT nouvelle_valeur FROM tel_did_historique WHERE did_id = ${didId} AND champ = 'client_id'
    UNION SELECT client_id::text FROM tel_did WHERE id = ${didId}`.execute(db);
  return new Set(r.rows.filter((l) => l.c !== null && l.c !== "").map((l) => Number(l.c)));
}

/** The assignments in force at an instant, with their campaign and configuration. */
export function affectationsA(db: Executor, didId: number, instant: Date) {
  return (
    db
      .selectFrom("tel_did_virtual as v")
      .innerJoin("tel_campaign as k", "k.id", "v.campaign_id")
      .leftJoin("tel_did_config as f", "f.id", "v.config_id")
      .select([
        "v.id",
        "v.entrant",
        "v.sortant",
        "v.priorite",
        "v.alias",
        "v.date_debut",
        "v.date_fin",
        "k.id as campagne_id",
        "k.code as campagne_code",
        "k.hermes_id",
        "k.client_id as campagne_client_id",
        "f.code as config_code",
        "f.config",
      ])
      .where("v.did_id", "=", didId)
      // "current at instant t", the one rule (courante.ts)
      .where(courante(instant))
      .orderBy("v.priorite")
      .orderBy("v.id")
      .execute()
  );
}

/** Each routing file's version deployed at an instant: its last publication (or restoration) before it. */
export async function publicationsA(db: Executor, instant: Date) {
  const r = await sql<{ fichier: string; version: number; type: string; date_publication: Date }>`
    SELECT DISTINCT ON (fichier) fichier, version, type, date_publication FROM tel_publication
    WHERE date_publication <= ${instant} ORDER BY fichier, date_publication DESC, id DESC`.execute(db);
  return r.rows;
}

/** Labels of the references an answer names (a handful of ids). */
export async function libellesDe(
  db: Executor,
  ids: { clients: number[]; groupements: number[]; operateurs: number[]; tranches: number[] },
) {
  const vide = <T>() => Promise.resolve([] as T[]);
  const [clients, groupements, operateurs, tranches] = await Promise.all([
    ids.clients.length
      ? db.selectFrom("tel_client").select(["id", "code", "nom"]).where(parmiIds("id", ids.clients)).execute()
      : vide<{ id: number; code: string; nom: string }>(),
    ids.groupements.length
      ? db
          .selectFrom("tel_groupement")
          .select(["id", "code", "libelle"])
          .where(parmiIds("id", ids.groupements))
          .execute()
      : vide<{ id: number; code: string; libelle: string }>(),
    ids.operateurs.length
      ? db
          .selectFrom("tel_operateur")
          .select(["id", "code", "nom"])
          .where(parmiIds("id", ids.operateurs))
          .execute()
      : vide<{ id: number; code: string; nom: string }>(),
    ids.tranches.length
      ? db
          .selectFrom("tel_tranche")
          .select(["id", "reference_operateur", "premier", "dernier"])
          .where(parmiIds("id", ids.tranches))
          .execute()
      : vide<{ id: number; reference_operateur: string | null; premier: string; dernier: string }>(),
  ]);
  return {
    clients: new Map(clients.map((c) => [c.id, c])),
    groupements: new Map(groupements.map((g) => [g.id, g])),
    operateurs: new Map(operateurs.map((o) => [o.id, o])),
    tranches: new Map(tranches.map((t) => [t.id, t])),
  };
}

/** The numbers a client held at some point (history or now): the candidates of its report at an instant. */
export async function numerosAyantEteDetenusPar(
  db: Executor,
  clientId: number,
  limite: number,
): Promise<number[]> {
  const r = await sql<{ id: number }>`
    SELECT did_id AS id FROM tel_did_historique
      WHERE champ = 'client_id' AND (ancienne_valeur = ${String(clientId)} OR nouvelle_valeur = ${String(clientId)})
    UNION SELECT id FROM tel_did WHERE client_id = ${clientId}
    ORDER BY id LIMIT ${limite}`.execute(db);
  return r.rows.map((l) => l.id);
}

/** Numbers by their E.164 form (those unknown are left out). */
export async function idsParE164(db: Executor, e164: string[]) {
  if (e164.length === 0) return [];
  return db
    .selectFrom("tel_did")
    .select(["id", "did_format_e164"])
    .where(parmiTextes("did_format_e164", e164))
    .orderBy("did_format_e164")
    .execute();
}
