import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { type App, buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { DB } from "../../src/db/schema.js";
import { type Role, SYSTEME } from "../../src/modules/auth/acteur.js";
import { creerCleApi } from "../../src/modules/auth/comptes.service.js";
import { type BaseDeTest, type Cible, ouvrirBaseDeTest } from "./bases.js";

export interface Contexte {
  app: App;
  base: BaseDeTest;
  db: Kysely<DB>;
  /** Bearer headers of one API key per role (the client key is bound to client A). */
  cles: Record<Role, Record<string, string>>;
  clientA: number;
  clientB: number;
  fermer(): Promise<void>;
}

export async function contexte(
  cible: Cible,
  options: {
    env?: Record<string, string>;
    horloge?: () => Date;
    logger?: Parameters<typeof buildApp>[0]["logger"];
  } = {},
): Promise<Contexte> {
  const base = await ouvrirBaseDeTest(cible);
  const app = await buildApp({
    database: base,
    // routing files go to a folder of the test's own, never into the work tree
    config: loadConfig({
      LOGIN_RATE_PER_MINUTE: "1000",
      HERMES_OUTPUT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "hermes-test-")),
      // never the work tree's data folder (the first-start password file lives there)
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "data-test-")),
      // what pg_dump copies, for the backup tests
      ...(base.url ? { DATABASE_URL: base.url } : {}),
      ...options.env,
    }),
    ...(options.horloge ? { horloge: options.horloge } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await app.ready();
  const db = base.db;
  const clientA = (
    await db
      .insertInto("tel_client")
      .values({ code: "CLIENT_A", nom: "Client A" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const clientB = (
    await db
      .insertInto("tel_client")
      .values({ code: "CLIENT_B", nom: "Client B" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const cles = {} as Contexte["cles"];
  for (const role of ["admin", "gestionnaire", "lecteur", "client", "hermes"] as Role[]) {
    const c = await creerCleApi(db, SYSTEME, {
      nom: `test-${role}`,
      role,
      client_id: role === "client" ? clientA : null,
    });
    cles[role] = { authorization: `Bearer ${c.cle}` };
  }
  return {
    app,
    base,
    db,
    cles,
    clientA,
    clientB,
    fermer: async () => {
      await app.close();
      await base.close();
    },
  };
}

export async function idDe(
  db: Kysely<DB>,
  table: "tel_statut_did" | "tel_type_did" | "tel_operateur" | "tel_indicatif" | "tel_region",
  code: string,
) {
  return (await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

/**
 * A call to the API of a test's app: `/api/v1` prefixed, the admin key unless another is given; the answer's status,
 * its JSON body when it is JSON, and its text.
 */
export function appelApi(ctx: () => Contexte) {
  return async (methode: string, url: string, corps?: unknown, cle?: Record<string, string>) => {
    const r = await ctx().app.inject({
      method: methode as "GET",
      url: `/api/v1${url}`,
      headers: cle ?? ctx().cles.admin,
      ...(corps === undefined ? {} : { payload: corps as object }),
    });
    const json = String(r.headers["content-type"] ?? "").includes("json");
    // biome-ignore lint/suspicious/noExplicitAny: a test reads the fields it expects
    return { status: r.statusCode, corps: (json && r.body ? r.json() : {}) as any, texte: r.body };
  };
}
