import { Alert } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  Create,
  Edit,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetIdentity,
  useGetOne,
  usePermissions,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { api, reponse } from "../api/client";
import { DateFr } from "../composants/DateHeureParis";
import { type Permissions, peut } from "../providers/authProvider";
import { URGENCES } from "./CommandeList";

/** "12 numéros NPV disponibles en Île-de-France": the client's stock that already matches the request. */
function IndiceStock() {
  const [client, type, region] = useWatch({ name: ["client_id", "type_did_id", "region_id"] });
  const { data: t } = useGetOne("types-did", { id: type }, { enabled: !!type });
  const { data: r } = useGetOne("regions", { id: region }, { enabled: !!region });
  const { data } = useQuery({
    queryKey: ["stock", client, type, region],
    enabled: !!client && !!type,
    queryFn: () =>
      reponse(
        api.GET("/api/v1/dids", {
          params: {
            query: {
              statut: "DISPONIBLE",
              client_id: client,
              type_id: type,
              ...(region ? { region_id: region } : {}),
              par_page: 1,
            },
          },
        }),
      ),
  });
  if (!client || !type || !data) return null;
  const lieu = r ? ` en ${r.libelle}` : "";
  return (
    <Alert severity={data.total > 0 ? "info" : "warning"} sx={{ mb: 2 }} data-testid="indice-stock">
      {data.total === 0
        ? `Aucun numéro ${t?.libelle ?? ""} disponible${lieu} dans le stock de ce client.`
        : `${data.total} numéro${data.total > 1 ? "s" : ""} ${t?.libelle ?? ""} disponible${data.total > 1 ? "s" : ""}${lieu} dans le stock de ce client.`}
    </Alert>
  );
}

function Champs({ personnel }: { personnel: boolean }) {
  return (
    <>
      {personnel && (
        <ReferenceInput
          source="client_id"
          reference="clients"
          filter={{ actif: true }}
          sort={{ field: "nom", order: "ASC" }}
          label="Client"
        >
          <AutocompleteInput label="Client" optionText="nom" validate={required()} fullWidth />
        </ReferenceInput>
      )}
      <ReferenceInput
        source="type_did_id"
        reference="types-did"
        filter={{ actif: true }}
        sort={{ field: "libelle", order: "ASC" }}
        label="Type de numéro"
      >
        <SelectInput label="Type de numéro" optionText="libelle" validate={required()} fullWidth />
      </ReferenceInput>
      <ReferenceInput
        source="region_id"
        reference="regions"
        filter={{ actif: true }}
        sort={{ field: "libelle", order: "ASC" }}
        label="Région"
      >
        <AutocompleteInput label="Région" optionText="libelle" fullWidth />
      </ReferenceInput>
      <NumberInput
        source="quantite"
        label="Quantité (1 à 1 000)"
        validate={[required(), minValue(1), maxValue(1000)]}
      />
      <IndiceStock />
      <SelectInput source="urgence" label="Urgence" choices={URGENCES} validate={required()} />
      <DateFr source="date_souhaitee" label="Date souhaitée" />
      <TextInput
        source="prefixe_souhaite"
        label="Préfixe souhaité (facultatif)"
        helperText="Les premiers chiffres des numéros voulus : 01 42, 0142…"
        // « 01 42 » as people write it; the API takes the digits
        parse={(v: string) => (v ? v.replace(/[\s.]/g, "") : null)}
      />
      <TextInput source="motif" label="Motif de la demande" multiline fullWidth />
      <TextInput source="demandeur_nom" label="Demandeur" validate={required()} />
      <TextInput source="demandeur_email" label="E-mail du demandeur" type="email" />
      <TextInput source="demandeur_tel" label="Téléphone du demandeur" />
    </>
  );
}

export function CommandeCreate() {
  const { permissions } = usePermissions<Permissions>();
  const { identity } = useGetIdentity();
  const personnel = peut(permissions, "commandes:traiter");
  if (!permissions) return null;
  return (
    <Create title="Nouvelle demande de numéros" redirect="show">
      <SimpleForm
        defaultValues={{
          urgence: "NORMALE",
          quantite: 1,
          ...(personnel ? {} : { client_id: permissions.client_id }),
          demandeur_nom: (identity as { nom?: string } | undefined)?.nom ?? "",
        }}
        sx={{ maxWidth: 640 }}
      >
        <Champs personnel={personnel} />
      </SimpleForm>
    </Create>
  );
}

export function CommandeEdit() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <Edit title="Modifier le brouillon" mutationMode="pessimistic" redirect="show">
      <SimpleForm sx={{ maxWidth: 640 }}>
        <Champs personnel={peut(permissions, "commandes:traiter")} />
      </SimpleForm>
    </Edit>
  );
}
