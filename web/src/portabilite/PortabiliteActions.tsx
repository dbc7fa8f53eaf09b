import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import { lireInstantParis, versSaisieParis } from "../composants/DateHeureParis";
import type { Portabilite } from "./commun";

type Action = "soumettre" | "annuler" | "confirmer" | "rejeter" | "rejeter-numeros" | "echec";

/** Each move the server offers: its button, and what it asks before it is sent. */
const BOUTONS: Record<
  Action,
  { libelle: string; couleur: "primary" | "error" | "warning"; titre: string; motif?: boolean }
> = {
  soumettre: {
    libelle: "Soumettre",
    couleur: "primary",
    titre: "Soumettre la demande à l'opérateur receveur",
  },
  confirmer: { libelle: "Confirmer la bascule", couleur: "primary", titre: "Date et heure de la bascule" },
  "rejeter-numeros": {
    libelle: "Rejeter des numéros",
    couleur: "warning",
    titre: "Numéros rejetés par l'opérateur donneur",
    motif: true,
  },
  rejeter: {
    libelle: "Rejeter la demande",
    couleur: "error",
    titre: "Demande rejetée par l'opérateur donneur",
    motif: true,
  },
  echec: {
    libelle: "Bascule échouée",
    couleur: "error",
    titre: "La bascule n'a pas eu lieu : rien ne restera en service",
    motif: true,
  },
  annuler: { libelle: "Annuler", couleur: "error", titre: "Annuler la demande" },
};

export function ActionsPortabilite({ p }: { p: Portabilite }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [ouverte, setOuverte] = useState<Action | null>(null);
  const [motif, setMotif] = useState("");
  const [bascule, setBascule] = useState("");
  const [choisis, setChoisis] = useState<number[]>([]);
  const envoi = useMutation({
    mutationFn: (action: Action) =>
      reponse(
        api.POST("/api/v1/portabilites/{id}/actions/{action}", {
          params: { path: { id: p.id, action } },
          body: {
            version: p.version,
            ...(motif.trim() ? { commentaire: motif.trim() } : {}),
            ...(action === "confirmer" ? { bascule_le: lireInstantParis(bascule)?.iso ?? bascule } : {}),
            ...(action === "rejeter-numeros" ? { numero_ids: choisis } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setOuverte(null);
      setMotif("");
      setChoisis([]);
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const actions = p.actions_possibles as Action[];
  if (actions.length === 0) return null;
  const b = ouverte ? BOUTONS[ouverte] : undefined;
  const enAttente = p.numeros.filter((n) => n.statut === "EN_ATTENTE");
  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", my: 2 }}>
      {(Object.keys(BOUTONS) as Action[])
        .filter((a) => actions.includes(a))
        .map((a) => (
          <Button
            key={a}
            variant={BOUTONS[a].couleur === "primary" ? "contained" : "outlined"}
            color={BOUTONS[a].couleur}
            onClick={() => {
              setBascule(versSaisieParis(p.bascule_le));
              setOuverte(a);
            }}
          >
            {a === "confirmer" && p.statut === "DATE_CONFIRMEE" ? "Déplacer la bascule" : BOUTONS[a].libelle}
          </Button>
        ))}
      <Dialog open={!!ouverte} onClose={() => setOuverte(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{b?.titre}</DialogTitle>
        <DialogContent>
          {ouverte === "confirmer" && (
            <TextField
              label="Bascule (jj/mm/aaaa hh:mm, heure de Paris)"
              value={bascule}
              onChange={(e) => setBascule(e.target.value)}
              fullWidth
              sx={{ mt: 1 }}
              helperText="Les numéros seront en service à cette minute, pas avant ; une date déplacée déplace tout."
            />
          )}
          {ouverte === "rejeter-numeros" && (
            <Box sx={{ display: "flex", flexDirection: "column" }}>
              {enAttente.map((n) => (
                <FormControlLabel
                  key={n.id}
                  label={n.national}
                  control={
                    <Checkbox
                      checked={choisis.includes(n.id)}
                      onChange={(e) =>
                        setChoisis(e.target.checked ? [...choisis, n.id] : choisis.filter((c) => c !== n.id))
                      }
                    />
                  }
                />
              ))}
            </Box>
          )}
          {ouverte === "soumettre" && (
            <Typography variant="body2">
              La demande part chez l'opérateur receveur avec ses {enAttente.length} numéro(s) et le mandat
              signé.
            </Typography>
          )}
          {(b?.motif || ouverte === "annuler") && (
            <TextField
              label={ouverte === "annuler" ? "Motif (facultatif)" : "Motif"}
              value={motif}
              onChange={(e) => setMotif(e.target.value)}
              fullWidth
              multiline
              sx={{ mt: 2 }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOuverte(null)}>Fermer</Button>
          <Button
            variant="contained"
            color={b?.couleur ?? "primary"}
            disabled={
              envoi.isPending ||
              (b?.motif && !motif.trim()) ||
              (ouverte === "rejeter-numeros" && choisis.length === 0)
            }
            onClick={() => ouverte && envoi.mutate(ouverte)}
          >
            {b?.libelle}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
