import { Chip } from "@mui/material";
import { useRecordContext } from "react-admin";

/** Readable text on a status colour (the colours come from the statuses table, chosen by the administrators). */
export function texteSur(couleur: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(couleur);
  if (!m) return "#000";
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number.parseInt(x as string, 16));
  return 0.299 * (r as number) + 0.587 * (g as number) + 0.114 * (b as number) > 150 ? "#1a1a1a" : "#fff";
}

export function Pastille({ libelle, couleur }: { libelle: string; couleur?: string | null }) {
  const fond = couleur ?? "#9e9e9e";
  return (
    <Chip
      size="small"
      label={libelle}
      data-statut={libelle}
      sx={{ backgroundColor: fond, color: texteSur(fond), fontWeight: 600 }}
    />
  );
}

/** The record's status as a chip in its colour (did, commande: statut + statut_couleur). */
export function StatutChip(_props: { label?: string; sortBy?: string; sortable?: boolean }) {
  const r = useRecordContext<{ statut?: string; statut_couleur?: string }>();
  if (!r?.statut) return null;
  return <Pastille libelle={r.statut} couleur={r.statut_couleur} />;
}
