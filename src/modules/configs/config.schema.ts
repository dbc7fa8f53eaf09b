import { Type } from "@sinclair/typebox";
import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";

const Heure = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM" });
const Plage = Type.Object({ debut: Heure, fin: Heure }, { additionalProperties: false });
export const JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

/** The known keys of a number's configuration; other keys are the installation's custom parameters. */
export const SchemaConfig = Type.Object(
  {
    nom_site: Type.Optional(Type.String({ maxLength: 200 })),
    couleur: Type.Optional(Type.String({ pattern: "^#[0-9A-Fa-f]{6}$", description: "#RRGGBB" })),
    logo: Type.Optional(Type.String({ format: "uri", pattern: "^https?://", maxLength: 2000 })),
    message_accueil: Type.Optional(Type.String({ maxLength: 2000 })),
    horaires: Type.Optional(
      Type.Object(
        Object.fromEntries(JOURS.map((j) => [j, Type.Optional(Type.Union([Plage, Type.Null()]))])),
        {
          additionalProperties: false,
        },
      ),
    ),
    redirection_hors_horaires: Type.Optional(
      Type.String({
        maxLength: 40,
        description: "Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164",
      }),
    ),
    options: Type.Optional(
      Type.Object(
        {
          enregistrement: Type.Optional(Type.Boolean()),
          musique_attente: Type.Optional(Type.Boolean()),
          annonce_position: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: true },
      ),
    ),
  },
  {
    additionalProperties: true,
    maxProperties: 100,
    description: "Configuration JSON : clés connues validées, clés personnalisées permises",
  },
);

/**
 * Rules JSON Schema cannot say: opening before closing, a redirect that is a real number. The redirect is
 * written as any other number field accepts it and kept in E.164 (the object is updated in place).
 */
export function verifierConfig(config: Record<string, unknown>) {
  const horaires = config.horaires as Record<string, { debut: string; fin: string } | null> | undefined;
  for (const [jour, plage] of Object.entries(horaires ?? {})) {
    if (plage && plage.debut >= plage.fin) {
      throw new ApiError(
        422,
        "CONFIG_INVALIDE",
        `Horaires du ${jour} : l'ouverture doit précéder la fermeture.`,
        [{ champ: `config.horaires.${jour}`, message: "Début avant fin." }],
      );
    }
  }
  const redirection = config.redirection_hors_horaires;
  if (typeof redirection === "string") {
    const n = normaliser(redirection);
    if (!n.ok)
      throw new ApiError(
        422,
        "CONFIG_INVALIDE",
        `La redirection hors horaires n'est pas un numéro valide : ${n.raison}`,
        [{ champ: "config.redirection_hors_horaires", message: n.raison }],
      );
    config.redirection_hors_horaires = n.numero.e164;
  }
  if (JSON.stringify(config).length > 64_000) {
    throw new ApiError(422, "CONFIG_INVALIDE", "La configuration dépasse 64 Ko.");
  }
}
