import {
  AutocompleteInput,
  Create,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
} from "react-admin";
import { DateHeureParis } from "../composants/DateHeureParis";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";

type Sortante = { nombre: number; numeros: string[]; statut: string };

/** Port-outs: which of a client's numbers leave for which operator, and when routing stops for them. */
export function SortanteList() {
  return (
    <List
      title="Portabilités sortantes"
      actions={
        <TopToolbar>
          <CreateButton label="Enregistrer une portabilité sortante" />
        </TopToolbar>
      }
      empty={<Vide>Aucune portabilité sortante enregistrée.</Vide>}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="client" label="Client" sortable={false} />
        <TextField source="operateur_receveur" label="Vers l'opérateur" sortable={false} />
        <DateParis source="effet" label="À partir de (heure de Paris)" avecHeure sortable={false} />
        <FunctionField
          label="Numéros"
          render={(r: Sortante) =>
            `${r.numeros.map((n) => numeroLisible(n)).join(", ")}${r.nombre > r.numeros.length ? ` … (${r.nombre})` : ""}`
          }
        />
        <FunctionField
          label="État"
          render={(r: Sortante) => (r.statut === "PREVUE" ? "Prévue" : "Effectuée")}
        />
      </Datagrid>
    </List>
  );
}

export function SortanteCreate() {
  return (
    <Create
      title="Portabilité sortante"
      redirect="list"
      transform={({ numeros_texte, ...r }: Record<string, unknown>) => ({
        ...r,
        numeros: String(numeros_texte ?? "")
          .split(/[\r\n;,]+/)
          .map((n) => n.trim())
          .filter((n) => n !== ""),
      })}
    >
      <SimpleForm>
        <ReferenceInput source="client_id" reference="clients" sort={{ field: "nom", order: "ASC" }}>
          <AutocompleteInput label="Client qui part" optionText="nom" validate={required()} fullWidth />
        </ReferenceInput>
        <TextInput source="operateur_receveur" label="Nouvel opérateur" validate={required()} fullWidth />
        <DateHeureParis source="effet" label="Date et heure de la portabilité" validate={required()} />
        <TextInput
          source="numeros_texte"
          label="Numéros qui partent (un par ligne)"
          multiline
          minRows={3}
          fullWidth
          validate={required()}
          helperText="À cette minute le routage s'arrête dans les deux sens ; le numéro est résilié « portée vers » l'opérateur, sans gel ni réemploi."
        />
        <TextInput source="notes" label="Notes" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
