// The demo data set: clients, groupements, campaigns and numbering blocks that look like a French contact centre's.

export const CLIENTS = [
  {
    code: "ASSURPLUS",
    nom: "AssurPlus Mutuelle",
    siret: "41234567800019",
    contact_nom: "Claire Martin",
    ville: "Paris",
  },
  {
    code: "ENERGIA",
    nom: "Energia Fournisseur d'énergie",
    siret: "52345678900027",
    contact_nom: "Marc Dubois",
    ville: "Lyon",
  },
  {
    code: "TELEVENTE",
    nom: "Télévente Conseil",
    siret: "63456789000035",
    contact_nom: "Sophie Laurent",
    ville: "Lille",
  },
  {
    code: "BANQUENORD",
    nom: "Banque du Nord",
    siret: "74567890100043",
    contact_nom: "Julien Petit",
    ville: "Rouen",
  },
  {
    code: "SANTEDIRECT",
    nom: "Santé Direct",
    siret: "85678901200051",
    contact_nom: "Nadia Benali",
    ville: "Bordeaux",
  },
];
export const GROUPEMENTS = [
  ["ADMIN", "Administration"],
  ["PROD", "Production"],
  ["SUPPORT", "Support"],
] as const;
export const CAMPAGNES: Array<[suffixe: string, nom: string, prospection: boolean]> = [
  ["SAV", "Service client entrant", false],
  ["RELANCE", "Relance clients sortant", false],
  ["PROSPECT", "Prospection commerciale", true],
];

// Prefixes to draw numbers from: [prefix dialled in France, weight]
export const TRANCHES: Array<[string, number, string?]> = [
  ["014", 12],
  ["015", 8],
  ["023", 6],
  ["029", 4],
  ["038", 6],
  ["032", 4],
  ["044", 8],
  ["049", 6],
  ["055", 6],
  ["056", 4],
  ["0162", 6],
  ["0163", 3],
  ["0270", 4],
  ["0377", 4],
  ["0424", 5],
  ["0568", 4],
  ["0948", 3],
  ["0970", 5],
  ["0612", 2],
  ["0756", 1],
  ["0800", 2],
  ["0806", 1],
  ["0810", 1],
  ["026230", 1],
  ["059681", 1],
  ["0251122", 0],
  ["022", 1, "BE"],
  ["044668", 1, "CH"],
  ["0207946", 1, "GB"],
];

/** The item whose cumulated weight first exceeds `valeur`. */
