import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { origineDe } from "../auth/auth.repository.js";
import { adresses } from "./adresses.js";
import { ConnexionLdap } from "./ldap.js";
import { ConnexionOidc } from "./oidc.js";

/** The company's ways of signing in, as the environment configures them (OIDC_ISSUER, LDAP_URL), or none. */
export interface ConnexionsEntreprise {
  oidc: ConnexionOidc | undefined;
  ldap: ConnexionLdap | undefined;
  /** At logout, for an account of the OpenID sign-on: the provider's sign-out address, back to the extranet. */
  finDeSession(request: FastifyRequest): Promise<string | null>;
}

export function connexionsEntreprise(db: Kysely<DB>, config: Config): ConnexionsEntreprise {
  const oidc = config.oidc ? new ConnexionOidc(db, config.oidc, config.sessionHeures) : undefined;
  return {
    oidc,
    ldap: config.ldap ? new ConnexionLdap(db, config.ldap, config.sessionHeures) : undefined,
    async finDeSession(request) {
      const id = request.acteur?.type === "UTILISATEUR" ? request.acteur.utilisateurId : undefined;
      if (!oidc || !id || (await origineDe(db, id)) !== "OIDC") return null;
      return oidc.finDeSession(`${adresses(request, config.publicUrl).base}/admin/telephony/`);
    },
  };
}
