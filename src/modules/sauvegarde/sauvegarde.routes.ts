import fs from "node:fs";
import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { derniereSauvegarde } from "../audit/audit.repository.js";
import { exiger } from "../auth/politique.js";
import { EXTENSION, fluxSauvegarde } from "./sauvegarde.service.js";

const Date_ = Type.String({ format: "date-time" });

const EtatSauvegardes = Type.Object({
  base: Type.Union([Type.Literal("pglite"), Type.Literal("postgres")]),
  derniere: Type.Union([
    Type.Object({
      le: Date_,
      par: Type.String({ description: "Compte, clé API ou système:sauvegarde (automatique)" }),
      fichier: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  automatiques: Type.Union([
    Type.Object({
      dossier: Type.String(),
      intervalle_heures: Type.Integer(),
      garder: Type.Integer(),
      prochaine_le: Type.Union([Date_, Type.Null()]),
      dernier_echec: Type.Union([Type.Object({ le: Date_, erreur: Type.String() }), Type.Null()]),
    }),
    Type.Null(),
  ]),
  fichiers: Type.Array(Type.Object({ nom: Type.String(), octets: Type.Integer(), le: Date_ })),
});

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

  app.get(
    "/sauvegardes",
    {
      preValidation: exiger("sauvegardes:gerer"),
      schema: {
        tags: ["Santé"],
        summary:
          "La dernière sauvegarde (manuelle ou automatique, d'après le journal d'audit), les sauvegardes automatiques (BACKUP_DIR) et les copies gardées",
        response: { 200: EtatSauvegardes },
      },
    },
    async () => {
      const s = app.sauvegardes;
      const auto = app.config.sauvegardes;
      const derniere = await derniereSauvegarde(app.database.db);
      const prochaine = await s.prochaine();
      return {
        base: app.database.mode,
        derniere: derniere && {
          le: derniere.le.toISOString(),
          par: derniere.par,
          fichier: derniere.fichier,
        },
        automatiques: auto
          ? {
              dossier: auto.dossier,
              intervalle_heures: auto.intervalleHeures,
              garder: auto.garder,
              prochaine_le: prochaine?.toISOString() ?? null,
              dernier_echec:
                s.bilan.dernierEchec && s.bilan.erreur
                  ? { le: s.bilan.dernierEchec.toISOString(), erreur: s.bilan.erreur }
                  : null,
            }
          : null,
        fichiers: s.fichiers().map((f) => ({ nom: f.nom, octets: f.octets, le: f.le.toISOString() })),
      };
    },
  );

  app.get(
    "/sauvegardes/:nom",
    {
      preValidation: exiger("sauvegardes:gerer"),
      schema: {
        tags: ["Santé"],
        summary: "Télécharge une des sauvegardes automatiques gardées dans BACKUP_DIR",
        params: Type.Object({ nom: Type.String({ maxLength: 200 }) }),
        produces: ["application/octet-stream"],
      },
    },
    async (request, reply) => {
      const chemin = app.sauvegardes.chemin(request.params.nom);
      return reply
        .header("content-type", "application/octet-stream")
        .header("content-disposition", `attachment; filename="${request.params.nom}"`)
        .header("content-length", fs.statSync(chemin).size)
        .send(fs.createReadStream(chemin));
    },
  );
}
