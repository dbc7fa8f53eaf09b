import {
  AutocompleteInput,
  BooleanInput,
  Create,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from "react-admin";
import { STATUTS_DETENUS } from "../../../src/modules/dids/statuts";
import type { Tranche } from "../api/types";
import { DateFr } from "../composants/DateHeureParis";
import { Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { jourFr } from "../composants/jour";
import { type Permissions, peut } from "../providers/authProvider";

/** Numbers of a block in use (held by a client), in stock, terminated: the three figures people ask for. */
export function occupation(usage: Record<string, number>) {
  const tenus = STATUTS_DETENUS.reduce((n, s) => n + (usage[s] ?? 0), 0);
  return {
    tenus,
    libres: usage.DISPONIBLE ?? 0,
    resilies: usage.RESILIE ?? 0,
    commandes: usage.COMMANDE ?? 0,
  };
}

export const plage = (t: Pick<Tranche, "premier" | "dernier">) =>
  `${numeroLisible(t.premier)} – ${numeroLisible(t.dernier)}`;

export function TrancheList() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <List
      title="Tranches des opérateurs"
      empty={false}
      sort={{ field: "premier", order: "ASC" }}
      filters={[
        <ReferenceInput key="op" source="operateur_id" reference="operateurs" label="Opérateur" alwaysOn>
          <AutocompleteInput label="Opérateur" optionText="nom" />
        </ReferenceInput>,
        <SelectInput
          key="actif"
          source="actif"
          label="État"
          alwaysOn
          choices={[
            { id: true, name: "En service" },
            { id: false, name: "Restituées" },
          ]}
        />,
        <TextInput key="contient" source="contient" label="Contient le numéro" />,
      ]}
      actions={
        <TopToolbar>
          {peut(permissions, "tranches:gerer") && <CreateButton label="Nouvelle tranche" />}
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Vide>Aucune tranche.</Vide>}>
        <FunctionField label="Plage" sortable={false} render={(t: Tranche) => plage(t)} />
        <TextField source="operateur" label="Opérateur" sortable={false} />
        <TextField source="reference_operateur" label="Référence" sortable={false} emptyText="—" />
        <TextField source="taille" label="Numéros" sortable={false} />
        <FunctionField
          label="Occupation"
          sortable={false}
          render={(t: Tranche) => {
            const o = occupation(t.usage);
            return `${o.tenus} tenus · ${o.libres} libres · ${o.resilies} résiliés`;
          }}
        />
        <FunctionField label="Reçue le" sortable={false} render={(t: Tranche) => jourFr(t.date_reception)} />
        <FunctionField
          label="État"
          sortable={false}
          render={(t: Tranche) => (t.actif ? "En service" : "Restituée")}
        />
      </Datagrid>
    </List>
  );
}

export function TrancheCreate() {
  return (
    <Create title="Nouvelle tranche" redirect="show">
      <SimpleForm>
        <ReferenceInput source="operateur_id" reference="operateurs">
          <AutocompleteInput label="Opérateur" optionText="nom" validate={required()} />
        </ReferenceInput>
        <TextInput source="reference_operateur" label="Référence du contrat chez l'opérateur" />
        <TextInput
          source="premier"
          label="Premier numéro"
          validate={required()}
          helperText="ex. 01 84 88 01 00"
        />
        <TextInput
          source="dernier"
          label="Dernier numéro"
          validate={required()}
          helperText="ex. 01 84 88 01 99"
        />
        <DateFr source="date_reception" label="Reçue le (jj/mm/aaaa)" />
        <BooleanInput
          source="creer_numeros"
          label="Créer en stock les numéros de la plage absents de l'inventaire"
          defaultValue
        />
        <TextInput source="notes" label="Notes" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
