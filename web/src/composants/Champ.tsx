import { Grid, Typography } from "@mui/material";
import type { ReactNode } from "react";

/** One labelled value of a detail page (a number, an order), "—" when empty. */
export function Champ({ libelle, children }: { libelle: string; children: ReactNode }) {
  return (
    <Grid size={{ xs: 6, md: 3 }}>
      <Typography variant="caption" color="text.secondary">
        {libelle}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: "break-word" }}>
        {children ?? "—"}
      </Typography>
    </Grid>
  );
}
