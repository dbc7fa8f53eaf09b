import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { RegionRef, TypeRef } from "../dids/nature.js";

/** A small reference table in memory: found by code or by name, case and accents aside. */
export class Index {
  private readonly parCle = new Map<string, number>();
  /** What each text written in a file gave: an import asks for the same few texts on every row. */
  private readonly deja = new Map<string, number | undefined>();
  readonly codes = new Map<number, string>();
  constructor(lignes: Array<{ id: number; code: string; nom?: string | null }>) {
    for (const l of lignes) this.ajouter(l.id, l.code, l.nom);
  }
  static cle(s: string) {
    return s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .trim()
      .toLowerCase();
  }
  ajouter(id: number, code: string, nom?: string | null) {
    this.parCle.set(`c:${Index.cle(code)}`, id);
    if (nom) this.parCle.set(`n:${Index.cle(nom)}`, id);
    this.codes.set(id, code);
    this.deja.clear();
  }
  trouver(valeur: string): number | undefined {
    if (this.deja.has(valeur)) return this.deja.get(valeur);
    const k = Index.cle(valeur);
    // by code, by name, then by id: the design's own files name campaigns and configurations by their ids
    // (campaign_id, config_id); a code made of digits is found as a code first
    const id =
      this.parCle.get(`c:${k}`) ??
      this.parCle.get(`n:${k}`) ??
      (/^[1-9][0-9]{0,9}$/.test(k) && this.codes.has(Number(k)) ? Number(k) : undefined);
    this.deja.set(valeur, id);
    return id;
  }
}

export interface References {
  indicatifs: Map<string, number>;
  types: Index;
  regions: Map<string, number>;
  statuts: Index;
  clients: Index;
  groupements: Index;
  operateurs: Index;
  equipements: Index;
  clouds: Index;
  campagnes: Index;
  campagnesInfo: Map<number, { client_id: number; prospection: boolean; code: string }>;
  configs: Index;
  /** Each type's nature and each region's zone and prefix: what a number is checked against (nature.ts). */
  typesInfo: Map<number, TypeRef>;
  regionsInfo: Map<number, RegionRef>;
}

export async function chargerReferences(db: Kysely<DB>): Promise<References> {
  const [
    ind,
    types,
    regions,
    statuts,
    clients,
    groupements,
    operateurs,
    equipements,
    clouds,
    campagnes,
    configs,
  ] = await Promise.all([
    db.selectFrom("tel_indicatif").select(["id", "code"]).execute(),
    db.selectFrom("tel_type_did").select(["id", "code", "libelle as nom", "nature"]).execute(),
    db.selectFrom("tel_region").select(["id", "code", "indicatif_id", "prefixe", "zone"]).execute(),
    db.selectFrom("tel_statut_did").select(["id", "code", "libelle as nom"]).execute(),
    db.selectFrom("tel_client").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_groupement").select(["id", "code", "client_id"]).execute(),
    db.selectFrom("tel_operateur").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_equipement").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_cloud").select(["id", "code", "nom"]).execute(),
    db.selectFrom("tel_campaign").select(["id", "code", "hermes_id", "client_id", "prospection"]).execute(),
    db.selectFrom("tel_did_config").select(["id", "code"]).execute(),
  ]);
  const camp = new Index([]);
  const campagnesInfo = new Map<number, { client_id: number; prospection: boolean; code: string }>();
  for (const c of campagnes) {
    camp.ajouter(c.id, c.code, null);
    // a campaign is also known by its Hermes identifier
    if (c.hermes_id) camp.ajouter(c.id, c.code, c.hermes_id);
    campagnesInfo.set(c.id, { client_id: c.client_id, prospection: c.prospection, code: c.code });
  }
  const grp = new Index([]);
  for (const g of groupements) grp.ajouter(g.id, `${g.client_id}/${g.code}`);
  return {
    indicatifs: new Map(ind.map((i) => [i.code, i.id])),
    types: new Index(types),
    regions: new Map(regions.map((r) => [`${r.indicatif_id}/${r.code}`, r.id])),
    statuts: new Index(statuts),
    clients: new Index(clients),
    groupements: grp,
    operateurs: new Index(operateurs),
    equipements: new Index(equipements),
    clouds: new Index(clouds),
    campagnes: camp,
    campagnesInfo,
    configs: new Index(configs),
    typesInfo: new Map(types.map((t) => [t.id, { id: t.id, code: t.code, nature: t.nature }])),
    regionsInfo: new Map(regions.map((r) => [r.id, r])),
  };
}
