import type { Command } from "commander";
import { lireIsoMetier } from "../heure-metier.js";
import { ApiError } from "../http/errors.js";
import { acteurCli } from "../modules/auth/acteur.js";
import { idsParE164 } from "../modules/instant/instant.repository.js";
import {
  estComplete,
  instantDemande,
  numeroALInstant,
  type ReponseInstant,
} from "../modules/instant/instant.service.js";
import { normaliser } from "../numbering/index.js";
import type { Outils } from "./sortie.js";

type Reponse = ReponseInstant;
const nomDe = (v: unknown) =>
  v && typeof v === "object" ? String((v as { code?: string }).code ?? (v as { id?: number }).id ?? "") : "—";
const depuis = (l: { action: string; date_action: Date | string } | null) =>
  l ? ` (${l.action}, ${new Date(l.date_action).toISOString()})` : "";

/** The answer in lines a support person reads on a terminal. */
function lignes(r: Reponse): string[] {
  const tete = `${r.numero} au ${r.instant.toISOString()}`;
  if (!estComplete(r)) return [`${tete} : ${r.message}`];
  return [
    tete,
    `  statut : ${r.statut.valeur ?? "—"}${depuis(r.statut.ligne)}`,
    `  client : ${nomDe(r.client.valeur)}${depuis(r.client.ligne)}`,
    `  groupement : ${nomDe(r.groupement.valeur)}${depuis(r.groupement.ligne)}`,
    `  opérateur : ${nomDe(r.operateur.valeur)}${depuis(r.operateur.ligne)}`,
    `  entrant : ${r.entrant ? `${r.entrant.campagne.code} (Hermes ${r.entrant.campagne.hermes_id ?? "—"}, configuration ${r.entrant.config_code ?? "—"})` : "—"}`,
    `  sortant : ${r.sortants.map((s) => `${s.campagne.code} (priorité ${s.priorite ?? "—"}, ${s.fondement ?? "sans fondement"})`).join(", ") || "—"}`,
    `  routage déployé : ${r.routage?.map((p) => `${p.fichier} v${p.version}`).join(", ") || "—"}`,
  ];
}

export function commandesHistorique(programme: Command, { io, avecBase }: Outils) {
  programme
    .command("historique <numero>")
    .description(
      "Qui détenait un numéro et où allaient ses appels à un instant : statut, client, campagnes, opérateur, routage déployé, d'après l'historique",
    )
    .option(
      "--a <instant>",
      "l'instant (ISO 8601, ou date et heure de Paris : 2025-03-14T10:00) ; maintenant sans",
    )
    .option("--json", "la réponse en JSON")
    .action(async (numero: string, o: { a?: string; json?: boolean }) => {
      const n = normaliser(numero, "FR", { plagesInconnues: true });
      if (!n.ok) throw new ApiError(422, n.code, n.raison);
      const instant = o.a ? instantDemande(o.a, lireIsoMetier) : new Date();
      await avecBase(async ({ db }) => {
        const [did] = await idsParE164(db, [n.numero.e164]);
        if (!did) throw new ApiError(404, "INTROUVABLE", `Numéro introuvable : ${n.numero.e164}.`);
        const r = await numeroALInstant(db, acteurCli(), did.id, instant);
        if (o.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
        else for (const l of lignes(r)) io.ligne(l);
      });
    });
}
