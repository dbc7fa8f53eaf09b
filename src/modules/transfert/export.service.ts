import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { CAST_CSV } from "../../http/csv.js";
import type { Acteur } from "../auth/acteur.js";
import { selonCouts } from "../couts/visibilite.js";
import type { FiltresDid } from "../dids/dids.repository.js";
import { type FiltresExport, type Ligne, lignesExport } from "./export.repository.js";

export const TYPES_EXPORT = [
  "numeros",
  "affectations",
  "clients",
  "campagnes",
  "configs",
  "commandes",
] as const;
export type TypeExport = (typeof TYPES_EXPORT)[number];
export const FORMATS_EXPORT = ["csv", "json", "xlsx"] as const;
export type FormatExport = (typeof FORMATS_EXPORT)[number];

/** CSV for a French Excel (";" and a BOM, which Excel needs to read UTF-8), JSON, or an XLSX workbook. */
export async function encoder(
  lignes: Ligne[],
  format: FormatExport,
  feuille: string,
  colonnes?: string[],
): Promise<Buffer> {
  const entetes = colonnes ?? Object.keys(lignes[0] ?? {});
  if (format === "json") return Buffer.from(`${JSON.stringify(lignes, null, 2)}\n`);
  if (format === "csv") {
    const texte = stringify(lignes, {
      header: true,
      delimiter: ";",
      columns: entetes,
      cast: { number: CAST_CSV.number, string: CAST_CSV.string },
    });
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texte)]);
  }
  // loaded for a workbook only: ExcelJS takes ~0.4 s to load, which the server's start need not pay
  const { default: Excel } = await import("exceljs");
  const classeur = new Excel.Workbook();
  const f = classeur.addWorksheet(feuille);
  f.columns = entetes.map((e) => ({ header: e, key: e, width: Math.max(12, e.length + 2) }));
  for (const l of lignes) f.addRow(l);
  f.getRow(1).font = { bold: true };
  f.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

export const COLONNES_VIDES: Record<TypeExport, string[]> = {
  numeros: [
    "numero",
    "client",
    "groupement",
    "operateur",
    "statut",
    "type",
    "region",
    "equipement",
    "cloud",
    "reference_externe",
    "date_acquisition",
    "date_activation",
    "cout_mensuel",
    "cout_mise_en_service",
    "description",
    "notes",
  ],
  affectations: [
    "numero",
    "campagne",
    "hermes_id",
    "config",
    "alias",
    "priorite",
    "date_debut",
    "date_fin",
    "entrant",
    "sortant",
  ],
  clients: [
    "code",
    "nom",
    "siret",
    "adresse",
    "contact_nom",
    "contact_email",
    "contact_tel",
    "groupement",
    "groupement_libelle",
  ],
  campagnes: ["code", "nom", "client", "hermes_id", "description", "prospection"],
  configs: ["code", "nom", "description", "json"],
  commandes: [
    "reference",
    "client",
    "statut",
    "type",
    "region",
    "quantite",
    "quantite_livree",
    "urgence",
    "date_souhaitee",
    "demandeur_nom",
    "reference_operateur",
    "date_creation",
    "date_livraison",
  ],
};

export async function exporter(
  db: Kysely<DB>,
  type: TypeExport,
  format: FormatExport,
  filtres: FiltresDid = {},
  maintenant: Date = new Date(),
  /** Who exports: costs are left empty for a caller who may not see them. */
  acteur: Pick<Acteur, "role"> = { role: "admin" },
) {
  const lignes = (await lignesExport(db, type, filtres, maintenant)).map((l) => selonCouts(acteur, l));
  return encoder(lignes, format, type, COLONNES_VIDES[type]);
}

export { type FiltresExport, lignesExport };
