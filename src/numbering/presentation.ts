// The caller-ID rules (ARCEP): which number a contact centre may present on an outbound call for a campaign.
// One function, read by the assignment check of the API, the import, and the routing (lookups and files).

export interface RefusPresentation {
  code: "MOBILE_INTERDIT_SORTANT" | "NPV_OBLIGATOIRE";
  raison: string;
}

/** Why a number of this type may not be presented for this campaign, or undefined when it may. */
export function refusPresentation(
  typeNumero: string | null,
  campagne: { prospection: boolean },
): RefusPresentation | undefined {
  if (typeNumero === "MOBILE")
    return {
      code: "MOBILE_INTERDIT_SORTANT",
      raison:
        "Un numéro mobile (06/07) ne peut pas être présenté en appel sortant par un centre d'appels (ARCEP).",
    };
  if (campagne.prospection && typeNumero !== "NPV")
    return {
      code: "NPV_OBLIGATOIRE",
      raison:
        "Une campagne de prospection ne présente que des numéros NPV (ARCEP, depuis le 1er janvier 2023).",
    };
  return undefined;
}
