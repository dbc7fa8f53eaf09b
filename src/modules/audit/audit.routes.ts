import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { DateHeure, Nullable, PAR_PAGE_MAX, Page } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { pageAudit } from "./audit.repository.js";

const EntreeAudit = Type.Object({
  id: Type.Integer(),
  entite: Type.String(),
  entite_id: Nullable(Type.Integer()),
  action: Type.String(),
  acteur: Type.String(),
  acteur_type: Type.String(),
  request_id: Nullable(Type.String()),
  motif: Nullable(Type.String()),
  avant: Nullable(Type.Record(Type.String(), Type.Unknown())),
  apres: Nullable(Type.Record(Type.String(), Type.Unknown())),
  date_action: DateHeure,
});

export async function auditRoutes(app: App) {
  app.get(
    "/audit",
    {
      preValidation: exiger("audit:lire"),
      schema: {
        tags: ["Journal d'audit"],
        summary: "Journal de toutes les écritures : qui, quand, quoi (avant/après)",
        querystring: Type.Object({
          entite: Type.Optional(Type.String({ maxLength: 60 })),
          entite_id: Type.Optional(Type.Integer({ minimum: 1 })),
          acteur: Type.Optional(Type.String({ maxLength: 200 })),
          action: Type.Optional(Type.String({ maxLength: 50 })),
          depuis: Type.Optional(DateHeure),
          avant: Type.Optional(DateHeure),
          page: Type.Optional(Page),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
        }),
        response: {
          200: Type.Object({
            data: Type.Array(EntreeAudit),
            total: Type.Integer(),
            page: Type.Integer(),
            par_page: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, ...filtres } = request.query;
      const { data, total } = await pageAudit(app.database.db, filtres, page, par_page);
      return { data, total, page, par_page };
    },
  );
}
