import rateLimit from "@fastify/rate-limit";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { App } from "../../http/app-type.js";
import { ApiError } from "../../http/errors.js";
import { DateHeure, Id, Nullable, ParamsId } from "../../http/listes.js";
import { Ligne } from "../../http/textes.js";
import type { ConnexionsEntreprise } from "../sso/connexions.js";
import { ROLES, type Role as RoleActeur } from "./acteur.js";
import { COOKIE_SESSION } from "./auth.hooks.js";
import { listerClesApi, listerUtilisateurs, profilUtilisateur } from "./auth.repository.js";
import { type CacheClesApi, fermerSession, ouvrirSession } from "./auth.service.js";
import { creerCleApi, creerUtilisateur, modifierUtilisateur, revoquerCleApi } from "./comptes.service.js";
import { effacerCookiesSession, poserCookiesSession } from "./cookies-session.js";
import { effacerMotDePasseInitial } from "./mot-de-passe-initial.js";
import { exiger, type Permission, POLITIQUE, permissionsDe } from "./politique.js";

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Moi = Type.Object({
  id: Nullable(Type.Integer()),
  login: Type.String(),
  nom: Type.String(),
  role: Type.String(),
  client_id: Nullable(Type.Integer()),
  type: Type.String(),
  permissions: Type.Array(Type.Union((Object.keys(POLITIQUE) as Permission[]).map((p) => Type.Literal(p))), {
    description:
      "Ce que l'appelant peut faire (politique d'autorisation) : l'extranet montre menus et boutons d'après elles",
  }),
});
const Utilisateur = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  nom: Type.String(),
  email: Nullable(Type.String()),
  role: Type.String(),
  client_id: Nullable(Type.Integer()),
  actif: Type.Boolean(),
  version: Type.Integer(),
  derniere_connexion: Nullable(DateHeure),
  date_creation: DateHeure,
  date_modification: DateHeure,
  origine: Type.String({
    description:
      "LOCAL : se connecte par son mot de passe ; OIDC : par le compte de l'entreprise ; LDAP : par l'annuaire (rôle donné par ses groupes)",
  }),
});
const CleApi = Type.Object({
  id: Type.Integer(),
  nom: Type.String(),
  prefixe: Type.String(),
  role: Type.String(),
  client_id: Nullable(Type.Integer()),
  expire_le: Nullable(DateHeure),
  revoquee_le: Nullable(DateHeure),
  derniere_utilisation: Nullable(DateHeure),
  adresses_autorisees: Nullable(Type.Array(Type.String())),
  created_by: Nullable(Type.String()),
  actif: Type.Boolean(),
  version: Type.Integer(),
  date_creation: DateHeure,
  date_modification: DateHeure,
});

export interface OptionsAuth {
  cles: CacheClesApi;
  dureeSessionHeures: number;
  cookieSecure: boolean;
  maxConnexionsParMinute: number;
  /** Where the first-start password file may be (deleted at the admin's first login). */
  dataDir: string;
  /** The company's sign-on and directory, when configured (sso/connexions.ts). */
  sso?: ConnexionsEntreprise | undefined;
}

/** The per-address ceiling, as a multiple of the per-(address, login) limit. */
const PLAFOND_ADRESSE = 10;

export async function authRoutes(app: App, opts: OptionsAuth) {
  const db = () => app.database.db;
  await app.register(rateLimit, { global: false });
  // against spraying one password over many logins from one address; well above what a proxy's users try
  const limiteAdresse = app.createRateLimit({
    max: opts.maxConnexionsParMinute * PLAFOND_ADRESSE,
    timeWindow: 60_000,
    keyGenerator: (req) => `adresse|${req.ip}`,
  });
  const plafondParAdresse = async (request: FastifyRequest) => {
    const r = await limiteAdresse(request);
    if (!r.isAllowed && r.isExceeded)
      throw new ApiError(
        429,
        "TROP_DE_TENTATIVES",
        `Trop de tentatives de connexion depuis cette adresse : réessayez dans ${Math.ceil(r.ttl / 1000)} s.`,
      );
  };

  app.post(
    "/auth/login",
    {
      config: {
        public: true,
        // per address and login, once the body is read (the default hook runs before it, which made the key the
        // address alone: a few failures sprayed over other names locked everyone behind the same proxy out)
        rateLimit: {
          hook: "preHandler",
          max: opts.maxConnexionsParMinute,
          timeWindow: 60_000,
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { login?: string })?.login ?? "").toLowerCase()}`,
          errorResponseBuilder: (_req, ctx) =>
            new ApiError(
              429,
              "TROP_DE_TENTATIVES",
              `Trop de tentatives de connexion : réessayez dans ${Math.ceil(ctx.ttl / 1000)} s.`,
            ),
        },
      },
      schema: {
        tags: ["Authentification"],
        summary: "Ouvrir une session (cookie HttpOnly) ; renvoie le jeton anti-CSRF à joindre aux écritures",
        body: Type.Object(
          {
            login: Ligne({ minLength: 1, maxLength: 100 }),
            mot_de_passe: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ utilisateur: Moi, csrf: Type.String(), expire: DateHeure }) },
      },
    },
    async (request, reply) => {
      await plafondParAdresse(request);
      const s = await ouvrirSession(
        db(),
        request.body.login,
        request.body.mot_de_passe,
        opts.dureeSessionHeures,
        opts.sso?.ldap,
      );
      if (!s) throw new ApiError(401, "IDENTIFIANTS_INVALIDES", "Identifiant ou mot de passe incorrect.");
      if (s.utilisateur.login === "admin" && effacerMotDePasseInitial(opts.dataDir))
        request.log.info("première connexion d'admin : fichier du mot de passe initial supprimé");
      poserCookiesSession(reply, s, opts.cookieSecure);
      return {
        utilisateur: {
          ...s.utilisateur,
          type: "UTILISATEUR",
          permissions: permissionsDe(s.utilisateur.role as RoleActeur),
        },
        csrf: s.csrf,
        expire: s.expire.toISOString(),
      };
    },
  );

  app.post(
    "/auth/logout",
    {
      schema: {
        tags: ["Authentification"],
        summary:
          "Fermer la session ; pour un compte de l'entreprise (OpenID Connect), 200 avec l'adresse de déconnexion du fournisseur d'identité quand il en a une",
        response: { 200: Type.Object({ redirection: Type.String() }), 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const jeton = request.cookies[COOKIE_SESSION];
      if (jeton) await fermerSession(db(), jeton);
      effacerCookiesSession(reply, opts.cookieSecure);
      const fin = await opts.sso?.finDeSession(request);
      return fin ? { redirection: fin } : reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    { schema: { tags: ["Authentification"], summary: "Qui suis-je", response: { 200: Moi } } },
    async (request) => {
      const a = request.acteur;
      if (a.type === "UTILISATEUR") {
        const u = await profilUtilisateur(db(), a.utilisateurId as number);
        return { ...u, type: a.type, permissions: permissionsDe(u.role as RoleActeur) };
      }
      return {
        id: a.utilisateurId ?? null,
        login: a.nom,
        nom: a.nom,
        role: a.role,
        client_id: a.clientId,
        type: a.type,
        permissions: permissionsDe(a.role),
      };
    },
  );

  // ---- users (admin only)
  const admin = exiger("comptes:gerer");

  app.get(
    "/utilisateurs",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Comptes utilisateurs",
        response: { 200: Type.Object({ data: Type.Array(Utilisateur), total: Type.Integer() }) },
      },
    },
    async () => {
      const data = await listerUtilisateurs(db());
      return { data, total: data.length };
    },
  );

  app.post(
    "/utilisateurs",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Créer un compte",
        body: Type.Object(
          {
            login: Type.String({ pattern: "^[a-z0-9._@-]{2,100}$" }),
            nom: Ligne({ minLength: 1, maxLength: 200 }),
            email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
            role: Role,
            client_id: Type.Optional(Nullable(Id)),
            mot_de_passe: Type.String({ minLength: 10, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Utilisateur },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await creerUtilisateur(db(), request.acteur, request.body)),
  );

  app.patch(
    "/utilisateurs/:id",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Modifier un compte (rôle, activation, mot de passe)",
        params: ParamsId,
        body: Type.Object(
          {
            nom: Type.Optional(Ligne({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
            role: Type.Optional(Role),
            client_id: Type.Optional(Nullable(Id)),
            actif: Type.Optional(Type.Boolean()),
            mot_de_passe: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Utilisateur },
      },
    },
    async (request) => {
      return modifierUtilisateur(app.contexte(request), request.params.id, request.body);
    },
  );

  // ---- API keys (admin only)
  app.get(
    "/cles-api",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Clés API (le secret n'est jamais renvoyé)",
        response: { 200: Type.Object({ data: Type.Array(CleApi), total: Type.Integer() }) },
      },
    },
    async () => {
      const data = await listerClesApi(db());
      return { data, total: data.length };
    },
  );

  app.post(
    "/cles-api",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Créer une clé API : la clé est affichée cette seule fois",
        body: Type.Object(
          {
            nom: Ligne({ minLength: 1, maxLength: 100 }),
            role: Role,
            client_id: Type.Optional(Nullable(Id)),
            expire_le: Type.Optional(Nullable(DateHeure)),
            adresses_autorisees: Type.Optional(
              Nullable(
                Type.Array(Type.String({ maxLength: 50 }), {
                  maxItems: 50,
                  description:
                    "Adresses ou plages CIDR d'où la clé peut servir (ex. les serveurs Hermes : 10.1.2.0/24) ; ailleurs : 403. Absent : de partout.",
                }),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Composite([CleApi, Type.Object({ cle: Type.String() })]) },
      },
    },
    async (request, reply) => reply.status(201).send(await creerCleApi(db(), request.acteur, request.body)),
  );

  app.post(
    "/cles-api/:id/revoquer",
    {
      preValidation: admin,
      schema: {
        tags: ["Administration"],
        summary: "Révoquer une clé API (effet immédiat)",
        params: ParamsId,
        response: { 200: CleApi },
      },
    },
    async (request) => {
      const r = await revoquerCleApi(app.contexte(request), request.params.id);
      opts.cles.oublier();
      return r;
    },
  );
}
