import type { App } from "../../http/app-type.js";
import { exiger } from "../auth/politique.js";

export async function metriquesRoutes(app: App) {
  app.get(
    "/metrics",
    {
      preValidation: exiger("metriques:lire"),
      schema: {
        tags: ["Santé"],
        summary:
          "Métriques au format texte de Prometheus (requêtes, routage, base, imports, publications, processus) ; aussi sans clé sur METRICS_LISTEN",
        produces: ["text/plain"],
      },
    },
    async (_request, reply) => {
      reply.header("content-type", app.metriques.typeContenu);
      return app.metriques.texte();
    },
  );
}
