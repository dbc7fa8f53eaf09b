import { Alert } from "@mui/material";
import type { ReactNode } from "react";
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  email,
  FunctionField,
  List,
  minLength,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { ROLE_LIBELLES } from "../providers/authProvider";

// Administration › Utilisateurs: the accounts, local or from the company's sign-on and directory.

export const ROLES = Object.entries(ROLE_LIBELLES).map(([id, name]) => ({ id, name }));
/** How an account signs in (#31). */
const ORIGINES: Record<string, string> = {
  LOCAL: "par mot de passe",
  OIDC: "avec le compte de l'entreprise",
  LDAP: "par l'annuaire",
};

/** An account of the company's sign-on or directory: no password here, its role comes from its groups. */
function SiCompteLocal({ children }: { children: ReactNode }) {
  const u = useRecordContext<{ origine?: string }>();
  if (u?.origine && u.origine !== "LOCAL")
    return (
      <Alert severity="info" sx={{ my: 1 }} data-testid="compte-entreprise">
        Ce compte se connecte {ORIGINES[u.origine]} : il n'a pas de mot de passe ici, et son rôle est repris
        de ses groupes à chaque connexion (Administration › Connexion d'entreprise).
      </Alert>
    );
  return <>{children}</>;
}

export function ClientSiRoleClient() {
  const role = useWatch({ name: "role" });
  if (role !== "client") return null;
  return (
    <ReferenceInput
      source="client_id"
      reference="clients"
      sort={{ field: "nom", order: "ASC" }}
      label="Client (ne verra que ses numéros et ses commandes)"
    >
      <AutocompleteInput
        label="Client (ne verra que ses numéros et ses commandes)"
        optionText="nom"
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
  );
}

export function UtilisateurList() {
  return (
    <List title="Utilisateurs" sort={{ field: "login", order: "ASC" }}>
      <Datagrid rowClick="edit" bulkActionButtons={false} empty={<Vide>Aucun compte.</Vide>}>
        <TextField source="login" label="Identifiant" />
        <TextField source="nom" label="Nom" />
        <TextField source="email" label="E-mail" emptyText="—" />
        <FunctionField
          source="role"
          label="Rôle"
          render={(r: { role: string }) => ROLE_LIBELLES[r.role] ?? r.role}
        />
        <ReferenceField source="client_id" reference="clients" label="Client" link={false} emptyText="—">
          <TextField source="nom" />
        </ReferenceField>
        <FunctionField
          label="Se connecte"
          render={(r: { origine?: string }) => ORIGINES[r.origine ?? "LOCAL"] ?? r.origine}
        />
        <BooleanField source="actif" label="Actif" />
        <DateParis source="derniere_connexion" label="Dernière connexion" avecHeure emptyText="jamais" />
      </Datagrid>
    </List>
  );
}

export function UtilisateurCreate() {
  return (
    <Create title="Nouveau compte" redirect="list">
      <SimpleForm defaultValues={{ role: "lecteur" }} sx={{ maxWidth: 560 }}>
        <TextInput source="login" label="Identifiant" validate={required()} fullWidth />
        <TextInput source="nom" label="Nom" validate={required()} fullWidth />
        <TextInput source="email" label="E-mail" validate={email()} fullWidth />
        <SelectInput source="role" label="Rôle" choices={ROLES} validate={required()} />
        <ClientSiRoleClient />
        <PasswordInput
          source="mot_de_passe"
          label="Mot de passe (12 caractères au moins)"
          validate={[required(), minLength(12)]}
          fullWidth
        />
      </SimpleForm>
    </Create>
  );
}

export function UtilisateurEdit() {
  return (
    <Edit title="Compte" mutationMode="pessimistic" redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <TextField source="login" label="Identifiant" />
        <TextInput source="nom" label="Nom" validate={required()} fullWidth />
        <TextInput source="email" label="E-mail" validate={email()} fullWidth />
        <SelectInput source="role" label="Rôle" choices={ROLES} validate={required()} />
        <ClientSiRoleClient />
        <BooleanInput source="actif" label="Actif (un compte désactivé perd ses sessions)" />
        <SiCompteLocal>
          <PasswordInput
            source="mot_de_passe"
            label="Nouveau mot de passe (laisser vide pour le garder)"
            fullWidth
          />
        </SiCompteLocal>
      </SimpleForm>
    </Edit>
  );
}
