import type { Contexte } from "../../contexte.js";
import { jourMetier } from "../../heure-metier.js";
import { finDuGel, jourDe } from "../dids/gel.js";
import { chiffresTableauDeBord, numerosParCampagne } from "./tableau-de-bord.repository.js";

export interface Releve {
  periode: string;
  total: number;
  numeros: number;
  calcule_le: string;
  a_jour: boolean;
}

/** The dashboard, as the caller may see it (a client: its own numbers and orders). */
export async function tableauDeBord(
  { db, maintenant, config }: Contexte,
  client: number | undefined,
  publicationEnAttente: () => Promise<boolean | null>,
  releve?: (periode: string) => Promise<Releve>,
) {
  const gel = config.freezeJours;
  const [
    { statuts, regions, operateurs, types, clients, disponibles, attente, aTraiter, reutilisables },
    campagnes,
  ] = await Promise.all([
    chiffresTableauDeBord(db, client, maintenant, gel),
    client === undefined ? Promise.resolve(null) : numerosParCampagne(db, client, maintenant),
  ]);
  const total = statuts.rows.reduce((s, r) => s + r.n, 0);
  return {
    total,
    par_statut: statuts.rows,
    par_region: regions.rows,
    par_operateur: operateurs.rows,
    par_type: types.rows,
    par_client: clients.rows,
    disponibles: disponibles.rows,
    commandes_en_attente: attente.rows,
    commandes_a_traiter: aTraiter.rows,
    publication_en_attente: await publicationEnAttente(),
    par_campagne: campagnes,
    // a client reads its own month's statement only where the company enables it: the month so far
    releve:
      client !== undefined && config.refacturationClients && releve
        ? await releve(jourMetier(maintenant).slice(0, 7))
        : null,
    reutilisables_30_jours: {
      n: reutilisables.rows[0]?.total ?? 0,
      numeros: reutilisables.rows.map((r) => ({
        id: r.id,
        did_format_e164: r.did_format_e164,
        reutilisable_le: finDuGel(r.date_resiliation, gel),
      })),
      // frozen until date_resiliation + gel: out of the freeze in (today, today + 30]
      resilie_depuis: finDuGel(jourDe(maintenant), 1 - gel),
      resilie_avant: finDuGel(jourDe(maintenant), 31 - gel),
    },
  };
}
