/** A business day (YYYY-MM-DD) as people read it here: jj/mm/aaaa, with no time zone to shift it. */
export const jourFr = (jour: string | null | undefined) => {
  const m = jour ? /^(\d{4})-(\d{2})-(\d{2})/.exec(jour) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "—";
};
