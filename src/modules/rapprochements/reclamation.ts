import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { jourFr } from "../../heure-metier.js";
import { introuvable } from "../../http/errors.js";
import { numeroPourMessage } from "../../numbering/numbering.js";
import { encoder } from "../transfert/export.service.js";
import { lignesReclamees, lireRapprochement } from "./rapprochements.repository.js";

/** The claim's columns, as the carrier's staff read them (a file for people: fichiers.ts). */
const COLONNES = [
  "Numéro",
  "Référence opérateur",
  "Motif",
  "Facturé du",
  "Facturé au",
  "Prix facturé (€ HT)",
  "Montant réclamé (€ HT)",
] as const;

const euros = (n: number) =>
  n.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 4, useGrouping: false });

/**
 * The claim for the carrier: each line to dispute, why, and the amount, as CSV or XLSX. It is read by people
 * (#29, point 9): French headers, numbers as people write them (national form for French ranges, E.164 with
 * « + » elsewhere), dates jj/mm/aaaa, amounts with a decimal comma in the CSV and as numbers in the workbook.
 */
export async function reclamation(db: Kysely<DB>, id: number, format: "csv" | "xlsx") {
  const r = await lireRapprochement(db, id);
  if (!r) throw introuvable("Rapprochement");
  const lignes = await lignesReclamees(db, id);
  const montant = (v: number | string | null) =>
    v === null ? "" : format === "csv" ? euros(Number(v)) : Number(v);
  const jour = (v: string | null) => (v ? jourFr(v) : "");
  const contenu = await encoder(
    lignes.map((l) => ({
      Numéro: l.numero ? numeroPourMessage(l.numero) : (l.brut ?? ""),
      "Référence opérateur": l.reference_facturee ?? "",
      Motif:
        l.classe === "A_RECLAMER"
          ? `Résilié le ${jour(l.date_resiliation)}, facturé jusqu'au ${jour(l.facture_au)}`
          : l.classe === "INCONNU"
            ? "Numéro qui n'est pas à nous"
            : `Prix facturé ${euros(Number(l.prix_facture))} € au lieu de ${l.prix_inventaire === null ? "—" : `${euros(Number(l.prix_inventaire))} €`}`,
      "Facturé du": jour(l.facture_du),
      "Facturé au": jour(l.facture_au),
      "Prix facturé (€ HT)": montant(l.prix_facture),
      "Montant réclamé (€ HT)": montant(l.montant ?? 0),
    })),
    format,
    "Réclamation",
    [...COLONNES],
  );
  return { contenu, nom: `reclamation-${r.operateur.replace(/[^\w-]+/g, "_")}-${r.periode}-${id}.${format}` };
}
