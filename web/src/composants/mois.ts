// Months as people type and read them here (« 11/2026 », « novembre 2026 »), in Paris whatever the browser's zone;
// the API's « AAAA-MM » stays between the screen and the server.

const partiesParis = (d: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("fr-FR", { year: "numeric", month: "2-digit", timeZone: "Europe/Paris" })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;

/** This month in Paris, « AAAA-MM ». */
export function moisCourant(): string {
  const p = partiesParis(new Date());
  return `${p.year}-${p.month}`;
}

/** The month before this one in Paris, « AAAA-MM ». */
export function moisPrecedent(): string {
  const [a, m] = moisCourant().split("-").map(Number) as [number, number];
  return m === 1 ? `${a - 1}-12` : `${a}-${String(m - 1).padStart(2, "0")}`;
}

/** « 12/2026 », « 12-2026 », « 2026-12 » → « 2026-12 »; null when it is not a month. */
export function lireMois(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m)
    return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${(m[1] as string).padStart(2, "0")}` : null;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? t : null;
}

/** « 2026-12 » → « 12/2026 », as the month fields show it. */
export const moisSaisi = (periode: string) => `${periode.slice(5, 7)}/${periode.slice(0, 4)}`;

/** « 2026-11 » → « novembre 2026 ». */
export function moisFr(periode: string): string {
  const [a, m] = periode.split("-");
  return new Date(Date.UTC(Number(a), Number(m) - 1, 15, 12)).toLocaleDateString("fr-FR", {
    month: "long",
    year: "numeric",
    timeZone: "Europe/Paris",
  });
}
