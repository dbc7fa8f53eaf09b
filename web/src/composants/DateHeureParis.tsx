import { TZDate } from "@date-fns/tz";
import { DateTimeInput, type DateTimeInputProps } from "react-admin";

// Business times are French time, whatever the browser's zone (a laptop set to UTC, a colleague abroad): the
// field shows and reads the wall clock in Paris, and sends ISO 8601 with its offset (+01:00 or +02:00).
const FUSEAU = "Europe/Paris";
const deux = (n: number) => String(n).padStart(2, "0");

/** An instant (ISO string or Date) as the field's "YYYY-MM-DDTHH:mm" in Paris. */
export function versSaisieParis(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  const t = new Date(v as string | Date).getTime();
  if (Number.isNaN(t)) return "";
  const d = new TZDate(t, FUSEAU);
  return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}T${deux(d.getHours())}:${deux(d.getMinutes())}`;
}

/** What the field holds ("YYYY-MM-DDTHH:mm", Paris) as ISO 8601 with Paris' offset at that date. */
export function depuisSaisieParis(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s ?? "");
  if (!m) return null;
  const [a, mo, j, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new TZDate(a, mo - 1, j, h, mi, 0, FUSEAU).toISOString();
}

/** A date and time field in Paris time, labelled so. */
export function DateHeureParis(props: DateTimeInputProps) {
  return (
    <DateTimeInput
      format={versSaisieParis}
      parse={depuisSaisieParis}
      helperText="Heure de Paris"
      {...props}
    />
  );
}
