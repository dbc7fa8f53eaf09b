import { bornesMandats, type PeriodeMandat } from "./fondement.js";

/** The mandates the routing snapshot holds: by the numbers they name and by the blocks they cover. */
export class MandatsEnMemoire {
  constructor(
    private readonly m: { parDid: Map<number, PeriodeMandat[]>; parTranche: Map<number, PeriodeMandat[]> } = {
      parDid: new Map(),
      parTranche: new Map(),
    },
  ) {}

  /** The mandates that cover a number, directly or through its block. */
  *de(n: { id: number; tranche_id: number | null }): Generator<PeriodeMandat> {
    yield* this.m.parDid.get(n.id) ?? [];
    if (n.tranche_id !== null) yield* this.m.parTranche.get(n.tranche_id) ?? [];
  }

  /** The next instant after t at which a mandate starts or ends (the routes may change then). */
  prochaineBorne(t: number): number {
    let prochaine = Number.POSITIVE_INFINITY;
    for (const carte of [this.m.parDid, this.m.parTranche])
      for (const periodes of carte.values())
        for (const b of bornesMandats(periodes)) if (b > t) prochaine = Math.min(prochaine, b);
    return prochaine;
  }
}
