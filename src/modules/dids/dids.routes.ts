import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import type { App } from "../../app.js";
import { envoyerCsvParIds } from "../../http/csv.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { etag, versionAttendue } from "../../http/etag.js";
import { DateHeure, Id, lireTri, Nullable, PAR_PAGE_MAX, ParamsId, reponseListe } from "../../http/listes.js";
import { Ligne, TexteLibre } from "../../http/textes.js";
import { lireSaisieNumeros, MAX_PLAGE, normaliser } from "../../numbering/index.js";
import { clientVisible } from "../auth/auth.hooks.js";
import { exiger } from "../auth/politique.js";
import { ecrireAudit } from "../history/audit.repository.js";
import { COLONNES_VIDES, lignesExport } from "../transfert/export.service.js";
import {
  ACTIONS,
  type Action,
  appliquerAction,
  changerStatut,
  STATUTS,
  type Statut,
} from "./cycle-de-vie.js";
import { appliquerFiltres, type FiltresDid, selectDid, TRIS_DID } from "./dids.repository.js";
import { creerDid, type EntreeDid, lireDid, modifierDid, resoudreNumero } from "./dids.service.js";

const DateJour = Type.String({ format: "date", description: "AAAA-MM-JJ" });
const Montant = Type.Number({ minimum: 0, maximum: 1_000_000 });

export const DidComplet = Type.Object({
  id: Type.Integer(),
  indicatif_id: Type.Integer(),
  pays: Type.String(),
  indicatif: Type.String(),
  did: Type.String({ description: "Numéro national significatif (sans le 0)" }),
  did_format_e164: Type.String(),
  operateur_id: Nullable(Type.Integer()),
  operateur: Nullable(Type.String()),
  type_id: Nullable(Type.Integer()),
  type_code: Nullable(Type.String()),
  type: Nullable(Type.String()),
  region_id: Nullable(Type.Integer()),
  region_code: Nullable(Type.String()),
  region: Nullable(Type.String()),
  equipement_id: Nullable(Type.Integer()),
  equipement: Nullable(Type.String()),
  client_id: Nullable(Type.Integer()),
  client_code: Nullable(Type.String()),
  client: Nullable(Type.String()),
  groupement_id: Nullable(Type.Integer()),
  groupement: Nullable(Type.String()),
  cloud_id: Nullable(Type.Integer()),
  cloud: Nullable(Type.String()),
  statut_id: Type.Integer(),
  statut_code: Type.String(),
  statut: Type.String(),
  statut_couleur: Type.String(),
  description: Nullable(Type.String()),
  reference_externe: Nullable(Type.String()),
  date_acquisition: Nullable(Type.String()),
  date_activation: Nullable(Type.String()),
  date_resiliation: Nullable(Type.String()),
  reutilisable_le: Nullable(
    Type.String({
      description: "Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir",
    }),
  ),
  cout_mensuel: Nullable(Type.Number()),
  cout_mise_en_service: Nullable(Type.Number()),
  notes: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  modified_by: Nullable(Type.String()),
  actif: Type.Boolean(),
  hors_plan: Type.Boolean({
    description:
      "Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent)",
  }),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
});

const Descriptifs = {
  operateur_id: Type.Optional(Nullable(Id)),
  equipement_id: Type.Optional(Nullable(Id)),
  groupement_id: Type.Optional(Nullable(Id)),
  cloud_id: Type.Optional(Nullable(Id)),
  description: Type.Optional(Nullable(TexteLibre(2000))),
  reference_externe: Type.Optional(Nullable(Ligne({ maxLength: 100 }))),
  date_acquisition: Type.Optional(Nullable(DateJour)),
  date_activation: Type.Optional(Nullable(DateJour)),
  cout_mensuel: Type.Optional(Nullable(Montant)),
  cout_mise_en_service: Type.Optional(Nullable(Montant)),
  notes: Type.Optional(Nullable(TexteLibre(10000))),
  actif: Type.Optional(Type.Boolean()),
};

const CorpsCreation = Type.Object(
  {
    numero: Type.String({
      minLength: 1,
      maxLength: 40,
      description: "Le numéro, sous toute forme courante (01 42 68 53 00, +33..., 0033...)",
    }),
    pays: Type.Optional(
      Type.String({
        pattern: "^[A-Z]{2}$",
        description: "Pays supposé pour un format national (FR par défaut)",
      }),
    ),
    indicatif_id: Type.Optional(Id),
    did_format_e164: Type.Optional(Type.String({ maxLength: 20 })),
    type_id: Type.Optional(Id),
    region_id: Type.Optional(Nullable(Id)),
    client_id: Type.Optional(Nullable(Id)),
    statut: Type.Optional(Type.Union([Type.Literal("COMMANDE"), Type.Literal("DISPONIBLE")])),
    accepter_plages_inconnues: Type.Optional(
      Type.Boolean({
        description:
          "Accepter un numéro bien formé hors des tranches connues (bloc récent) : il est marqué hors_plan, à revoir (admin, gestionnaire)",
      }),
    ),
    ...Descriptifs,
  },
  { additionalProperties: false },
);

const CorpsPlage = Type.Object(
  {
    debut: Type.String({ minLength: 4, maxLength: 40, description: "Premier numéro (toute forme)" }),
    fin: Type.String({ minLength: 4, maxLength: 40, description: "Dernier numéro, inclus" }),
    pays: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })),
    client_id: Type.Optional(Nullable(Id)),
    statut: Type.Optional(Type.Union([Type.Literal("COMMANDE"), Type.Literal("DISPONIBLE")])),
    accepter_plages_inconnues: Type.Optional(
      Type.Boolean({
        description: "Accepter une plage hors des tranches connues : ses numéros sont marqués hors_plan",
      }),
    ),
    ...Descriptifs,
    simulation: Type.Optional(Type.Boolean({ description: "Vérifier et lister sans rien créer" })),
  },
  { additionalProperties: false },
);

const CorpsMaj = Type.Object(
  {
    ...Descriptifs,
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    motif: Type.Optional(TexteLibre(2000)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const FiltresDidSchema = {
  statut: Type.Optional(
    Type.String({ pattern: "^[A-Z_]{2,30}$", description: "Code de statut (DISPONIBLE...)" }),
  ),
  statut_id: Type.Optional(Id),
  client_id: Type.Optional(Id),
  groupement_id: Type.Optional(Id),
  operateur_id: Type.Optional(Id),
  type_id: Type.Optional(Id),
  region_id: Type.Optional(Id),
  equipement_id: Type.Optional(Id),
  cloud_id: Type.Optional(Id),
  indicatif_id: Type.Optional(Id),
  campaign_id: Type.Optional(Id),
  hors_plan: Type.Optional(
    Type.Boolean({ description: "Numéros acceptés hors des tranches connues (à revoir)" }),
  ),
  ids: Type.Optional(
    Type.Array(Id, {
      maxItems: 1000,
      description: "Ces numéros seulement (export d'une sélection) : ids=1&ids=2",
    }),
  ),
  actif: Type.Optional(Type.Boolean()),
  sans_client: Type.Optional(Type.Boolean()),
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Numéro sous toute forme, chiffres partiels, ou texte (description, référence)",
    }),
  ),
  acquis_depuis: Type.Optional(DateJour),
  acquis_avant: Type.Optional(DateJour),
  resilie_depuis: Type.Optional(DateJour),
  resilie_avant: Type.Optional(DateJour),
  modifie_depuis: Type.Optional(DateHeure),
};

const Historique = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  champ: Nullable(Type.String()),
  ancienne_valeur: Nullable(Type.String()),
  nouvelle_valeur: Nullable(Type.String()),
  utilisateur: Type.String(),
  motif: Nullable(Type.String()),
  request_id: Nullable(Type.String()),
  date_action: DateHeure,
});

export async function didsRoutes(app: App) {
  const db = () => app.database.db;

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
        response: { 200: reponseListe(DidComplet) },
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
      const vus = { ...filtres, client_visible: clientVisible(request) };
      if (format === "csv") {
        // the import format of numbers (what `telephony export --type numeros` writes), with the list's filters
        return envoyerCsvParIds(
          reply,
          "numeros",
          async (apres, taille) =>
            (
              await appliquerFiltres(db().selectFrom("tel_did as d").select("d.id"), vus, app.horloge())
                .where("d.id", ">", apres)
                .orderBy("d.id")
                .limit(taille)
                .execute()
            ).map((l) => l.id),
          COLONNES_VIDES.numeros,
          (ids) => lignesExport(db(), "numeros", { ids }, app.horloge()),
        );
      }
      const compte = appliquerFiltres(
        db().selectFrom("tel_did as d").select(sql<number>`count(*)`.as("n")),
        vus,
        app.horloge(),
      );
      // the total rides along with the page: one round trip per request. A partial-digit search matches a few
      // hundred rows, all read anyway to sort them: counted in the same pass (count over the window) instead of
      // a second trigram scan. A broad list keeps the separate count, which an index answers without the rows.
      const rechercheChiffres = !!vus.q && /^[\d\s.()+/-]+$/.test(vus.q.trim());
      const data = await appliquerFiltres(selectDid(db()), vus, app.horloge())
        .select(
          rechercheChiffres ? sql<number>`count(*) OVER ()`.as("total_filtre") : compte.as("total_filtre"),
        )
        .orderBy(sql.raw(TRIS_DID[t.champ] as string), t.sens)
        .orderBy("d.id")
        .limit(par_page)
        .offset((page - 1) * par_page)
        .execute();
      const total = data[0]
        ? Number(data[0].total_filtre)
        : page > 1
          ? Number((await compte.executeTakeFirstOrThrow()).n)
          : 0;
      return { data: await app.libelles.etiqueter(data), total, page, par_page };
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
      const did = await lireDid(db(), app.libelles, request.params.id, clientVisible(request));
      if (!did) throw introuvable("Numéro");
      reply.header("etag", etag(did.version));
      return did;
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
      // finding a stored number never depends on the ranges the metadata knows
      const n = normaliser(request.params.numero, request.query.pays ?? "FR", { plagesInconnues: true });
      if (!n.ok)
        throw new ApiError(422, n.code, n.raison, [{ champ: "numero", message: n.raison, code: n.code }]);
      const did = await appliquerFiltres(selectDid(db()).where("d.did_format_e164", "=", n.numero.e164), {
        client_visible: clientVisible(request),
      }).executeTakeFirst();
      if (!did) throw introuvable("Numéro");
      reply.header("etag", etag(did.version));
      return (await app.libelles.etiqueter([did]))[0] as NonNullable<Awaited<ReturnType<typeof lireDid>>>;
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
      const cree = await creerDid(db(), request.acteur, request.body as EntreeDid);
      const did = await lireDid(db(), app.libelles, cree.id);
      reply.header("etag", etag(cree.version)).header("location", `/api/v1/dids/${cree.id}`);
      return reply.status(201).send(did as NonNullable<typeof did>);
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
      const { debut, fin, simulation, ...commun } = request.body;
      const { numeros, erreurs } = lireSaisieNumeros([`${debut} - ${fin}`], {
        plagesInconnues: !!commun.accepter_plages_inconnues,
      });
      if (erreurs.length) {
        const raison = erreurs[0]?.raison ?? "Plage invalide.";
        throw new ApiError(422, "PLAGE_INVALIDE", raison, [{ champ: "fin", message: raison, code: "PLAGE" }]);
      }
      const existants = await db()
        .selectFrom("tel_did")
        .select("did_format_e164")
        .where("did_format_e164", "in", numeros)
        .orderBy("did_format_e164")
        .execute();
      if (existants.length) {
        const liste = existants.map((e) => e.did_format_e164);
        throw new ApiError(
          409,
          "NUMEROS_EXISTANTS",
          `${liste.length} numéro(s) de la plage existe(nt) déjà : ${liste.slice(0, 5).join(", ")}${liste.length > 5 ? "…" : ""}. Rien n'a été créé.`,
          undefined,
          { numeros_existants: liste },
        );
      }
      if (simulation) {
        // resolves every number (type, region) without writing, so that the preview refuses what creation would
        for (const n of numeros)
          await resoudreNumero(db(), { ...(commun as Omit<EntreeDid, "numero">), numero: n });
        return { simulation: true, crees: 0, numeros };
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          for (const n of numeros)
            await creerDid(
              db(),
              request.acteur,
              { ...(commun as Omit<EntreeDid, "numero">), numero: n },
              trx,
            );
        });
      return { simulation: false, crees: numeros.length, numeros };
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
      const maj = await modifierDid(db(), request.acteur, request.params.id, valeurs, attendue, motif);
      reply.header("etag", etag(maj.version));
      return (await lireDid(db(), app.libelles, maj.id)) as NonNullable<Awaited<ReturnType<typeof lireDid>>>;
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
      await db()
        .transaction()
        .execute(async (trx) => {
          const avant = await trx
            .selectFrom("tel_did")
            .selectAll()
            .where("id", "=", request.params.id)
            .forUpdate()
            .executeTakeFirst();
          if (!avant) throw introuvable("Numéro");
          const attendue = versionAttendue(request.headers["if-match"], undefined);
          if (attendue !== undefined && attendue !== avant.version)
            throw new ApiError(412, "VERSION_PERIMEE", "Numéro modifié entre-temps.");
          // Only a number entered by mistake goes, with its history: one that was ever held by a client, moved
          // through the lifecycle or used by a campaign keeps its trace (terminate it instead).
          const aServi = await trx
            .selectFrom("tel_did_historique")
            .select("id")
            .where("did_id", "=", avant.id)
            .where((eb) =>
              eb.and([
                eb("action", "<>", "CREATION"),
                eb.or([
                  eb("action", "<>", "MODIFICATION"),
                  eb("champ", "in", ["client_id", "groupement_id", "statut"]),
                ]),
              ]),
            )
            .limit(1)
            .executeTakeFirst();
          if (aServi || avant.client_id !== null)
            throw new ApiError(
              409,
              "NUMERO_A_SERVI",
              "Ce numéro a déjà servi (client, statut ou campagne dans son historique) : résiliez-le plutôt que de le supprimer, son historique est gardé.",
            );
          await trx.deleteFrom("tel_did_historique").where("did_id", "=", avant.id).execute();
          await trx.deleteFrom("tel_did").where("id", "=", avant.id).execute();
          await ecrireAudit(trx, request.acteur, {
            entite: "tel_did",
            entiteId: avant.id,
            action: "SUPPRESSION",
            avant,
          });
        });
      return reply.status(204).send(null);
    },
  );

  const ParamsAction = {
    client_id: Type.Optional(Nullable(Id)),
    groupement_id: Type.Optional(Nullable(Id)),
    motif: Type.Optional(
      Type.String({ maxLength: 2000, description: "Pourquoi : gardé dans l'historique du numéro" }),
    ),
  };

  app.post(
    "/dids/:id/actions/:action",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary:
          "Faire évoluer le statut d'un numéro : livrer, affecter, liberer, mettre-en-production, arreter-production, resilier, reactiver",
        params: Type.Object({ id: Id, action: Type.Union(Object.keys(ACTIONS).map((a) => Type.Literal(a))) }),
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
      const apres = await db()
        .transaction()
        .execute((trx) =>
          appliquerAction(
            trx,
            request.acteur,
            request.params.id,
            request.params.action as Action,
            { ...p, version: attendue },
            { freezeJours: app.config.freezeJours, maintenant: app.horloge() },
          ),
        );
      reply.header("etag", etag(apres.version));
      return (await lireDid(db(), app.libelles, apres.id)) as NonNullable<
        Awaited<ReturnType<typeof lireDid>>
      >;
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
      const apres = await db()
        .transaction()
        .execute((trx) =>
          changerStatut(
            trx,
            request.acteur,
            request.params.id,
            statut as Statut,
            { ...p, version: attendue },
            {
              freezeJours: app.config.freezeJours,
              maintenant: app.horloge(),
            },
          ),
        );
      reply.header("etag", etag(apres.version));
      return (await lireDid(db(), app.libelles, apres.id)) as NonNullable<
        Awaited<ReturnType<typeof lireDid>>
      >;
    },
  );

  app.post(
    "/dids/actions/:action",
    {
      preValidation: exiger("numeros:ecrire"),
      schema: {
        tags: ["Numéros"],
        summary: "Action en masse sur une liste de numéros : tout ou rien, avec un compte rendu par numéro",
        params: Type.Object({ action: Type.Union(Object.keys(ACTIONS).map((a) => Type.Literal(a))) }),
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
      const action = request.params.action as Action;
      const options = { freezeJours: app.config.freezeJours, maintenant: app.horloge() };
      const resultats: Array<{
        id: number;
        ok: boolean;
        statut: string | null;
        code?: string;
        message?: string;
      }> = [];
      // every number is tried, so the report names each refusal; one refusal rolls the whole batch back
      const echec = new ApiError(
        409,
        "ACTION_EN_MASSE_REFUSEE",
        "Au moins un numéro refuse cette action : aucun n'a été modifié.",
      );
      try {
        await db()
          .transaction()
          .execute(async (trx) => {
            for (const id of ids) {
              try {
                await trx.executeQuery(sql`SAVEPOINT un_numero`.compile(trx));
                await appliquerAction(trx, request.acteur, id, action, p, options);
                await trx.executeQuery(sql`RELEASE SAVEPOINT un_numero`.compile(trx));
                resultats.push({ id, ok: true, statut: ACTIONS[action].vers });
              } catch (e) {
                await trx.executeQuery(sql`ROLLBACK TO SAVEPOINT un_numero`.compile(trx));
                const err =
                  e instanceof ApiError ? e : new ApiError(409, "REFUS", "La base a refusé ce changement.");
                resultats.push({ id, ok: false, statut: null, code: err.code, message: err.message });
              }
            }
            if (resultats.some((r) => !r.ok)) throw echec;
          });
      } catch (e) {
        if (e === echec)
          throw new ApiError(echec.status, echec.code, echec.message, undefined, { resultats });
        throw e;
      }
      return { action, total: resultats.length, resultats };
    },
  );

  app.get(
    "/dids/:id/history",
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
      const did = await lireDid(db(), app.libelles, request.params.id, clientVisible(request));
      if (!did) throw introuvable("Numéro");
      const data = await db()
        .selectFrom("tel_did_historique")
        .selectAll()
        .where("did_id", "=", request.params.id)
        .orderBy("date_action")
        .orderBy("id")
        .execute();
      return { data };
    },
  );
}
