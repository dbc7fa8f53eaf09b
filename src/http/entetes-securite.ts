import type { IncomingMessage, ServerResponse } from "node:http";
import type { onRequestHookHandler } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The page-protection headers (helmet's), worked out once. @fastify/helmet rebuilt helmet's middleware from its
 * options on every request, through two async hooks: a tenth of the CPU of a get-by-number. Nothing here depends
 * on the request (no nonces), so the same headers are set on every answer of the scope, as before.
 */
export function entetesSecurite(cookieSecure: boolean): onRequestHookHandler {
  const options: HelmetOptions = {
    // the extranet is a same-origin SPA; the API docs page needs its inline bootstrap script
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        // only behind HTTPS: on a plain-HTTP intranet address it would send the extranet's assets to https://
        "upgrade-insecure-requests": cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: cookieSecure,
  };
  const entetes: Record<string, string> = {};
  const retires: string[] = [];
  const reponse = {
    setHeader: (nom: string, valeur: string | number | readonly string[]) => {
      entetes[nom.toLowerCase()] = String(valeur);
    },
    removeHeader: (nom: string) => {
      retires.push(nom.toLowerCase());
    },
  };
  helmet(options)({} as IncomingMessage, reponse as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  if (retires.some((r) => r !== "x-powered-by"))
    throw new Error(`entêtes de sécurité : retrait inattendu de ${retires.join(", ")}`);
  return (_request, reply, done) => {
    reply.headers(entetes);
    done();
  };
}
