import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { App } from "../../http/app-type.js";
import { envoyerFichierCsv } from "../../http/csv.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import { Id, lireTri, Nullable, PAR_PAGE_MAX, ParamsId, reponseListePlafonnee } from "../../http/listes.js";
import { chiffresDirects } from "../../numbering/chiffres.js";
import { MAX_PLAGE, normaliser } from "../../numbering/index.js";
import { porteeDuActeur } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import {
  type Action,
  actionEnMasse,
  actionsPossiblesDid,
  appliquerAction,
  changerStatut,
  STATUTS,
  type Statut,
} from "./cycle-de-vie.js";
import { type FiltresDid, PLAFOND_COMPTE_RECHERCHE, pageDids, TRIS_DID } from "./dids.repository.js";
import {
  ActionParam,
  CorpsCreation,
  CorpsMaj,
  CorpsPlage,
  DidComplet,
  FiltresDidSchema,
  Historique,
  ParamsAction,
} from "./dids.schemas.js";
import { creerDid, creerPlage, type EntreeDid, lireDid, modifierDid, supprimerDid } from "./dids.service.js";
import { historiqueVisible } from "./historique-visible.js";
import { didParE164 } from "./par-numero.repository.js";

type DidLu = NonNullable<Awaited<ReturnType<typeof lireDid>>>;

export async function didsRoutes(app: App) {
  const db = () => app.database.db;
  /** A number as the caller sees it: with the lifecycle actions this caller may apply to it. */
  const vu = (request: FastifyRequest, did: DidLu) => ({
    ...did,
    actions_possibles: actionsPossiblesDid(request.acteur, did.statut_code),
  });
  const relire = async (request: FastifyRequest, id: number) =>
    vu(request, (await lireDid(db(), app.libelles, id)) as DidLu);

  app.get(
    "/dids",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary: "Inventaire des numéros, avec leurs libellés (opérateur, client, statut et sa couleur...)",
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
          tri: Type.Optional(
            Type.String({
              maxLength: 40,
              pattern: "^-?[a-z_0-9]+$",
              description: `Un de : ${Object.keys(TRIS_DID).join(", ")}`,
            }),
          ),
          format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("csv")])),
          ...FiltresDidSchema,
        }),
        response: { 200: reponseListePlafonnee(DidComplet, PLAFOND_COMPTE_RECHERCHE) },
      },
    },
    async (request, reply) => {
      const {
        page = 1,
        par_page = 50,
        tri,
        format,
        ...filtres
      } = request.query as FiltresDid & {
        page?: number;
        par_page?: number;
        tri?: string;
        format?: string;
      };
      const t = lireTri(tri, Object.keys(TRIS_DID), "did");
      if ("erreur" in t) throw new ApiError(400, "TRI_INVALIDE", t.erreur);
      // the caller's client scope travels with the filters, so the page, the count and the export agree
      const vus = { ...filtres, portee: porteeDuActeur(request.acteur) };
      if (format === "csv") {
        // the import format of numbers (what `telephony export --type numeros` writes), with the list's filters
        // read and written in the work thread on PostgreSQL (travaux.ts): a million rows, not the routing's loop
        return envoyerFichierCsv(
          reply,
          "numeros",
          app.travaux.flux("csvNumeros", {
            filtres: vus,
            maintenant: app.horloge(),
            acteur: { role: request.acteur.role },
          }),
        );
      }
      const { data, total, plafonne } = await pageDids(db(), vus, t, page, par_page, app.horloge());
      return {
        data: (await app.libelles.etiqueter(data)).map((d) => vu(request, d)),
        total,
        total_plafonne: plafonne,
        page,
        par_page,
      };
    },
  );

  app.get(
    "/dids/:id",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary: "Un numéro avec ses libellés",
        params: ParamsId,
        response: { 200: DidComplet },
      },
    },
    async (request, reply) => {
      const did = await lireDid(db(), app.libelles, request.params.id, porteeDuActeur(request.acteur));
      if (!did) throw introuvable("Numéro");
      reply.header("etag", etag(did.version));
      return vu(request, did);
    },
  );

  app.get(
    "/dids/par-numero/:numero",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary: "Un numéro trouvé par sa valeur, sous toute forme (0142685300, +33142685300...)",
        params: Type.Object({ numero: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ pays: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })) }),
        response: { 200: DidComplet },
      },
    },
    async (request, reply) => {
      // the common forms read straight into E.164 (as the routing lookup does: libphonenumber costs more than the
      // query); only a hit is trusted, anything else goes through the full normalisation (422 or 404)
      const direct = chiffresDirects(request.params.numero, request.query.pays);
      let did =
        direct === undefined
          ? undefined
          : await didParE164(app.database, `+${direct}`, porteeDuActeur(request.acteur));
      if (!did) {
        // finding a stored number never depends on the ranges the metadata knows
        const n = normaliser(request.params.numero, request.query.pays ?? "FR", { plagesInconnues: true });
        if (!n.ok)
          throw new ApiError(422, n.code, n.raison, [{ champ: "numero", message: n.raison, code: n.code }]);
        did = await didParE164(app.database, n.numero.e164, porteeDuActeur(request.acteur));
      }
      if (!did) throw introuvable("Numéro");
      reply.header("etag", etag(did.version));
      return vu(request, (await app.libelles.etiqueter([did]))[0] as DidLu);
    },
  );

  app.post(
    "/dids",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary: "Ajouter un numéro à l'inventaire (E.164, type et région déduits du numéro)",
        body: CorpsCreation,
        response: { 201: DidComplet },
      },
    },
    async (request, reply) => {
      const cree = await creerDid(db(), request.acteur, request.body as EntreeDid, app.horloge());
      reply.header("etag", etag(cree.version)).header("location", `/api/v1/dids/${cree.id}`);
      return reply.status(201).send(await relire(request, cree.id));
    },
  );

  app.post(
    "/dids/plage",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary: `Ajouter une plage de numéros (${MAX_PLAGE} au plus) : tout ou rien ; simulation pour prévisualiser`,
        body: CorpsPlage,
        response: {
          200: Type.Object({
            simulation: Type.Boolean(),
            crees: Type.Integer(),
            numeros: Type.Array(Type.String(), { description: "Les numéros de la plage, en E.164" }),
          }),
        },
      },
    },
    async (request) => {
      return creerPlage(app.contexte(request), request.body as Parameters<typeof creerPlage>[1]);
    },
  );

  app.patch(
    "/dids/:id",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Modifier les champs descriptifs d'un numéro (le statut et le client changent par les actions)",
        params: ParamsId,
        body: CorpsMaj,
        response: { 200: DidComplet },
      },
    },
    async (request, reply) => {
      const { version, motif, ...valeurs } = request.body;
      const attendue = versionAttendue(request.headers["if-match"], version);
      const maj = await modifierDid(app.contexte(request), request.params.id, valeurs, attendue, motif);
      reply.header("etag", etag(maj.version));
      return relire(request, maj.id);
    },
  );

  app.delete(
    "/dids/:id",
    {
      preValidation: exiger("numeros:supprimer"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Supprimer un numéro saisi par erreur (409 NUMERO_A_SERVI s'il a eu un client, un changement de statut ou une campagne : résiliez-le)",
        params: ParamsId,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await supprimerDid(
        app.contexte(request),
        request.params.id,
        versionAttendue(request.headers["if-match"], undefined),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/dids/:id/actions/:action",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Faire évoluer le statut d'un numéro : livrer, affecter, liberer, mettre-en-production, arreter-production, resilier, reactiver",
        params: Type.Object({ id: Id, action: ActionParam }),
        body: Type.Object(
          { ...ParamsAction, version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: DidComplet },
      },
    },
    async (request, reply) => {
      const { version, ...p } = request.body ?? {};
      const attendue = versionAttendue(request.headers["if-match"], version);
      const apres = await appliquerAction(
        app.contexte(request),
        request.params.id,
        request.params.action as Action,
        { ...p, version: attendue },
      );
      reply.header("etag", etag(apres.version));
      return relire(request, apres.id);
    },
  );

  app.post(
    "/dids/:id/statut",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Passer un numéro à un statut : l'action correspondante de la machine d'états s'applique, ou le passage est refusé",
        params: ParamsId,
        body: Type.Object(
          {
            statut: Type.Union(STATUTS.map((x) => Type.Literal(x))),
            ...ParamsAction,
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: DidComplet },
      },
    },
    async (request, reply) => {
      const { version, statut, ...p } = request.body;
      const attendue = versionAttendue(request.headers["if-match"], version);
      const apres = await changerStatut(app.contexte(request), request.params.id, statut as Statut, {
        ...p,
        version: attendue,
      });
      reply.header("etag", etag(apres.version));
      return relire(request, apres.id);
    },
  );

  app.post(
    "/dids/actions/:action",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary: "Action en masse sur une liste de numéros : tout ou rien, avec un compte rendu par numéro",
        params: Type.Object({ action: ActionParam }),
        body: Type.Object(
          { ids: Type.Array(Id, { minItems: 1, maxItems: 5000, uniqueItems: true }), ...ParamsAction },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            action: Type.String(),
            total: Type.Integer(),
            resultats: Type.Array(
              Type.Object({ id: Type.Integer(), ok: Type.Boolean(), statut: Nullable(Type.String()) }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { ids, ...p } = request.body;
      return actionEnMasse(app.contexte(request), request.params.action as Action, ids, p);
    },
  );

  app.get(
    "/dids/:id/historique",
    {
      preValidation: exiger("numeros:lire"),
      schema: {
        tags: ["Numéros"],
        summary: "L'histoire d'un numéro : statuts, clients, campagnes, configurations, coûts...",
        params: ParamsId,
        response: { 200: Type.Object({ data: Type.Array(Historique) }) },
      },
    },
    async (request) => {
      const did = await lireDid(db(), app.libelles, request.params.id, porteeDuActeur(request.acteur));
      if (!did) throw introuvable("Numéro");
      return { data: await historiqueVisible(db(), request.acteur, request.params.id, did.client_id) };
    },
  );
}
