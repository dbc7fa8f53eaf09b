import type { App } from "../../app.js";
import { exiger } from "../auth/politique.js";
import { EXTENSION, fluxSauvegarde } from "./sauvegarde.service.js";

export async function sauvegardeRoutes(app: App) {
  app.get(
    "/sauvegarde",
    {
      preValidation: exiger("sauvegardes:gerer"),
      schema: {
        tags: ["Santé"],
        summary:
          "Une sauvegarde de la base pendant que le serveur tourne : dossier de la base embarquée (tar.gz) ou pg_dump au format custom ; telephony restore la restaure",
        produces: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const flux = await fluxSauvegarde(app.database, app.config, request.acteur);
      const horodatage = app.horloge().toISOString().replace(/[:.]/g, "-");
      return reply
        .header("content-type", "application/octet-stream")
        .header(
          "content-disposition",
          `attachment; filename="telephony-${horodatage}.${EXTENSION[app.database.mode]}"`,
        )
        .send(flux);
    },
  );
}
