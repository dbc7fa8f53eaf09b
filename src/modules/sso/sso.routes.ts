import { Type } from "@sinclair/typebox";
import type { Config } from "../../config.js";
import type { App } from "../../http/app-type.js";
import { ApiError, introuvable } from "../../http/errors.js";
import { Id, Nullable, ParamsId } from "../../http/listes.js";
import { Ligne } from "../../http/textes.js";
import { verifierRole } from "../auth/auth.service.js";
import { poserCookiesSession } from "../auth/cookies-session.js";
import { exiger } from "../auth/politique.js";
import { adresses } from "./adresses.js";
import type { ConnexionOidc } from "./oidc.js";
import { creerCorrespondance, listerCorrespondances, supprimerCorrespondance } from "./sso.repository.js";

const EXTRANET = "/admin/telephony/";
const Correspondance = Type.Object({
  id: Type.Integer(),
  groupe: Type.String(),
  role: Type.String(),
  client_id: Nullable(Type.Integer()),
  client_code: Nullable(Type.String()),
  actif: Type.Boolean(),
  version: Type.Integer(),
});

export interface OptionsSso {
  oidc: ConnexionOidc | undefined;
  /** PUBLIC_URL (config.publicUrl): the address the provider sends the browser back to; else the request's. */
  config: Pick<Config, "publicUrl" | "cookieSecure">;
}

export async function ssoRoutes(app: App, opts: OptionsSso) {
  const db = () => app.database.db;
  const oidc = () => {
    if (!opts.oidc)
      throw new ApiError(
        404,
        "SSO_NON_CONFIGURE",
        "La connexion par le compte de l'entreprise n'est pas configurée (OIDC_ISSUER).",
      );
    return opts.oidc;
  };

  app.get(
    "/auth/config",
    {
      config: { public: true },
      schema: {
        tags: ["Authentification"],
        summary:
          "Comment se connecter : par mot de passe, et par le compte de l'entreprise quand il est configuré",
        response: { 200: Type.Object({ oidc: Type.Boolean() }) },
      },
    },
    async () => ({ oidc: !!opts.oidc }),
  );

  app.get(
    "/auth/oidc",
    {
      config: { public: true },
      schema: {
        tags: ["Authentification"],
        summary:
          "Se connecter avec le compte de l'entreprise : redirige vers le fournisseur d'identité (OpenID Connect, code d'autorisation avec PKCE)",
        response: { 302: Type.Null() },
      },
    },
    async (request, reply) =>
      reply.redirect(await oidc().debut(adresses(request, opts.config.publicUrl).retour)),
  );

  app.get(
    "/auth/oidc/retour",
    {
      config: { public: true },
      schema: {
        tags: ["Authentification"],
        summary:
          "Retour du fournisseur d'identité : ouvre la session et renvoie vers l'extranet, ou vers la page de connexion avec la raison du refus",
        querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4096 }) }),
        response: { 302: Type.Null() },
      },
    },
    async (request, reply) => {
      const { base, retour } = adresses(request, opts.config.publicUrl);
      try {
        const s = await oidc().retour(new URL(request.url, base), retour);
        poserCookiesSession(reply, s, opts.config.cookieSecure);
        return reply.redirect(`${base}${EXTRANET}#/`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        request.log.warn({ code: e.code }, `connexion par le compte de l'entreprise refusée : ${e.message}`);
        return reply.redirect(`${base}${EXTRANET}#/login?sso=${encodeURIComponent(e.message)}`);
      }
    },
  );

  // ---- the groups-to-role mapping (administrators)
  const admin = exiger("comptes:gerer");
  app.get(
    "/sso/correspondances",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Groupes du fournisseur d'identité et le rôle qu'ils donnent (le plus fort l'emporte)",
        response: { 200: Type.Object({ data: Type.Array(Correspondance), total: Type.Integer() }) },
      },
    },
    async () => {
      const data = await listerCorrespondances(db());
      return { data, total: data.length };
    },
  );

  app.post(
    "/sso/correspondances",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Donner un rôle aux membres d'un groupe du fournisseur d'identité",
        body: Type.Object(
          {
            groupe: Ligne({ minLength: 1, maxLength: 255 }),
            role: Type.Union(["admin", "gestionnaire", "lecteur", "client"].map((r) => Type.Literal(r))),
            client_id: Type.Optional(Nullable(Id)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Correspondance },
      },
    },
    async (request, reply) => {
      const { groupe, role, client_id = null } = request.body;
      verifierRole(role, client_id);
      const { id } = await creerCorrespondance(db(), { groupe, role, client_id });
      const cree = (await listerCorrespondances(db())).find((c) => c.id === id);
      if (!cree) throw introuvable("Correspondance");
      return reply.status(201).send(cree);
    },
  );

  app.delete(
    "/sso/correspondances/:id",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Retirer une correspondance : ses membres sont refusés à leur prochaine connexion",
        params: ParamsId,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const r = await supprimerCorrespondance(db(), request.params.id);
      if (!r.numDeletedRows) throw introuvable("Correspondance");
      return reply.status(204).send(null);
    },
  );
}
