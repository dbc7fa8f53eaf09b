import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger } from "fastify";
import { chiffresDirects } from "../../numbering/chiffres.js";
import type { Role } from "../auth/acteur.js";
import { adresseAdmise } from "../auth/adresses.js";
import { cleBearer } from "../auth/auth.hooks.js";
import type { CacheClesApi } from "../auth/auth.service.js";
import { rolesDe } from "../auth/politique.js";
import type { SnapshotRoutage } from "./snapshot.js";

export const ROLES_ROUTAGE: readonly Role[] = rolesDe("routage:lire");
const PREFIXE = "/api/v1/routage/entrant/";
// pino's levels (info is 30), read from the logger's current level: it can be changed while the server runs
const NIVEAUX: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

export interface VoieRapide {
  routage: SnapshotRoutage;
  cles: CacheClesApi;
  horloge: () => Date;
  idRequete: (req: IncomingMessage) => string;
  /** The server's logger: at info, a lookup answered here is logged as Fastify logs the requests it serves. */
  journal?: FastifyBaseLogger;
  /** Lookups answered here (the others went through Fastify). */
  servies: number;
}

/**
 * The inbound lookup's common case, answered straight from the HTTP server, before Fastify: an API key verified
 * a moment ago, a number in one of the forms Hermes sends, an answer already in the snapshot's cache. It is the
 * platform's hot path, and Fastify's request pipeline (hooks, child logger, reply) costs more than the lookup
 * itself. The answer is byte for byte the one the Fastify route gives; everything else (unknown or
 * not-yet-verified key, other roles, other forms, not routed, errors) returns false and goes through the
 * documented route, which has the full behaviour.
 */
export function repondreEnVoieRapide(v: VoieRapide, req: IncomingMessage, res: ServerResponse): boolean {
  // timed only for the log line
  const debut = v.journal ? performance.now() : 0;
  const url = req.url;
  if (req.method !== "GET" || url === undefined || !url.startsWith(PREFIXE)) return false;
  const cle = cleBearer(req.headers.authorization);
  if (cle === undefined) return false;
  const acteur = v.cles.resoudreImmediat(cle);
  if (!acteur || !ROLES_ROUTAGE.includes(acteur.role)) return false;
  if (acteur.adressesAutorisees && !adresseAdmise(acteur.adressesAutorisees, req.socket.remoteAddress))
    return false;
  let numero = url.slice(PREFIXE.length);
  let pays: string | undefined;
  const q = numero.indexOf("?");
  if (q >= 0) {
    const m = /^pays=([A-Z]{2})$/.exec(numero.slice(q + 1));
    if (!m) return false;
    pays = m[1];
    numero = numero.slice(0, q);
  }
  const chiffres = chiffresDirects(numero, pays);
  if (chiffres === undefined) return false;
  const json = v.routage.entrantJson(chiffres, v.horloge().getTime());
  if (json === undefined) return false;
  const id = v.idRequete(req);
  res.writeHead(200, {
    "x-request-id": id,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
  v.servies++;
  // the same line, with the same fields, as the one the server writes for every request Fastify serves
  // (app.ts): a lookup is found in the logs by its request id whichever way it was served
  if (v.journal && (NIVEAUX[v.journal.level] ?? Number.POSITIVE_INFINITY) <= 30)
    v.journal.info(
      {
        reqId: id,
        methode: "GET",
        url,
        statut: 200,
        ms: Math.round((performance.now() - debut) * 10) / 10,
        voie_rapide: true,
      },
      "requête servie",
    );
  return true;
}
