import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
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
  useNotify,
  useRefresh,
} from "react-admin";
import { api, reponse } from "../api/client";
import { DateHeureParis, lireInstantParis, versSaisieParis } from "../composants/DateHeureParis";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";

type Sortante = { id: number; nombre: number; numeros: string[]; statut: string; effet: string };

/** Before its instant, the new operator may move a port-out or call it off: the routing follows. */
function ActionsSortante({ s }: { s: Sortante }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [ouverte, setOuverte] = useState<"deplacer" | "annuler" | null>(null);
  const [effet, setEffet] = useState(versSaisieParis(s.effet));
  const envoi = useMutation({
    mutationFn: (action: "deplacer" | "annuler") =>
      reponse(
        api.POST("/api/v1/portabilites-sortantes/{id}/actions/{action}", {
          params: { path: { id: s.id, action } },
          body:
            action === "deplacer"
              ? { effet: (lireInstantParis(effet)?.iso ?? effet).replace(/\.\d+Z$/, "Z") }
              : {},
        }),
      ),
    onSuccess: () => {
      setOuverte(null);
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (s.statut !== "PREVUE" || new Date(s.effet) <= new Date()) return null;
  return (
    <>
      <Button size="small" onClick={() => setOuverte("deplacer")}>
        Déplacer
      </Button>
      <Button size="small" color="error" onClick={() => setOuverte("annuler")}>
        Annuler
      </Button>
      <Dialog open={!!ouverte} onClose={() => setOuverte(null)} maxWidth="sm" fullWidth>
        <DialogTitle>
          {ouverte === "deplacer" ? "Nouvelle date de la portabilité" : "Annuler la portabilité sortante"}
        </DialogTitle>
        <DialogContent>
          {ouverte === "deplacer" ? (
            <MuiTextField
              label="Date et heure (jj/mm/aaaa hh:mm, heure de Paris)"
              value={effet}
              onChange={(e) => setEffet(e.target.value)}
              fullWidth
              sx={{ mt: 1 }}
            />
          ) : (
            "Les numéros restent au client, leurs affectations reviennent comme elles étaient."
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOuverte(null)}>Fermer</Button>
          <Button
            variant="contained"
            disabled={envoi.isPending}
            onClick={() => ouverte && envoi.mutate(ouverte)}
          >
            {ouverte === "deplacer" ? "Déplacer" : "Annuler la portabilité"}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

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
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Vide>Aucune portabilité sortante enregistrée.</Vide>}
      >
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
          render={(r: Sortante) =>
            ({ PREVUE: "Prévue", EFFECTUEE: "Effectuée", ANNULEE: "Annulée" })[r.statut] ?? r.statut
          }
        />
        <FunctionField label="" render={(r: Sortante) => <ActionsSortante s={r} />} />
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
