/**
 * Sorts a large array without holding the event loop: a bottom-up merge sort that lets the loop go every `pas`
 * elements moved. Stable, like Array.prototype.sort. A million routes sorted in one call would hold it for a second.
 */
export async function trierSansBloquer<T>(elements: T[], comparer: (a: T, b: T) => number, pas = 20_000) {
  const n = elements.length;
  const BLOC = 4096;
  let source = elements.slice();
  // small blocks sorted by the engine, then merged in pairs
  for (let i = 0; i < n; i += BLOC) {
    const bloc = source.slice(i, i + BLOC).sort(comparer);
    for (let j = 0; j < bloc.length; j++) source[i + j] = bloc[j] as T;
    if ((i / BLOC) % 4 === 3) await new Promise((r) => setImmediate(r));
  }
  let cible = new Array<T>(n);
  let deplaces = 0;
  for (let largeur = BLOC; largeur < n; largeur *= 2) {
    for (let gauche = 0; gauche < n; gauche += 2 * largeur) {
      const milieu = Math.min(gauche + largeur, n);
      const fin = Math.min(gauche + 2 * largeur, n);
      let i = gauche;
      let j = milieu;
      for (let k = gauche; k < fin; k++) {
        cible[k] = (
          j >= fin || (i < milieu && comparer(source[i] as T, source[j] as T) <= 0)
            ? source[i++]
            : source[j++]
        ) as T;
        if (++deplaces % pas === 0) await new Promise((r) => setImmediate(r));
      }
    }
    [source, cible] = [cible, source];
  }
  return source;
}
