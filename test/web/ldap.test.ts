import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIBLES } from "../helpers/bases.js";
import { capture, connecter, lancerNavigateur, nouvellePage, sessionApi } from "../helpers/navigateur.js";
import { ADMIN, serveurWeb } from "../helpers/serveur-web.js";
import { lancerSlapd, slapdPresent } from "../helpers/slapd.js";

const SUFFIXE = "dc=entreprise,dc=example";
const LDIF = `dn: ${SUFFIXE}
objectClass: dcObject
objectClass: organization
o: Entreprise
dc: entreprise

dn: ou=people,${SUFFIXE}
objectClass: organizationalUnit
ou: people

dn: ou=groups,${SUFFIXE}
objectClass: organizationalUnit
ou: groups

dn: uid=lea.moreau,ou=people,${SUFFIXE}
objectClass: inetOrgPerson
uid: lea.moreau
cn: Lea Moreau
sn: Moreau
mail: lea.moreau@entreprise.example
userPassword: mot-de-passe-annuaire-1

dn: uid=hugo.petit,ou=people,${SUFFIXE}
objectClass: inetOrgPerson
uid: hugo.petit
cn: Hugo Petit
sn: Petit
userPassword: mot-de-passe-annuaire-2

dn: cn=tel-lecture,ou=groups,${SUFFIXE}
objectClass: groupOfNames
cn: tel-lecture
member: uid=lea.moreau,ou=people,${SUFFIXE}

dn: cn=compta,ou=groups,${SUFFIXE}
objectClass: groupOfNames
cn: compta
member: uid=hugo.petit,ou=people,${SUFFIXE}
`;

// Sign-in with the directory's password (#31): a real OpenLDAP (Debian's slapd) started for the test, the person
// binding as itself, its groups read and mapped to a role; a person of no mapped group is refused, a wrong password
// is a wrong password, and the local admin still signs in.
describe.each(CIBLES.filter((c) => c.nom === "pglite"))("signing in with the directory ($nom)", (cible) => {
  let annuaire: Awaited<ReturnType<typeof lancerSlapd>>;
  let srv: Awaited<ReturnType<typeof serveurWeb>>;
  let url: string;
  let navigateur: Browser;

  beforeAll(async () => {
    if (!slapdPresent()) throw new Error("slapd absent : apt-get install slapd (ce que fait .ci/run)");
    annuaire = await lancerSlapd(SUFFIXE, LDIF);
    srv = await serveurWeb(cible, {
      env: {
        LDAP_URL: annuaire.url,
        LDAP_USER_DN: `uid={login},ou=people,${SUFFIXE}`,
        LDAP_GROUP_BASE: `ou=groups,${SUFFIXE}`,
      },
    });
    url = srv.s.url;
    navigateur = await lancerNavigateur();
    const admin = await sessionApi(url, "admin", ADMIN);
    await admin("POST", "/sso/correspondances", { groupe: "tel-lecture", role: "lecteur" });
  }, 120_000);
  afterAll(async () => {
    await navigateur?.close();
    await srv?.fermer();
    await annuaire?.arreter();
  });

  it("signs a directory user in through the login form with the role its group maps to", async () => {
    const page = await nouvellePage(navigateur);
    await connecter(page, url, "lea.moreau", "mot-de-passe-annuaire-1");
    const moi = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).json());
    expect(moi).toMatchObject({ login: "lea.moreau", nom: "Lea Moreau", role: "lecteur" });
    await capture(page, "ldap-connectee");
    await page.context().close();
  }, 60_000);

  it("refuses a wrong password, a person of no mapped group, and keeps the local admin", async () => {
    const essayer = (login: string, mdp: string) =>
      fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login, mot_de_passe: mdp }),
      });
    expect((await essayer("lea.moreau", "pas-le-bon")).status).toBe(401);
    expect((await essayer("inconnu", "pas-le-bon")).status).toBe(401);
    // a filter or DN in the login changes nothing: no such person
    expect((await essayer("*)(uid=*", "mot-de-passe-annuaire-1")).status).toBe(401);
    const hugo = await essayer("hugo.petit", "mot-de-passe-annuaire-2");
    expect(hugo.status).toBe(403);
    expect((await hugo.json()).detail ?? "").toContain("aucun groupe");
    const admin = await nouvellePage(navigateur);
    await connecter(admin, url, "admin", ADMIN);
    await admin.context().close();
  }, 60_000);
});
