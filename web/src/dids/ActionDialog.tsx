import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import {
  AutocompleteInput,
  Form,
  type Identifier,
  ReferenceInput,
  SaveButton,
  TextInput,
  useNotify,
  useRefresh,
  useUnselectAll,
} from "react-admin";
import { api, reponse } from "../api/client";
import type { ActionDid } from "../api/types";
import { DateFr } from "../composants/DateHeureParis";
import { GroupementDuClient } from "../composants/GroupementDuClient";
import { ACTIONS_DID } from "./actions";

interface Valeurs {
  client_id?: number | null;
  groupement_id?: number | null;
  motif?: string;
  date_effet?: string | null;
}

/** One lifecycle action on one number or on a selection: all or nothing, with a reason kept in the history. */
export function ActionDialog({
  action,
  ids,
  version,
  onClose,
}: {
  action: ActionDid | null;
  ids: Identifier[];
  version?: number;
  onClose: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll("dids");
  const mutation = useMutation({
    mutationFn: async (v: Valeurs) => {
      if (!action) return;
      const corps = {
        ...(action === "affecter"
          ? { client_id: v.client_id ?? null, groupement_id: v.groupement_id ?? null }
          : {}),
        ...(v.motif ? { motif: v.motif } : {}),
        ...(action === "resilier" && v.date_effet ? { date_effet: v.date_effet } : {}),
      };
      if (ids.length === 1) {
        await reponse(
          api.POST("/api/v1/dids/{id}/actions/{action}", {
            params: { path: { id: Number(ids[0]), action } },
            body: { ...corps, ...(version ? { version } : {}) },
          }),
        );
      } else {
        await reponse(
          api.POST("/api/v1/dids/actions/{action}", {
            params: { path: { action } },
            body: { ids: ids.map(Number), ...corps },
          }),
        );
      }
    },
    onSuccess: () => {
      notify(ids.length === 1 ? "Action appliquée." : `Action appliquée à ${ids.length} numéros.`, {
        type: "success",
      });
      // every list's selection (the number list keeps its own under its store key)
      unselectAll(true);
      refresh();
      onClose();
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  if (!action) return null;
  const def = ACTIONS_DID[action];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form onSubmit={(v: Record<string, unknown>) => mutation.mutate(v as Valeurs)}>
        <DialogTitle>
          {def.libelle} — {ids.length} numéro{ids.length > 1 ? "s" : ""}
        </DialogTitle>
        <DialogContent>
          {def.confirmer && <DialogContentText sx={{ mb: 2 }}>{def.confirmer}</DialogContentText>}
          {action === "affecter" && (
            <>
              <ReferenceInput
                source="client_id"
                reference="clients"
                filter={{ actif: true }}
                sort={{ field: "nom", order: "ASC" }}
                label="Client"
              >
                <AutocompleteInput label="Client" optionText="nom" fullWidth isRequired />
              </ReferenceInput>
              <GroupementDuClient />
            </>
          )}
          {action === "resilier" && (
            <DateFr
              source="date_effet"
              label="Dernier jour (facultatif) : vide, la résiliation prend effet maintenant"
              helperText="Une date à venir prévoit la résiliation : le numéro reste routé jusqu'à la fin de ce jour (heure de Paris)."
              fullWidth
            />
          )}
          <TextInput source="motif" label="Motif (gardé dans l'historique)" multiline fullWidth />
          {ids.length > 1 && (
            <DialogContentText variant="body2">
              Tout ou rien : si un seul numéro ne peut pas changer, aucun ne change et la raison s'affiche.
            </DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Annuler</Button>
          <SaveButton label="Confirmer" icon={<></>} alwaysEnable disabled={mutation.isPending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
