import { Type } from "@sinclair/typebox";
import { ApiError } from "../../http/errors.js";

export const TYPES_IMPORT = ["numeros", "affectations", "clients", "campagnes", "configs"] as const;
export type TypeImport = (typeof TYPES_IMPORT)[number];

/**
 * The fields of each kind and the column names recognised for them, French and English; the first name is the
 * one `telephony export` writes, so an export reads back as is.
 */
export const CHAMPS: Record<TypeImport, Record<string, { noms: string[]; requis?: boolean }>> = {
  numeros: {
    numero: {
      noms: ["numero", "numéro", "number", "did", "sda", "e164", "telephone", "téléphone"],
      requis: true,
    },
    pays: { noms: ["pays", "country"] },
    client: { noms: ["client", "client_code", "customer"] },
    groupement: { noms: ["groupement", "groupement_code", "group"] },
    operateur: { noms: ["operateur", "opérateur", "carrier", "operator"] },
    statut: { noms: ["statut", "status"] },
    type: { noms: ["type", "type_did"] },
    region: { noms: ["region", "région"] },
    equipement: { noms: ["equipement", "équipement", "equipment"] },
    cloud: { noms: ["cloud"] },
    reference_externe: {
      noms: [
        "reference_externe",
        "référence_externe",
        "reference_operateur",
        "carrier_ref",
        "carrier_reference",
      ],
    },
    date_acquisition: { noms: ["date_acquisition", "acquired", "acquisition"] },
    date_activation: { noms: ["date_activation", "activated", "activation"] },
    date_resiliation: {
      noms: ["date_resiliation", "date_résiliation", "résiliation", "resiliation", "terminated"],
    },
    cout_mensuel: { noms: ["cout_mensuel", "coût_mensuel", "monthly_cost"] },
    cout_mise_en_service: { noms: ["cout_mise_en_service", "coût_mise_en_service", "setup_cost"] },
    description: { noms: ["description"] },
    notes: { noms: ["notes", "note", "commentaire"] },
  },
  affectations: {
    numero: {
      noms: ["numero", "numéro", "number", "did", "sda", "e164", "n_sda", "no_sda", "numero_sda", "num_sda"],
      requis: true,
    },
    // campaign_id and config_id: the design's own column names (tel_did_virtual), a code or an id there
    campagne: {
      noms: ["campagne", "campaign", "campagne_code", "hermes_id", "id_hermes", "campaign_id"],
      requis: true,
    },
    config: { noms: ["config", "configuration", "config_code", "config_id"] },
    alias: { noms: ["alias"] },
    priorite: { noms: ["priorite", "priorité", "priority"] },
    date_debut: { noms: ["date_debut", "début", "debut", "start", "date_start"] },
    date_fin: { noms: ["date_fin", "fin", "end", "date_end"] },
    /** One column for both directions: E, S, E/S, entrant, sortant, les deux, in, out, both… */
    sens: { noms: ["sens", "direction", "type", "in_out", "sens_appel", "e_s", "entrant_sortant"] },
    entrant: { noms: ["entrant", "inbound", "in"] },
    sortant: { noms: ["sortant", "outbound", "out"] },
    /** Checked against the campaign's client: a contradiction refuses the row. */
    client: { noms: ["client", "client_code", "customer"] },
    /** The number's carrier: given to a number the import creates (--create-missing), checked against others. */
    operateur: { noms: ["operateur", "opérateur", "carrier", "operator"] },
  },
  clients: {
    code: { noms: ["code", "client_code", "client"], requis: true },
    nom: { noms: ["nom", "name", "raison_sociale"], requis: true },
    siret: { noms: ["siret"] },
    adresse: { noms: ["adresse", "address"] },
    contact_nom: { noms: ["contact_nom", "contact"] },
    contact_email: { noms: ["contact_email", "email"] },
    contact_tel: { noms: ["contact_tel", "telephone_contact", "phone"] },
    groupement: { noms: ["groupement", "groupement_code", "group"] },
    groupement_libelle: { noms: ["groupement_libelle", "groupement_nom", "group_name"] },
  },
  campagnes: {
    code: { noms: ["code", "campagne", "campaign"], requis: true },
    nom: { noms: ["nom", "name"], requis: true },
    client: { noms: ["client", "client_code", "customer"], requis: true },
    hermes_id: { noms: ["hermes_id", "id_hermes"] },
    description: { noms: ["description"] },
    prospection: { noms: ["prospection", "prospecting"] },
  },
  configs: {
    code: { noms: ["code", "config", "config_code"], requis: true },
    nom: { noms: ["nom", "name"], requis: true },
    description: { noms: ["description"] },
    config: { noms: ["json", "configuration", "parametres", "paramètres", "settings"], requis: true },
  },
};

const simplifier = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/** The file's columns that feed no field, in the file's order: reported, and refused with --strict. */
export function colonnesIgnorees(entetes: string[], colonnes: Record<string, string>): string[] {
  const prises = new Set(Object.values(colonnes));
  // the reason a refused-lines file adds (rejets.ts) is known: the corrected file imports again, --strict too
  return entetes.filter((e) => !prises.has(e) && e !== "motif_rejet");
}

/**
 * Which file column feeds which field: an explicit mapping (field → column) first, then the known names.
 * A required field without a column stops the import before any row is read.
 */
export function associerColonnes(
  type: TypeImport,
  entetes: string[],
  mapping: Record<string, string> = {},
): Record<string, string> {
  return associerChamps(CHAMPS[type], type, entetes, mapping);
}

/** The same, for any file's fields (a carrier's invoice lines, the platform's call records). */
export function associerChamps(
  champs: Record<string, { noms: string[]; requis?: boolean }>,
  type: string,
  entetes: string[],
  mapping: Record<string, string> = {},
): Record<string, string> {
  const resultat = trouverChamps(champs, type, entetes, mapping);
  const manquants = Object.entries(champs)
    .filter(([c, d]) => d.requis && !resultat[c])
    .map(([c]) => c);
  if (manquants.length)
    throw new ApiError(
      422,
      "COLONNE_ABSENTE",
      `Colonne(s) obligatoire(s) introuvable(s) : ${manquants.join(", ")}. Colonnes du fichier : ${entetes.join(", ")}.`,
    );
  return resultat;
}

/** The columns a mapping and the known names give the fields, required ones missing or not (a proposal). */
export function trouverChamps(
  champs: Record<string, { noms: string[]; requis?: boolean }>,
  type: string,
  entetes: string[],
  mapping: Record<string, string> = {},
): Record<string, string> {
  const parNom = new Map(entetes.map((e) => [simplifier(e), e]));
  const resultat: Record<string, string> = {};
  for (const [champ, colonne] of Object.entries(mapping)) {
    if (!(champ in champs))
      throw new ApiError(422, "CORRESPONDANCE_INVALIDE", `Champ inconnu pour ${type} : « ${champ} ».`);
    const trouvee = entetes.find((e) => e === colonne) ?? parNom.get(simplifier(colonne));
    if (!trouvee)
      throw new ApiError(
        422,
        "COLONNE_ABSENTE",
        `Colonne « ${colonne} » absente du fichier (pour ${champ}).`,
      );
    resultat[champ] = trouvee;
  }
  const prises = new Set(Object.values(resultat));
  for (const [champ, def] of Object.entries(champs)) {
    if (resultat[champ]) continue;
    const nom = def.noms.map(simplifier).find((n) => parNom.has(n) && !prises.has(parNom.get(n) as string));
    if (nom) {
      resultat[champ] = parNom.get(nom) as string;
      prises.add(resultat[champ]);
    }
  }
  return resultat;
}

/**
 * The template of a kind: a header row with the name `telephony export` writes for each field, which the import
 * reads back. The single direction column (sens) is for legacy files: the template has entrant and sortant.
 */
export function modeleCsv(type: TypeImport): string {
  const noms = Object.entries(CHAMPS[type])
    .filter(([champ]) => !(type === "affectations" && champ === "sens"))
    .map(([, d]) => d.noms[0]);
  return `\uFEFF${noms.join(";")}\r\n`;
}

/** The query parameter every upload takes: which column of the file feeds which field. */
export const ParamColonnes = Type.String({
  maxLength: 2000,
  description:
    'Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus.',
});

/** The mapping an upload was given, read and checked: a field → column object, or a clear refusal. */
export function lireCorrespondances(texte: string | undefined): Record<string, string> | undefined {
  if (texte === undefined || texte === "") return undefined;
  let lu: unknown;
  try {
    lu = JSON.parse(texte);
  } catch {
    throw new ApiError(422, "CORRESPONDANCE_INVALIDE", "colonnes : JSON illisible.");
  }
  if (
    typeof lu !== "object" ||
    lu === null ||
    Array.isArray(lu) ||
    Object.values(lu).some((v) => typeof v !== "string")
  )
    throw new ApiError(
      422,
      "CORRESPONDANCE_INVALIDE",
      "colonnes : un objet champ → nom de colonne est attendu.",
    );
  return lu as Record<string, string>;
}
