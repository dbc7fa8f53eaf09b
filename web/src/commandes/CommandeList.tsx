import { Chip } from "@mui/material";
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from "react-admin";
import type { Commande } from "../api/types";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { StatutChip } from "../composants/StatutChip";
import { type Permissions, peut } from "../providers/authProvider";

export const URGENCES = [
  { id: "URGENTE", name: "Urgente", couleur: "#d32f2f" },
  { id: "HAUTE", name: "Haute", couleur: "#f57c00" },
  { id: "NORMALE", name: "Normale", couleur: "#1976d2" },
  { id: "BASSE", name: "Basse", couleur: "#757575" },
];

export const STATUTS_COMMANDE = [
  { id: "BROUILLON", name: "Brouillon" },
  { id: "SOUMISE", name: "Soumise" },
  { id: "VALIDEE", name: "Validée" },
  { id: "EN_COURS", name: "En cours" },
  { id: "LIVREE", name: "Livrée" },
  { id: "REJETEE", name: "Rejetée" },
  { id: "ANNULEE", name: "Annulée" },
];

/** What the staff still has to act on: the dashboard counts the same statuses. */
export const STATUT_A_TRAITER = "SOUMISE,VALIDEE,EN_COURS";

const jours = (iso: string) => Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);

export function CommandeList() {
  const { permissions } = usePermissions<Permissions>();
  const personnel = peut(permissions, "commandes:traiter");
  const filtres = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Référence, demandeur…" />,
    <SelectInput
      key="statut"
      source="statut"
      label="Statut"
      choices={[
        { id: STATUT_A_TRAITER, name: "À traiter (soumises, validées, en cours)" },
        ...STATUTS_COMMANDE,
      ]}
      alwaysOn
      sx={{ minWidth: 220 }}
    />,
    <SelectInput key="urgence" source="urgence" label="Urgence" choices={URGENCES} />,
    ...(personnel
      ? [
          <ReferenceInput
            key="client"
            source="client_id"
            reference="clients"
            sort={{ field: "nom", order: "ASC" }}
            label="Client"
          >
            <AutocompleteInput label="Client" optionText="nom" />
          </ReferenceInput>,
        ]
      : []),
    <ReferenceInput key="type" source="type_did_id" reference="types-did" label="Type">
      <AutocompleteInput label="Type" optionText="libelle" />
    </ReferenceInput>,
  ];
  return (
    <List
      title={personnel ? "Commandes SDA — file de traitement" : "Mes commandes"}
      filters={filtres}
      // staff work the queue: most urgent first, then oldest first (the API breaks ties by age)
      sort={personnel ? { field: "urgence", order: "DESC" } : { field: "date_creation", order: "DESC" }}
      filterDefaultValues={personnel ? { statut: STATUT_A_TRAITER } : {}}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton label="Nouvelle demande" />
        </TopToolbar>
      }
      storeKey={personnel ? "commandes.file" : "commandes.miennes"}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<Vide>Aucune commande.</Vide>}
        sx={{ "& td:first-of-type, & td:nth-of-type(n+3)": { whiteSpace: "nowrap" } }}
      >
        <TextField source="reference" label="Référence" />
        <TextField source="client" label="Client" sortBy="client" />
        <StatutChip label="Statut" sortBy="statut" />
        <FunctionField
          label="Urgence"
          sortBy="urgence"
          render={(r: Commande) => {
            const u = URGENCES.find((x) => x.id === r.urgence);
            return (
              <Chip size="small" label={u?.name ?? r.urgence} sx={{ color: "#fff", bgcolor: u?.couleur }} />
            );
          }}
        />
        <TextField source="type" label="Type" sortable={false} />
        <TextField source="region" label="Région" sortable={false} emptyText="—" />
        <NumberField source="quantite" label="Quantité" />
        <FunctionField label="Livrés" render={(r: Commande) => `${r.quantite_livree} / ${r.quantite}`} />
        <DateParis source="date_souhaitee" label="Souhaitée le" emptyText="—" />
        <FunctionField
          label="Âge"
          sortBy="date_creation"
          render={(r: Commande) => `${jours(r.date_creation)} j`}
        />
      </Datagrid>
    </List>
  );
}
