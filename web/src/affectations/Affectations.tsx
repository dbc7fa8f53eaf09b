import { Box, Button, Chip, DialogContentText, Typography } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  CreateButton,
  Datagrid,
  Edit,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { api, reponse } from "../api/client";
import type { Affectation } from "../api/types";
import { Confirmation } from "../composants/Confirmation";
import { DateHeureParis } from "../composants/DateHeureParis";

import { dateFr, Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { type Permissions, peut } from "../providers/authProvider";

const filtres = [
  <ReferenceInput
    key="client"
    source="client_id"
    reference="clients"
    alwaysOn
    sort={{ field: "nom", order: "ASC" }}
    label="Client"
  >
    <AutocompleteInput label="Client" optionText="nom" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput
    key="campagne"
    source="campaign_id"
    reference="campagnes"
    alwaysOn
    sort={{ field: "nom", order: "ASC" }}
    label="Campagne"
  >
    <AutocompleteInput label="Campagne" optionText="nom" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="courante" source="courante" label="En cours" alwaysOn />,
  <NullableBooleanInput key="entrant" source="entrant" label="Entrant" />,
  <NullableBooleanInput key="sortant" source="sortant" label="Sortant" />,
];

function Terminer() {
  const a = useRecordContext<Affectation>();
  const [ouvert, setOuvert] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  const m = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/affectations/{id}/terminer", {
          params: { path: { id: a?.id as number } },
          body: {},
        }),
      ),
    onSuccess: () => {
      notify("Affectation terminée.", { type: "success" });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!a?.courante || !peut(permissions, "affectations:ecrire")) return null;
  return (
    <>
      <Button
        size="small"
        color="warning"
        onClick={(e) => {
          e.stopPropagation();
          setOuvert(true);
        }}
      >
        Terminer
      </Button>
      <Confirmation
        ouvert={ouvert}
        titre="Terminer l'affectation"
        libelle="Terminer maintenant"
        onConfirmer={() => m.mutate()}
        onFermer={() => setOuvert(false)}
      >
        <DialogContentText>
          {numeroLisible(a.did_format_e164)} quitte la campagne <strong>{a.campaign_code}</strong> maintenant
          : {a.entrant ? "ses appels entrants n'y sont plus routés" : "elle ne le présente plus"} dès la
          prochaine recherche d'Hermes, et les fichiers de routage changent à la prochaine publication.
        </DialogContentText>
      </Confirmation>
    </>
  );
}

export function AffectationList() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <List
      title="Affectations aux campagnes"
      filters={filtres}
      filterDefaultValues={{ courante: true }}
      actions={
        <TopToolbar>
          <FilterButton />
          {peut(permissions, "affectations:ecrire") && <CreateButton label="Affecter" />}
        </TopToolbar>
      }
    >
      <Datagrid
        rowClick={peut(permissions, "affectations:ecrire") ? "edit" : false}
        bulkActionButtons={false}
        empty={<Vide>Aucune affectation.</Vide>}
        // nine columns at 1366 px: the cells' side padding halved, the text left whole
        sx={{ "& .MuiTableCell-root": { px: 1 } }}
      >
        <FunctionField
          label="Numéro"
          render={(r: Affectation) => (
            <strong style={{ whiteSpace: "nowrap" }}>{numeroLisible(r.did_format_e164)}</strong>
          )}
        />
        {/* a code never breaks at its hyphen; the Hermes id and the end go under, so the list fits 1366 px (#29, point 18) */}
        <FunctionField
          label="Campagne"
          render={(r: Affectation) => (
            <>
              <Box sx={{ whiteSpace: "nowrap" }}>{r.campaign_code}</Box>
              <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
                {r.hermes_id ? `Hermes ${r.hermes_id}` : "sans id Hermes"}
              </Typography>
            </>
          )}
        />
        <FunctionField
          label="Sens"
          render={(r: Affectation) =>
            [r.entrant && "Entrant", r.sortant && "Sortant"].filter(Boolean).join(" + ")
          }
        />
        <FunctionField
          label="Configuration"
          render={(r: Affectation) => <Box sx={{ whiteSpace: "nowrap" }}>{r.config_code ?? "—"}</Box>}
        />
        <TextField source="alias" label="Alias" sortable={false} emptyText="—" />
        <TextField source="priorite" label="Priorité" sortable={false} />
        <FunctionField
          label="Période"
          render={(r: Affectation) => (
            <Box sx={{ whiteSpace: "nowrap" }}>
              du {dateFr(r.date_debut, true)}
              <br />
              {r.date_fin ? `au ${dateFr(r.date_fin, true)}` : "sans fin"}
            </Box>
          )}
        />
        <FunctionField
          label="État"
          render={(r: Affectation) =>
            r.courante ? (
              <Chip size="small" color="success" label="En cours" />
            ) : (
              <Chip size="small" label="Terminée / à venir" />
            )
          }
        />
        <Terminer />
      </Datagrid>
    </List>
  );
}

/** Numbers and campaigns offered follow the chosen client: a campaign only gets its own client's numbers. */
function ChoixDuClient() {
  const client = useWatch({ name: "client_id" });
  const tous = useWatch({ name: "inclure_en_service" });
  if (!client) return null;
  return (
    <>
      <ReferenceInput
        source="did_id"
        reference="dids"
        filter={{ client_id: client, ...(tous ? {} : { statut: "AFFECTE" }) }}
        sort={{ field: "did", order: "ASC" }}
        label="Numéro du client"
      >
        <AutocompleteInput
          label="Numéro du client"
          optionText={(d: { did_format_e164: string }) => numeroLisible(d.did_format_e164)}
          filterToQuery={(q) => ({ q })}
          isRequired
          fullWidth
          noOptionsText="Aucun numéro affecté à ce client n'est libre"
        />
      </ReferenceInput>
      <BooleanInput
        source="inclure_en_service"
        label="Proposer aussi les numéros déjà en service (ajout d'un sens)"
      />
      <ReferenceInput
        source="campaign_id"
        reference="campagnes"
        filter={{ client_id: client, actif: true }}
        sort={{ field: "nom", order: "ASC" }}
        label="Campagne Hermes"
      >
        <AutocompleteInput label="Campagne Hermes" optionText="nom" isRequired fullWidth />
      </ReferenceInput>
    </>
  );
}

function ChampsAffectation() {
  return (
    <>
      <ReferenceInput
        source="config_id"
        reference="configs"
        sort={{ field: "nom", order: "ASC" }}
        filter={{ actif: true }}
        label="Configuration"
      >
        <AutocompleteInput label="Configuration" optionText="nom" fullWidth />
      </ReferenceInput>
      <TextInput source="alias" label="Alias" />
      <NumberInput
        source="priorite"
        label="Priorité (sortant : 1 = présenté en premier)"
        min={1}
        max={1000}
      />
      <BooleanInput source="entrant" label="Entrant (appels reçus)" />
      <BooleanInput source="sortant" label="Sortant (numéro présenté)" />
    </>
  );
}

export function AffectationCreate() {
  return (
    <Create
      title="Affecter un numéro à une campagne"
      redirect="list"
      transform={({ client_id: _c, inclure_en_service: _i, ...v }: Record<string, unknown>) => v}
    >
      <SimpleForm
        defaultValues={{ entrant: true, sortant: false, priorite: 1, date_debut: new Date().toISOString() }}
      >
        <ReferenceInput
          source="client_id"
          reference="clients"
          filter={{ actif: true }}
          sort={{ field: "nom", order: "ASC" }}
          label="Client"
        >
          <AutocompleteInput label="Client" optionText="nom" isRequired fullWidth />
        </ReferenceInput>
        <ChoixDuClient />
        <ChampsAffectation />
        <DateHeureParis source="date_debut" label="Début" />
        <DateHeureParis source="date_fin" label="Fin (facultatif)" />
      </SimpleForm>
    </Create>
  );
}

export function AffectationEdit() {
  return (
    <Edit title="Modifier l'affectation" mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <FunctionField
          label="Numéro"
          render={(r: Affectation) => (
            <strong>
              {numeroLisible(r.did_format_e164)} → {r.campaign_code}
            </strong>
          )}
        />
        <ChampsAffectation />
        <DateHeureParis source="date_fin" label="Fin" />
        <TextInput source="motif" label="Motif (historique)" fullWidth />
      </SimpleForm>
    </Edit>
  );
}
