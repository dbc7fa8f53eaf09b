import { Alert, Box, Button, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Edit,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
} from "react-admin";
import { useFormContext } from "react-hook-form";
import { api, reponse } from "../api/client";
import { DateFr } from "../composants/DateHeureParis";
import { numeroLisible } from "../composants/format";
import { GroupementDuClient } from "../composants/GroupementDuClient";
import { MontantInput, montantsLus } from "../composants/Montant";

const ref = (source: string, reference: string, label: string, optionText = "nom") => (
  <ReferenceInput
    source={source}
    reference={reference}
    sort={{ field: optionText, order: "ASC" }}
    filter={{ actif: true }}
  >
    <AutocompleteInput label={label} optionText={optionText} />
  </ReferenceInput>
);

function ChampsDescriptifs({ avecClient }: { avecClient: boolean }) {
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, columnGap: 2, width: "100%" }}>
      {avecClient && ref("client_id", "clients", "Client (facultatif)")}
      <GroupementDuClient label="Groupement" />
      {ref("operateur_id", "operateurs", "Opérateur")}
      {ref("equipement_id", "equipements", "Équipement")}
      {ref("cloud_id", "clouds", "Cloud")}
      <TextInput source="reference_externe" label="Référence opérateur" />
      <DateFr source="date_acquisition" label="Date d'acquisition" />
      <DateFr source="date_activation" label="Date d'activation" />
      <MontantInput source="cout_mensuel" label="Coût mensuel (€)" />
      <MontantInput source="cout_mise_en_service" label="Frais de mise en service (€)" />
      <TextInput source="description" label="Description" />
      <TextInput source="notes" label="Notes" multiline />
    </Box>
  );
}

const sansVides = (v: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== "" && x !== null && x !== undefined));

/** A range: previewed by the API (simulation), then created all or nothing. */
function BoutonsPlage() {
  const { getValues, handleSubmit } = useFormContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const [apercu, setApercu] = useState<string[] | null>(null);
  const appel = useMutation({
    mutationFn: (simulation: boolean) => {
      const { mode: _mode, numero: _numero, ...v } = getValues();
      return reponse(
        api.POST("/api/v1/dids/plage", {
          body: {
            ...(sansVides(montantsLus("cout_mensuel", "cout_mise_en_service")(v)) as {
              debut: string;
              fin: string;
            }),
            simulation,
          },
        }),
      );
    },
    onSuccess: (r) => {
      if (r.simulation) setApercu(r.numeros);
      else {
        notify(`${r.crees} numéros créés.`, { type: "success" });
        // the whole range in the list: the digits its first and last numbers share
        const [debut, fin] = [getValues().debut, getValues().fin].map((x) =>
          String(x ?? "").replace(/\D/g, ""),
        );
        let commun = 0;
        while (commun < Math.min(debut.length, fin.length) && debut[commun] === fin[commun]) commun++;
        redirect(
          `/dids?filter=${encodeURIComponent(JSON.stringify({ q: debut.slice(0, Math.max(commun, 4)) }))}`,
        );
      }
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  return (
    <Box sx={{ width: "100%" }}>
      {apercu && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {apercu.length} numéros seront créés : {numeroLisible(apercu[0])} →{" "}
          {numeroLisible(apercu[apercu.length - 1])}
        </Alert>
      )}
      <Box sx={{ display: "flex", gap: 1 }}>
        <Button
          variant="outlined"
          onClick={handleSubmit(() => appel.mutate(true))}
          disabled={appel.isPending}
        >
          Prévisualiser
        </Button>
        <Button
          variant="contained"
          onClick={handleSubmit(() => appel.mutate(false))}
          disabled={appel.isPending || !apercu}
        >
          Créer la plage
        </Button>
      </Box>
    </Box>
  );
}

function ChoixMode({ mode, setMode }: { mode: "un" | "plage"; setMode: (m: "un" | "plage") => void }) {
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={mode}
      onChange={(_e, m) => m && setMode(m)}
      sx={{ mb: 2 }}
    >
      <ToggleButton value="un">Un numéro</ToggleButton>
      <ToggleButton value="plage">Une plage</ToggleButton>
    </ToggleButtonGroup>
  );
}

export function DidCreate() {
  const [mode, setMode] = useState<"un" | "plage">("un");
  return (
    <Create
      title="Ajouter des numéros"
      redirect="show"
      transform={montantsLus("cout_mensuel", "cout_mise_en_service")}
    >
      <SimpleForm toolbar={mode === "plage" ? false : undefined} defaultValues={{ statut: "DISPONIBLE" }}>
        <ChoixMode mode={mode} setMode={setMode} />
        {mode === "un" ? (
          <TextInput
            source="numero"
            label="Numéro (toute forme : 01 42 68 53 00, +33…)"
            isRequired
            fullWidth
          />
        ) : (
          <Box sx={{ display: "flex", gap: 2, width: "100%" }}>
            <TextInput source="debut" label="Premier numéro" isRequired />
            <TextInput source="fin" label="Dernier numéro (inclus, 1 000 au plus)" isRequired />
          </Box>
        )}
        <SelectInput
          source="statut"
          label="Statut initial"
          choices={[
            { id: "DISPONIBLE", name: "Disponible (en stock)" },
            { id: "COMMANDE", name: "Commandé (pas encore livré)" },
          ]}
        />
        <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
          Le pays, le type (géographique, mobile, NPV…) et la région sont déduits du numéro.
        </Typography>
        <BooleanInput
          source="accepter_plages_inconnues"
          label="Accepter un numéro hors des tranches connues du plan de numérotation (bloc récent) : il sera marqué à revoir"
        />
        <ChampsDescriptifs avecClient />
        {mode === "plage" && <BoutonsPlage />}
      </SimpleForm>
    </Create>
  );
}

export function DidEdit() {
  return (
    <Edit
      title="Modifier le numéro"
      mutationMode="pessimistic"
      redirect="show"
      transform={montantsLus("cout_mensuel", "cout_mise_en_service")}
    >
      <SimpleForm>
        <Typography variant="body2" color="text.secondary">
          Le statut et le client changent par les actions de la fiche ; ici, les champs descriptifs.
        </Typography>
        <ChampsDescriptifs avecClient={false} />
        <BooleanInput source="actif" label="Actif" />
        <TextInput source="motif" label="Motif de la modification (historique)" fullWidth />
      </SimpleForm>
    </Edit>
  );
}
