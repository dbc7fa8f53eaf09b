import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { ApiError } from "../../http/errors.js";
import { problem } from "../../http/problem.js";

export const CHEMIN_EXTRANET = "/admin/telephony";

/** Where `vite build` writes the interface: dist/web, the same from src/ (tests, tsx) and from dist/ (npm start). */
export function dossierExtranet(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dist/web");
}

/**
 * Serves the built single-page extranet. Every link inside it is relative and its routes live after the "#", so
 * the same files work at /admin/telephony and behind a reverse proxy that mounts the service under a sub-path.
 */
export async function extranetRoutes(app: FastifyInstance, options: { dossier?: string } = {}) {
  const dossier = options.dossier ?? dossierExtranet();
  // a relative Location keeps a proxy's sub-path: /x/admin/telephony → /x/admin/telephony/
  app.get(CHEMIN_EXTRANET, { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect("telephony/", 302),
  );
  if (!existsSync(path.join(dossier, "index.html"))) {
    app.get(`${CHEMIN_EXTRANET}/*`, { schema: { hide: true } }, async (request, reply) =>
      problem(
        reply,
        request,
        new ApiError(
          503,
          "EXTRANET_NON_CONSTRUIT",
          "L'extranet n'est pas construit : lancez « npm run build » puis redémarrez le serveur.",
        ),
      ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dossier,
    prefix: `${CHEMIN_EXTRANET}/`,
    decorateReply: false,
    index: "index.html",
    wildcard: true,
    cacheControl: false,
    setHeaders(res, chemin) {
      // bundles carry a content hash in their name; index.html must be revalidated to pick up a new build
      res.setHeader(
        "cache-control",
        chemin.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
}
