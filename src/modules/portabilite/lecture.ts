import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { introuvable } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import { porteeDuActeur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { peut } from "../auth/politique.js";
import { commentairesDemande, lirePortabilite, numerosDemande } from "./portabilite.repository.js";
import { preparationDe } from "./portabilite.service.js";
import { actionsPossiblesPortabilite, modifiable } from "./workflow.js";

const national = (e164: string) => {
  const n = normaliser(e164, "FR", { plagesInconnues: true });
  return n.ok ? (n.numero.pays === "FR" ? `0${n.numero.national}` : n.numero.e164) : e164;
};

/** A request as the detail page reads it: its numbers with their readiness, its thread, what the caller may do. */
export async function detailPortabilite(db: Kysely<DB>, acteur: Acteur, id: number) {
  const p = await lirePortabilite(db, id, porteeDuActeur(acteur));
  if (!p) throw introuvable("Demande de portabilité");
  const [lignes, commentaires] = await Promise.all([numerosDemande(db, id), commentairesDemande(db, id)]);
  return {
    ...p,
    numeros: lignes.map((l) => ({
      id: l.id,
      numero: l.numero,
      national: national(l.numero),
      rio: l.rio,
      statut: l.statut,
      motif_rejet: l.motif_rejet,
      preparation: l.preparation,
      controle: preparationDe(l, p),
      did_id: l.did_id,
    })),
    commentaires,
    actions_possibles: actionsPossiblesPortabilite(acteur, p.statut),
    modifiable: modifiable(acteur, p.statut),
    preparable:
      peut(acteur, "portabilites:traiter") && ["BROUILLON", "SOUMISE", "DATE_CONFIRMEE"].includes(p.statut),
  };
}
