import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import { CAMPAGNES, CLIENTS, GROUPEMENTS, TRANCHES } from "./donnees-demo.js";

// Deterministic pseudo-random generator: the same demo every time, so screenshots and docs stay comparable.
function prng(graine: number) {
  let s = graine >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tirer<T>(items: readonly T[], valeur: number, poids: (t: T) => number): T | undefined {
  let reste = valeur;
  for (const item of items) {
    reste -= poids(item);
    if (reste < 0) return item;
  }
  return undefined;
}

export async function seedDemo(db: Kysely<DB>, options: { numeros?: number } = {}) {
  const total = Math.max(50, Math.min(options.numeros ?? 2000, 200_000));
  const deja = await db.selectFrom("tel_did").select("id").limit(1).executeTakeFirst();
  if (deja) throw new ApiError(409, "BASE_NON_VIDE", "La démo ne se charge que sur une base sans numéros.");
  const alea = prng(20260203);
  const choisir = <T>(t: readonly T[]): T => t[Math.floor(alea() * t.length)] as T;

  return db.transaction().execute(async (trx) => {
    const ref = async (
      table: "tel_statut_did" | "tel_type_did" | "tel_operateur" | "tel_equipement" | "tel_statut_commande",
    ) => new Map((await trx.selectFrom(table).select(["id", "code"]).execute()).map((r) => [r.code, r.id]));
    const statuts = await ref("tel_statut_did");
    const types = await ref("tel_type_did");
    const operateursParCode = await ref("tel_operateur");
    const operateurs = [...operateursParCode.values()];
    // a number's carrier reference starts with its carrier's code (SFR-…, ORANGE-…), as carriers write them
    const codeOperateur = new Map([...operateursParCode].map(([code, id]) => [id, code]));
    const equipements = [...(await ref("tel_equipement")).values()];
    const statutsCmd = await ref("tel_statut_commande");
    const indicatifs = new Map(
      (await trx.selectFrom("tel_indicatif").select(["id", "code"]).execute()).map((r) => [r.code, r.id]),
    );
    const regions = new Map(
      (await trx.selectFrom("tel_region").select(["id", "code", "indicatif_id"]).execute()).map((r) => [
        `${r.indicatif_id}:${r.code}`,
        r.id,
      ]),
    );
    const acteur = "demo";

    const clouds = await trx
      .insertInto("tel_cloud")
      .values([
        { code: "PAR1", nom: "Cloud Paris 1", routage: "sip:sbc-par1.interne:5060" },
        { code: "LYO1", nom: "Cloud Lyon 1", routage: "sip:sbc-lyo1.interne:5060" },
        { code: "OVH_GRA", nom: "OVH Gravelines", routage: "sip:sbc-gra.interne:5060" },
      ])
      .onConflict((oc) => oc.column("code").doNothing())
      .returning("id")
      .execute();

    const configs = await trx
      .insertInto("tel_did_config")
      .values(
        CLIENTS.map((c, i) => ({
          code: `CFG-${c.code}`,
          nom: `Accueil ${c.nom}`,
          description: "Configuration d'accueil standard",
          config: JSON.stringify({
            nom_site: c.nom,
            couleur: ["#0055A4", "#E4572E", "#17BEBB", "#2E4057", "#76B041"][i],
            logo: `https://extranet.example.fr/logos/${c.code.toLowerCase()}.png`,
            message_accueil: `Bienvenue chez ${c.nom}, un conseiller va vous répondre.`,
            horaires: {
              lundi: { debut: "08:30", fin: "18:30" },
              mardi: { debut: "08:30", fin: "18:30" },
              mercredi: { debut: "08:30", fin: "18:30" },
              jeudi: { debut: "08:30", fin: "18:30" },
              vendredi: { debut: "08:30", fin: "17:30" },
              samedi: i % 2 === 0 ? { debut: "09:00", fin: "12:00" } : null,
              dimanche: null,
            },
            redirection_hors_horaires: "+33142685300",
            options: { enregistrement: true, musique_attente: true, annonce_position: i % 2 === 1 },
            file_attente: `Q_${c.code}`,
          }),
        })),
      )
      .returning("id")
      .execute();

    const clients: Array<{
      id: number;
      groupements: number[];
      campagnes: Array<{ id: number; prospection: boolean }>;
    }> = [];
    for (const c of CLIENTS) {
      const client = await trx
        .insertInto("tel_client")
        .values({
          code: c.code,
          nom: c.nom,
          siret: c.siret,
          adresse: `1 rue de la République, ${c.ville}`,
          contact_nom: c.contact_nom,
          contact_email: `${c.contact_nom.split(" ")[0]?.toLowerCase()}@${c.code.toLowerCase()}.example.fr`,
          contact_tel: "+33142685300",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const groupements = await trx
        .insertInto("tel_groupement")
        .values(GROUPEMENTS.map(([code, libelle]) => ({ client_id: client.id, code, libelle })))
        .returning("id")
        .execute();
      const campagnes = await trx
        .insertInto("tel_campaign")
        .values(
          CAMPAGNES.map(([suffixe, nom, prospection], j) => ({
            client_id: client.id,
            code: `${c.code}-${suffixe}`,
            nom: `${nom} ${c.nom}`,
            hermes_id: String(1000 + clients.length * 10 + j),
            prospection,
          })),
        )
        .returning(["id", "prospection"])
        .execute();
      clients.push({ id: client.id, groupements: groupements.map((g) => g.id), campagnes });
    }

    // numbers
    const poids = TRANCHES.reduce((s, t) => s + t[1], 0);
    const vus = new Set<string>();
    const lignes: Array<Record<string, unknown>> = [];
    const repartitionStatut: Array<[string, number]> = [
      ["COMMANDE", 0.06],
      ["DISPONIBLE", 0.3],
      ["AFFECTE", 0.22],
      ["UTILISE", 0.34],
      ["RESILIE", 0.08],
    ];
    let essais = 0;
    while (lignes.length < total && essais < total * 50) {
      essais++;
      const tranche = tirer(TRANCHES, alea() * poids, (t) => t[1]) ?? TRANCHES[0];
      if (!tranche) break;
      const [prefixe, , pays] = tranche;
      const longueur = pays === "BE" ? 9 : pays === "GB" ? 11 : 10;
      let saisie = prefixe;
      while (saisie.length < longueur) saisie += String(Math.floor(alea() * 10));
      const n = normaliser(saisie, pays ?? "FR");
      if (!n.ok || vus.has(n.numero.e164)) continue;
      vus.add(n.numero.e164);
      const num = n.numero;
      let statut = tirer(repartitionStatut, alea(), (x) => x[1])?.[0] ?? "DISPONIBLE";
      // mobiles are kept out of production campaigns (they may not be presented by a call centre)
      if (num.type === "MOBILE" && statut === "UTILISE") statut = "AFFECTE";
      // part of the stock is held by clients: Affecté to them (Disponible means no client)
      if (statut === "DISPONIBLE" && alea() < 0.4) statut = "AFFECTE";
      const client = statut === "AFFECTE" || statut === "UTILISE" ? choisir(clients) : null;
      const jours = Math.floor(alea() * 900) + 30;
      const acquisition = new Date(Date.now() - jours * 86400_000);
      const indicatifId = indicatifs.get(num.pays) as number;
      const operateur = choisir(operateurs);
      lignes.push({
        indicatif_id: indicatifId,
        did: num.national,
        did_format_e164: num.e164,
        type_id: types.get(num.type),
        region_id: num.region ? (regions.get(`${indicatifId}:${num.region}`) ?? null) : null,
        operateur_id: operateur,
        equipement_id: choisir(equipements),
        cloud_id: choisir(clouds).id,
        client_id: client?.id ?? null,
        groupement_id: client && alea() < 0.7 ? choisir(client.groupements) : null,
        statut_id: statuts.get(statut),
        reference_externe: `${codeOperateur.get(operateur)}-${Math.floor(alea() * 1e8)}`,
        date_acquisition: acquisition.toISOString().slice(0, 10),
        date_activation:
          statut === "COMMANDE"
            ? null
            : new Date(acquisition.getTime() + 7 * 86400_000).toISOString().slice(0, 10),
        date_resiliation:
          statut === "RESILIE"
            ? new Date(Date.now() - Math.floor(alea() * 150) * 86400_000).toISOString().slice(0, 10)
            : null,
        cout_mensuel: num.type === "SVA_GRATUIT" ? 9.9 : Math.round((0.5 + alea() * 2.5) * 100) / 100,
        cout_mise_en_service: Math.round(alea() * 20 * 100) / 100,
        description: client ? `Ligne ${CLIENTS[clients.indexOf(client)]?.nom}` : null,
        created_by: acteur,
        modified_by: acteur,
        _statut: statut,
        _client: client,
        _type: num.type,
      });
    }
    const inseres: Array<{
      id: number;
      statut: string;
      client: (typeof clients)[number] | null;
      type: string;
    }> = [];
    for (let i = 0; i < lignes.length; i += 500) {
      const lot = lignes.slice(i, i + 500);
      const ids = await trx
        .insertInto("tel_did")
        .values(lot.map(({ _statut, _client, _type, ...l }) => l as never))
        .returning("id")
        .execute();
      ids.forEach((r, j) => {
        const l = lot[j] as Record<string, unknown>;
        inseres.push({
          id: r.id,
          statut: l._statut as string,
          client: l._client as never,
          type: l._type as string,
        });
      });
    }
    for (let i = 0; i < inseres.length; i += 1000) {
      await trx
        .insertInto("tel_did_historique")
        .values(
          inseres.slice(i, i + 1000).map((d) => ({
            did_id: d.id,
            action: "CREATION",
            champ: "statut",
            nouvelle_valeur: d.statut,
            utilisateur: acteur,
            motif: "Jeu de démonstration",
          })),
        )
        .execute();
    }

    // campaign assignments for numbers in production
    const affectations: Array<Record<string, unknown>> = [];
    for (const d of inseres.filter((x) => x.statut === "UTILISE" && x.client)) {
      const client = d.client as (typeof clients)[number];
      const campagnesPossibles = client.campagnes.filter((c) => !c.prospection || d.type === "NPV");
      const campagne = choisir(campagnesPossibles);
      const entrant = !campagne.prospection;
      affectations.push({
        did_id: d.id,
        campaign_id: campagne.id,
        config_id: configs[clients.indexOf(client)]?.id ?? null,
        alias: entrant ? "Accueil" : "Présentation",
        priorite: 1 + Math.floor(alea() * 3),
        date_debut: new Date(Date.now() - Math.floor(alea() * 300 + 1) * 86400_000),
        entrant,
        sortant: !entrant || alea() < 0.3,
      });
    }
    for (let i = 0; i < affectations.length; i += 500) {
      await trx
        .insertInto("tel_did_virtual")
        .values(affectations.slice(i, i + 500) as never)
        .execute();
    }

    // orders in every status
    const LIBELLES_COMMANDE: Record<string, string> = {
      BROUILLON: "brouillon",
      SOUMISE: "soumise",
      VALIDEE: "validée",
      EN_COURS: "en cours de livraison",
      LIVREE: "livrée",
      REJETEE: "rejetée",
      ANNULEE: "annulée",
    };
    const annee = new Date().getFullYear();
    const statutsCommande = ["BROUILLON", "SOUMISE", "VALIDEE", "EN_COURS", "LIVREE", "REJETEE", "ANNULEE"];
    const typesCommande = ["GEO", "NPV", "NON_GEO", "NPV", "GEO"];
    const urgences = ["BASSE", "NORMALE", "HAUTE", "URGENTE"] as const;
    let n = 0;
    for (const s of [...statutsCommande, ...statutsCommande, "SOUMISE", "EN_COURS", "LIVREE"]) {
      n++;
      const client = choisir(clients);
      const ci = clients.indexOf(client);
      const cmd = await trx
        .insertInto("tel_did_commande")
        .values({
          reference: `CMD-${annee}-${String(n).padStart(5, "0")}`,
          client_id: client.id,
          groupement_id: choisir(client.groupements),
          demandeur_nom: CLIENTS[ci]?.contact_nom ?? "Demandeur",
          demandeur_email: `demandes@${CLIENTS[ci]?.code.toLowerCase()}.example.fr`,
          type_did_id: types.get(choisir(typesCommande)) as number,
          region_id:
            regions.get(`${indicatifs.get("FR")}:${choisir(["IDF", "NOR", "NES", "SES", "SOU"])}`) ?? null,
          operateur_id: choisir(operateurs),
          quantite: choisir([5, 10, 20, 50, 100]),
          urgence: choisir(urgences),
          motif: "Ouverture d'une nouvelle activité",
          date_souhaitee: new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10),
          statut_id: statutsCmd.get(s) as number,
          valideur_nom: ["VALIDEE", "EN_COURS", "LIVREE", "REJETEE"].includes(s) ? "gestionnaire" : null,
          date_validation: ["VALIDEE", "EN_COURS", "LIVREE", "REJETEE"].includes(s) ? new Date() : null,
          commentaire_validation: s === "REJETEE" ? "Stock suffisant disponible sur le client" : null,
          reference_operateur: ["EN_COURS", "LIVREE"].includes(s) ? `OP-${Math.floor(alea() * 1e6)}` : null,
          date_livraison: s === "LIVREE" ? new Date() : null,
          created_by: acteur,
          date_creation: new Date(Date.now() - Math.floor(alea() * 40) * 86400_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("tel_did_commande_commentaire")
        .values({
          commande_id: cmd.id,
          auteur: acteur,
          commentaire: `Commande de démonstration, ${LIBELLES_COMMANDE[s] ?? s}.`,
          type: "INFO",
        })
        .execute();
      if (s === "LIVREE") {
        // a delivered order holds the numbers it brought: the client's own numbers, as many as it asked for
        const dejaLies = await trx.selectFrom("tel_did_commande_ligne").select("did_id").execute();
        const pris = new Set(dejaLies.map((x) => x.did_id));
        const lignesCmd = inseres
          .filter((d) => d.client?.id === client.id && (d.statut === "AFFECTE" || d.statut === "UTILISE"))
          .filter((d) => !pris.has(d.id))
          .slice(0, 5)
          .map((d) => ({ commande_id: cmd.id, did_id: d.id }));
        if (lignesCmd.length) {
          await trx.insertInto("tel_did_commande_ligne").values(lignesCmd).execute();
          await trx
            .updateTable("tel_did_commande")
            .set({ quantite: lignesCmd.length })
            .where("id", "=", cmd.id)
            .execute();
        } else {
          // nothing to deliver from: still being delivered, not « Livrée » with none
          await trx
            .updateTable("tel_did_commande")
            .set({ statut_id: statutsCmd.get("EN_COURS") as number, date_livraison: null })
            .where("id", "=", cmd.id)
            .execute();
        }
      }
    }
    await trx
      .insertInto("tel_commande_sequence")
      .values({ annee, dernier: n })
      .onConflict((oc) => oc.column("annee").doUpdateSet({ dernier: n }))
      .execute();
    return {
      clients: clients.length,
      campagnes: clients.length * CAMPAGNES.length,
      numeros: inseres.length,
      affectations: affectations.length,
      commandes: n,
    };
  });
}
