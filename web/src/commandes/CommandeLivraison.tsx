import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  TextField as MuiTextField,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useRecordContext, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import type { Commande } from "../api/types";
import { numeroLisible } from "../composants/format";

/** How each move the server offers is presented: its button, and what it asks before it is sent. */
export function Livraison() {
  const c = useRecordContext<Commande>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [saisie, setSaisie] = useState("");
  const [terminer, setTerminer] = useState(true);
  const [depassement, setDepassement] = useState(false);
  const [apercu, setApercu] = useState<string[] | null>(null);
  // a refused delivery: its reasons beside the field, each number in national form, not in a toast over the form
  const [refus, setRefus] = useState<{
    message: string;
    rejets: Array<{ entree: string; raison: string }>;
  } | null>(null);
  const appel = useMutation({
    mutationFn: (simulation: boolean) =>
      reponse(
        api.POST("/api/v1/commandes/{id}/livraisons", {
          params: { path: { id: c?.id as number } },
          body: { numeros: saisie, simulation, terminer, depassement },
        }),
      ),
    onSuccess: (r) => {
      setRefus(null);
      if (r.simulation) setApercu(r.livres);
      else {
        notify(`${r.livres.length} numéros livrés dans le stock du client.`, { type: "success" });
        setSaisie("");
        setApercu(null);
        refresh();
      }
    },
    onError: (
      e: Error & { body?: { detail?: string; rejets?: Array<{ entree: string; raison: string }> } },
    ) => {
      setApercu(null);
      if (e.body?.rejets?.length) setRefus({ message: e.body.detail ?? e.message, rejets: e.body.rejets });
      else notify(e.message, { type: "error", autoHideDuration: 12_000 });
    },
  });
  if (c?.statut_code !== "EN_COURS") return null;
  const reste = c.quantite - c.quantite_livree;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="livraison">
      <CardHeader
        title={`Saisir la livraison (${reste} numéro${reste > 1 ? "s" : ""} attendu${reste > 1 ? "s" : ""})`}
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }}>
        <MuiTextField
          label="Numéros reçus : un par ligne, ou des plages « 0162100000-0162100099 »"
          multiline
          minRows={3}
          fullWidth
          value={saisie}
          onChange={(e) => {
            setSaisie(e.target.value);
            setApercu(null);
          }}
          slotProps={{ htmlInput: { "data-testid": "saisie-livraison", style: { fontFamily: "monospace" } } }}
        />
        <Box sx={{ display: "flex", gap: 2, alignItems: "center", mt: 1, flexWrap: "wrap" }}>
          <FormControlLabel
            control={<Checkbox checked={terminer} onChange={(e) => setTerminer(e.target.checked)} />}
            label="Clore la commande si tout est livré"
          />
          <FormControlLabel
            control={<Checkbox checked={depassement} onChange={(e) => setDepassement(e.target.checked)} />}
            label="Accepter plus que la quantité demandée"
          />
          <Button
            variant="outlined"
            onClick={() => appel.mutate(true)}
            disabled={!saisie.trim() || appel.isPending}
          >
            Prévisualiser
          </Button>
          <Button
            variant="contained"
            onClick={() => appel.mutate(false)}
            disabled={!apercu || appel.isPending}
          >
            Enregistrer la livraison
          </Button>
        </Box>
        {appel.isPending && <LinearProgress sx={{ mt: 1 }} />}
        {refus && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="refus-livraison">
            {refus.message}
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {refus.rejets.slice(0, 30).map((r) => (
                <li key={`${r.entree}${r.raison}`}>
                  {/^\+\d+$/.test(r.entree) ? numeroLisible(r.entree) : r.entree} : {r.raison}
                </li>
              ))}
            </Box>
            {refus.rejets.length > 30 && `… et ${refus.rejets.length - 30} autre(s).`}
          </Alert>
        )}
        {apercu && (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="apercu-livraison">
            {apercu.length} numéro{apercu.length > 1 ? "s" : ""} seront créés dans le stock de {c.client} :{" "}
            {apercu.slice(0, 6).map(numeroLisible).join(", ")}
            {apercu.length > 6 ? ` … ${numeroLisible(apercu[apercu.length - 1])}` : ""}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
