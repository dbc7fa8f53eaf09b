import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { Nullable } from "../../http/listes.js";
import { clientDe, porteeDuActeur } from "../auth/acces.js";
import { exiger, peut } from "../auth/politique.js";
import { tableauDeBord } from "./tableau-de-bord.service.js";

const Compte = Type.Object({
  id: Nullable(Type.Integer()),
  code: Nullable(Type.String()),
  libelle: Nullable(Type.String()),
  n: Type.Integer(),
});

export async function tableauDeBordRoutes(app: App) {
  app.get(
    "/tableau-de-bord",
    {
      preValidation: exiger("tableau-de-bord:lire"),
      schema: {
        tags: ["Tableau de bord"],
        summary:
          "Vue d'ensemble : numéros par statut (couleurs), région, opérateur, type, client ; stock disponible ; commandes en attente ; numéros bientôt réutilisables",
        response: {
          200: Type.Object({
            total: Type.Integer(),
            par_statut: Type.Array(Type.Composite([Compte, Type.Object({ couleur: Type.String() })])),
            par_region: Type.Array(Compte),
            par_operateur: Type.Array(Compte),
            par_type: Type.Array(Compte),
            par_client: Type.Array(Compte),
            disponibles: Type.Array(
              Type.Object({
                region_code: Nullable(Type.String()),
                type_code: Nullable(Type.String()),
                n: Type.Integer(),
              }),
            ),
            commandes_en_attente: Type.Array(
              Type.Object({
                statut: Type.String(),
                couleur: Type.String(),
                n: Type.Integer(),
                age_max_jours: Type.Integer(),
              }),
            ),
            commandes_a_traiter: Type.Array(
              Type.Object({
                id: Type.Integer(),
                reference: Type.String(),
                client: Type.String(),
                statut: Type.String(),
                urgence: Type.String(),
                quantite: Type.Integer(),
                age_jours: Type.Integer(),
              }),
            ),
            publication_en_attente: Nullable(
              Type.Boolean({
                description:
                  "Le routage a changé depuis la dernière publication des fichiers Hermes (null pour qui ne voit pas la publication)",
              }),
            ),
            par_campagne: Nullable(
              Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  code: Type.String(),
                  libelle: Type.String(),
                  entrants: Type.Integer(),
                  sortants: Type.Integer(),
                }),
                {
                  description:
                    "Pour un compte client : ses numéros par campagne en cours (20 premières), entrants et sortants ; null pour le personnel",
                },
              ),
            ),
            releve: Nullable(
              Type.Object(
                {
                  periode: Type.String(),
                  total: Type.Number({
                    description: "Montant du mois en cours, compté jusqu'à sa fin (estimation)",
                  }),
                  numeros: Type.Integer(),
                  calcule_le: Type.String({ format: "date-time" }),
                  a_jour: Type.Boolean(),
                },
                {
                  description:
                    "Pour un client, quand la refacturation lui est ouverte (CLIENT_REBILLING) : son relevé du mois en cours en bref ; le détail est GET /couts/refacturation",
                },
              ),
            ),
            reutilisables_30_jours: Type.Object({
              n: Type.Integer(),
              numeros: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  did_format_e164: Type.String(),
                  reutilisable_le: Type.String(),
                }),
              ),
              resilie_depuis: Type.String({
                format: "date",
                description:
                  "Les mêmes numéros dans la liste : statut RESILIE, resilie_depuis et resilie_avant",
              }),
              resilie_avant: Type.String({ format: "date" }),
            }),
          }),
        },
      },
    },
    async (request) => {
      // Hermes is the company's platform: only those who may see its publication hear of it (acces.ts empties
      // the field for the others; the question is not even asked)
      const client = clientDe(porteeDuActeur(request.acteur));
      return tableauDeBord(
        app.contexte(request),
        client,
        async () => (peut(request.acteur, "publication:lire") ? app.publication.enAttente() : null),
        // the statement is kept where it is computed: the work thread on PostgreSQL (travaux.ts)
        (periode) =>
          app.travaux.executer("resumeRefacturation", {
            periode,
            clientId: client as number,
            freezeJours: app.config.freezeJours,
            maintenant: app.horloge(),
          }),
      );
    },
  );
}
