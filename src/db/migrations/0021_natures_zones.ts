import { type Kysely, sql } from "kysely";

// Type and nature are two things (#28). A number's nature (GEO, MOBILE, NPV...) is derived from it and drives the
// rules (caller ID, prospecting); its type is any entry of that nature (a company's "Régionalisé" is a GEO).
// Likewise a region lies inside a zone (PACA, prefix 04, inside SES). Every existing type and region stays as it is:
// the built-in types are their own nature, every existing region its own zone. The natures are written out here, not
// imported: a migration stays what it was when it ran, whatever the code becomes.
const NATURES = [
  "GEO",
  "MOBILE",
  "NPV",
  "NON_GEO",
  "SVA_GRATUIT",
  "SVA_NORMAL",
  "SVA_SURTAXE",
  "INTERNATIONAL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_type_did ADD COLUMN nature text CHECK (nature = ANY (${sql.lit(`{${NATURES.join(",")}}`)}::text[]))`.execute(
    db,
  );
  await sql`UPDATE tel_type_did SET nature = code WHERE code = ANY(${NATURES}::text[])`.execute(db);
  await sql`ALTER TABLE tel_region ADD COLUMN zone text`.execute(db);
  await sql`UPDATE tel_region SET zone = code`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tel_region DROP COLUMN zone`.execute(db);
  await sql`ALTER TABLE tel_type_did DROP COLUMN nature`.execute(db);
}
