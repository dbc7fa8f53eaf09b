import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  usePermissions,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { DateFr } from "../composants/DateHeureParis";
import { type Permissions, peut } from "../providers/authProvider";
import { Apercu } from "./Apercu";
import { lireNumerosSaisis } from "./commun";

function ApercuDuFormulaire() {
  const [client, texte] = useWatch({ name: ["client_id", "numeros_texte"] });
  return <Apercu clientId={client} texte={texte ?? ""} />;
}

/** A port-in request: who, from which operator to which of ours, the numbers (with their preview), the wish. */
export function PortabiliteCreate() {
  const { permissions } = usePermissions<Permissions>();
  const personnel = peut(permissions, "portabilites:traiter");
  return (
    <Create
      title="Nouvelle demande de portabilité"
      redirect="show"
      transform={({ numeros_texte, ...r }: Record<string, unknown>) => ({
        ...r,
        numeros: lireNumerosSaisis(String(numeros_texte ?? "")),
      })}
    >
      <SimpleForm>
        {personnel && (
          <ReferenceInput
            source="client_id"
            reference="clients"
            filter={{ actif: true }}
            sort={{ field: "nom", order: "ASC" }}
          >
            <AutocompleteInput label="Client" optionText="nom" validate={required()} fullWidth />
          </ReferenceInput>
        )}
        <TextInput
          source="operateur_donneur"
          label="Opérateur donneur (qui a les numéros aujourd'hui)"
          validate={required()}
          fullWidth
        />
        <ReferenceInput
          source="operateur_id"
          reference="operateurs"
          filter={{ actif: true }}
          sort={{ field: "nom", order: "ASC" }}
        >
          <AutocompleteInput
            label="Opérateur receveur (le nôtre)"
            optionText="nom"
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <TextInput
          source="numeros_texte"
          label="Numéros à porter"
          multiline
          minRows={4}
          fullWidth
          validate={required()}
          helperText="Un par ligne : un numéro ou une plage (01 42 68 77 00 - 01 42 68 77 09), suivi de son RIO s'il y en a un"
        />
        <ApercuDuFormulaire />
        <DateFr source="date_souhaitee" label="Date souhaitée" />
        <TextInput source="mandat_signataire" label="Signataire du mandat" fullWidth />
        <TextInput source="notes" label="Notes" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
