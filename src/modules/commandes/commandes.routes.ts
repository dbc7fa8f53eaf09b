import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { envoyerCsvParIds } from "../../http/csv.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import { Id, lireTri, Nullable, PAR_PAGE_MAX, Page, ParamsId, reponseListe } from "../../http/listes.js";
import { Ligne, MOTIF_TEXTE, TexteLibre } from "../../http/textes.js";
import { porteeDuActeur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { exiger } from "../auth/politique.js";
import { COLONNES_VIDES, lignesExport } from "../transfert/export.service.js";
import {
  commentairesCommande,
  idsCommandesApres,
  lireCommande,
  numerosCommande,
  pageCommandes,
  TRIS_COMMANDE,
} from "./commandes.repository.js";
import { ChampsCommande, Commande, Commentaire, Quantite } from "./commandes.schemas.js";
import {
  commenterCommande,
  creerCommande,
  type EntreeCommande,
  modifierCommande,
} from "./commandes.service.js";
import { livrerNumeros } from "./livraison.js";
import {
  actionsPossibles,
  TRANSITIONS_COMMANDE,
  type TransitionCommande,
  transitionCommande,
} from "./workflow.js";

export async function commandesRoutes(app: App) {
  const db = () => app.database.db;

  app.get(
    "/commandes",
    {
      preValidation: exiger("commandes:lire"),
      schema: {
        tags: ["Commandes"],
        summary: "Demandes de commande de numéros",
        querystring: Type.Object(
          {
            page: Type.Optional(Page),
            par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
            tri: Type.Optional(Type.String({ maxLength: 40, pattern: "^-?[a-z_]+$" })),
            statut: Type.Optional(
              Type.String({
                pattern: "^[A-Z_]{2,30}(,[A-Z_]{2,30}){0,9}$",
                description:
                  "Un statut, ou plusieurs séparés par des virgules (SOUMISE,VALIDEE,EN_COURS : à traiter)",
              }),
            ),
            client_id: Type.Optional(Id),
            type_did_id: Type.Optional(Id),
            region_id: Type.Optional(Id),
            operateur_id: Type.Optional(Id),
            urgence: Type.Optional(
              Type.Union(["BASSE", "NORMALE", "HAUTE", "URGENTE"].map((u) => Type.Literal(u))),
            ),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            cree_depuis: Type.Optional(Type.String({ format: "date-time" })),
            cree_avant: Type.Optional(Type.String({ format: "date-time" })),
            format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("csv")])),
          },
          // each remaining parameter becomes a column filter: an unknown one is refused, not sent to SQL
          { additionalProperties: false },
        ),
        response: { 200: reponseListe(Commande) },
      },
    },
    async (request, reply) => {
      const {
        page = 1,
        par_page = 50,
        tri,
        format,
        statut,
        q,
        cree_depuis,
        cree_avant,
        ...egal
      } = request.query;
      const t = lireTri(tri, Object.keys(TRIS_COMMANDE), "-date_creation");
      if ("erreur" in t) throw new ApiError(400, "TRI_INVALIDE", t.erreur);
      const filtres = { statut, q, cree_depuis, cree_avant, egal, portee: porteeDuActeur(request.acteur) };
      if (format === "csv") {
        // the format `telephony export --type commandes` writes, with the list's filters
        return envoyerCsvParIds(
          reply,
          "commandes",
          (apres, taille) => idsCommandesApres(db(), filtres, apres, taille),
          COLONNES_VIDES.commandes,
          async (ids) => await lignesExport(db(), "commandes", { ids }, app.horloge()),
        );
      }
      const { data, total } = await pageCommandes(db(), filtres, t, page, par_page);
      return { data: data, total, page, par_page };
    },
  );

  const lireComplet = async (id: number, acteur: Acteur) => {
    const c = (await lireCommande(db(), id)) as NonNullable<Awaited<ReturnType<typeof lireCommande>>>;
    return { ...c, actions_possibles: actionsPossibles(acteur, c.statut_code) };
  };

  app.post(
    "/commandes",
    {
      preValidation: exiger("commandes:demander"),
      schema: {
        tags: ["Commandes"],
        summary: "Créer une demande de commande (brouillon) ; référence CMD-<année>-<n°> attribuée sans trou",
        body: Type.Object(
          { client_id: Type.Optional(Id), type_did_id: Id, quantite: Quantite, ...ChampsCommande },
          { additionalProperties: false },
        ),
        response: { 201: Commande },
      },
    },
    async (request, reply) => {
      const cree = await creerCommande(app.contexte(request), request.body as EntreeCommande);
      reply.header("etag", etag(cree.version)).header("location", `/api/v1/commandes/${cree.id}`);
      return reply.status(201).send(await lireComplet(cree.id, request.acteur));
    },
  );

  app.patch(
    "/commandes/:id",
    {
      preValidation: exiger("commandes:demander"),
      schema: {
        tags: ["Commandes"],
        summary: "Modifier un brouillon de commande",
        params: ParamsId,
        body: Type.Object(
          {
            client_id: Type.Optional(Id),
            type_did_id: Type.Optional(Id),
            quantite: Type.Optional(Quantite),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            ...ChampsCommande,
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Commande },
      },
    },
    async (request, reply) => {
      const { version, ...valeurs } = request.body;
      const maj = await modifierCommande(
        app.contexte(request),
        request.params.id,
        valeurs as EntreeCommande,
        versionAttendue(request.headers["if-match"], version),
      );
      reply.header("etag", etag(maj.version));
      return lireComplet(maj.id, request.acteur);
    },
  );

  app.post(
    "/commandes/:id/commentaires",
    {
      preValidation: exiger("commandes:demander"),
      schema: {
        tags: ["Commandes"],
        summary: "Ajouter un commentaire libre à une commande",
        params: ParamsId,
        body: Type.Object(
          { commentaire: Type.String({ minLength: 1, maxLength: 5000, pattern: MOTIF_TEXTE }) },
          { additionalProperties: false },
        ),
        response: { 201: Commentaire },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commenterCommande(app.contexte(request), request.params.id, request.body.commentaire)),
  );

  app.post(
    "/commandes/:id/actions/:action",
    {
      preValidation: exiger("commandes:demander"),
      schema: {
        tags: ["Commandes"],
        summary:
          "Faire avancer une commande : soumettre, annuler (brouillon), retirer (le demandeur, commande soumise), valider, rejeter (motif), demarrer (référence, opérateur et prix chez l'opérateur, reportés sur les numéros livrés), livrer ; actions_possibles dit lesquelles l'appelant peut faire",
        params: Type.Object({
          id: Id,
          action: Type.Union(Object.keys(TRANSITIONS_COMMANDE).map((a) => Type.Literal(a))),
        }),
        body: Type.Object(
          {
            commentaire: Type.Optional(TexteLibre(2000)),
            reference_operateur: Type.Optional(Ligne({ minLength: 1, maxLength: 100 })),
            operateur_id: Type.Optional(Id),
            cout_mensuel: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100_000 }))),
            cout_mise_en_service: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100_000 }))),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Commande },
      },
    },
    async (request, reply) => {
      const { version, ...p } = request.body ?? {};
      const apres = await transitionCommande(
        app.contexte(request),
        request.params.id,
        request.params.action as TransitionCommande,
        { ...p, version: versionAttendue(request.headers["if-match"], version) },
      );
      app.expediteur.reveiller();
      reply.header("etag", etag(apres.version));
      return lireComplet(apres.id, request.acteur);
    },
  );

  app.post(
    "/commandes/:id/livraisons",
    {
      preValidation: exiger("commandes:traiter"),
      schema: {
        tags: ["Commandes"],
        summary:
          "Saisir les numéros reçus (liste ou plages 0162100000-0162100099) ; simulation pour prévisualiser",
        params: ParamsId,
        body: Type.Object(
          {
            numeros: Type.Union([
              Type.String({ minLength: 1, maxLength: 200_000 }),
              Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 5000 }),
            ]),
            depassement: Type.Optional(
              Type.Boolean({ description: "Accepter plus de numéros que commandés" }),
            ),
            terminer: Type.Optional(
              Type.Boolean({
                description:
                  "Clore la livraison : la commande passe à LIVREE, ses numéros sont livrés et affectés au client de la commande",
              }),
            ),
            accepter_plages_inconnues: Type.Optional(
              Type.Boolean({
                description:
                  "Accepter des numéros d'un bloc que le plan de numérotation connu n'a pas encore : marqués hors_plan, à revoir",
              }),
            ),
            simulation: Type.Optional(Type.Boolean({ description: "Vérifier sans rien enregistrer" })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            livres: Type.Array(Type.String()),
            deja_livres: Type.Integer(),
            simulation: Type.Boolean(),
            tranche_id: Type.Optional(
              Nullable(
                Type.Integer({
                  description: "Tranche créée par cette livraison (numéros contigus d'un même opérateur)",
                }),
              ),
            ),
          }),
        },
      },
    },
    async (request) => {
      const r = await livrerNumeros(app.contexte(request), request.params.id, request.body);
      app.expediteur.reveiller();
      return r;
    },
  );

  app.get(
    "/commandes/:id",
    {
      preValidation: exiger("commandes:lire"),
      schema: {
        tags: ["Commandes"],
        summary: "Une commande avec ses numéros livrés et ses commentaires",
        params: ParamsId,
        response: {
          200: Type.Composite([
            Commande,
            Type.Object({
              commentaires: Type.Array(Commentaire),
              numeros: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  did_format_e164: Type.String(),
                  statut_code: Type.String(),
                }),
              ),
            }),
          ]),
        },
      },
    },
    async (request, reply) => {
      const commande = await lireCommande(db(), request.params.id, porteeDuActeur(request.acteur));
      if (!commande) throw introuvable("Commande");
      const [commentaires, numeros] = await Promise.all([
        commentairesCommande(db(), commande.id),
        numerosCommande(db(), commande.id),
      ]);
      reply.header("etag", etag(commande.version));
      return {
        ...commande,
        actions_possibles: actionsPossibles(request.acteur, commande.statut_code),
        commentaires,
        numeros,
      };
    },
  );
}
