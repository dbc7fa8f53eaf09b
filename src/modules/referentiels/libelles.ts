import type { Kysely } from "kysely";
import type { DB, Did } from "../../db/schema.js";
import { finDuGel } from "../dids/gel.js";

interface Tables {
  indicatifs: Map<number, { code: string; indicatif: string }>;
  statuts: Map<number, { code: string; libelle: string; couleur: string }>;
  operateurs: Map<number, { nom: string }>;
  types: Map<number, { code: string; libelle: string }>;
  regions: Map<number, { code: string; libelle: string }>;
  equipements: Map<number, { nom: string }>;
  clouds: Map<number, { nom: string }>;
  clients: Map<number, { code: string; nom: string }>;
  groupements: Map<number, { libelle: string }>;
}

/**
 * The labels a number is shown with (country, status and colour, operator, client...), kept in memory.
 * Joining nine lookup tables costs the inventory queries four times their own work; these tables are
 * small and rarely written. Writes through this process refresh at once; another instance's writes are
 * seen within TTL_MS, and an id not yet known (a client created elsewhere) triggers a reload.
 */
export class Libelles {
  static readonly TTL_MS = 5_000;
  private tables: Tables | undefined;
  private chargeA = 0;
  private chargement: Promise<Tables> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly freezeJours: number,
  ) {}

  invalider() {
    this.chargeA = 0;
  }

  private async charger(): Promise<Tables> {
    this.chargement ??= (async () => {
      try {
        const debut = Date.now();
        const db = this.db;
        const [indicatifs, statuts, operateurs, types, regions, equipements, clouds, clients, groupements] =
          await Promise.all([
            db.selectFrom("tel_indicatif").select(["id", "code", "indicatif"]).execute(),
            db.selectFrom("tel_statut_did").select(["id", "code", "libelle", "couleur"]).execute(),
            db.selectFrom("tel_operateur").select(["id", "nom"]).execute(),
            db.selectFrom("tel_type_did").select(["id", "code", "libelle"]).execute(),
            db.selectFrom("tel_region").select(["id", "code", "libelle"]).execute(),
            db.selectFrom("tel_equipement").select(["id", "nom"]).execute(),
            db.selectFrom("tel_cloud").select(["id", "nom"]).execute(),
            db.selectFrom("tel_client").select(["id", "code", "nom"]).execute(),
            db.selectFrom("tel_groupement").select(["id", "libelle"]).execute(),
          ]);
        const parId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
        this.tables = {
          indicatifs: parId(indicatifs),
          statuts: parId(statuts),
          operateurs: parId(operateurs),
          types: parId(types),
          regions: parId(regions),
          equipements: parId(equipements),
          clouds: parId(clouds),
          clients: parId(clients),
          groupements: parId(groupements),
        };
        this.chargeA = debut;
        return this.tables;
      } finally {
        this.chargement = undefined;
      }
    })();
    return this.chargement;
  }

  private async actuelles(): Promise<Tables> {
    if (!this.tables || Date.now() - this.chargeA > Libelles.TTL_MS) return this.charger();
    return this.tables;
  }

  /** Adds the labels to numbers read from tel_did. */
  async etiqueter(dids: Did[]) {
    let t = await this.actuelles();
    const inconnu = (tt: Tables) =>
      dids.some(
        (d) =>
          !tt.indicatifs.has(d.indicatif_id) ||
          !tt.statuts.has(d.statut_id) ||
          (d.client_id !== null && !tt.clients.has(d.client_id)) ||
          (d.groupement_id !== null && !tt.groupements.has(d.groupement_id)) ||
          (d.operateur_id !== null && !tt.operateurs.has(d.operateur_id)) ||
          (d.region_id !== null && !tt.regions.has(d.region_id)) ||
          (d.equipement_id !== null && !tt.equipements.has(d.equipement_id)) ||
          (d.cloud_id !== null && !tt.clouds.has(d.cloud_id)) ||
          (d.type_id !== null && !tt.types.has(d.type_id)),
      );
    if (inconnu(t)) t = await this.charger();
    const of = <V>(m: Map<number, V>, id: number | null) => (id === null ? undefined : m.get(id));
    // One object literal with every field in a fixed order: V8 builds it with a fixed shape, where a spread
    // of the driver's row objects made each row a slow dictionary object (~50 µs a row).
    return dids.map((d) => {
      const i = t.indicatifs.get(d.indicatif_id);
      const s = t.statuts.get(d.statut_id);
      const ty = of(t.types, d.type_id);
      const r = of(t.regions, d.region_id);
      const c = of(t.clients, d.client_id);
      return {
        id: d.id,
        indicatif_id: d.indicatif_id,
        pays: i?.code ?? "",
        indicatif: i?.indicatif ?? "",
        did: d.did,
        did_format_e164: d.did_format_e164,
        operateur_id: d.operateur_id,
        operateur: of(t.operateurs, d.operateur_id)?.nom ?? null,
        type_id: d.type_id,
        type_code: ty?.code ?? null,
        type: ty?.libelle ?? null,
        region_id: d.region_id,
        region_code: r?.code ?? null,
        region: r?.libelle ?? null,
        equipement_id: d.equipement_id,
        equipement: of(t.equipements, d.equipement_id)?.nom ?? null,
        client_id: d.client_id,
        client_code: c?.code ?? null,
        client: c?.nom ?? null,
        groupement_id: d.groupement_id,
        groupement: of(t.groupements, d.groupement_id)?.libelle ?? null,
        cloud_id: d.cloud_id,
        cloud: of(t.clouds, d.cloud_id)?.nom ?? null,
        statut_id: d.statut_id,
        statut_code: s?.code ?? "",
        statut: s?.libelle ?? "",
        statut_couleur: s?.couleur ?? "#000000",
        description: d.description,
        reference_externe: d.reference_externe,
        date_acquisition: d.date_acquisition,
        date_activation: d.date_activation,
        date_resiliation: d.date_resiliation,
        // a reactivated number keeps its freeze for other clients: the date stays shown
        // a number gone by porting is never ours to give again: no end of freeze to show
        reutilisable_le:
          d.date_resiliation && !d.portee_vers ? finDuGel(d.date_resiliation, this.freezeJours) : null,
        resiliation_prevue_le: d.resiliation_prevue_le ?? null,
        portee_vers: d.portee_vers ?? null,
        cout_mensuel: d.cout_mensuel,
        cout_mise_en_service: d.cout_mise_en_service,
        notes: d.notes,
        created_by: d.created_by,
        modified_by: d.modified_by,
        actif: d.actif,
        hors_plan: d.hors_plan,
        titulaire: d.titulaire,
        tranche_id: d.tranche_id,
        version: d.version,
        date_creation: d.date_creation,
        date_modification: d.date_modification,
      };
    });
  }
}
