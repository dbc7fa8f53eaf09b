import { Box } from "@mui/material";
import type { ReactElement } from "react";
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
} from "react-admin";
import { Vide } from "../composants/Etats";
import { Pastille } from "../composants/StatutChip";

type Champ =
  | {
      source: string;
      label: string;
      type?: "texte" | "nombre" | "couleur" | "booleen";
      requis?: boolean;
      liste?: boolean;
    }
  | {
      source: string;
      label: string;
      type: "choix";
      /** The stored code and its French label. */
      choix: Array<{ id: string; name: string }>;
      requis?: boolean;
      liste?: boolean;
    }
  | {
      source: string;
      label: string;
      type: "reference";
      reference: string;
      optionText: string;
      requis?: boolean;
      liste?: boolean;
    };

interface Definition {
  titre: string;
  tri: string;
  champs: Champ[];
}

const couleur = (v: string | undefined) =>
  !v || /^#[0-9A-Fa-f]{6}$/.test(v) ? undefined : "Couleur #RRGGBB";

// number and order statuses: the same table shape
const CHAMPS_STATUT: Champ[] = [
  { source: "code", label: "Code", requis: true, liste: true },
  { source: "libelle", label: "Libellé", requis: true, liste: true },
  { source: "couleur", label: "Couleur", type: "couleur", requis: true, liste: true },
  { source: "ordre", label: "Ordre", type: "nombre", liste: true },
  { source: "description", label: "Description" },
];

/** One list/create/edit trio per reference table, from a description of its fields (they all share one API shape). */
export const REFERENTIELS: Record<string, Definition> = {
  indicatifs: {
    titre: "Pays et indicatifs",
    tri: "code",
    champs: [
      { source: "code", label: "Code pays (FR)", requis: true, liste: true },
      { source: "indicatif", label: "Indicatif (33)", requis: true, liste: true },
      { source: "libelle", label: "Pays", requis: true, liste: true },
    ],
  },
  regions: {
    titre: "Régions",
    tri: "code",
    champs: [
      {
        source: "indicatif_id",
        label: "Pays",
        type: "reference",
        reference: "indicatifs",
        optionText: "libelle",
        requis: true,
        liste: true,
      },
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "libelle", label: "Libellé", requis: true, liste: true },
      { source: "prefixe", label: "Préfixe (01, 02…)", liste: true },
    ],
  },
  operateurs: {
    titre: "Opérateurs",
    tri: "nom",
    champs: [
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "nom", label: "Nom", requis: true, liste: true },
      {
        source: "type",
        label: "Type",
        type: "choix",
        choix: [
          { id: "VOIP", name: "Voix sur IP" },
          { id: "TRADITIONNEL", name: "Traditionnel" },
          { id: "HYBRIDE", name: "Hybride" },
        ],
        liste: true,
      },
      { source: "contact", label: "Contact" },
    ],
  },
  "types-did": {
    titre: "Types de numéros",
    tri: "code",
    champs: [
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "libelle", label: "Libellé", requis: true, liste: true },
      { source: "description", label: "Description", liste: true },
    ],
  },
  equipements: {
    titre: "Équipements",
    tri: "nom",
    champs: [
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "nom", label: "Nom", requis: true, liste: true },
      { source: "type", label: "Type", liste: true },
      { source: "ip_address", label: "Adresse IP", liste: true },
    ],
  },
  clouds: {
    titre: "Clouds",
    tri: "nom",
    champs: [
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "nom", label: "Nom", requis: true, liste: true },
      { source: "routage", label: "Routage", liste: true },
    ],
  },
  "statuts-did": {
    titre: "Statuts de numéros",
    tri: "ordre",
    champs: CHAMPS_STATUT,
  },
  "statuts-commande": {
    titre: "Statuts de commandes",
    tri: "ordre",
    champs: CHAMPS_STATUT,
  },
  clients: {
    titre: "Clients",
    tri: "nom",
    champs: [
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "nom", label: "Nom", requis: true, liste: true },
      { source: "siret", label: "SIRET", liste: true },
      { source: "adresse", label: "Adresse" },
      { source: "contact_nom", label: "Contact", liste: true },
      { source: "contact_email", label: "E-mail du contact" },
      { source: "contact_tel", label: "Téléphone du contact" },
    ],
  },
  groupements: {
    titre: "Groupements",
    tri: "code",
    champs: [
      {
        source: "client_id",
        label: "Client",
        type: "reference",
        reference: "clients",
        optionText: "nom",
        requis: true,
        liste: true,
      },
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "libelle", label: "Libellé", requis: true, liste: true },
    ],
  },
  campagnes: {
    titre: "Campagnes Hermes",
    tri: "code",
    champs: [
      {
        source: "client_id",
        label: "Client",
        type: "reference",
        reference: "clients",
        optionText: "nom",
        requis: true,
        liste: true,
      },
      { source: "code", label: "Code", requis: true, liste: true },
      { source: "nom", label: "Nom", requis: true, liste: true },
      { source: "hermes_id", label: "Identifiant Hermes", liste: true },
      {
        source: "prospection",
        label: "Prospection (NPV autorisés en sortant)",
        type: "booleen",
        liste: true,
      },
      { source: "description", label: "Description" },
    ],
  },
};

function colonne(c: Champ): ReactElement {
  if (c.type === "choix")
    return (
      <FunctionField
        key={c.source}
        source={c.source}
        label={c.label}
        render={(r: Record<string, unknown>) =>
          c.choix.find((x) => x.id === r[c.source])?.name ?? (r[c.source] as string) ?? "—"
        }
      />
    );
  if (c.type === "reference")
    return (
      <ReferenceField
        key={c.source}
        source={c.source}
        reference={c.reference}
        label={c.label}
        link={false}
        sortable={false}
      >
        <TextField source={c.optionText} />
      </ReferenceField>
    );
  if (c.type === "couleur")
    return (
      <FunctionField
        key={c.source}
        source={c.source}
        label={c.label}
        render={(r: { libelle?: string; couleur?: string }) => (
          <Pastille libelle={r.couleur ?? ""} couleur={r.couleur} />
        )}
      />
    );
  if (c.type === "booleen")
    return <BooleanField key={c.source} source={c.source} label={c.label} sortable={false} />;
  return <TextField key={c.source} source={c.source} label={c.label} emptyText="—" />;
}

function entree(c: Champ): ReactElement {
  const validate = c.requis ? required() : undefined;
  switch (c.type) {
    case "reference":
      return (
        <ReferenceInput
          key={c.source}
          source={c.source}
          reference={c.reference}
          sort={{ field: c.optionText, order: "ASC" }}
        >
          <AutocompleteInput label={c.label} optionText={c.optionText} validate={validate} />
        </ReferenceInput>
      );
    case "choix":
      return (
        <SelectInput key={c.source} source={c.source} label={c.label} choices={c.choix} validate={validate} />
      );
    case "nombre":
      return <NumberInput key={c.source} source={c.source} label={c.label} validate={validate} />;
    case "booleen":
      return <BooleanInput key={c.source} source={c.source} label={c.label} />;
    case "couleur":
      return (
        <TextInput
          key={c.source}
          source={c.source}
          label={c.label}
          type="color"
          validate={[...(validate ? [validate] : []), couleur]}
          sx={{ maxWidth: 160 }}
        />
      );
    default:
      return <TextInput key={c.source} source={c.source} label={c.label} validate={validate} />;
  }
}

export function referentiel(nom: string) {
  const def = REFERENTIELS[nom] as Definition;
  const filtres = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...def.champs
      .filter((c) => c.type === "reference")
      .map((c) => (
        <ReferenceInput key={c.source} source={c.source} reference={(c as { reference: string }).reference}>
          <AutocompleteInput label={c.label} optionText={(c as { optionText: string }).optionText} />
        </ReferenceInput>
      )),
  ];
  const formulaire = (
    <SimpleForm defaultValues={{ actif: true }}>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
        {def.champs.map(entree)}
      </Box>
      <BooleanInput source="actif" label="Actif (un élément inactif n'est plus proposé)" />
    </SimpleForm>
  );
  return {
    list: () => (
      <List title={def.titre} filters={filtres} sort={{ field: def.tri, order: "ASC" }} perPage={25}>
        <Datagrid rowClick="edit" bulkActionButtons={false} empty={<Vide>Aucun élément.</Vide>}>
          {def.champs.filter((c) => c.liste).map(colonne)}
          <BooleanField source="actif" label="Actif" sortable={false} />
        </Datagrid>
      </List>
    ),
    create: () => (
      <Create title={`${def.titre} : ajouter`} redirect="list">
        {formulaire}
      </Create>
    ),
    edit: () => (
      <Edit title={`${def.titre} : modifier`} mutationMode="pessimistic" redirect="list">
        {formulaire}
      </Edit>
    ),
  };
}
