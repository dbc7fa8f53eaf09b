import { Alert, Box, CircularProgress, Typography } from "@mui/material";
import type { ReactNode } from "react";

export function Chargement({ texte = "Chargement…" }: { texte?: string }) {
  return (
    <Box sx={{ display: "flex", alignItems: "center", gap: 2, p: 3 }} role="status">
      <CircularProgress size={24} />
      <Typography color="text.secondary">{texte}</Typography>
    </Box>
  );
}

export function ErreurChargement({ erreur }: { erreur: unknown }) {
  const message = erreur instanceof Error ? erreur.message : "Erreur inattendue.";
  return (
    <Alert severity="error" sx={{ m: 2 }}>
      {message}
    </Alert>
  );
}

export function Vide({ children }: { children: ReactNode }) {
  return (
    <Typography color="text.secondary" sx={{ p: 2, fontStyle: "italic" }}>
      {children}
    </Typography>
  );
}

/** A date (and time) as people read it here: French, in Paris time whatever the browser's zone. */
export const dateFr = (iso: string | null | undefined, avecHeure = false) =>
  iso
    ? new Date(iso).toLocaleString(
        "fr-FR",
        avecHeure
          ? { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" }
          : { dateStyle: "short", timeZone: "Europe/Paris" },
      )
    : "—";
