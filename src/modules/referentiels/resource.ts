import { type TSchema, Type } from "@sinclair/typebox";
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import type { App } from "../../http/app-type.js";
import { envoyerCsv, envoyerCsvParIds } from "../../http/csv.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import {
  DateHeure,
  echapperLike,
  lireTri,
  Nullable,
  ParamsId,
  ParamsListe,
  type ParamsListeT,
  reponseListe,
} from "../../http/listes.js";
import { ecrireAudit } from "../audit/audit.repository.js";
import type { Acteur } from "../auth/acteur.js";
import { exiger, type Permission } from "../auth/politique.js";
import { COLONNES_VIDES, lignesExport, type TypeExport } from "../transfert/export.service.js";

type Ligne = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: tables are chosen at run time from the definitions below
type Dyn = Kysely<any>;

/**
 * A table whose API is uniform: list with filters, read, create, partial update, delete.
 * The reference tables, clients, groupements, campaigns and configurations are all of this shape.
 */
export interface DefinitionRessource {
  chemin: string;
  /** The import kind of these rows: the list's CSV is then that kind's import format (export.service.ts). */
  formatImport?: TypeExport;
  table: keyof DB;
  /** "Opérateur": used in messages. */
  nom: string;
  tag: string;
  /** Writable fields and their schemas. */
  champs: Record<string, TSchema>;
  obligatoires: string[];
  /** Equality filters (foreign keys, codes, statuses). */
  filtres: Record<string, TSchema>;
  recherche: string[];
  triables: string[];
  triParDefaut: string;
  /** The permissions to write and to read it (see politique.ts). */
  ecriture: Permission;
  lecture: Permission;
  /** Column holding the owning client, for the `client` role's scope ("id" for the client table itself). */
  colonneClient?: string;
  /** JSON columns are stored as text and sent back as objects. */
  json?: string[];
  /** Checks before a write that the database cannot express (cross-row rules); throw ApiError to refuse. */
  verifier?: (db: Kysely<DB>, valeurs: Ligne, existant: Ligne | null) => Promise<void>;
}

const Base = {
  id: Type.Integer(),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
};

function schemaSortie(def: DefinitionRessource) {
  const props: Record<string, TSchema> = { ...Base };
  for (const [k, s] of Object.entries(def.champs)) props[k] = Nullable(s);
  return Type.Object(props, { $id: undefined });
}

function versDb(def: DefinitionRessource, valeurs: Ligne): Ligne {
  const out: Ligne = {};
  for (const [k, v] of Object.entries(valeurs)) {
    out[k] = def.json?.includes(k) && v !== null && v !== undefined ? JSON.stringify(v) : v;
  }
  return out;
}

export function porteeClient(acteur: Acteur, def: DefinitionRessource): number | null | undefined {
  if (acteur.role !== "client") return undefined;
  // shared reference tables (types, regions, statuses...) are what a client's order form and filters are made
  // of; the ones a client may not read at all (equipment, clouds, configurations) are closed by role
  if (!def.colonneClient) return undefined;
  return acteur.clientId;
}

export function registerResource(app: App, def: DefinitionRessource) {
  const db = () => app.database.db as unknown as Dyn;

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

  const lire = (id: number, acteur: Acteur) => {
    let q = db().selectFrom(def.table).selectAll().where("id", "=", id);
    const portee = porteeClient(acteur, def);
    if (portee !== undefined)
      q = portee === null ? q.where(sql.lit(false)) : q.where(def.colonneClient as string, "=", portee);
    return q.executeTakeFirst() as Promise<Ligne | undefined>;
  };

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
      let q = db().selectFrom(def.table) as SelectQueryBuilder<Record<string, Ligne>, string, object>;
      const portee = porteeClient(request.acteur, def);
      if (portee !== undefined) {
        q = portee === null ? q.where(sql.lit(false)) : q.where(def.colonneClient as string, "=", portee);
      }
      for (const f of Object.keys(def.filtres)) {
        if (query[f] !== undefined) q = q.where(f, "=", query[f]);
      }
      if (query.actif !== undefined) q = q.where("actif", "=", query.actif);
      if (query.cree_depuis) q = q.where("date_creation", ">=", query.cree_depuis);
      if (query.cree_avant) q = q.where("date_creation", "<", query.cree_avant);
      if (query.modifie_depuis) q = q.where("date_modification", ">=", query.modifie_depuis);
      if (query.q && def.recherche.length > 0) {
        const motif = `%${echapperLike(query.q)}%`;
        q = q.where((eb) => eb.or(def.recherche.map((c) => eb(sql`${sql.ref(c)}::text`, "ilike", motif))));
      }
      const ordonne = q.orderBy(tri.champ, tri.sens).orderBy("id", "asc");
      if (query.format === "csv") {
        const format = def.formatImport;
        if (format)
          return envoyerCsvParIds(
            reply,
            def.chemin,
            async (apresId, taille) =>
              (await q.select("id").where("id", ">", apresId).orderBy("id").limit(taille).execute()).map(
                (l) => Number((l as { id: number }).id),
              ),
            COLONNES_VIDES[format],
            (ids) => lignesExport(app.database.db, format, { ids }, app.horloge()),
          );
        return envoyerCsv(
          reply,
          def.chemin,
          async (apresId, taille) =>
            (await q.selectAll().where("id", ">", apresId).orderBy("id").limit(taille).execute()) as Ligne[],
        );
      }
      const page = query.page ?? 1;
      const parPage = query.par_page ?? 50;
      const [rows, total] = await Promise.all([
        ordonne
          .selectAll()
          .limit(parPage)
          .offset((page - 1) * parPage)
          .execute(),
        q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
      ]);
      return { data: rows, total: Number((total as { n: number }).n), page, par_page: parPage };
    },
  );

  app.get(
    `/${def.chemin}/:id`,
    {
      preValidation: exiger(lecture),
      schema: { tags: [def.tag], summary: `${def.nom} par id`, params: ParamsId, response: { 200: sortie } },
    },
    async (request, reply) => {
      const ligne = await lire(request.params.id, request.acteur);
      if (!ligne) throw introuvable(def.nom);
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
      const valeurs = request.body as Ligne;
      await def.verifier?.(app.database.db, valeurs, null);
      const cree = await app.database.db.transaction().execute(async (trx) => {
        const ligne = (await (trx as unknown as Dyn)
          .insertInto(def.table)
          .values(versDb(def, valeurs))
          .returningAll()
          .executeTakeFirstOrThrow()) as Ligne;
        await ecrireAudit(trx, request.acteur, {
          entite: def.table,
          entiteId: ligne.id as number,
          action: "CREATION",
          apres: ligne,
        });
        return ligne;
      });
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
      const existant = await lire(request.params.id, request.acteur);
      if (!existant) throw introuvable(def.nom);
      await def.verifier?.(app.database.db, { ...existant, ...valeurs }, existant);
      const maj = await app.database.db.transaction().execute(async (trx) => {
        let u = (trx as unknown as Dyn)
          .updateTable(def.table)
          .set(versDb(def, valeurs))
          .where("id", "=", request.params.id);
        if (attendue !== undefined) u = u.where("version", "=", attendue);
        const ligne = (await u.returningAll().executeTakeFirst()) as Ligne | undefined;
        if (!ligne) throw conflitVersion();
        await ecrireAudit(trx, request.acteur, {
          entite: def.table,
          entiteId: request.params.id,
          action: "MODIFICATION",
          avant: existant,
          apres: ligne,
        });
        return ligne;
      });
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
      const existant = await lire(request.params.id, request.acteur);
      if (!existant) throw introuvable(def.nom);
      const attendue = versionAttendue(request.headers["if-match"], undefined);
      await app.database.db.transaction().execute(async (trx) => {
        let d = (trx as unknown as Dyn).deleteFrom(def.table).where("id", "=", request.params.id);
        if (attendue !== undefined) d = d.where("version", "=", attendue);
        const r = await d.executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw conflitVersion();
        await ecrireAudit(trx, request.acteur, {
          entite: def.table,
          entiteId: request.params.id,
          action: "SUPPRESSION",
          avant: existant,
        });
      });
      app.libelles.invalider();
      return reply.status(204).send(null);
    },
  );
}

export function conflitVersion() {
  return new ApiError(
    412,
    "VERSION_PERIMEE",
    "Cet enregistrement a été modifié entre-temps par quelqu'un d'autre : rechargez-le avant de le modifier.",
  );
}

function optionnels(props: Record<string, TSchema>) {
  return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, Type.Optional(s)]));
}
