import openapiTS, { astToString } from "openapi-typescript";
import { documentOpenApi } from "../src/openapi-document.js";

export const FICHIER_TYPES = "web/src/api/schema.d.ts";

/** The extranet's API types, generated from the live OpenAPI document; test/web/types-api.test.ts checks they are current. */
export async function genererTypesApi(): Promise<string> {
  const doc = await documentOpenApi();
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return `/* Généré par « npm run api:types » depuis le document OpenAPI : ne pas modifier à la main. */\n${astToString(ast)}`;
}
