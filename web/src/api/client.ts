import createClient from "openapi-fetch";
import { HttpError } from "react-admin";
import type { paths } from "./schema";

/** The service's root, also behind a reverse proxy that mounts it under a sub-path (…/x/admin/telephony/). */
export const racine = window.location.pathname.replace(/\/admin\/telephony(\/.*)?$/, "");
export const urlApi = (chemin: string) => `${window.location.origin}${racine}${chemin}`;

function lireCookie(nom: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${nom}=`))
    ?.slice(nom.length + 1);
}

/** Typed client: every path, parameter and body below is checked against the OpenAPI document's types. */
export const api = createClient<paths>({
  baseUrl: `${window.location.origin}${racine}`,
  credentials: "same-origin",
});

api.use({
  onRequest({ request }) {
    // writes with the session cookie must echo the anti-CSRF token the server set at login
    if (!["GET", "HEAD"].includes(request.method)) {
      request.headers.set("x-csrf-token", decodeURIComponent(lireCookie("tel_csrf") ?? ""));
    }
    return request;
  },
});

export interface Probleme {
  code?: string;
  detail?: string;
  title?: string;
  status?: number;
  errors?: Array<{ champ: string; message: string; code?: string }>;
  /** Deliveries and imports: each refused entry with its reason. */
  rejets?: Array<{ entree: string; raison: string }>;
}

/** A refused call as react-admin expects it: the French message, and per-field errors shown next to the fields. */
export function erreurHttp(status: number, probleme: Probleme | undefined): HttpError {
  const rejets = (probleme?.rejets ?? []).slice(0, 3).map((r) => `${r.entree} : ${r.raison}`);
  // a dialog shows the message alone: what each field refused goes with it (a form also shows it beside the field),
  // else « valeurs invalides » said nothing of a bulk action's limit
  const champs = [...new Set((probleme?.errors ?? []).map((e) => e.message).filter(Boolean))].slice(0, 2);
  const message =
    (probleme?.detail ??
      probleme?.title ??
      (status === 0 ? "Le serveur ne répond pas." : `Erreur ${status} du serveur.`)) +
    (champs.length ? ` ${champs.join(" ; ")}` : "") +
    (rejets.length ? ` ${rejets.join(" ; ")}${(probleme?.rejets?.length ?? 0) > 3 ? " …" : ""}` : "");
  const errors: Record<string, string> = {};
  for (const e of probleme?.errors ?? []) if (e.champ) errors[e.champ] = e.message;
  return new HttpError(message, status, {
    ...probleme,
    errors: Object.keys(errors).length ? { ...errors, root: { serverError: message } } : undefined,
  });
}

/** Unwraps an openapi-fetch result: the data, or an HttpError carrying the API's problem+json. */
export async function reponse<T>(
  appel: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await appel;
  } catch {
    throw erreurHttp(0, undefined);
  }
  if (!r.response.ok) throw erreurHttp(r.response.status, r.error as Probleme | undefined);
  return r.data as T;
}
