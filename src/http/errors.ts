/** An error meant for the API caller: a stable machine code, a message a person understands, optional field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ champ: string; message: string; code?: string }>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const introuvable = (quoi: string) => new ApiError(404, "INTROUVABLE", `${quoi} introuvable.`);
export const refuse = (message = "Action non autorisée pour votre rôle.") =>
  new ApiError(403, "INTERDIT", message);
export const invalide = (champ: string, message: string, code = "VALEUR_INVALIDE") =>
  new ApiError(422, "VALIDATION", message, [{ champ, message, code }]);
