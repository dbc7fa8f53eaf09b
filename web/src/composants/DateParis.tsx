import { FunctionField, type RaRecord } from "react-admin";
import { dateFr } from "./Etats";

/**
 * A date column or row as people read it here: jj/mm/aaaa, or jj/mm/aaaa hh:mm (24 h, no seconds) with
 * `avecHeure`, in Paris time whatever the browser's language and zone. Every list and page shows dates through it,
 * so none falls back on the browser's own format (15:24 New York for 21:24 Paris, « 3:24 PM »).
 */
export function DateParis({
  source,
  label,
  avecHeure = false,
  emptyText = "—",
  sortable,
  sortBy,
}: {
  source: string;
  label: string;
  avecHeure?: boolean;
  emptyText?: string;
  sortable?: boolean;
  sortBy?: string;
}) {
  return (
    <FunctionField
      source={source}
      label={label}
      sortable={sortable}
      sortBy={sortBy}
      render={(r: RaRecord) => {
        const v = r[source] as string | null | undefined;
        return v ? dateFr(v, avecHeure) : emptyText;
      }}
    />
  );
}
