import type { CodeErreur } from "./codes-erreur.js";

/** An error meant for the API caller: a stable machine code, a message a person understands, optional field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: CodeErreur,
    message: string,
    readonly details?: Array<{ champ: string; message: string; code?: string }>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const introuvable = (quoi: string) => new ApiError(404, "INTROUVABLE", `${quoi} introuvable.`);
