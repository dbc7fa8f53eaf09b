import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import { Id, PAR_PAGE_MAX, Page, ParamsId, reponseListe } from "../../http/listes.js";
import { Ligne, MOTIF_TEXTE, TexteLibre } from "../../http/textes.js";
import { porteeDuActeur } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import { accepterFichiers } from "../transfert/transfert.routes.js";
import { detailPortabilite } from "./lecture.js";
import { numerosRoutes } from "./numeros.routes.js";
import { CLASSES_REFUSEES, classerNumeros } from "./numeros-demandes.js";
import { pagePortabilites } from "./portabilite.repository.js";
import {
  ActionPortabilite,
  Apercu,
  ChampsPortabilite,
  ListeNumerosSaisis,
  Portabilite,
  PortabiliteDetail,
  Statut,
} from "./portabilite.schemas.js";
import {
  commenterPortabilite,
  creerPortabilite,
  deposerMandatPortabilite,
  type EntreePortabilite,
  mandatPortabilite,
  modifierPortabilite,
} from "./portabilite.service.js";
import { sortantesRoutes } from "./sortante.routes.js";
import { transitionPortabilite } from "./transitions.js";

const TAG = ["Portabilité"];
const MANDAT_MAX_OCTETS = 10 * 1024 * 1024;

export async function portabiliteRoutes(app: App) {
  const db = () => app.database.db;
  app.addContentTypeParser(
    "application/pdf",
    { parseAs: "buffer", bodyLimit: MANDAT_MAX_OCTETS },
    (_r, b, done) => done(null, b),
  );
  accepterFichiers(app);
  sortantesRoutes(app);
  numerosRoutes(app);
  const detail = { 200: PortabiliteDetail };

  app.get(
    "/portabilites",
    {
      preValidation: exiger("portabilites:lire"),
      schema: {
        tags: TAG,
        summary:
          "Demandes de portabilité entrante, les bascules à venir d'abord (un client ne voit que les siennes)",
        querystring: Type.Object(
          {
            page: Type.Optional(Page),
            par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
            statut: Type.Optional(Type.String({ pattern: "^[A-Z_]{2,30}(,[A-Z_]{2,30}){0,9}$" })),
            client_id: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: 100, pattern: MOTIF_TEXTE })),
            bascule_depuis: Type.Optional(
              Type.String({
                format: "date-time",
                description: "Le calendrier : bascules à partir de cet instant",
              }),
            ),
            bascule_avant: Type.Optional(Type.String({ format: "date-time" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: reponseListe(Portabilite) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, statut, client_id, q, bascule_depuis, bascule_avant } = request.query;
      const statuts = statut?.split(",");
      const inconnu = statuts?.find((s) => !Statut.anyOf.some((l) => l.const === s));
      if (inconnu) throw new ApiError(400, "VALIDATION", `Statut de portabilité inconnu : ${inconnu}.`);
      const { data, total } = await pagePortabilites(
        db(),
        {
          statut: statuts,
          client_id,
          q,
          bascule_depuis: bascule_depuis ? new Date(bascule_depuis) : undefined,
          bascule_avant: bascule_avant ? new Date(bascule_avant) : undefined,
          portee: porteeDuActeur(request.acteur),
        },
        page,
        par_page,
      );
      return { data, total, page, par_page };
    },
  );

  app.post(
    "/portabilites/apercu",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary:
          "Aperçu des numéros d'une demande avant de l'enregistrer : nouveau, revient, dans une de nos tranches, déjà chez nous, détenu par un autre client, déjà demandé, illisible (RIO vérifié)",
        body: Type.Object(
          { client_id: Type.Optional(Id), numeros: ListeNumerosSaisis },
          { additionalProperties: false },
        ),
        response: { 200: Apercu },
      },
    },
    async (request) => {
      const portee = porteeDuActeur(request.acteur);
      const clientId = "client" in portee ? portee.client : request.body.client_id;
      if (!clientId)
        throw new ApiError(422, "VALIDATION", "Le client est obligatoire.", [
          { champ: "client_id", message: "Champ obligatoire." },
        ]);
      const lus = await classerNumeros(db(), request.acteur, clientId, request.body.numeros, null);
      const numeros = lus.map((l) => ({ ...l, accepte: !CLASSES_REFUSEES.includes(l.classe) }));
      const acceptes = numeros.filter((n) => n.accepte).length;
      return { numeros, acceptes, refuses: numeros.length - acceptes };
    },
  );

  app.post(
    "/portabilites",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary:
          "Créer une demande de portabilité entrante (brouillon) avec ses numéros ; référence POR-<année>-<n°>",
        body: Type.Object(
          {
            client_id: Type.Optional(Id),
            ...ChampsPortabilite,
            operateur_donneur: Ligne({
              minLength: 1,
              maxLength: 100,
              description: "L'opérateur qui a les numéros aujourd'hui",
            }),
            operateur_id: Id,
            numeros: Type.Optional(Type.Array(ListeNumerosSaisis.items, { maxItems: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PortabiliteDetail },
      },
    },
    async (request, reply) => {
      const id = await creerPortabilite(app.contexte(request), request.body as EntreePortabilite);
      const d = await detailPortabilite(db(), request.acteur, id);
      reply.header("etag", etag(d.version)).header("location", `/api/v1/portabilites/${id}`);
      return reply.status(201).send(d);
    },
  );

  app.get(
    "/portabilites/:id",
    {
      preValidation: exiger("portabilites:lire"),
      schema: {
        tags: TAG,
        summary:
          "Une demande : ses numéros (statut, préparation, prêt à router), son fil, les actions possibles",
        params: ParamsId,
        response: detail,
      },
    },
    async (request, reply) => {
      const d = await detailPortabilite(db(), request.acteur, request.params.id);
      reply.header("etag", etag(d.version));
      return d;
    },
  );

  app.patch(
    "/portabilites/:id",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary: "Modifier une demande (brouillon ; le personnel jusqu'à la bascule)",
        params: ParamsId,
        body: Type.Object(
          { ...ChampsPortabilite, version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: detail,
      },
    },
    async (request) => {
      const { version, ...valeurs } = request.body;
      await modifierPortabilite(
        app.contexte(request),
        request.params.id,
        valeurs,
        versionAttendue(request.headers["if-match"], version),
      );
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );

  app.put(
    "/portabilites/:id/mandat",
    {
      preValidation: exiger("portabilites:demander"),
      bodyLimit: MANDAT_MAX_OCTETS,
      schema: {
        tags: TAG,
        summary:
          "Déposer le mandat de portabilité signé par le client (PDF, corps application/pdf) ; SHA-256 gardée",
        params: ParamsId,
        querystring: Type.Object(
          { nom: Type.Optional(Type.String({ maxLength: 255 })) },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new ApiError(
          415,
          "FICHIER_ATTENDU",
          "Envoyez le PDF comme corps de la requête (application/pdf).",
        );
      await deposerMandatPortabilite(
        app.contexte(request),
        request.params.id,
        request.query.nom ?? "mandat.pdf",
        request.body,
      );
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );

  app.get(
    "/portabilites/:id/mandat",
    {
      preValidation: exiger("portabilites:lire"),
      schema: {
        tags: TAG,
        summary: "Le mandat de portabilité signé (PDF)",
        params: ParamsId,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const m = await mandatPortabilite(db(), request.acteur, request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${m.nom.replace(/[^\w.-]+/g, "_")}"`)
        .header("x-content-sha256", m.sha256)
        .send(m.contenu);
    },
  );

  app.post(
    "/portabilites/:id/commentaires",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary: "Ajouter un commentaire au fil de la demande",
        params: ParamsId,
        body: Type.Object(
          { commentaire: Type.String({ minLength: 1, maxLength: 5000, pattern: MOTIF_TEXTE }) },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => {
      await commenterPortabilite(app.contexte(request), request.params.id, request.body.commentaire);
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );

  app.post(
    "/portabilites/:id/actions/:action",
    {
      preValidation: exiger("portabilites:demander"),
      schema: {
        tags: TAG,
        summary:
          "Faire avancer une demande : soumettre, annuler, confirmer (bascule_le, ou la déplacer), rejeter (motif), rejeter-numeros (numero_ids, motif), echec (motif : rien ne reste en service) ; seul le personnel confirme, rejette et déclare un échec",
        params: Type.Object({ id: Id, action: ActionPortabilite }),
        body: Type.Object(
          {
            commentaire: Type.Optional(TexteLibre(2000)),
            bascule_le: Type.Optional(
              Type.String({
                maxLength: 40,
                description: "Date et heure ISO 8601 ; sans décalage, heure de Paris",
              }),
            ),
            numero_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => {
      await transitionPortabilite(
        app.contexte(request),
        request.params.id,
        request.params.action as never,
        request.body,
      );
      if (request.params.action === "confirmer") app.planificateur.reprogrammer();
      return detailPortabilite(db(), request.acteur, request.params.id);
    },
  );
}
