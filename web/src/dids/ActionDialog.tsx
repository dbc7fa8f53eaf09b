import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
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
import { numeroLisible } from "../composants/format";
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
  numeros,
  onClose,
}: {
  action: ActionDid | null;
  ids: Identifier[];
  version?: number;
  /** The selected numbers' E.164 by id: a refusal names each number the way people read it. */
  numeros?: Record<string, string>;
  onClose: () => void;
}) {
  const notify = useNotify();
  const [refus, setRefus] = useState<Array<{ id: number; message: string }>>([]);
  const lisible = (id: number) => (numeros?.[String(id)] ? numeroLisible(numeros[String(id)]) : `n° ${id}`);
  // what a termination or a release ends at once: the campaigns the numbers are in now
  const enCours = useQuery({
    queryKey: ["affectations-en-cours", action, ids],
    enabled: (action === "resilier" || action === "liberer") && ids.length <= 20,
    // one request for the whole selection (20 numbers at most here)
    queryFn: async () =>
      (
        await reponse(
          api.GET("/api/v1/affectations", {
            params: { query: { did_ids: ids.join(","), courante: true, par_page: 200 } },
          }),
        )
      ).data,
  });
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
      setRefus([]);
      notify(ids.length === 1 ? "Action appliquée." : `Action appliquée à ${ids.length} numéros.`, {
        type: "success",
      });
      // every list's selection (the number list keeps its own under its store key)
      unselectAll(true);
      refresh();
      onClose();
    },
    onError: (e: Error & { body?: { resultats?: Array<{ id: number; ok: boolean; message?: string }> } }) => {
      // a refused selection: each number's reason in the dialog, which stays open
      const r = (e.body?.resultats ?? []).filter((x) => !x.ok);
      if (r.length > 0) setRefus(r.map((x) => ({ id: x.id, message: x.message ?? "refusé" })));
      else notify(e.message, { type: "error", autoHideDuration: 10_000 });
    },
  });
  if (!action) return null;
  const def = ACTIONS_DID[action];
  const fermer = () => {
    setRefus([]);
    onClose();
  };
  return (
    <Dialog open onClose={fermer} fullWidth maxWidth="sm">
      <Form onSubmit={(v: Record<string, unknown>) => mutation.mutate(v as Valeurs)}>
        <DialogTitle>
          {def.libelle} — {ids.length} numéro{ids.length > 1 ? "s" : ""}
        </DialogTitle>
        <DialogContent>
          {def.confirmer && <DialogContentText sx={{ mb: 2 }}>{def.confirmer}</DialogContentText>}
          {(enCours.data ?? []).length > 0 && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="campagnes-arretees">
              Ces campagnes s'arrêtent aussitôt pour {ids.length > 1 ? "ces numéros" : "ce numéro"} :
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {(enCours.data ?? []).map((a) => (
                  <li key={a.id}>
                    {numeroLisible(a.did_format_e164)} : {a.campaign_code}{" "}
                    {a.entrant && a.sortant ? "(entrant et sortant)" : a.entrant ? "(entrant)" : "(sortant)"}
                  </li>
                ))}
              </Box>
            </Alert>
          )}
          {refus.length > 0 && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="refus-en-masse">
              Rien n'a changé : {refus.length} numéro(s) refusent cette action.
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {refus.slice(0, 50).map((r) => (
                  <li key={r.id}>
                    {lisible(r.id)} : {r.message}
                  </li>
                ))}
              </Box>
            </Alert>
          )}
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
          <Button onClick={fermer}>Annuler</Button>
          <SaveButton label="Confirmer" icon={<></>} alwaysEnable disabled={mutation.isPending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
