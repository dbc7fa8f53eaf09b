import { Type } from "@sinclair/typebox";
import { sonderBase, VERSION_SCHEMA } from "../../db/migrate.js";
import type { App } from "../../http/app-type.js";

/** How long the health checks wait for the database before calling it unreachable or busy. */
const DELAI_SONDE_MS = 2000;

const Sante = Type.Object({
  ok: Type.Boolean({ description: "Vrai quand tout va bien : base joignable et à jour, routage chargé" }),
  statut: Type.Union([Type.Literal("ok"), Type.Literal("degrade")], {
    description:
      "degrade : le service répond, routage Hermes compris, mais quelque chose manque (voir raisons)",
  }),
  raisons: Type.Array(Type.String()),
  base: Type.Union([Type.Literal("pglite"), Type.Literal("postgres")]),
  base_joignable: Type.Boolean(),
  version_migration: Type.Union([Type.String(), Type.Null()]),
  version_attendue: Type.String(),
  routage: Type.Object({
    charge: Type.Boolean(),
    numeros: Type.Integer(),
    charge_le: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  }),
});

export async function healthRoutes(app: App) {
  /** Asks the database, within DELAI_SONDE_MS; never throws: a failure is a reason. */
  const sonder = async () => {
    const { db, etat } = app.database;
    let minuterie: NodeJS.Timeout | undefined;
    const delai = new Promise<never>((_r, rejeter) => {
      minuterie = setTimeout(
        () =>
          rejeter(new Error(`pas de réponse en ${DELAI_SONDE_MS / 1000} s (base occupée ou injoignable)`)),
        DELAI_SONDE_MS,
      );
    });
    try {
      const version = await Promise.race([sonderBase(db), delai]);
      etat.succes();
      return { joignable: true, version, raison: undefined };
    } catch (err) {
      etat.echec(err);
      return { joignable: false, version: null, raison: (err as Error).message };
    } finally {
      clearTimeout(minuterie);
    }
  };

  const sante = async () => {
    const s = await sonder();
    const raisons: string[] = [];
    if (!s.joignable) raisons.push(`base de données injoignable : ${s.raison}`);
    else if (s.version !== VERSION_SCHEMA)
      raisons.push(`migrations en retard : ${s.version ?? "aucune"} au lieu de ${VERSION_SCHEMA}`);
    const routage = app.routage;
    if (!routage.chargeLe) raisons.push("routage pas encore chargé");
    return {
      ok: raisons.length === 0,
      statut: raisons.length === 0 ? ("ok" as const) : ("degrade" as const),
      raisons,
      base: app.database.mode,
      base_joignable: s.joignable,
      version_migration: s.version,
      version_attendue: VERSION_SCHEMA,
      routage: {
        charge: routage.chargeLe !== undefined,
        numeros: routage.taille,
        charge_le: routage.chargeLe?.toISOString() ?? null,
      },
    };
  };

  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["Santé"],
        security: [],
        summary:
          "Vivacité : 200 tant que le processus répond, avec l'état de la base et du routage (statut degrade et ses raisons pendant une panne de la base ; le routage Hermes reste servi depuis la mémoire)",
        response: { 200: Sante },
      },
    },
    sante,
  );

  app.get(
    "/ready",
    {
      config: { public: true },
      schema: {
        tags: ["Santé"],
        security: [],
        summary:
          "Disponibilité pour un répartiteur de charge : 200 quand la base répond, est à jour et que le routage est chargé ; 503 sinon",
        response: { 200: Sante, 503: Sante },
      },
    },
    async (_request, reply) => {
      const s = await sante();
      return reply.status(s.ok ? 200 : 503).send(s);
    },
  );
}
