/**
 * Waits until the embedded database has been free for `calmeMs` (no query running, none waiting), or `maxMs` at
 * most: background work on it (a month's costs, slice after slice) then runs between people's requests rather than
 * between two queries of one request. Past `maxMs` it goes on anyway, so that constant use never starves it.
 */
export async function attendreRepos(libre: () => boolean, calmeMs: number, maxMs: number): Promise<void> {
  const debut = Date.now();
  let depuis = libre() ? debut : undefined;
  while (Date.now() - debut < maxMs) {
    if (!libre()) depuis = undefined;
    else {
      depuis ??= Date.now();
      if (Date.now() - depuis >= calmeMs) return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}
