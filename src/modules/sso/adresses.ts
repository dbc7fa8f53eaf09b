import type { FastifyRequest } from "fastify";

/** The address of this server as the browser reaches it, and the provider's return to it. */
export function adresses(request: FastifyRequest, urlPublique: string | undefined) {
  const base = (urlPublique ?? `${request.protocol}://${request.headers.host}`).replace(/\/+$/, "");
  return { base, retour: `${base}/api/v1/auth/oidc/retour` };
}
