import { createHmac } from "node:crypto";
import type { Kysely, Transaction, Updateable } from "kysely";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.js";
import type { DB, NotificationTable } from "../../db/schema.js";
import {
  ecrireNotification,
  emailsDuPersonnel,
  mettreEnFile,
  reserverLot,
} from "./notifications.repository.js";

export const EVENEMENTS = {
  SOUMISE: "commande.soumise",
  VALIDEE: "commande.validee",
  REJETEE: "commande.rejetee",
  LIVREE: "commande.livree",
} as const;

export interface CommandeNotifiee {
  id: number;
  reference: string;
  client: string;
  quantite: number;
  type: string;
  demandeur_email: string | null;
  statut: string;
  commentaire?: string | null;
}

/** Signature header of a webhook: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, as Stripe-style receivers expect. */
export function signer(secret: string, corps: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${corps}`).digest("hex")}`;
}

const SUJETS: Record<string, (c: CommandeNotifiee) => string> = {
  [EVENEMENTS.SOUMISE]: (c) => `[SDA] Commande ${c.reference} à valider (${c.client})`,
  [EVENEMENTS.VALIDEE]: (c) => `[SDA] Votre commande ${c.reference} est validée`,
  [EVENEMENTS.REJETEE]: (c) => `[SDA] Votre commande ${c.reference} est rejetée`,
  [EVENEMENTS.LIVREE]: (c) => `[SDA] Votre commande ${c.reference} est livrée`,
};

/**
 * Queues the e-mails and webhooks of an order event in the caller's transaction: they exist if and only if
 * the status change is committed.
 */
export async function notifier(trx: Transaction<DB>, config: Config, evenement: string, c: CommandeNotifiee) {
  const destinataires = new Set<string>();
  if (evenement === EVENEMENTS.SOUMISE) {
    for (const e of await emailsDuPersonnel(trx)) destinataires.add(e);
    for (const e of config.valideursEmails) destinataires.add(e);
  } else if (c.demandeur_email) {
    destinataires.add(c.demandeur_email);
  }
  const sujet = SUJETS[evenement]?.(c) ?? `[SDA] ${evenement} ${c.reference}`;
  const corps = [
    `Commande ${c.reference} — client ${c.client}`,
    `${c.quantite} numéro(s) de type ${c.type}`,
    `Statut : ${c.statut}`,
    ...(c.commentaire ? [`Commentaire : ${c.commentaire}`] : []),
  ].join("\n");
  const lignes = [
    ...[...destinataires].map((d) => ({ canal: "EMAIL" as const, destinataire: d, sujet, corps })),
    ...config.webhookUrls.map((u) => ({
      canal: "WEBHOOK" as const,
      destinataire: u,
      sujet: evenement,
      corps: JSON.stringify({ evenement, commande: c, date: new Date().toISOString() }),
    })),
  ];
  if (lignes.length === 0) return;
  await mettreEnFile(
    trx,
    lignes.map((l) => ({ ...l, evenement, commande_id: c.id })),
  );
}

/**
 * Queues an event for the staff (their e-mail addresses and the validators') and the webhooks, in the caller's
 * transaction, like an order's: the mandates' end-of-validity alerts go this way.
 */
export async function notifierPersonnel(
  trx: Transaction<DB>,
  config: Config,
  evenement: string,
  message: { sujet: string; corps: string; donnees: Record<string, unknown> },
  maintenant: Date,
) {
  const destinataires = new Set([...(await emailsDuPersonnel(trx)), ...config.valideursEmails]);
  const lignes = [
    ...[...destinataires].map((d) => ({
      canal: "EMAIL" as const,
      destinataire: d,
      sujet: message.sujet,
      corps: message.corps,
    })),
    ...config.webhookUrls.map((u) => ({
      canal: "WEBHOOK" as const,
      destinataire: u,
      sujet: evenement,
      corps: JSON.stringify({ evenement, ...message.donnees, date: maintenant.toISOString() }),
    })),
  ];
  if (lignes.length > 0)
    await mettreEnFile(
      trx,
      lignes.map((l) => ({ ...l, evenement, commande_id: null })),
    );
  return lignes.length;
}

const ESSAIS_MAX = 8;

/**
 * Sends what the outbox holds. Several instances may run it: rows are claimed with SKIP LOCKED. A failure is
 * retried with exponential back-off (2 s, 4 s, 8 s... capped at one hour), then marked ECHEC.
 */
export class Expediteur {
  private transport: Transporter | undefined;
  private enCours: Promise<number> | undefined;
  private relance = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
    private readonly horloge: () => Date = () => new Date(),
  ) {
    if (config.smtpUrl) this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  /** Asks for a sending round soon, without waiting for it; rounds never overlap. */
  reveiller() {
    if (this.enCours) {
      this.relance = true;
      return;
    }
    this.envoyer().catch(() => {});
  }

  async envoyer(): Promise<number> {
    if (this.enCours) return this.enCours;
    this.enCours = (async () => {
      let total = 0;
      try {
        for (;;) {
          const n = await this.tour();
          total += n;
          if (n === 0 && !this.relance) break;
          this.relance = false;
        }
      } finally {
        this.enCours = undefined;
      }
      return total;
    })();
    return this.enCours;
  }

  private async tour(): Promise<number> {
    const maintenant = this.horloge();
    // Claim a batch with a five-minute lease in a short transaction, then send outside it: a slow SMTP or
    // webhook receiver never holds database locks (PGlite has a single connection).
    const lot = await reserverLot(this.db, maintenant, 20, 300_000);
    for (const n of lot) {
      const maj = (valeurs: Updateable<NotificationTable>) => ecrireNotification(this.db, n.id, valeurs);
      if (n.canal === "EMAIL" && !this.transport) {
        await maj({
          statut: "NON_ENVOYEE",
          derniere_erreur: "Pas de serveur SMTP configuré : message gardé dans la boîte d'envoi.",
        });
        continue;
      }
      try {
        if (n.canal === "EMAIL") {
          await this.transport?.sendMail({
            from: this.config.mailFrom,
            to: n.destinataire,
            subject: n.sujet,
            text: n.corps,
          });
        } else {
          await this.posterWebhook(n.destinataire, n.sujet, n.corps);
        }
        await maj({ statut: "ENVOYEE", date_envoi: this.horloge(), tentatives: n.tentatives + 1 });
      } catch (e) {
        const tentatives = n.tentatives + 1;
        const attente = Math.min(3600, 2 ** tentatives) * 1000;
        await maj({
          tentatives,
          statut: tentatives >= ESSAIS_MAX ? "ECHEC" : "EN_ATTENTE",
          prochain_essai: new Date(this.horloge().getTime() + attente),
          derniere_erreur: (e instanceof Error ? e.message : String(e)).slice(0, 1000),
        });
      }
    }
    return lot.length;
  }

  private async posterWebhook(url: string, evenement: string, corps: string) {
    const r = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-telephony-event": evenement,
        "x-telephony-signature": signer(this.config.webhookSecret ?? "", corps),
      },
      body: corps,
      signal: AbortSignal.timeout(10_000),
    });
    if (!r.ok) throw new Error(`Le destinataire du webhook a répondu ${r.status}.`);
  }

  fermer() {
    this.transport?.close();
  }
}
