import type { paths } from "./schema";

type Json<R> = R extends { content: { "application/json": infer J } } ? J : never;
type Methode = "get" | "post" | "patch" | "delete";
type Operation<P extends keyof paths, M extends Methode> = NonNullable<paths[P][M]>;

/** The JSON body a route answers with (200, else 201). */
export type Reponse<P extends keyof paths, M extends Methode> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer OK }
      ? Json<OK>
      : R extends { 201: infer C }
        ? Json<C>
        : never
    : never;

/** The JSON body a route takes. */
export type Corps<P extends keyof paths, M extends Methode> =
  Operation<P, M> extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

export type Did = Reponse<"/api/v1/dids/{id}", "get">;
export type Historique = Reponse<"/api/v1/dids/{id}/historique", "get">["data"][number];
export type Affectation = Reponse<"/api/v1/affectations/{id}", "get">;
export type Commande = Reponse<"/api/v1/commandes/{id}", "get">;
export type TableauDeBord = Reponse<"/api/v1/tableau-de-bord", "get">;
export type Moi = Reponse<"/api/v1/auth/me", "get">;
export type ActionDid =
  | "livrer"
  | "affecter"
  | "liberer"
  | "mettre-en-production"
  | "arreter-production"
  | "resilier"
  | "reactiver";
/** The order moves the server offers (actions_possibles): the workflow's rules stay on the server. */
export type ActionCommande = NonNullable<Commande["actions_possibles"]>[number];
export type Tranche = Reponse<"/api/v1/tranches/{id}", "get">;
export type Mandat = Reponse<"/api/v1/mandats/{id}", "get">;
export type Declaration = Reponse<"/api/v1/declarations", "get">["data"][number];
export type ApercuDeclaration = Reponse<"/api/v1/declarations/apercu", "get">;
export type Presentation = Reponse<"/api/v1/dids/{id}/presentation", "get">;
