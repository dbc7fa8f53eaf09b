import { useEffect, useRef } from "react";
import { AutocompleteInput, ReferenceInput } from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";

/**
 * A number's groupement belongs to its client (every client has its own "Siège", "Agence"…): only the chosen
 * client's groupements are offered, and changing the client empties the field instead of keeping another
 * client's groupement, which the API would refuse.
 */
export function GroupementDuClient({ label = "Groupement (facultatif)" }: { label?: string }) {
  const client = useWatch({ name: "client_id" });
  const { setValue } = useFormContext();
  const precedent = useRef(client);
  useEffect(() => {
    if (precedent.current !== client) setValue("groupement_id", null, { shouldDirty: true });
    precedent.current = client;
  }, [client, setValue]);
  if (!client) return null;
  return (
    <ReferenceInput
      source="groupement_id"
      reference="groupements"
      filter={{ client_id: client, actif: true }}
      sort={{ field: "libelle", order: "ASC" }}
      label={label}
    >
      <AutocompleteInput label={label} optionText="libelle" fullWidth />
    </ReferenceInput>
  );
}
