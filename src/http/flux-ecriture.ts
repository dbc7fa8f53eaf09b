import type { Stream, Writable } from "node:stream";

type Flux = Stream & { destroyed: boolean };

/** The reader of a streamed file went away (a client that closed its connection): the writer stops. */
export class FluxAbandonne extends Error {
  constructor() {
    super("flux fermé par son lecteur");
  }
}

/**
 * Resolves once `sortie` can take more; `lecteur`, the stream the client reads when `sortie` is piped into it, is
 * watched too. A stream closed meanwhile never drains: without this a writer whose client
 * left waited for ever, holding its page of rows and its database cursor's place.
 */
export function attendreVidange(sortie: Writable, lecteur: Flux = sortie): Promise<void> {
  if (sortie.destroyed || lecteur.destroyed) return Promise.reject(new FluxAbandonne());
  if (!sortie.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const vide = () => {
      nettoyer();
      resolve();
    };
    const ferme = () => {
      nettoyer();
      reject(new FluxAbandonne());
    };
    const nettoyer = () => {
      sortie.off("drain", vide);
      sortie.off("close", ferme);
      lecteur.off("close", ferme);
    };
    sortie.on("drain", vide);
    sortie.on("close", ferme);
    lecteur.on("close", ferme);
  });
}

/** Writes a piece, then waits as `attendreVidange` does. */
export async function ecrireFlux(sortie: Writable, morceau: string | Buffer): Promise<void> {
  if (sortie.destroyed) throw new FluxAbandonne();
  sortie.write(morceau);
  await attendreVidange(sortie);
}

/** What ends a writer: an abandoned stream is already closed, anything else destroys it with the error. */
export function finEcriture(sortie: Writable) {
  return (err: unknown) => {
    if (!(err instanceof FluxAbandonne)) sortie.destroy(err as Error);
  };
}
