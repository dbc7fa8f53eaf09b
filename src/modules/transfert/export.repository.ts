import { type Kysely, sql } from "kysely";
import { parmiIds } from "../../db/parmi.js";
import type { DB } from "../../db/schema.js";
import { selectAffectation } from "../affectations/affectations.repository.js";
import { clientDe, restreindre } from "../auth/acces.js";
import { selectCommande } from "../commandes/commandes.repository.js";
import { appliquerFiltres, type FiltresDid } from "../dids/dids.repository.js";
import type { TypeExport } from "./export.service.js";

// The rows of each export, in its import format, read by slices of ids.

export type Ligne = Record<string, string | number | null>;

/** Where a page of an export ends: the values of its order's columns for its last row (not a column of the file). */
export type Curseur = Array<string | number | null>;
export const CURSEUR: unique symbol = Symbol("curseur");

export type FiltresExport = FiltresDid & { ids?: number[] };
const oui = (b: boolean) => (b ? "oui" : "non");
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The rows of a kind with the column names `telephony import` reads: codes rather than ids, E.164 numbers,
 * ISO dates, oui/non. Exported then imported into an empty database, they give the same data back.
 */
export async function lignesExport(
  db: Kysely<DB>,
  type: TypeExport,
  filtres: FiltresExport = {},
  maintenant: Date = new Date(),
  /** One page in the export's order, after the row whose `curseur` is given (numbers and assignments). */
  page?: { apres: Curseur | null; limite: number },
): Promise<Ligne[]> {
  // a list's CSV: the rows of one batch of the list's ids (numbers, assignments, clients… by their own id)
  const ids = filtres.ids;
  switch (type) {
    case "numeros": {
      const q = appliquerFiltres(db.selectFrom("tel_did as d").selectAll("d"), filtres, maintenant)
        .innerJoin("tel_statut_did as s", "s.id", "d.statut_id")
        .leftJoin("tel_client as c", "c.id", "d.client_id")
        .leftJoin("tel_groupement as g", "g.id", "d.groupement_id")
        .leftJoin("tel_operateur as o", "o.id", "d.operateur_id")
        .leftJoin("tel_type_did as t", "t.id", "d.type_id")
        .leftJoin("tel_region as r", "r.id", "d.region_id")
        .leftJoin("tel_equipement as e", "e.id", "d.equipement_id")
        .leftJoin("tel_cloud as k", "k.id", "d.cloud_id")
        .select([
          "c.code as client_code",
          "g.code as groupement_code",
          "o.code as operateur_code",
          "s.code as statut_code",
          "t.code as type_code",
          "r.code as region_code",
          "e.code as equipement_code",
          "k.code as cloud_code",
        ])
        .orderBy("d.did_format_e164");
      const apres = page?.apres?.[0];
      const lu = page
        ? await (apres === undefined ? q : q.where("d.did_format_e164", ">", String(apres)))
            .limit(page.limite)
            .execute()
        : await q.execute();
      return lu.map((d) => ({
        [CURSEUR]: [d.did_format_e164],
        numero: d.did_format_e164,
        client: d.client_code,
        groupement: d.groupement_code,
        operateur: d.operateur_code,
        statut: d.statut_code,
        type: d.type_code,
        region: d.region_code,
        equipement: d.equipement_code,
        cloud: d.cloud_code,
        reference_externe: d.reference_externe,
        date_acquisition: d.date_acquisition as string | null,
        date_activation: d.date_activation as string | null,
        date_resiliation: d.date_resiliation as string | null,
        cout_mensuel: d.cout_mensuel,
        cout_mise_en_service: d.cout_mise_en_service,
        description: d.description,
        notes: d.notes,
      }));
    }
    case "affectations": {
      let q = selectAffectation(db, maintenant).where("v.actif", "=", true);
      if (ids) q = q.where(parmiIds("v.id", ids));
      if (filtres.client_id) q = q.where("c.client_id", "=", filtres.client_id);
      if (filtres.portee) q = restreindre(q, filtres.portee, "c.client_id");
      if (filtres.campaign_id) q = q.where("v.campaign_id", "=", filtres.campaign_id);
      q = q.orderBy("d.did_format_e164").orderBy("v.date_debut").orderBy("v.id");
      // written so that the number's index bounds the scan: a row comparison across the two tables sorted every
      // assignment for each page (1.2 s a page at 1,000,000 numbers; 10 ms this way)
      if (page?.apres)
        q = q.where(
          sql<boolean>`d.did_format_e164 >= ${page.apres[0]} AND (d.did_format_e164 > ${page.apres[0]}
            OR (v.date_debut, v.id) > (${page.apres[1]}::timestamptz, ${page.apres[2]}::int))`,
        );
      if (page) q = q.limit(page.limite);
      return (await q.execute()).map((a) => ({
        [CURSEUR]: [a.did_format_e164, iso(a.date_debut), a.id],
        numero: a.did_format_e164,
        campagne: a.campaign_code,
        hermes_id: a.hermes_id,
        config: a.config_code,
        alias: a.alias,
        priorite: a.priorite,
        date_debut: iso(a.date_debut),
        date_fin: iso(a.date_fin),
        entrant: oui(a.entrant),
        sortant: oui(a.sortant),
      }));
    }
    case "clients": {
      let q = db
        .selectFrom("tel_client as c")
        .leftJoin("tel_groupement as g", "g.client_id", "c.id")
        .select([
          "c.code",
          "c.nom",
          "c.siret",
          "c.adresse",
          "c.contact_nom",
          "c.contact_email",
          "c.contact_tel",
          "g.code as groupement",
          "g.libelle as groupement_libelle",
        ]);
      if (filtres.portee) q = restreindre(q, filtres.portee, "c.id");
      if (ids) q = q.where(parmiIds("c.id", ids));
      return (await q.orderBy("c.code").orderBy("g.code").execute()) as Ligne[];
    }
    case "campagnes": {
      let q = db
        .selectFrom("tel_campaign as p")
        .innerJoin("tel_client as c", "c.id", "p.client_id")
        .select(["p.code", "p.nom", "c.code as client", "p.hermes_id", "p.description", "p.prospection"]);
      if (filtres.portee) q = restreindre(q, filtres.portee, "c.id");
      if (ids) q = q.where(parmiIds("p.id", ids));
      return (await q.orderBy("p.code").execute()).map((p) => ({ ...p, prospection: oui(p.prospection) }));
    }
    case "configs": {
      let q = db.selectFrom("tel_did_config as f").select(["f.code", "f.nom", "f.description", "f.config"]);
      if (ids) q = q.where(parmiIds("f.id", ids));
      // a client sees the configurations its own assignments use, not other clients' branding
      const client = filtres.portee && clientDe(filtres.portee);
      if (client !== undefined) {
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("tel_did_virtual as v")
              .innerJoin("tel_did as d", "d.id", "v.did_id")
              .select("v.id")
              .whereRef("v.config_id", "=", "f.id")
              .where("d.client_id", "=", client),
          ),
        );
      }
      return (await q.orderBy("f.code").execute()).map((f) => ({
        code: f.code,
        nom: f.nom,
        description: f.description,
        json: JSON.stringify(f.config),
      }));
    }
    case "commandes": {
      let q = selectCommande(db).select("cl.code as client_code");
      if (ids) q = q.where(parmiIds("c.id", ids));
      if (filtres.client_id) q = q.where("c.client_id", "=", filtres.client_id);
      if (filtres.portee) q = restreindre(q, filtres.portee, "c.client_id");
      return (await q.orderBy("c.reference").execute()).map((m) => ({
        reference: m.reference,
        client: m.client_code,
        statut: m.statut_code,
        type: m.type_code,
        region: m.region_code,
        quantite: m.quantite,
        quantite_livree: Number(m.quantite_livree),
        urgence: m.urgence,
        date_souhaitee: m.date_souhaitee as string | null,
        demandeur_nom: m.demandeur_nom,
        reference_operateur: m.reference_operateur,
        date_creation: iso(m.date_creation),
        date_livraison: iso(m.date_livraison as Date | string | null),
      }));
    }
  }
}
