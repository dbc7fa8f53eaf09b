import { Type } from "@sinclair/typebox";
import type { App } from "../../http/app-type.js";
import { envoyerCsv, envoyerCsvParIds } from "../../http/csv.js";
import { ApiError } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import {
  lireTri,
  Nullable,
  ParamsId,
  ParamsListe,
  type ParamsListeT,
  reponseListe,
} from "../../http/listes.js";
import { porteeDuActeur } from "../auth/acces.js";
import { exiger } from "../auth/politique.js";
import { COLONNES_VIDES, lignesExport } from "../transfert/export.service.js";
import { type DefinitionRessource, type Ligne, optionnels, schemaSortie } from "./ressource.js";
import {
  type FiltresRessource,
  idsRessourceApres,
  lignesRessourceApres,
  pageRessource,
} from "./ressources.repository.js";
import { creerLigne, lireLigne, modifierLigne, supprimerLigne } from "./ressources.service.js";

/** The five routes of a uniform table (ressource.ts): HTTP only, the rules in the service, the SQL in the repository. */
export function registerResource(app: App, def: DefinitionRessource) {
  const sortie = schemaSortie(def);
  const corpsCreation = Type.Object(
    Object.fromEntries(
      Object.entries({ ...def.champs, actif: Type.Boolean() }).map(([k, s]) => [
        k,
        def.obligatoires.includes(k) ? s : Type.Optional(Nullable(s)),
      ]),
    ),
    { additionalProperties: false },
  );
  const corpsMaj = Type.Object(
    Object.fromEntries(
      Object.entries({ ...def.champs, actif: Type.Boolean(), version: Type.Integer({ minimum: 1 }) }).map(
        ([k, s]) => [
          k,
          Type.Optional(def.obligatoires.includes(k) || k === "actif" || k === "version" ? s : Nullable(s)),
        ],
      ),
    ),
    { additionalProperties: false, minProperties: 1 },
  );
  const lecture = def.lecture;

  app.get(
    `/${def.chemin}`,
    {
      preValidation: exiger(lecture),
      schema: {
        tags: [def.tag],
        summary: `Liste des ${def.nom.toLowerCase()}s`,
        querystring: Type.Object({ ...ParamsListe, ...optionnels(def.filtres) }),
        response: { 200: reponseListe(sortie) },
      },
    },
    async (request, reply) => {
      const query = request.query as ParamsListeT & Ligne;
      const tri = lireTri(
        query.tri,
        ["id", "date_creation", "date_modification", ...def.triables],
        def.triParDefaut,
      );
      if ("erreur" in tri) throw new ApiError(400, "TRI_INVALIDE", tri.erreur);
      const filtres: FiltresRessource = {
        egal: Object.fromEntries(Object.keys(def.filtres).map((f) => [f, query[f]])),
        actif: query.actif,
        cree_depuis: query.cree_depuis,
        cree_avant: query.cree_avant,
        modifie_depuis: query.modifie_depuis,
        q: query.q,
        portee: porteeDuActeur(request.acteur),
      };
      const db = app.database.db;
      if (query.format === "csv") {
        const format = def.formatImport;
        if (format)
          return envoyerCsvParIds(
            reply,
            def.chemin,
            (apres, taille) => idsRessourceApres(db, def, filtres, apres, taille),
            COLONNES_VIDES[format],
            (ids) => lignesExport(db, format, { ids }, app.horloge()),
          );
        return envoyerCsv(reply, def.chemin, (apres, taille) =>
          lignesRessourceApres(db, def, filtres, apres, taille),
        );
      }
      const page = query.page ?? 1;
      const parPage = query.par_page ?? 50;
      const { lignes, total } = await pageRessource(db, def, filtres, tri, page, parPage);
      return { data: lignes, total, page, par_page: parPage };
    },
  );

  app.get(
    `/${def.chemin}/:id`,
    {
      preValidation: exiger(lecture),
      schema: { tags: [def.tag], summary: `${def.nom} par id`, params: ParamsId, response: { 200: sortie } },
    },
    async (request, reply) => {
      const ligne = await lireLigne(app.contexte(request), def, request.params.id);
      reply.header("etag", etag(ligne.version as number));
      return ligne;
    },
  );

  app.post(
    `/${def.chemin}`,
    {
      preValidation: exiger(def.ecriture),
      schema: {
        tags: [def.tag],
        summary: `Créer un(e) ${def.nom.toLowerCase()}`,
        body: corpsCreation,
        response: { 201: sortie },
      },
    },
    async (request, reply) => {
      const cree = await creerLigne(app.contexte(request), def, request.body as Ligne);
      app.libelles.invalider();
      reply.header("etag", etag(cree.version as number)).header("location", `${request.url}/${cree.id}`);
      return reply.status(201).send(cree);
    },
  );

  app.patch(
    `/${def.chemin}/:id`,
    {
      preValidation: exiger(def.ecriture),
      schema: {
        tags: [def.tag],
        summary: `Modifier un(e) ${def.nom.toLowerCase()} (If-Match pour éviter d'écraser une modification concurrente)`,
        params: ParamsId,
        body: corpsMaj,
        response: { 200: sortie },
      },
    },
    async (request, reply) => {
      const { version: versionCorps, ...valeurs } = request.body as Ligne;
      const attendue = versionAttendue(request.headers["if-match"], versionCorps as number | undefined);
      const maj = await modifierLigne(app.contexte(request), def, request.params.id, valeurs, attendue);
      app.libelles.invalider();
      reply.header("etag", etag(maj.version as number));
      return maj;
    },
  );

  app.delete(
    `/${def.chemin}/:id`,
    {
      preValidation: exiger(def.ecriture),
      schema: {
        tags: [def.tag],
        summary: `Supprimer un(e) ${def.nom.toLowerCase()} (refusé s'il est encore référencé : désactivez-le plutôt)`,
        params: ParamsId,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const attendue = versionAttendue(request.headers["if-match"], undefined);
      await supprimerLigne(app.contexte(request), def, request.params.id, attendue);
      app.libelles.invalider();
      return reply.status(204).send(null);
    },
  );
}
