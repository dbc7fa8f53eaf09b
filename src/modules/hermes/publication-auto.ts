import type { FastifyBaseLogger } from "fastify";
import { SYSTEME } from "../auth/acteur.js";
import type { PublicationHermes } from "./publication.js";

/**
 * Automatic publication (PUBLICATION_AUTO_SECONDES): the routing files are published once routing changes have
 * been quiet for the delay, so that a bulk edit gives one publication, not one per number. A refused publication
 * (drift, too many deletions) stays pending for a person, as a manual one would.
 */
export class PublicationAutomatique {
  private minuterie: NodeJS.Timeout | undefined;

  constructor(
    private readonly publication: PublicationHermes,
    private readonly delaiMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** A routing change happened: the publication waits for the delay again. */
  programmer(): void {
    if (this.delaiMs <= 0) return;
    clearTimeout(this.minuterie);
    this.minuterie = setTimeout(() => void this.publier(), this.delaiMs);
    this.minuterie.unref();
  }

  arreter(): void {
    clearTimeout(this.minuterie);
  }

  private async publier(): Promise<void> {
    try {
      const r = await this.publication.publier(
        { ...SYSTEME, nom: "système:publication-auto" },
        { motif: "Publication automatique après modification du routage" },
      );
      if (r.publies.length > 0)
        this.log.info(
          `publication automatique : ${r.publies.map((p) => `${p.fichier} v${p.version}`).join(", ")}`,
        );
    } catch (err) {
      this.log.warn({ err }, "publication automatique refusée ; elle reste en attente");
    }
  }
}
