import type { preHandlerHookHandler, preValidationHookHandler } from "fastify";
import { ApiError } from "./errors.js";

/** Deeper than any configuration a person writes; a validator walking 5,000 levels overflowed its stack. */
const PROFONDEUR_MAX = 32;

/**
 * What no route can store or check safely, refused before validation, for every route at once: a NUL character
 * (PostgreSQL refuses it in text, which surfaced as 500s) anywhere in the query string or the JSON body, and JSON
 * nested deeper than PROFONDEUR_MAX. Walked without recursion, so the check itself cannot overflow.
 */
export const gardeEntrees: preValidationHookHandler = (request, _reply, done) => {
  const pile: Array<{ v: unknown; chemin: string; profondeur: number }> = [];
  if (request.query) pile.push({ v: request.query, chemin: "", profondeur: 0 });
  if (request.body !== undefined && !Buffer.isBuffer(request.body))
    pile.push({ v: request.body, chemin: "", profondeur: 0 });
  while (pile.length > 0) {
    const { v, chemin, profondeur } = pile.pop() as (typeof pile)[number];
    if (typeof v === "string") {
      if (v.includes("\u0000"))
        return done(
          new ApiError(422, "CARACTERE_INTERDIT", "Un texte contient un caractère refusé.", [
            { champ: chemin, message: "Caractère nul refusé.", code: "CARACTERE_INTERDIT" },
          ]),
        );
    } else if (v !== null && typeof v === "object") {
      if (profondeur >= PROFONDEUR_MAX)
        return done(
          new ApiError(
            422,
            "JSON_TROP_PROFOND",
            `Le JSON est imbriqué sur plus de ${PROFONDEUR_MAX} niveaux.`,
            [{ champ: chemin, message: `Au plus ${PROFONDEUR_MAX} niveaux.`, code: "JSON_TROP_PROFOND" }],
          ),
        );
      for (const [cle, x] of Object.entries(v)) {
        const ici = chemin ? `${chemin}.${cle}` : cle;
        if (cle.includes("\u0000"))
          return done(
            new ApiError(422, "CARACTERE_INTERDIT", "Un nom de champ contient un caractère refusé.", [
              { champ: ici, message: "Caractère nul refusé.", code: "CARACTERE_INTERDIT" },
            ]),
          );
        pile.push({ v: x, chemin: ici, profondeur: profondeur + 1 });
      }
    }
  }
  done();
};

/**
 * A number the validator let through that no computation can use: "Infinity" or "1e400" in a query string are
 * coerced to Infinity, and an integer schema's bounds do not stop it (1e400 in a JSON body reads as Infinity too).
 * Checked after validation, on what the route will read, for every route at once: 400, never a RangeError.
 */
export const gardeNombres: preHandlerHookHandler = (request, _reply, done) => {
  const pile: Array<{ v: unknown; chemin: string; profondeur: number }> = [];
  for (const v of [request.params, request.query, request.body])
    if (v !== null && typeof v === "object" && !Buffer.isBuffer(v))
      pile.push({ v, chemin: "", profondeur: 0 });
  while (pile.length > 0) {
    const { v, chemin, profondeur } = pile.pop() as (typeof pile)[number];
    if (typeof v === "number" && !Number.isFinite(v))
      return done(
        new ApiError(400, "VALIDATION", `La valeur de ${chemin} n'est pas un nombre fini.`, [
          {
            champ: chemin,
            message: "Nombre fini attendu, dans les bornes du paramètre.",
            code: "VALIDATION",
          },
        ]),
      );
    if (v !== null && typeof v === "object" && profondeur < PROFONDEUR_MAX)
      for (const [cle, x] of Object.entries(v))
        pile.push({ v: x, chemin: chemin ? `${chemin}.${cle}` : cle, profondeur: profondeur + 1 });
  }
  done();
};
