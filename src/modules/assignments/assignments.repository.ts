import type { Executor } from "../history/audit.repository.js";
import { courante } from "./courante.js";

/** Assignments with their number, campaign and configuration codes, and whether they are current at `maintenant`. */
export function selectAffectation(db: Executor, maintenant: Date) {
  return db
    .selectFrom("tel_did_virtual as v")
    .innerJoin("tel_did as d", "d.id", "v.did_id")
    .innerJoin("tel_campaign as c", "c.id", "v.campaign_id")
    .leftJoin("tel_did_config as cf", "cf.id", "v.config_id")
    .select([
      "v.id",
      "v.did_id",
      "d.did_format_e164",
      "c.client_id",
      "v.campaign_id",
      "c.code as campaign_code",
      "c.hermes_id",
      "v.config_id",
      "cf.code as config_code",
      "v.alias",
      "v.priorite",
      "v.date_debut",
      "v.date_fin",
      "v.entrant",
      "v.sortant",
      courante(maintenant).as("courante"),
      "v.actif",
      "v.version",
      "v.date_creation",
      "v.date_modification",
    ]);
}
