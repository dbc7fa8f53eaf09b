import type { Config } from "../../config.js";
import { dateHeureFr } from "../../heure-metier.js";
import type { Executor } from "../audit/audit.repository.js";
import { emailsDuPersonnel, mettreEnFile } from "../notifications/notifications.repository.js";

// A port-in's events, told to the staff and to the client's requester by e-mail, and to the webhooks (signed like an
// order's), queued in the caller's transaction: they exist if and only if the change is committed.

export const EVENEMENTS_PORTABILITE = {
  SOUMISE: "portabilite.soumise",
  REJETEE: "portabilite.rejetee",
  NUMEROS_REJETES: "portabilite.numeros_rejetes",
  DATE_CONFIRMEE: "portabilite.date_confirmee",
  RAPPEL_J7: "portabilite.rappel_j7",
  RAPPEL_J1: "portabilite.rappel_j1",
  PORTEE: "portabilite.portee",
  ECHEC: "portabilite.echec",
  ECHEC_ACTIVATION: "portabilite.echec_activation",
  SORTANTE: "portabilite.sortante",
} as const;
export type EvenementPortabilite = (typeof EVENEMENTS_PORTABILITE)[keyof typeof EVENEMENTS_PORTABILITE];

const TITRES: Record<EvenementPortabilite, string> = {
  "portabilite.soumise": "soumise",
  "portabilite.rejetee": "rejetée par l'opérateur donneur",
  "portabilite.numeros_rejetes": "numéros rejetés",
  "portabilite.date_confirmee": "date de bascule confirmée",
  "portabilite.rappel_j7": "bascule dans 7 jours",
  "portabilite.rappel_j1": "bascule demain",
  "portabilite.portee": "bascule faite : les numéros sont en service",
  "portabilite.echec": "bascule échouée",
  "portabilite.echec_activation": "activation impossible à l'heure de la bascule",
  "portabilite.sortante": "portabilité sortante enregistrée",
};

export interface PortabiliteNotifiee {
  id: number;
  reference: string;
  client: string;
  demandeur_email: string | null;
  statut: string;
  bascule_le: Date | null;
  numeros: number;
  commentaire?: string | null;
}

const heureParis = (d: Date) => `${dateHeureFr(d).replace(" ", " à ")} (heure de Paris)`;

export async function notifierPortabilite(
  trx: Executor,
  config: Pick<Config, "valideursEmails" | "webhookUrls">,
  evenement: EvenementPortabilite,
  p: PortabiliteNotifiee,
  maintenant: Date,
) {
  const destinataires = new Set([...(await emailsDuPersonnel(trx)), ...config.valideursEmails]);
  // staff-only events: an activation that failed is theirs to fix
  if (p.demandeur_email && evenement !== EVENEMENTS_PORTABILITE.ECHEC_ACTIVATION)
    destinataires.add(p.demandeur_email);
  const sujet = `[SDA] Portabilité ${p.reference} (${p.client}) : ${TITRES[evenement]}`;
  const corps = [
    `Demande de portabilité ${p.reference} — client ${p.client}`,
    `${p.numeros} numéro(s)`,
    `Statut : ${p.statut}`,
    ...(p.bascule_le ? [`Bascule : ${heureParis(p.bascule_le)}`] : []),
    ...(p.commentaire ? [`Commentaire : ${p.commentaire}`] : []),
  ].join("\n");
  const lignes = [
    ...[...destinataires].map((d) => ({ canal: "EMAIL" as const, destinataire: d, sujet, corps })),
    ...config.webhookUrls.map((u) => ({
      canal: "WEBHOOK" as const,
      destinataire: u,
      sujet: evenement,
      corps: JSON.stringify({
        evenement,
        portabilite: { ...p, bascule_le: p.bascule_le?.toISOString() ?? null },
        date: maintenant.toISOString(),
      }),
    })),
  ];
  if (lignes.length > 0)
    await mettreEnFile(
      trx,
      lignes.map((l) => ({ ...l, evenement, commande_id: null })),
    );
  return lignes.length;
}
