import {
  Create,
  CreateButton,
  Datagrid,
  DeleteButton,
  FunctionField,
  List,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
} from "react-admin";
import { Vide } from "../composants/Etats";
import { ROLE_LIBELLES } from "../providers/authProvider";
import { ClientSiRoleClient } from "./Utilisateurs";

// the roles a group may give: the platform's key (hermes) is never a person's
const ROLES = Object.entries(ROLE_LIBELLES)
  .filter(([id]) => id !== "hermes")
  .map(([id, name]) => ({ id, name }));

/**
 * Administration › Connexion d'entreprise: which groups of the company's identity provider give which role (#31).
 * Several groups of one person: the strongest role wins; a person in no group here is refused at sign-in.
 */
export function CorrespondanceSsoList() {
  return (
    <List
      title="Connexion par le compte de l'entreprise : groupes et rôles"
      sort={{ field: "groupe", order: "ASC" }}
      actions={
        <TopToolbar>
          <CreateButton label="Ajouter un groupe" />
        </TopToolbar>
      }
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Vide>Aucun groupe : personne ne peut se connecter avec le compte de l'entreprise.</Vide>}
      >
        <TextField source="groupe" label="Groupe du fournisseur d'identité" />
        <FunctionField label="Rôle donné" render={(r: { role: string }) => ROLE_LIBELLES[r.role] ?? r.role} />
        <TextField source="client_code" label="Client" emptyText="—" />
        <DeleteButton
          label="Retirer"
          mutationMode="pessimistic"
          confirmTitle="Retirer ce groupe ?"
          confirmContent="Ses membres sont refusés à leur prochaine connexion, à moins qu'un autre de leurs groupes donne un rôle."
        />
      </Datagrid>
    </List>
  );
}

export function CorrespondanceSsoCreate() {
  return (
    <Create title="Donner un rôle à un groupe" redirect="list">
      <SimpleForm defaultValues={{ role: "lecteur" }} sx={{ maxWidth: 560 }}>
        <TextInput
          source="groupe"
          label="Groupe, tel que le fournisseur d'identité le nomme"
          validate={required()}
          fullWidth
        />
        <SelectInput source="role" label="Rôle" choices={ROLES} validate={required()} />
        <ClientSiRoleClient />
      </SimpleForm>
    </Create>
  );
}
