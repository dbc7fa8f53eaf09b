import { TZDate } from "@date-fns/tz";
import { TextInput, type TextInputProps } from "react-admin";

// Dates are typed and shown the French way (jj/mm/aaaa), whatever the browser's language: the browser's own date
// field would show mm/dd/yyyy in an English Chrome. Business times are French time, whatever the browser's zone
// (a laptop set to UTC, a colleague abroad): the field shows and reads the wall clock in Paris, and sends ISO 8601
// with its offset (+01:00 or +02:00).
const FUSEAU = "Europe/Paris";
const deux = (n: number) => String(n).padStart(2, "0");
const DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const DATE_HEURE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+|\s*à\s*)(\d{1,2})[:h](\d{2})\s*$/;

function jourValide(a: number, m: number, j: number) {
  const d = new Date(Date.UTC(a, m - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === m - 1 && d.getUTCDate() === j;
}

/** An instant (ISO string or Date) as "jj/mm/aaaa hh:mm" in Paris; what the field holds otherwise, as is. */
export function versSaisieParis(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string" && !/^\d{4}-\d{2}-\d{2}T/.test(v)) return v;
  const t = new Date(v as string | Date).getTime();
  if (Number.isNaN(t)) return String(v);
  const d = new TZDate(t, FUSEAU);
  return `${deux(d.getDate())}/${deux(d.getMonth() + 1)}/${d.getFullYear()} ${deux(d.getHours())}:${deux(d.getMinutes())}`;
}

/** "jj/mm/aaaa hh:mm" (Paris) as ISO 8601 with Paris' offset at that date; anything else kept for the check. */
export function depuisSaisieParis(s: string): string | null {
  if (!s?.trim()) return null;
  const m = DATE_HEURE.exec(s);
  if (!m) return s;
  const [j, mo, a, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (!jourValide(a, mo, j) || h > 23 || mi > 59) return s;
  return new TZDate(a, mo - 1, j, h, mi, 0, FUSEAU).toISOString();
}

const JOUR_ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const DATE_HEURE_ISO = /^\s*(\d{4})-(\d{2})-(\d{2})[T\s](\d{1,2}):(\d{2})\s*$/;

/**
 * An instant asked for by a person: « jj/mm/aaaa hh:mm », « aaaa-mm-jj hh:mm », or a day alone (« 03/12/2026 »,
 * « 2026-12-03 »), read as the end of that day in Paris (23:59), as a date alone ends a period here. Null when it
 * cannot be read; `jour` says a day alone was read.
 */
export function lireInstantParis(s: string): { iso: string; jour: boolean } | null {
  const iso = depuisSaisieParis(s);
  if (iso && /^\d{4}-\d{2}-\d{2}T/.test(iso)) return { iso, jour: false };
  let m = DATE_HEURE_ISO.exec(s);
  if (m) {
    const [a, mo, j, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
    if (!jourValide(a, mo, j) || h > 23 || mi > 59) return null;
    return { iso: new TZDate(a, mo - 1, j, h, mi, 0, FUSEAU).toISOString(), jour: false };
  }
  m = DATE.exec(s);
  const parts = m
    ? [Number(m[3]), Number(m[2]), Number(m[1])]
    : (JOUR_ISO.exec(s)?.slice(1).map(Number) as number[] | undefined);
  if (!parts) return null;
  const [a, mo, j] = parts as [number, number, number];
  if (!jourValide(a, mo, j)) return null;
  return { iso: new TZDate(a, mo - 1, j, 23, 59, 0, FUSEAU).toISOString(), jour: true };
}

const dateHeureValide = (v: unknown) =>
  v === null || v === undefined || v === "" || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v))
    ? undefined
    : "Date et heure attendues : jj/mm/aaaa hh:mm";

/** A date and time field in Paris time, typed "jj/mm/aaaa hh:mm". */
export function DateHeureParis(props: TextInputProps) {
  return (
    <TextInput
      format={versSaisieParis}
      parse={depuisSaisieParis}
      validate={dateHeureValide}
      helperText="jj/mm/aaaa hh:mm, heure de Paris"
      placeholder="jj/mm/aaaa hh:mm"
      {...props}
    />
  );
}

/** A day ("AAAA-MM-JJ" for the API) typed and shown "jj/mm/aaaa". */
export function DateFr(props: TextInputProps) {
  return (
    <TextInput
      format={(v: unknown) => {
        if (typeof v !== "string") return "";
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
      }}
      parse={(s: string) => {
        if (!s?.trim()) return null;
        const m = DATE.exec(s);
        if (!m) return s;
        const [j, mo, a] = m.slice(1).map(Number) as [number, number, number];
        return jourValide(a, mo, j) ? `${a}-${deux(mo)}-${deux(j)}` : s;
      }}
      validate={(v: unknown) =>
        v === null || v === undefined || v === "" || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
          ? undefined
          : "Date attendue : jj/mm/aaaa"
      }
      placeholder="jj/mm/aaaa"
      helperText={false}
      {...props}
    />
  );
}
