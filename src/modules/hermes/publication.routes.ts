import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { DateHeure, Nullable, ParamsId } from "../../http/listes.js";
import { TexteLibre } from "../../http/textes.js";
import { exiger } from "../auth/politique.js";

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
const CompteRoutes = {
  ajoutees: Type.Integer(),
  supprimees: Type.Integer(),
  modifiees: Type.Integer(),
};
const DifferenceRoutes = Type.Object(
  {
    deployees: Nullable(
      Type.Integer({ description: "Routes de la dernière publication (null : aucune publication connue)" }),
    ),
    a_publier: Type.Integer(),
    ...CompteRoutes,
    exemples: Type.Object({
      ajoutees: Type.Array(Type.String()),
      supprimees: Type.Array(Type.String()),
      modifiees: Type.Array(
        Type.Object({ route: Type.String(), avant: Type.String(), apres: Type.String() }),
      ),
    }),
  },
  {
    description:
      "Routes ajoutées, supprimées et modifiées par rapport à la dernière publication (une route : un numéro en entrant, ou un numéro présenté par une campagne en sortant) ; les 200 premières de chaque sorte en exemple",
  },
);
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
      preValidation: exiger("publication:lire"),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Fichiers de routage tels qu'ils seraient publiés maintenant, et leur différence (diff unifié) avec ce qui est déployé",
        response: {
          200: Type.Object({
            en_attente: Type.Boolean(),
            routes: DifferenceRoutes,
            suppressions_permises: Type.Integer({
              description: "Suppressions de routes permises sans confirmation (HERMES_PUBLISH_MAX_REMOVALS…)",
            }),
            confirmation_requise: Type.Boolean({
              description: "Publier exige « confirmer » égal au nombre de routes supprimées",
            }),
            invalides: Type.Array(
              Type.Object({
                numero: Type.String(),
                campagne_code: Type.String(),
                champ: Type.String(),
                valeur: Type.String(),
                raison: Type.String(),
              }),
              {
                description:
                  "Routes dont une valeur casserait un fichier de routage : laissées hors des fichiers, la publication est refusée tant qu'elles ne sont pas corrigées",
              },
            ),
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
      const apercu = await app.publication.preparer();
      return {
        en_attente: await app.publication.enAttente(),
        routes: apercu.routes,
        suppressions_permises: apercu.suppressions_permises,
        confirmation_requise: apercu.confirmation_requise,
        invalides: apercu.invalides,
        fichiers: apercu.fichiers.map((f) => ({
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
      preValidation: exiger("publication:publier"),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Publier les fichiers de routage (écriture atomique, version gardée). Refusé (409) si le routage en mémoire ne correspond pas à la base, si un fichier a été modifié à la main (sauf « forcer »), ou si la publication supprime plus de routes que le seuil sans « confirmer » égal à leur nombre ; refusé (422) si une valeur casserait un fichier",
        body: Type.Object(
          {
            motif: Type.Optional(TexteLibre(2000)),
            forcer: Type.Optional(Type.Boolean()),
            confirmer: Type.Optional(
              Type.Integer({
                minimum: 0,
                description:
                  "Nombre de routes supprimées que l'appelant a vu et accepte (voir GET : routes.supprimees)",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            publies: Type.Array(Publie),
            inchanges: Type.Array(Type.String()),
            routes: Type.Object(CompteRoutes),
          }),
        },
      },
    },
    async (request) => app.publication.publier(request.acteur, request.body ?? {}),
  );

  app.get(
    "/hermes/publications",
    {
      preValidation: exiger("publication:lire"),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Versions publiées des fichiers de routage (qui, quand, pourquoi, somme SHA-256, commande de rechargement)",
        querystring: Type.Object({ fichier: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ data: Type.Array(Version) }) },
      },
    },
    async (request) => {
      return { data: await app.publication.versions(request.query.fichier) };
    },
  );

  app.get(
    "/hermes/publications/:id/restauration",
    {
      preValidation: exiger("publication:lire"),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Ce que le retour à une version changerait dans le routage de Hermes : routes ajoutées, supprimées et modifiées pour les sens que ce fichier contient, comptées comme à la publication",
        params: ParamsId,
        response: {
          200: Type.Object({
            fichier: Type.String(),
            version: Type.Integer(),
            version_deployee: Type.Integer({ description: "Dernière version de ce fichier" }),
            // null: a version published before routes were kept with it
            routes: Nullable(DifferenceRoutes),
          }),
        },
      },
    },
    async (request) => app.publication.apercuRestauration(request.params.id),
  );

  app.post(
    "/hermes/publications/:id/restaurer",
    {
      preValidation: exiger("publication:publier"),
      schema: {
        tags: ["Routage Hermes"],
        summary:
          "Revenir à une version publiée : le fichier est réécrit à l'identique, comme une nouvelle version",
        params: ParamsId,
        body: Type.Object({ motif: Type.Optional(TexteLibre(2000)) }, { additionalProperties: false }),
        response: { 200: Publie },
      },
    },
    async (request) => app.publication.restaurer(request.acteur, request.params.id, request.body?.motif),
  );
}
