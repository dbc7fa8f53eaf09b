import type { App } from "./app-type.js";

/** How often the loop is sampled; a block is seen at most this much late. */
const PAS_MS = 20;

/**
 * Watches the event loop: when a timer due every 20 ms fires more than `seuilMs` late, something held the loop that
 * long (the routing lookups waited as much), and a warning names the requests that were in flight then: with one
 * request in flight, that is the culprit; with several, the list to look into. prom-client's default metrics
 * (telephony_nodejs_eventloop_lag_*) give the delay's distribution; this gives the route.
 */
export function surveillerBoucle(app: App, seuilMs: number) {
  const enCours = new Map<string, string>();
  app.addHook("onRequest", (request, _reply, done) => {
    enCours.set(request.id, `${request.method} ${request.routeOptions.url ?? request.url.split("?")[0]}`);
    done();
  });
  const fin = (request: { id: string }) => enCours.delete(request.id);
  app.addHook("onResponse", (request, _reply, done) => {
    fin(request);
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    fin(request);
    done();
  });
  let attendu = performance.now() + PAS_MS;
  const minuterie = setInterval(() => {
    const maintenant = performance.now();
    const retard = maintenant - attendu;
    attendu = maintenant + PAS_MS;
    if (retard > seuilMs)
      app.log.warn(
        { blocage_ms: Math.round(retard), requetes: [...new Set(enCours.values())] },
        `boucle d'événements bloquée ${Math.round(retard)} ms pendant : ${[...new Set(enCours.values())].join(", ") || "aucune requête"}`,
      );
  }, PAS_MS);
  minuterie.unref();
  app.addHook("onClose", async () => clearInterval(minuterie));
}
