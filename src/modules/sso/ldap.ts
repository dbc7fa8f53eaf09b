import fs from "node:fs";
import type { Kysely } from "kysely";
import { Client, InvalidCredentialsError } from "ldapts";
import type { ConfigLdap } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import type { SessionOuverte } from "../auth/auth.service.js";
import { sessionExterne } from "./comptes-externes.js";

/** A value put in a DN (RFC 4514) or a search filter (RFC 4515): nothing in it may change their structure. */
const dansDn = (v: string) => v.replace(/[\\,+"<>;=#]/g, (c) => `\\${c}`).replace(/^ | $/g, (c) => `\\${c}`);
const dansFiltre = (v: string) =>
  v.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/**
 * Sign-in with the directory's password (#31): the person binds as itself (its password never stays here), its
 * groups are read, and its role comes from them through the same mapping as the OpenID sign-on. TLS and StartTLS
 * through ldapts. A wrong password is a wrong password (null): the login form says so as for a local account.
 */
export class ConnexionLdap {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly reglages: ConfigLdap,
    private readonly dureeSessionHeures: number,
  ) {}

  async ouvrir(login: string, motDePasse: string): Promise<SessionOuverte | null> {
    const l = login.trim().toLowerCase();
    // an empty password would be an anonymous bind, which succeeds: never a sign-in
    if (!l || !motDePasse) return null;
    const ca = this.reglages.fichierCa ? [fs.readFileSync(this.reglages.fichierCa)] : undefined;
    const client = new Client({
      url: this.reglages.url,
      timeout: 10_000,
      connectTimeout: 5_000,
      ...(ca ? { tlsOptions: { ca } } : {}),
    });
    const dn = this.reglages.dnUtilisateur.replaceAll("{login}", dansDn(l));
    try {
      if (this.reglages.starttls) await client.startTLS(ca ? { ca } : {});
      try {
        await client.bind(dn, motDePasse);
      } catch (e) {
        if (e instanceof InvalidCredentialsError) return null;
        throw e;
      }
      const { searchEntries: moi } = await client.search(dn, { scope: "base", attributes: ["cn", "mail"] });
      const filtre = this.reglages.filtreGroupes
        .replaceAll("{dn}", dansFiltre(dn))
        .replaceAll("{login}", dansFiltre(l));
      const { searchEntries: groupes } = await client.search(this.reglages.baseGroupes, {
        scope: "sub",
        filter: filtre,
        attributes: ["cn"],
      });
      const premier = (v: unknown) => String(Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
      return await sessionExterne(this.db, this.dureeSessionHeures, "LDAP", {
        sujet: dn.toLowerCase(),
        groupes: groupes.flatMap((g) => (Array.isArray(g.cn) ? g.cn.map(String) : [String(g.cn)])),
        login: l,
        nom: premier(moi[0]?.cn),
        email: premier(moi[0]?.mail) || null,
      });
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(
        502,
        "SSO_INDISPONIBLE",
        `L'annuaire de l'entreprise ne répond pas (${this.reglages.url}) : ${(e as Error).message}`,
      );
    } finally {
      await client.unbind().catch(() => {});
    }
  }
}
