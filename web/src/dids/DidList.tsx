import DownloadIcon from "@mui/icons-material/Download";
import { Button, Menu, MenuItem } from "@mui/material";
import { useState } from "react";
import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectColumnsButton,
  TextField,
  TopToolbar,
  useListContext,
  usePermissions,
} from "react-admin";
import { urlApi } from "../api/client";
import type { ActionDid, Did } from "../api/types";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { NumeroSurligne } from "../composants/NumeroSurligne";
import { PaginationPlafonnee } from "../composants/PaginationPlafonnee";
import { StatutChip } from "../composants/StatutChip";
import { type Permissions, peut } from "../providers/authProvider";
import { ActionDialog } from "./ActionDialog";
import { ACTIONS_DID } from "./actions";
import { RechercheNumero } from "./RechercheNumero";

function filtres(p: Permissions | undefined) {
  const interne = peut(p, "infrastructure:lire");
  const ref = (
    source: string,
    reference: string,
    label: string,
    optionText = "libelle",
    tri = optionText,
  ) => (
    // the label on the reference input too: the "Filtres" menu reads it there
    <ReferenceInput
      key={source}
      source={source}
      reference={reference}
      label={label}
      sort={{ field: tri, order: "ASC" }}
    >
      <AutocompleteInput label={label} optionText={optionText} sx={{ minWidth: 200 }} />
    </ReferenceInput>
  );
  return [
    // the statuses in their lifecycle's order (Commandé, Disponible, Affecté, Utilisé, Résilié), not alphabetical
    ref("statut_id", "statuts-did", "Statut", "libelle", "ordre"),
    ...(interne ? [ref("client_id", "clients", "Client", "nom")] : []),
    ref("groupement_id", "groupements", "Groupement"),
    ref("type_id", "types-did", "Type"),
    ref("region_id", "regions", "Région"),
    <BooleanInput key="hors_plan" source="hors_plan" label="Hors des tranches connues (à revoir)" />,
    ...(interne
      ? [
          ref("operateur_id", "operateurs", "Opérateur", "nom"),
          ref("equipement_id", "equipements", "Équipement", "nom"),
          ref("cloud_id", "clouds", "Cloud", "nom"),
          ref("campaign_id", "campagnes", "Campagne", "nom"),
        ]
      : []),
  ];
}

/**
 * The whole filtered list as CSV, streamed by the API (not limited to the loaded page), in the numbers' import
 * format: what is exported here imports back as is.
 */
function ExportCsv() {
  const { filterValues, sort } = useListContext();
  const query = new URLSearchParams({
    format: "csv",
    tri: `${sort.order === "DESC" ? "-" : ""}${sort.field}`,
  });
  for (const [k, v] of Object.entries(filterValues)) if (v !== undefined && v !== "") query.set(k, String(v));
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={urlApi(`/api/v1/dids?${query}`)} download>
      Exporter (CSV)
    </Button>
  );
}

function Actions() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <TopToolbar sx={{ flex: 1, "& .MuiButton-root": { whiteSpace: "nowrap", flexShrink: 0 } }}>
      <RechercheNumero />
      <FilterButton />
      <SelectColumnsButton />
      {peut(permissions, "numeros:ecrire") && <CreateButton label="Ajouter" />}
      <ExportCsv />
    </TopToolbar>
  );
}

function ActionsDeMasse() {
  const { selectedIds, data } = useListContext<Did>();
  const [ancre, setAncre] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<ActionDid | null>(null);
  // the selected numbers on this page: which actions each allows (the server's actions_possibles), how each reads
  const choisis = (data ?? []).filter((d) => selectedIds.includes(d.id));
  const numeros = Object.fromEntries(choisis.map((d) => [String(d.id), d.did_format_e164]));
  const admis = (a: ActionDid) => choisis.filter((d) => d.actions_possibles.includes(a)).length;
  return (
    <>
      <Button size="small" onClick={() => setAction("affecter")}>
        Affecter à un client
      </Button>
      <Button size="small" onClick={(e) => setAncre(e.currentTarget)}>
        Changer le statut…
      </Button>
      <Menu anchorEl={ancre} open={!!ancre} onClose={() => setAncre(null)}>
        {(Object.keys(ACTIONS_DID) as ActionDid[])
          .filter((a) => a !== "affecter")
          .map((a) => {
            const n = admis(a);
            return (
              <MenuItem
                key={a}
                // an action none of the selection allows is not offered; one some refuse says how many it applies to
                disabled={n === 0}
                onClick={() => {
                  setAncre(null);
                  setAction(a);
                }}
              >
                {ACTIONS_DID[a].libelle}
                {n > 0 && n < choisis.length && ` (possible pour ${n} sur ${choisis.length})`}
              </MenuItem>
            );
          })}
      </Menu>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        href={urlApi(
          `/api/v1/dids?${new URLSearchParams([["format", "csv"], ...selectedIds.map((id) => ["ids", String(id)])])}`,
        )}
        download
      >
        Exporter la sélection
      </Button>
      <ActionDialog action={action} ids={selectedIds} numeros={numeros} onClose={() => setAction(null)} />
    </>
  );
}

function Numero({ did }: { did: Did }) {
  const { filterValues } = useListContext();
  return (
    <strong data-testid="numero" style={{ whiteSpace: "nowrap" }}>
      <NumeroSurligne e164={did.did_format_e164} recherche={filterValues.q} />
    </strong>
  );
}

export function DidList() {
  const { permissions } = usePermissions<Permissions>();
  const personnel = peut(permissions, "numeros:ecrire");
  return (
    <List
      title="Numéros"
      filters={filtres(permissions)}
      actions={<Actions />}
      // by the national number: 01… before 02 62… (E.164 would put +262 before +33)
      sort={{ field: "did", order: "ASC" }}
      perPage={50}
      empty={false}
      storeKey="dids.liste"
      pagination={<PaginationPlafonnee />}
    >
      <DatagridConfigurable
        rowClick="show"
        bulkActionButtons={personnel ? <ActionsDeMasse /> : false}
        empty={<Vide>Aucun numéro ne correspond à ces critères.</Vide>}
        omit={["did_format_e164", "date_modification"]}
        sx={{
          "& .RaDatagrid-headerCell": { fontWeight: 600 },
          // the selection's toolbar takes its own line instead of covering the search box and the filters
          "& .RaBulkActionsToolbar-toolbar:not(.RaBulkActionsToolbar-collapsed)": {
            position: "relative",
            transform: "none",
          },
        }}
      >
        <FunctionField source="did" label="Numéro" sortBy="did" render={(r: Did) => <Numero did={r} />} />
        <TextField source="did_format_e164" label="E.164" sortable={false} />
        <StatutChip label="Statut" sortBy="statut" />
        <TextField source="client" label="Client" sortBy="client" emptyText="—" />
        <TextField source="groupement" label="Groupement" sortable={false} emptyText="—" />
        <TextField source="type" label="Type" sortBy="type" emptyText="—" />
        <TextField source="region" label="Région" sortBy="region" emptyText="—" />
        <TextField source="operateur" label="Opérateur" sortBy="operateur" emptyText="—" />
        <DateParis source="date_modification" label="Modifié le" avecHeure />
      </DatagridConfigurable>
    </List>
  );
}
