import { type Kysely, sql } from "kysely";

// The statuses said the design's words where the product means something else (#28): DISPONIBLE is in stock with
// no client, not "disponible sur le client". A description an administrator has edited stays as it is.
const DESCRIPTIONS: Array<[code: string, avant: string, apres: string]> = [
  [
    "COMMANDE",
    "Numéro en cours de commande auprès de l'opérateur",
    "Commandé à l'opérateur, pas encore livré",
  ],
  [
    "DISPONIBLE",
    "Numéro disponible sur le client, non affecté à une campagne",
    "En stock : livré, sans client, prêt à être attribué",
  ],
  [
    "AFFECTE",
    "Numéro attribué à un client mais non utilisé actuellement",
    "Détenu par un client, sans affectation de campagne en cours",
  ],
  [
    "UTILISE",
    "Numéro en production active",
    "Détenu par un client et en production : une affectation de campagne en cours",
  ],
  [
    "RESILIE",
    "Numéro non actif, libéré ou en cours de résiliation",
    "Résilié auprès de l'opérateur ; gelé avant d'aller à un autre client",
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [code, avant, apres] of DESCRIPTIONS)
    await sql`UPDATE tel_statut_did SET description = ${apres} WHERE code = ${code} AND description = ${avant}`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [code, avant, apres] of DESCRIPTIONS)
    await sql`UPDATE tel_statut_did SET description = ${avant} WHERE code = ${code} AND description = ${apres}`.execute(
      db,
    );
}
