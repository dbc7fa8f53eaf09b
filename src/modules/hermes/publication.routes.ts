import { Type } from "@sinclair/typebox";
import type { App } from "../../app.js";
import { DateHeure, Nullable, ParamsId } from "../../http/listes.js";
import { exigerRole, PERSONNEL } from "../auth/auth.hooks.js";

const Version = Type.Object({
  id: Type.Integer(),
  fichier: Type.String(),
  version: Type.Integer(),
  type: Type.String(),
  chemin: Type.String(),
  somme_sha256: Type.String(),
  auteur: Type.String(),
  motif: Nullable(Type.String()),
  commande: Nullable(Type.String()),
  code_sortie: Nullable(Type.Integer()),
  sortie_commande: Nullable(Type.String()),
  date_publication: DateHeure,
});
const Publie = Type.Object({
  id: Type.Integer(),
  fichier: Type.String(),
  version: Type.Integer(),
  somme_sha256: Type.String(),
});

export async function publicationRoutes(app: App) {
  app.get(
    "/hermes/publication",
    {
      preValidation: exigerRole(["admin", "gestionnaire", "lecteur"]),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Fichiers de routage tels qu'ils seraient publiés maintenant, et leur différence (diff unifié) avec ce qui est déployé",
        response: {
          200: Type.Object({
            en_attente: Type.Boolean(),
            fichiers: Type.Array(
              Type.Object({
                nom: Type.String(),
                chemin: Type.String(),
                change: Type.Boolean(),
                derive: Type.Boolean({
                  description: "Le fichier déployé a été modifié à la main depuis la dernière publication",
                }),
                derniere_version: Nullable(Type.Integer()),
                contenu: Type.String(),
                diff: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const fichiers = await app.publication.preparer();
      return {
        en_attente: await app.publication.enAttente(),
        fichiers: fichiers.map((f) => ({
          nom: f.nom,
          chemin: f.chemin,
          change: f.change,
          derive: f.derive,
          derniere_version: f.derniere?.version ?? null,
          contenu: f.contenu,
          diff: f.diff,
        })),
      };
    },
  );

  app.post(
    "/hermes/publication",
    {
      preValidation: exigerRole(PERSONNEL),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Publier les fichiers de routage (écriture atomique, version gardée) ; refusé si un fichier a été modifié à la main, sauf « forcer »",
        body: Type.Object(
          { motif: Type.Optional(Type.String({ maxLength: 2000 })), forcer: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ publies: Type.Array(Publie), inchanges: Type.Array(Type.String()) }) },
      },
    },
    async (request) => app.publication.publier(request.acteur, request.body ?? {}),
  );

  app.get(
    "/hermes/publications",
    {
      preValidation: exigerRole(["admin", "gestionnaire", "lecteur"]),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Versions publiées des fichiers de routage (qui, quand, pourquoi, somme SHA-256, commande de rechargement)",
        querystring: Type.Object({ fichier: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ data: Type.Array(Version) }) },
      },
    },
    async (request) => {
      let q = app.database.db
        .selectFrom("tel_publication")
        .select([
          "id",
          "fichier",
          "version",
          "type",
          "chemin",
          "somme_sha256",
          "auteur",
          "motif",
          "commande",
          "code_sortie",
          "sortie_commande",
          "date_publication",
        ]);
      if (request.query.fichier) q = q.where("fichier", "=", request.query.fichier);
      return { data: await q.orderBy("id", "desc").limit(500).execute() };
    },
  );

  app.post(
    "/hermes/publications/:id/restaurer",
    {
      preValidation: exigerRole(PERSONNEL),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Revenir à une version publiée : le fichier est réécrit à l'identique, comme une nouvelle version",
        params: ParamsId,
        body: Type.Object(
          { motif: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Publie },
      },
    },
    async (request) => app.publication.restaurer(request.acteur, request.params.id, request.body?.motif),
  );
}
