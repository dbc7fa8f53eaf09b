import { Type } from "@sinclair/typebox";
import { lireIsoMetier } from "../../heure-metier.js";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { Id, InstantSaisi, PAR_PAGE_MAX, ParamsId, reponseListe } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { declarer, fichierDeclaration } from "./declarations.service.js";
import {
  creerMandat,
  deposerDocument,
  detailMandat,
  documentDuMandat,
  modifierInfosMandat,
} from "./mandats.service.js";
import { pageDeclarations, pageMandats } from "./presentation.repository.js";
import {
  Apercu,
  Declaration,
  DeclarationCreee,
  EntreeMandat,
  Mandat,
  MandatDetail,
  ModificationMandat,
  Presentation,
} from "./presentation.schemas.js";
import { quiPresentait } from "./presentation.service.js";

const TAG = ["Présentation du numéro"];
const Pagination = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
};
const MIME = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
const DOCUMENT_MAX_OCTETS = 20 * 1024 * 1024;

/** A file name safe in a Content-Disposition header. */
const nomSur = (nom: string) => nom.replace(/[^\w.-]+/g, "_").slice(0, 120) || "document.pdf";

export async function presentationRoutes(app: App) {
  app.addContentTypeParser(
    "application/pdf",
    { parseAs: "buffer", bodyLimit: DOCUMENT_MAX_OCTETS },
    (_r, b, done) => done(null, b),
  );

  app.get(
    "/mandats",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary: "Mandats des clients : le droit de présenter leurs numéros en appel sortant",
        querystring: Type.Object({
          client_id: Type.Optional(Id),
          actif: Type.Optional(Type.Boolean()),
          fin_avant: Type.Optional(
            Type.String({ format: "date", description: "Dernier jour ≤ (AAAA-MM-JJ)" }),
          ),
          ...Pagination,
        }),
        response: { 200: reponseListe(Mandat) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, ...f } = request.query;
      const r = await pageMandats(app.database.db, f, page, par_page);
      return {
        data: r.data.map((m) => ({
          ...m,
          nb_numeros: Number(m.nb_numeros),
          nb_tranches: Number(m.nb_tranches),
        })),
        total: r.total,
        page,
        par_page,
      };
    },
  );

  app.post(
    "/mandats",
    {
      preValidation: exiger("presentation:gerer"),
      schema: {
        tags: TAG,
        summary: "Enregistrer le mandat d'un client (numéros ou tranches couverts, dates, signataire)",
        body: EntreeMandat,
        response: { 201: MandatDetail },
      },
    },
    async (request, reply) => {
      const m = await creerMandat(app.contexte(request), request.body);
      return reply.code(201).header("location", `/api/v1/mandats/${m.id}`).send(m);
    },
  );

  app.get(
    "/mandats/:id",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary: "Un mandat et ce qu'il couvre",
        params: ParamsId,
        response: { 200: MandatDetail },
      },
    },
    async (request) => detailMandat(app.database.db, request.params.id),
  );

  app.patch(
    "/mandats/:id",
    {
      preValidation: exiger("presentation:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Modifier un mandat : prolonger, révoquer (actif=false), ajouter des numéros ou des tranches",
        params: ParamsId,
        body: ModificationMandat,
        response: { 200: MandatDetail },
      },
    },
    async (request) => modifierInfosMandat(app.contexte(request), request.params.id, request.body),
  );

  app.put(
    "/mandats/:id/document",
    {
      preValidation: exiger("presentation:gerer"),
      bodyLimit: DOCUMENT_MAX_OCTETS,
      schema: {
        tags: TAG,
        summary:
          "Déposer le mandat signé (PDF, corps brut application/pdf) : son empreinte SHA-256 est gardée",
        params: ParamsId,
        querystring: Type.Object({ nom: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: { 200: MandatDetail },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new ApiError(
          415,
          "FICHIER_ATTENDU",
          "Envoyez le PDF comme corps de la requête (application/pdf).",
        );
      return deposerDocument(
        app.contexte(request),
        request.params.id,
        request.query.nom ?? `mandat-${request.params.id}.pdf`,
        request.body,
      );
    },
  );

  app.get(
    "/mandats/:id/document",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary: "Le mandat signé (PDF)",
        params: ParamsId,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const d = await documentDuMandat(app.database.db, request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${nomSur(d.nom)}"`)
        .header("x-content-sha256", d.sha256)
        .send(d.contenu);
    },
  );

  app.get(
    "/declarations/apercu",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary:
          "Ce que dirait maintenant une déclaration à l'opérateur : numéros présentables avec leur fondement, changements depuis la dernière",
        querystring: Type.Object({ operateur_id: Id }),
        response: { 200: Apercu },
      },
    },
    // over an operator's 100,000 numbers: in the work thread (travaux.ts), not the loop that routes Hermes' calls
    async (request) =>
      app.travaux.executer("apercuDeclaration", {
        operateurId: request.query.operateur_id,
        instant: app.horloge(),
      }),
  );

  app.get(
    "/declarations",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary: "Déclarations faites aux opérateurs (qui, quand, empreinte du fichier)",
        querystring: Type.Object({ operateur_id: Type.Optional(Id), ...Pagination }),
        response: { 200: reponseListe(Declaration) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, operateur_id } = request.query;
      return { ...(await pageDeclarations(app.database.db, operateur_id, page, par_page)), page, par_page };
    },
  );

  app.post(
    "/declarations",
    {
      preValidation: exiger("presentation:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Déclarer à un opérateur les numéros que nous pouvons présenter : le fichier (CSV ou XLSX) est enregistré avec son empreinte",
        body: Type.Object(
          {
            operateur_id: Id,
            format: Type.Optional(
              Type.Union([Type.Literal("csv"), Type.Literal("xlsx")], { default: "csv" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: DeclarationCreee },
      },
    },
    async (request, reply) => {
      const d = await declarer(
        app.contexte(request),
        request.body.operateur_id,
        request.body.format ?? "csv",
      );
      return reply.code(201).header("location", `/api/v1/declarations/${d.id}/fichier`).send(d);
    },
  );

  app.get(
    "/declarations/:id/fichier",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary: "Le fichier d'une déclaration, tel que remis à l'opérateur",
        params: ParamsId,
        produces: [MIME.csv, MIME.xlsx],
      },
    },
    async (request, reply) => {
      const d = await fichierDeclaration(app.database.db, request.params.id);
      const format = d.format as keyof typeof MIME;
      const jour = new Date(d.instant).toISOString().slice(0, 10);
      return reply
        .type(MIME[format])
        .header(
          "content-disposition",
          `attachment; filename="declaration-${nomSur(d.operateur)}-${jour}-${d.id}.${format}"`,
        )
        .header("x-content-sha256", d.somme_sha256)
        .send(d.fichier);
    },
  );

  app.get(
    "/dids/:id/presentation",
    {
      preValidation: exiger("presentation:lire"),
      schema: {
        tags: TAG,
        summary:
          "Qui présentait ce numéro à un instant : campagne, client et fondement (contrat ou mandat), d'après l'historique",
        params: ParamsId,
        querystring: Type.Object({ instant: Type.Optional(InstantSaisi) }),
        response: { 200: Presentation },
      },
    },
    async (request) => {
      const t = request.query.instant ? lireIsoMetier(request.query.instant) : app.horloge();
      if (!t) throw new ApiError(422, "DATE_INVALIDE", `Instant illisible : « ${request.query.instant} ».`);
      return quiPresentait(app.database.db, request.params.id, t, request.acteur);
    },
  );
}
