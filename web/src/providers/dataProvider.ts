import type { DataProvider, GetListResult, Identifier, RaRecord } from "react-admin";
import { api, reponse } from "../api/client";

/** react-admin resource → API path (same name, except the routing-file versions). */
const CHEMINS: Record<string, string> = {
  publications: "/api/v1/hermes/publications",
  "correspondances-sso": "/api/v1/sso/correspondances",
};
const chemin = (resource: string) => CHEMINS[resource] ?? `/api/v1/${resource}`;

/** Lists the API answers whole (no page, no sort): paginated and sorted here. */
const LISTES_ENTIERES = new Set([
  "utilisateurs",
  "cles-api",
  "publications",
  "notifications",
  "correspondances-sso",
]);
/** Lists paginated by the API but in a fixed order. */
const SANS_TRI = new Set([
  "portabilites",
  "portabilites-sortantes",
  "affectations",
  "audit",
  "tranches",
  "mandats",
  "declarations",
  "rapprochements",
]);
/** Resources without GET /{id}: read from their list. */
const SANS_LECTURE_UNITAIRE = new Set(["utilisateurs", "cles-api", "publications", "correspondances-sso"]);

// openapi-fetch checks literal paths; the generic provider builds them from the resource name, typed features
// (actions, deliveries, dashboard...) call `api` with literal paths.
type Appel = (
  url: string,
  init?: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const brut = api as unknown as { GET: Appel; POST: Appel; PATCH: Appel; DELETE: Appel };

function nettoyer(filtre: Record<string, unknown>): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filtre)) {
    if (v === undefined || v === null || v === "") continue;
    r[k] = v;
  }
  return r;
}

async function liste(
  resource: string,
  params: {
    pagination?: { page: number; perPage: number };
    sort?: { field: string; order: string };
    filter?: Record<string, unknown>;
  },
): Promise<GetListResult> {
  const page = params.pagination?.page ?? 1;
  const parPage = params.pagination?.perPage ?? 50;
  const filtre = nettoyer(params.filter ?? {});
  if (LISTES_ENTIERES.has(resource)) {
    const r = await reponse(brut.GET(chemin(resource), { params: { query: filtre } }));
    let data = (r as { data: RaRecord[] }).data;
    const { field, order } = params.sort ?? { field: "id", order: "DESC" };
    data = [...data].sort((a, b) => {
      const x = a[field] ?? "";
      const y = b[field] ?? "";
      return (x < y ? -1 : x > y ? 1 : 0) * (order === "DESC" ? -1 : 1);
    });
    return { data: data.slice((page - 1) * parPage, page * parPage), total: data.length };
  }
  const query: Record<string, unknown> = { ...filtre, page, par_page: Math.min(parPage, 200) };
  if (!SANS_TRI.has(resource) && params.sort?.field) {
    query.tri = `${params.sort.order === "DESC" ? "-" : ""}${params.sort.field}`;
  }
  const r = (await reponse(brut.GET(chemin(resource), { params: { query } }))) as {
    data: RaRecord[];
    total: number;
    total_plafonne?: boolean;
  };
  // a digit search that matches more than the server counts: pages go on while they are full
  if (r.total_plafonne)
    return {
      data: r.data,
      pageInfo: { hasPreviousPage: page > 1, hasNextPage: r.data.length === query.par_page },
      meta: { plafond: r.total },
    };
  return { data: r.data, total: r.total };
}

async function un(resource: string, id: Identifier): Promise<RaRecord> {
  if (SANS_LECTURE_UNITAIRE.has(resource)) {
    const tout = await liste(resource, { pagination: { page: 1, perPage: 100_000 } });
    const trouve = tout.data.find((r) => String(r.id) === String(id));
    if (!trouve) throw new Error("Élément introuvable.");
    return trouve;
  }
  return (await reponse(brut.GET(`${chemin(resource)}/${id}`))) as RaRecord;
}

/** Only what the form changed: PATCH bodies refuse unknown and read-only fields. */
function modifications(data: Record<string, unknown>, avant: Record<string, unknown> | undefined) {
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (avant && JSON.stringify(v ?? null) === JSON.stringify(avant[k] ?? null)) continue;
    r[k] = v === "" ? null : v;
  }
  return r;
}

export const dataProvider: DataProvider = {
  getList: (resource, params) => liste(resource, params),
  getOne: async (resource, params) => ({ data: (await un(resource, params.id)) as never }),
  // a record gone (deleted, or out of the caller's reach) is left out rather than failing the others
  getMany: async (resource, params) => ({
    data: (await Promise.allSettled(params.ids.map((id) => un(resource, id))))
      .filter((r) => r.status === "fulfilled")
      .map((r) => (r as PromiseFulfilledResult<unknown>).value) as never,
  }),
  getManyReference: (resource, params) =>
    liste(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
  create: async (resource, params) => {
    const corps = nettoyer(params.data as Record<string, unknown>);
    const data = (await reponse(brut.POST(chemin(resource), { body: corps }))) as RaRecord;
    return { data: { ...data, id: data.id ?? 0 } } as never;
  },
  update: async (resource, params) => {
    const avant = params.previousData as Record<string, unknown> | undefined;
    const corps = modifications(params.data as Record<string, unknown>, avant);
    delete corps.version;
    if (Object.keys(corps).length === 0) return { data: params.previousData as never };
    // the version read with the form: a concurrent change gets a 412 instead of being overwritten
    const version = avant?.version as number | undefined;
    const headers: Record<string, string> = version !== undefined ? { "if-match": `"${version}"` } : {};
    const data = await reponse(brut.PATCH(`${chemin(resource)}/${params.id}`, { body: corps, headers }));
    return { data: data as never };
  },
  updateMany: async (resource, params) => {
    for (const id of params.ids)
      await reponse(brut.PATCH(`${chemin(resource)}/${id}`, { body: params.data }));
    return { data: params.ids };
  },
  delete: async (resource, params) => {
    await reponse(brut.DELETE(`${chemin(resource)}/${params.id}`));
    return { data: params.previousData as never };
  },
  deleteMany: async (resource, params) => {
    for (const id of params.ids) await reponse(brut.DELETE(`${chemin(resource)}/${id}`));
    return { data: params.ids };
  },
};
