import { Box, Button, Card, CardContent, CardHeader, Chip, TextField, Typography } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import { dateFr } from "../composants/Etats";
import type { Portabilite } from "./commun";

const TYPES: Record<string, string> = {
  INFO: "Information",
  REJET: "Rejet",
  BASCULE: "Bascule",
  COMMENTAIRE: "Commentaire",
};

/** The request's thread: the workflow's own events and what people wrote, in order. */
export function Fil({ p }: { p: Portabilite }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [texte, setTexte] = useState("");
  const ajout = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/portabilites/{id}/commentaires", {
          params: { path: { id: p.id } },
          body: { commentaire: texte.trim() },
        }),
      ),
    onSuccess: () => {
      setTexte("");
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title="Échanges et chronologie"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: "flex", flexDirection: "column", gap: 1.5, mb: 2 }}>
          {p.commentaires.map((m) => (
            <Box key={m.id} sx={{ display: "flex", gap: 2 }}>
              <Typography variant="caption" sx={{ minWidth: 120 }} color="text.secondary">
                {dateFr(m.date_creation as string, true)}
              </Typography>
              <Box>
                <Chip size="small" label={TYPES[m.type] ?? m.type} sx={{ mr: 1 }} />
                <strong>{m.auteur}</strong>
                <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
                  {m.commentaire}
                </Typography>
              </Box>
            </Box>
          ))}
        </Box>
        <TextField
          label="Votre message"
          multiline
          fullWidth
          value={texte}
          onChange={(e) => setTexte(e.target.value)}
        />
        <Button
          sx={{ mt: 1 }}
          variant="outlined"
          disabled={!texte.trim() || ajout.isPending}
          onClick={() => ajout.mutate()}
        >
          Envoyer
        </Button>
      </CardContent>
    </Card>
  );
}
