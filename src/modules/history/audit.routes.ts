import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import type { App } from "../../app.js";
import { DateHeure, Nullable, PAR_PAGE_MAX } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";

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
        tags: ["Historique"],
        summary: "Journal de toutes les écritures : qui, quand, quoi (avant/après)",
        querystring: Type.Object({
          entite: Type.Optional(Type.String({ maxLength: 60 })),
          entite_id: Type.Optional(Type.Integer({ minimum: 1 })),
          acteur: Type.Optional(Type.String({ maxLength: 200 })),
          action: Type.Optional(Type.String({ maxLength: 50 })),
          depuis: Type.Optional(DateHeure),
          avant: Type.Optional(DateHeure),
          page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
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
      const { entite, entite_id, acteur, action, depuis, avant, page = 1, par_page = 50 } = request.query;
      let q = app.database.db.selectFrom("tel_audit");
      if (entite) q = q.where("entite", "=", entite.startsWith("tel_") ? entite : `tel_${entite}`);
      if (entite_id) q = q.where("entite_id", "=", entite_id);
      if (acteur) q = q.where("acteur", "=", acteur);
      if (action) q = q.where("action", "=", action);
      if (depuis) q = q.where("date_action", ">=", new Date(depuis));
      if (avant) q = q.where("date_action", "<", new Date(avant));
      const [data, total] = await Promise.all([
        q
          .selectAll()
          .orderBy("date_action", "desc")
          .orderBy("id", "desc")
          .limit(par_page)
          .offset((page - 1) * par_page)
          .execute(),
        q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
      ]);
      return { data, total: Number(total.n), page, par_page };
    },
  );
}
