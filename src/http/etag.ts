import { ApiError } from "./errors.js";

export const etag = (version: number) => `"${version}"`;

/**
 * The version a write expects to replace, from If-Match ("3", W/"3", or *) or a `version` field in the body.
 * Undefined when the caller gave neither: the write then applies to whatever is current.
 */
export function versionAttendue(
  ifMatch: string | undefined,
  versionCorps: number | undefined,
): number | undefined {
  if (ifMatch && ifMatch.trim() !== "*") {
    const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!m) throw new ApiError(400, "IF_MATCH_INVALIDE", "En-tête If-Match invalide : renvoyez l'ETag reçu.");
    return Number(m[1]);
  }
  return versionCorps;
}
