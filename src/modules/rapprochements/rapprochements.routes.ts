import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { fichierDuCorps } from "../../http/fichiers.js";
import { DateHeure, Id, Nullable, PAR_PAGE_MAX, ParamsId, reponseListe } from "../../http/listes.js";
import { exiger } from "../auth/politique.js";
import { lireCorrespondances, ParamColonnes } from "../transfert/colonnes.js";
import { accepterFichiers } from "../transfert/transfert.routes.js";
import { pageLignes, pageRapprochements } from "./rapprochements.repository.js";
import { CLASSES, corriger, detailRapprochement, rapprocher } from "./rapprochements.service.js";
import { reclamation } from "./reclamation.js";

const TAG = ["Rapprochements opérateurs"];
const Classe = Type.Union(
  Object.keys(CLASSES).map((c) => Type.Literal(c)),
  {
    description: Object.entries(CLASSES)
      .map(([c, l]) => `${c} : ${l}`)
      .join(" ; "),
  },
);
const Periode = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "Mois facturé, AAAA-MM" });

const Rapprochement = Type.Object({
  id: Type.Integer(),
  operateur_id: Type.Integer(),
  operateur: Type.String(),
  periode: Type.String(),
  fichier_nom: Type.String(),
  fichier_sha256: Type.String(),
  colonnes: Type.Record(Type.String(), Type.String(), { description: "Champ → colonne du fichier utilisée" }),
  colonnes_ignorees: Type.Array(Type.String(), {
    description: "Colonnes du fichier qui ne nourrissent aucun champ",
  }),
  lignes_lues: Type.Integer(),
  totaux: Type.Record(Type.String(), Type.Object({ n: Type.Integer(), montant: Nullable(Type.Number()) })),
  auteur: Type.String(),
  duree_ms: Type.Integer(),
  date_creation: DateHeure,
});
const RapprochementDetail = Type.Composite([
  Rapprochement,
  Type.Object({
    classes: Type.Array(
      Type.Object({
        classe: Type.String(),
        libelle: Type.String(),
        n: Type.Integer(),
        corrigees: Type.Integer({
          description: "Lignes de la classe déjà corrigées (n moins corrigees : à traiter)",
        }),
        montant: Nullable(Type.Number({ description: "Vide quand le fichier n'a pas de prix" })),
      }),
    ),
    sans_prix: Type.Boolean({ description: "Le fichier n'a pas de colonne de prix : aucun montant" }),
    avertissements: Type.Array(Type.String(), { description: "À lire avant les résultats" }),
  }),
]);
const Ligne = Type.Object({
  id: Type.Integer(),
  ligne: Nullable(
    Type.Integer({ description: "Ligne du fichier ; vide pour un numéro de l'inventaire non facturé" }),
  ),
  numero: Nullable(Type.String()),
  brut: Nullable(Type.String()),
  did_id: Nullable(Type.Integer()),
  classe: Type.String(),
  raison: Nullable(Type.String()),
  reference_facturee: Nullable(Type.String()),
  reference_inventaire: Nullable(Type.String()),
  prix_facture: Nullable(Type.Number()),
  prix_inventaire: Nullable(Type.Number()),
  debut: Nullable(Type.String()),
  fin: Nullable(Type.String()),
  facture_du: Nullable(Type.String()),
  facture_au: Nullable(Type.String()),
  date_resiliation: Nullable(Type.String()),
  jours_factures: Nullable(Type.Integer()),
  montant_facture: Nullable(Type.Number()),
  montant: Nullable(
    Type.Number({ description: "À réclamer, écart de prix, montant facturé, ou coût attendu" }),
  ),
  prix_different: Type.Boolean(),
  reference_differente: Type.Boolean(),
  en_service: Type.Boolean({ description: "Le numéro est utilisé par une campagne" }),
  correction: Nullable(Type.String()),
  corrige_par: Nullable(Type.String()),
  corrige_le: Nullable(DateHeure),
});

export async function rapprochementsRoutes(app: App) {
  const limites = app.config.importLimites;
  accepterFichiers(app);

  app.post(
    "/rapprochements",
    {
      preValidation: exiger("couts:gerer"),
      bodyLimit: limites.octets,
      schema: {
        tags: TAG,
        summary:
          "Rapprocher la liste ou les lignes de facture d'un opérateur (CSV ou XLSX, corps brut) avec l'inventaire, pour un mois",
        querystring: Type.Object({
          operateur_id: Id,
          periode: Periode,
          nom: Type.Optional(
            Type.String({ maxLength: 255, description: "Nom du fichier, gardé avec le résultat" }),
          ),
          colonnes: Type.Optional(ParamColonnes),
        }),
        response: { 201: RapprochementDetail },
      },
    },
    async (request, reply) => {
      const colonnes = lireCorrespondances(request.query.colonnes);
      const r = await rapprocher(app.contexte(request), {
        operateur_id: request.query.operateur_id,
        periode: request.query.periode,
        nom: request.query.nom ?? "fichier-operateur",
        contenu: fichierDuCorps(request.body),
        colonnes,
        limites,
      });
      return reply.code(201).header("location", `/api/v1/rapprochements/${r.id}`).send(r);
    },
  );

  app.get(
    "/rapprochements",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary: "Rapprochements faits (opérateur, mois, fichier, qui, quand, totaux par classe)",
        querystring: Type.Object({
          operateur_id: Type.Optional(Id),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
        }),
        response: { 200: reponseListe(Rapprochement) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, operateur_id } = request.query;
      return { ...(await pageRapprochements(app.database.db, operateur_id, page, par_page)), page, par_page };
    },
  );

  app.get(
    "/rapprochements/:id",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary: "Un rapprochement : nombre et montant par classe",
        params: ParamsId,
        response: { 200: RapprochementDetail },
      },
    },
    async (request) => detailRapprochement(app.database.db, request.params.id),
  );

  app.get(
    "/rapprochements/:id/lignes",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary: "Les lignes d'un rapprochement, d'une ou plusieurs classes (classe=A_RECLAMER,INCONNU)",
        params: ParamsId,
        querystring: Type.Object({
          classe: Type.Optional(Type.String({ pattern: "^[A-Z_]+(,[A-Z_]+)*$" })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
          par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAR_PAGE_MAX, default: 50 })),
        }),
        response: { 200: reponseListe(Ligne) },
      },
    },
    async (request) => {
      const { page = 1, par_page = 50, classe } = request.query;
      const classes = classe?.split(",");
      const inconnue = classes?.find((c) => !(c in CLASSES));
      if (inconnue) throw new ApiError(422, "VALIDATION", `Classe inconnue : ${inconnue}.`);
      const r = await pageLignes(app.database.db, request.params.id, classes as never, page, par_page);
      return { ...r, page, par_page };
    },
  );

  app.post(
    "/rapprochements/:id/corrections",
    {
      preValidation: exiger("couts:gerer"),
      schema: {
        tags: TAG,
        summary:
          "Appliquer les corrections qui nous reviennent, par ligne ou par classe : coût ou référence de l'opérateur, ou résiliation d'un numéro qu'il ne facture plus",
        params: ParamsId,
        body: Type.Object(
          {
            action: Type.Union([Type.Literal("cout"), Type.Literal("reference"), Type.Literal("resilier")]),
            lignes: Type.Optional(Type.Array(Id, { maxItems: 100_000 })),
            classe: Type.Optional(Classe),
            motif: Type.Optional(Type.String({ maxLength: 500 })),
            confirmer: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            action: Type.String(),
            corrigees: Type.Integer(),
            numeros: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) =>
      corriger(app.contexte(request), request.params.id, {
        ...request.body,
        classe: request.body.classe as keyof typeof CLASSES | undefined,
      }),
  );

  app.get(
    "/rapprochements/:id/reclamation",
    {
      preValidation: exiger("couts:lire"),
      schema: {
        tags: TAG,
        summary:
          "La réclamation à adresser à l'opérateur (numéros résiliés ou inconnus facturés, prix au-dessus du nôtre)",
        params: ParamsId,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("xlsx")], { default: "csv" })),
        }),
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? "csv";
      const f = await reclamation(app.database.db, request.params.id, format);
      return reply
        .type(
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header("content-disposition", `attachment; filename="${f.nom}"`)
        .send(f.contenu);
    },
  );
}
