import { type Static, type TSchema, Type } from "@sinclair/typebox";

export const PAR_PAGE_MAX = 200;

/**
 * The API's integer parameter: always bounded on both sides. A value out of bounds is a 400; a non-finite one
 * ("Infinity", "1e400") too, refused after validation for every route (garde-entrees.ts, gardeNombres).
 */
export const Entier = (
  minimum: number,
  maximum: number,
  options: { default?: number; description?: string } = {},
) => Type.Integer({ minimum, maximum, ...options });

/** A page of a list, from 1. */
export const Page = Entier(1, 1_000_000, { default: 1, description: "Page, à partir de 1" });

/** Query parameters every list accepts. */
export const ParamsListe = {
  page: Type.Optional(Page),
  par_page: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: PAR_PAGE_MAX,
      default: 50,
      description: `Lignes par page (max ${PAR_PAGE_MAX})`,
    }),
  ),
  tri: Type.Optional(
    Type.String({
      maxLength: 60,
      pattern: "^-?[a-z_]+$",
      description: "Champ de tri ; préfixe « - » pour l'ordre décroissant",
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: "Recherche libre" })),
  actif: Type.Optional(Type.Boolean()),
  cree_depuis: Type.Optional(Type.String({ format: "date-time", description: "date_creation ≥" })),
  cree_avant: Type.Optional(Type.String({ format: "date-time", description: "date_creation <" })),
  modifie_depuis: Type.Optional(Type.String({ format: "date-time", description: "date_modification ≥" })),
  format: Type.Optional(
    Type.Union([Type.Literal("json"), Type.Literal("csv")], {
      description: "csv : export de toute la liste filtrée",
    }),
  ),
};

export type ParamsListeT = {
  page?: number;
  par_page?: number;
  tri?: string;
  q?: string;
  actif?: boolean;
  cree_depuis?: string;
  cree_avant?: string;
  modifie_depuis?: string;
  format?: "json" | "csv";
};

export function reponseListe<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    par_page: Type.Integer(),
  });
}

/** A list whose total a search may cap (see PLAFOND_COMPTE_RECHERCHE in the numbers' repository). */
export function reponseListePlafonnee<T extends TSchema>(item: T, plafond: number) {
  return Type.Object({
    data: Type.Array(item),
    total: Type.Integer({
      description: `Nombre d'éléments filtrés ; une recherche par chiffres compte au plus ${plafond} correspondances`,
    }),
    total_plafonne: Type.Boolean({
      description: `true : plus de ${plafond} correspondances, total vaut ${plafond} ; les pages suivantes se lisent tant qu'elles sont pleines`,
    }),
    page: Type.Integer(),
    par_page: Type.Integer(),
  });
}

/** Parses `tri` against the sortable fields; unknown fields are refused rather than ignored. */
export function lireTri(
  tri: string | undefined,
  triables: readonly string[],
  defaut: string,
): { champ: string; sens: "asc" | "desc" } | { erreur: string } {
  const valeur = tri ?? defaut;
  const desc = valeur.startsWith("-");
  const champ = desc ? valeur.slice(1) : valeur;
  if (!triables.includes(champ))
    return { erreur: `Tri impossible sur « ${champ} ». Champs triables : ${triables.join(", ")}.` };
  return { champ, sens: desc ? "desc" : "asc" };
}

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const ParamsId = Type.Object({ id: Id });

/** Writes strings for LIKE without letting the caller's % and _ act as wildcards. */
export function echapperLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A timestamp: the database hands out Date objects, the serializer writes them as ISO 8601 strings. */
export const DateHeure = Type.Unsafe<Date | string>(Type.String({ format: "date-time" }));

/**
 * An instant as a caller writes it: ISO 8601 with an offset, or a date alone, which is 00:00 business time
 * (Europe/Paris): "2024-03-31" starts at 2024-03-30T23:00:00Z.
 */
export const InstantSaisi = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$",
  description:
    "ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris",
  examples: ["2024-03-31", "2024-03-31T00:00:00+01:00"],
});

/**
 * A value that may be null. Written as a type list (`["string", "null"]`) rather than anyOf: the response
 * serializer handles a type list directly, while anyOf makes it validate every field of every row to pick
 * a branch (most of the cost of a page of numbers).
 */
export function Nullable<T extends TSchema>(s: T) {
  if (typeof s.type === "string") return Type.Unsafe<Static<T> | null>({ ...s, type: [s.type, "null"] });
  return Type.Union([s, Type.Null()]);
}
