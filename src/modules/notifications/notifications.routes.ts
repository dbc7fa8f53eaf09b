import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { DateHeure, Id, Nullable, PAR_PAGE_MAX } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { listerNotifications } from "./notifications.repository.js";

const Notification = Type.Object({
  id: Type.Integer(),
  canal: Type.String(),
  evenement: Type.String(),
  destinataire: Type.String(),
  sujet: Type.String(),
  corps: Type.String(),
  commande_id: Nullable(Type.Integer()),
  statut: Type.String(),
  tentatives: Type.Integer(),
  prochain_essai: DateHeure,
  derniere_erreur: Nullable(Type.String()),
  date_envoi: Nullable(DateHeure),
  date_creation: DateHeure,
});

export async function notificationsRoutes(app: App) {
  app.get(
    "/notifications",
    {
      preValidation: exiger("notifications:lire"),
      schema: {
        tags: ["Commandes"],
        summary:
          "Boîte d'envoi : e-mails et webhooks des commandes (gardés ici quand aucun SMTP n'est configuré)",
        querystring: Type.Object({
          commande_id: Type.Optional(Id),
          statut: Type.Optional(
            Type.Union(["EN_ATTENTE", "ENVOYEE", "ECHEC", "NON_ENVOYEE"].map((x) => Type.Literal(x))),
          ),
          canal: Type.Optional(Type.Union([Type.Literal("EMAIL"), Type.Literal("WEBHOOK")])),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
        }),
        response: { 200: Type.Object({ data: Type.Array(Notification) }) },
      },
    },
    async (request) => {
      const { commande_id, statut, canal, par_page = 50 } = request.query;
      return { data: await listerNotifications(app.database.db, { commande_id, statut, canal }, par_page) };
    },
  );
}
