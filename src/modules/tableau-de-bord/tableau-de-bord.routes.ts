import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import type { App } from "../../app.js";
import { Nullable } from "../../http/listes.js";
import { clientVisible } from "../auth/auth.hooks.js";
import { exiger, peut } from "../auth/politique.js";
import { finDuGel, jourDe } from "../dids/gel.js";

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
            publication_en_attente: Type.Boolean({
              description: "Le routage a changé depuis la dernière publication des fichiers Hermes",
            }),
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
      const db = app.database.db;
      const client = clientVisible(request);
      const maintenant = app.horloge();
      const gel = app.config.freezeJours;
      const portee = client === undefined ? sql`true` : sql`d.client_id = ${client}`;
      const parRef = (table: string, colonne: string, libelle: string) =>
        sql<{ id: number | null; code: string | null; libelle: string | null; n: number }>`
          SELECT r.id, r.${sql.ref(colonne)} AS code, r.${sql.ref(libelle)} AS libelle, count(*)::int AS n
          FROM tel_did d LEFT JOIN ${sql.table(table)} r ON r.id = d.${sql.ref(`${table.replace("tel_", "")}_id`)}
          WHERE ${portee} GROUP BY r.id ORDER BY n DESC`.execute(db);
      const [statuts, regions, operateurs, types, clients, disponibles, attente, aTraiter, reutilisables] =
        await Promise.all([
          sql<{ id: number; code: string; libelle: string; couleur: string; n: number }>`
          SELECT s.id, s.code, s.libelle, s.couleur, count(d.id)::int AS n
          FROM tel_statut_did s LEFT JOIN tel_did d ON d.statut_id = s.id AND ${portee}
          GROUP BY s.id ORDER BY s.ordre`.execute(db),
          parRef("tel_region", "code", "libelle"),
          parRef("tel_operateur", "code", "nom"),
          sql<{ id: number | null; code: string | null; libelle: string | null; n: number }>`
          SELECT t.id, t.code, t.libelle, count(*)::int AS n FROM tel_did d LEFT JOIN tel_type_did t ON t.id = d.type_id
          WHERE ${portee} GROUP BY t.id ORDER BY n DESC`.execute(db),
          parRef("tel_client", "code", "nom"),
          // stock: available numbers held by no client, and not frozen by a recent termination; for a client, the
          // available numbers it holds (the company's stock is not its business)
          sql<{ region_code: string | null; type_code: string | null; n: number }>`
          SELECT r.code AS region_code, t.code AS type_code, count(*)::int AS n
          FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
          LEFT JOIN tel_region r ON r.id = d.region_id LEFT JOIN tel_type_did t ON t.id = d.type_id
          WHERE s.code = 'DISPONIBLE' AND ${client === undefined ? sql`d.client_id IS NULL` : sql`d.client_id = ${client}`}
            AND (d.date_resiliation IS NULL OR d.date_resiliation + ${gel}::int <= ${jourDe(maintenant)}::date)
          GROUP BY r.code, t.code ORDER BY r.code NULLS LAST, t.code`.execute(db),
          sql<{ statut: string; couleur: string; n: number; age_max_jours: number }>`
          SELECT s.code AS statut, s.couleur, count(c.id)::int AS n,
            coalesce(max(${jourDe(maintenant)}::date - c.date_creation::date), 0)::int AS age_max_jours
          FROM tel_statut_commande s LEFT JOIN tel_did_commande c ON c.statut_id = s.id
            AND ${client === undefined ? sql`true` : sql`c.client_id = ${client}`}
          WHERE s.code IN ('SOUMISE', 'VALIDEE', 'EN_COURS') GROUP BY s.id ORDER BY s.ordre`.execute(db),
          sql<{
            id: number;
            reference: string;
            client: string;
            statut: string;
            urgence: string;
            quantite: number;
            age_jours: number;
          }>`
          SELECT c.id, c.reference, cl.nom AS client, s.code AS statut, c.urgence, c.quantite,
            (${jourDe(maintenant)}::date - c.date_creation::date)::int AS age_jours
          FROM tel_did_commande c JOIN tel_statut_commande s ON s.id = c.statut_id JOIN tel_client cl ON cl.id = c.client_id
          WHERE s.code IN ('SOUMISE', 'VALIDEE', 'EN_COURS') AND ${client === undefined ? sql`true` : sql`c.client_id = ${client}`}
          ORDER BY CASE c.urgence WHEN 'URGENTE' THEN 0 WHEN 'HAUTE' THEN 1 WHEN 'NORMALE' THEN 2 ELSE 3 END, c.date_creation
          LIMIT 20`.execute(db),
          sql<{ id: number; did_format_e164: string; date_resiliation: string }>`
          SELECT d.id, d.did_format_e164, d.date_resiliation FROM tel_did d JOIN tel_statut_did s ON s.id = d.statut_id
          WHERE s.code = 'RESILIE' AND ${portee}
            AND d.date_resiliation + ${gel}::int > ${jourDe(maintenant)}::date
            AND d.date_resiliation + ${gel}::int <= ${jourDe(maintenant)}::date + 30
          ORDER BY d.date_resiliation, d.id`.execute(db),
        ]);
      const total = statuts.rows.reduce((s, r) => s + r.n, 0);
      return {
        total,
        par_statut: statuts.rows,
        par_region: regions.rows,
        par_operateur: operateurs.rows,
        par_type: types.rows,
        par_client: clients.rows,
        disponibles: disponibles.rows,
        commandes_en_attente: attente.rows,
        commandes_a_traiter: aTraiter.rows,
        // Hermes is the company's platform: only those who may see its publication hear of it
        publication_en_attente: peut(request.acteur, "publication:lire")
          ? await app.publication.enAttente()
          : false,
        reutilisables_30_jours: {
          n: reutilisables.rows.length,
          numeros: reutilisables.rows.slice(0, 50).map((r) => ({
            id: r.id,
            did_format_e164: r.did_format_e164,
            reutilisable_le: finDuGel(r.date_resiliation, gel),
          })),
          // frozen until date_resiliation + gel: out of the freeze in (today, today + 30]
          resilie_depuis: finDuGel(jourDe(maintenant), 1 - gel),
          resilie_avant: finDuGel(jourDe(maintenant), 31 - gel),
        },
      };
    },
  );
}
