// The routing change notifications ('table:id:version') waiting to be applied to the snapshot, merged so that a
// burst of them (an import's commit) costs a few rounds of reads, not one per number.

/** Notifications waiting to be applied, merged: each entity once. */
export interface EnAttente {
  tout: boolean;
  dids: Set<number>;
  campagnes: Set<number>;
  configs: Set<number>;
  /** A mandate or its coverage changed: every mandate is read again. */
  mandats: boolean;
  version: number;
}

/** Beyond this many numbers changed at once, reloading everything (about 2 s for 300,000 routes) is quicker. */
export const SEUIL_RECHARGEMENT = 1000;

/** Adds one 'table:id:version' notification ('tout:0:version': reload everything) to what is to be applied. */
export function noter(a: EnAttente, signal: string) {
  const [table, idTexte, versionTexte] = signal.split(":");
  const id = Number(idTexte);
  if (table === "tout") a.tout = true;
  else if (table === "did") a.dids.add(id);
  else if (table === "campaign") a.campagnes.add(id);
  else if (table === "did_config") a.configs.add(id);
  else if (table === "mandat") a.mandats = true;
  a.version = Math.max(a.version, Number(versionTexte ?? 0));
}

/** Nothing to apply. */
export function rienEnAttente(): EnAttente {
  return {
    tout: false,
    dids: new Set<number>(),
    campagnes: new Set<number>(),
    configs: new Set<number>(),
    mandats: false,
    version: 0,
  };
}

/** Adds to `dans` the entities of `de` (not its full reload nor its version). Whether `de` held any. */
export function fusionner(dans: EnAttente, de: EnAttente): boolean {
  for (const id of de.dids) dans.dids.add(id);
  for (const id of de.campagnes) dans.campagnes.add(id);
  for (const id of de.configs) dans.configs.add(id);
  dans.mandats ||= de.mandats;
  return de.dids.size + de.campagnes.size + de.configs.size > 0 || de.mandats;
}
