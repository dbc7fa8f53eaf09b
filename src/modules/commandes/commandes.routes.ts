import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import type { App } from "../../app.js";
import { envoyerCsvParIds } from "../../http/csv.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import { DateHeure, Id, lireTri, Nullable, PAR_PAGE_MAX, ParamsId, reponseListe } from "../../http/listes.js";
import { Ligne, MOTIF_TEXTE, TexteLibre } from "../../http/textes.js";
import type { Acteur } from "../auth/acteur.js";
import { clientVisible } from "../auth/auth.hooks.js";
import { exiger } from "../auth/politique.js";
import { COLONNES_VIDES, lignesExport } from "../transfert/export.service.js";
import { selectCommande } from "./commandes.repository.js";
import {
  commenterCommande,
  creerCommande,
  type EntreeCommande,
  modifierCommande,
} from "./commandes.service.js";
import {
  actionsPossibles,
  livrerNumeros,
  TRANSITIONS_COMMANDE,
  type TransitionCommande,
  transitionCommande,
} from "./workflow.js";

export const Commande = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  client_id: Type.Integer(),
  client: Type.String(),
  groupement_id: Nullable(Type.Integer()),
  groupement: Nullable(Type.String()),
  demandeur_nom: Type.String(),
  demandeur_email: Nullable(Type.String()),
  demandeur_tel: Nullable(Type.String()),
  operateur_id: Nullable(Type.Integer()),
  operateur: Nullable(Type.String()),
  type_did_id: Type.Integer(),
  type_code: Type.String(),
  type: Type.String(),
  region_id: Nullable(Type.Integer()),
  region_code: Nullable(Type.String()),
  region: Nullable(Type.String()),
  quantite: Type.Integer(),
  quantite_livree: Type.Integer(),
  prefixe_souhaite: Nullable(Type.String()),
  motif: Nullable(Type.String()),
  urgence: Type.String(),
  date_souhaitee: Nullable(Type.String()),
  statut_id: Type.Integer(),
  statut_code: Type.String(),
  statut: Type.String(),
  statut_couleur: Type.String(),
  valideur_nom: Nullable(Type.String()),
  date_validation: Nullable(DateHeure),
  commentaire_validation: Nullable(Type.String()),
  reference_operateur: Nullable(Type.String()),
  cout_mensuel: Nullable(
    Type.Number({
      description: "Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés",
    }),
  ),
  cout_mise_en_service: Nullable(
    Type.Number({ description: "Frais de mise en service d'un numéro (€), reportés sur les numéros livrés" }),
  ),
  date_livraison: Nullable(DateHeure),
  created_by: Nullable(Type.String()),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
  actions_possibles: Type.Optional(
    Type.Array(Type.Union(Object.keys(TRANSITIONS_COMMANDE).map((a) => Type.Literal(a))), {
      description:
        "Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action}",
    }),
  ),
});

const Commentaire = Type.Object({
  id: Type.Integer(),
  auteur: Type.String(),
  commentaire: Type.String(),
  type: Type.String(),
  date_creation: DateHeure,
});

const Urgence = Type.Union(["BASSE", "NORMALE", "HAUTE", "URGENTE"].map((u) => Type.Literal(u)));
const ChampsCommande = {
  groupement_id: Type.Optional(Nullable(Id)),
  demandeur_nom: Type.Optional(Ligne({ minLength: 1, maxLength: 200 })),
  demandeur_email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
  demandeur_tel: Type.Optional(Nullable(Ligne({ maxLength: 30 }))),
  operateur_id: Type.Optional(Nullable(Id)),
  region_id: Type.Optional(Nullable(Id)),
  prefixe_souhaite: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{1,8}$" }))),
  motif: Type.Optional(Nullable(TexteLibre(2000))),
  urgence: Type.Optional(Urgence),
  date_souhaitee: Type.Optional(Nullable(Type.String({ format: "date" }))),
};
const Quantite = Type.Integer({ minimum: 1, maximum: 1000, description: "1 à 1000 numéros" });

const TRIS: Record<string, string> = {
  id: "c.id",
  reference: "c.reference",
  date_creation: "c.date_creation",
  date_souhaitee: "c.date_souhaitee",
  statut: "s.ordre",
  client: "cl.nom",
  quantite: "c.quantite",
  // urgency ranks URGENTE first when sorted descending
  urgence: "urgence_rang",
};

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
            page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
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
      const t = lireTri(tri, Object.keys(TRIS), "-date_creation");
      if ("erreur" in t) throw new ApiError(400, "TRI_INVALIDE", t.erreur);
      const filtrer = <Q extends ReturnType<typeof selectCommande>>(base: Q) => {
        let r = base;
        for (const [k, v] of Object.entries(egal))
          if (v !== undefined) r = r.where(`c.${k}` as "c.client_id", "=", v as never) as Q;
        if (statut) r = r.where("s.code", "in", statut.split(",")) as Q;
        if (q)
          r = r.where((eb) =>
            eb.or([
              eb("c.reference", "ilike", `%${q}%`),
              eb("cl.nom", "ilike", `%${q}%`),
              eb("c.motif", "ilike", `%${q}%`),
            ]),
          ) as Q;
        if (cree_depuis) r = r.where("c.date_creation", ">=", new Date(cree_depuis)) as Q;
        if (cree_avant) r = r.where("c.date_creation", "<", new Date(cree_avant)) as Q;
        const clientId = clientVisible(request);
        if (clientId !== undefined) r = r.where("c.client_id", "=", clientId) as Q;
        return r;
      };
      if (format === "csv") {
        // the format `telephony export --type commandes` writes, with the list's filters
        return envoyerCsvParIds(
          reply,
          "commandes",
          async (apres, taille) =>
            (
              await filtrer(selectCommande(db()))
                .where("c.id", ">", apres)
                .orderBy("c.id")
                .limit(taille)
                .execute()
            ).map((c) => c.id),
          COLONNES_VIDES.commandes,
          (ids) => lignesExport(db(), "commandes", { ids }, app.horloge()),
        );
      }
      const rang = sql`CASE c.urgence WHEN 'URGENTE' THEN 4 WHEN 'HAUTE' THEN 3 WHEN 'NORMALE' THEN 2 ELSE 1 END`;
      const ordre = t.champ === "urgence" ? rang : sql.ref(TRIS[t.champ] as string);
      const [data, total] = await Promise.all([
        filtrer(selectCommande(db()))
          .orderBy(ordre, t.sens)
          .orderBy("c.date_creation", "asc")
          .orderBy("c.id")
          .limit(par_page)
          .offset((page - 1) * par_page)
          .execute(),
        filtrer(selectCommande(db()))
          .clearSelect()
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { data, total: Number(total.n), page, par_page };
    },
  );

  const lireComplet = async (id: number, acteur: Acteur) => {
    const c = (await selectCommande(db()).where("c.id", "=", id).executeTakeFirst()) as NonNullable<
      Awaited<ReturnType<ReturnType<typeof selectCommande>["executeTakeFirst"]>>
    >;
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
      const cree = await creerCommande(db(), request.acteur, request.body as EntreeCommande);
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
        db(),
        request.acteur,
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
        .send(await commenterCommande(db(), request.acteur, request.params.id, request.body.commentaire)),
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
        db(),
        app.config,
        request.acteur,
        request.params.id,
        request.params.action as TransitionCommande,
        { ...p, version: versionAttendue(request.headers["if-match"], version) },
        app.horloge(),
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
          }),
        },
      },
    },
    async (request) => {
      const r = await livrerNumeros(
        db(),
        app.config,
        request.acteur,
        request.params.id,
        request.body,
        app.horloge(),
      );
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
      let q = selectCommande(db()).where("c.id", "=", request.params.id);
      const clientId = clientVisible(request);
      if (clientId !== undefined) q = q.where("c.client_id", "=", clientId);
      const commande = await q.executeTakeFirst();
      if (!commande) throw introuvable("Commande");
      const [commentaires, numeros] = await Promise.all([
        db()
          .selectFrom("tel_did_commande_commentaire")
          .select(["id", "auteur", "commentaire", "type", "date_creation"])
          .where("commande_id", "=", commande.id)
          .orderBy("date_creation")
          .orderBy("id")
          .execute(),
        db()
          .selectFrom("tel_did_commande_ligne as l")
          .innerJoin("tel_did as d", "d.id", "l.did_id")
          .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
          .select(["d.id", "d.did_format_e164", "s.code as statut_code"])
          .where("l.commande_id", "=", commande.id)
          .orderBy("d.did_format_e164")
          .execute(),
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
