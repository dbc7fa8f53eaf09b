import type { Insertable, Kysely, Updateable } from "kysely";
import { parmiIds } from "../../db/parmi.js";
import type { DB, NotificationTable } from "../../db/schema.js";
import { enTransaction } from "../../db/transaction.js";
import type { Executor } from "../audit/audit.repository.js";

// The outbox of order notifications (e-mails and webhooks), and who is told of a submitted order.

/** The e-mail addresses of the active staff (admins and managers) who have one. */
export async function emailsDuPersonnel(db: Executor): Promise<string[]> {
  const staff = await db
    .selectFrom("tel_utilisateur")
    .select("email")
    .where("role", "in", ["admin", "gestionnaire"])
    .where("actif", "=", true)
    .where("email", "is not", null)
    .execute();
  return staff.map((s) => s.email as string);
}

export async function mettreEnFile(db: Executor, lignes: Insertable<NotificationTable>[]) {
  await db.insertInto("tel_notification").values(lignes).execute();
}

/**
 * Claims up to `taille` notifications due at `maintenant` with a lease of `bailMs`, in a short transaction of
 * their own: what is sent is sent outside it (a slow SMTP never holds a lock), and a crash mid-send only delays them.
 */
export function reserverLot(db: Kysely<DB>, maintenant: Date, taille: number, bailMs: number) {
  return enTransaction(db, async (trx) => {
    const dus = await trx
      .selectFrom("tel_notification")
      .selectAll()
      .where("statut", "=", "EN_ATTENTE")
      .where("prochain_essai", "<=", maintenant)
      .orderBy("id")
      .limit(taille)
      .forUpdate()
      .skipLocked()
      .execute();
    if (dus.length > 0) {
      await trx
        .updateTable("tel_notification")
        .set({ prochain_essai: new Date(maintenant.getTime() + bailMs) })
        .where(
          parmiIds(
            "id",
            dus.map((n) => n.id),
          ),
        )
        .execute();
    }
    return dus;
  });
}

export async function ecrireNotification(db: Kysely<DB>, id: number, valeurs: Updateable<NotificationTable>) {
  await db.updateTable("tel_notification").set(valeurs).where("id", "=", id).execute();
}

/** The latest notifications, filtered by order, status or channel. */
export function listerNotifications(
  db: Kysely<DB>,
  f: {
    commande_id?: number | undefined;
    statut?: string | undefined;
    canal?: "EMAIL" | "WEBHOOK" | undefined;
  },
  limite: number,
) {
  let q = db.selectFrom("tel_notification").selectAll();
  if (f.commande_id) q = q.where("commande_id", "=", f.commande_id);
  if (f.statut) q = q.where("statut", "=", f.statut as "EN_ATTENTE");
  if (f.canal) q = q.where("canal", "=", f.canal);
  return q.orderBy("id", "desc").limit(limite).execute();
}
