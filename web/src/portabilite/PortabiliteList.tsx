import { Chip } from "@mui/material";
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from "react-admin";
import { Link } from "react-router-dom";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { type Permissions, peut } from "../providers/authProvider";
import { Calendrier } from "./Calendrier";
import { type Portabilite, STATUTS_PORTABILITE, statutPortabilite } from "./commun";

export function PastillePortabilite({ statut }: { statut: string }) {
  const s = statutPortabilite(statut);
  return <Chip size="small" label={s.name} sx={{ bgcolor: s.couleur, color: "#fff" }} />;
}

/** « Portabilités »: the month's switches as a calendar, then every request, the next switches first. */
export function PortabiliteList() {
  const { permissions } = usePermissions<Permissions>();
  const personnel = peut(permissions, "portabilites:traiter");
  const filtres = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Référence, client, opérateur, numéro…" />,
    <SelectInput
      key="statut"
      source="statut"
      label="Statut"
      choices={STATUTS_PORTABILITE}
      alwaysOn
      sx={{ minWidth: 200 }}
    />,
    ...(personnel
      ? [
          <ReferenceInput
            key="client_id"
            source="client_id"
            reference="clients"
            sort={{ field: "nom", order: "ASC" }}
            alwaysOn
          >
            <AutocompleteInput label="Client" optionText="nom" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <>
      <Calendrier />
      <List
        title="Portabilités"
        filters={filtres}
        sort={{ field: "bascule_le", order: "ASC" }}
        actions={
          <TopToolbar>
            {personnel && (
              <Chip
                component={Link}
                to="/portabilites-sortantes"
                clickable
                label="Portabilités sortantes"
                sx={{ mr: 1 }}
              />
            )}
            <CreateButton label="Nouvelle demande" />
          </TopToolbar>
        }
        empty={
          <Vide>
            Aucune demande de portabilité pour l'instant. <CreateButton label="Nouvelle demande" />
          </Vide>
        }
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="reference" label="Référence" sortable={false} />
          {personnel && <TextField source="client" label="Client" sortable={false} />}
          <TextField source="operateur_donneur" label="Opérateur donneur" sortable={false} />
          <TextField source="operateur" label="Opérateur receveur" sortable={false} />
          <FunctionField
            label="Numéros"
            render={(r: Portabilite) =>
              r.rejetes > 0 ? `${r.nombre} (${r.rejetes} rejeté${r.rejetes > 1 ? "s" : ""})` : r.nombre
            }
          />
          <FunctionField
            label="Statut"
            render={(r: Portabilite) => <PastillePortabilite statut={r.statut} />}
          />
          <DateParis source="bascule_le" label="Bascule (heure de Paris)" avecHeure sortable={false} />
          <DateParis source="date_souhaitee" label="Date souhaitée" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}
