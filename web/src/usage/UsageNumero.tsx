import { Box, Card, CardContent, CardHeader, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRecordContext } from "react-admin";
import { api, reponse } from "../api/client";
import type { Did } from "../api/types";
import { dateFr, Vide } from "../composants/Etats";

/** A number's calls: its last one and the last 90 days as a sparkline (inbound and outbound per day). */
export function UsageNumero() {
  const d = useRecordContext<Did>();
  const u = useQuery({
    queryKey: ["usage", d?.id],
    enabled: !!d,
    queryFn: () =>
      reponse(
        api.GET("/api/v1/dids/{id}/usage", {
          params: { path: { id: d?.id as number }, query: { jours: 90 } },
        }),
      ),
  });
  if (!d || !u.data) return null;
  const jours = u.data.jours;
  const valeurs = jours.map((j) => j.entrants + j.sortants);
  const max = Math.max(...valeurs, 1);
  const total = valeurs.reduce((a, b) => a + b, 0);
  const points = valeurs
    .map((v, i) => `${(i / Math.max(1, valeurs.length - 1)) * 300},${38 - (v / max) * 36}`)
    .join(" ");
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title="Appels" titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }} />
      <CardContent sx={{ pt: 0 }} data-testid="usage">
        {u.data.dernier_appel === null ? (
          <Vide>Aucun appel connu (importez les appels de la plateforme).</Vide>
        ) : (
          <Box sx={{ display: "flex", gap: 3, alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="body2">
              Dernier appel : <strong>{dateFr(String(u.data.dernier_appel), true)}</strong> — {total} appel(s)
              en 90 jours
            </Typography>
            <svg width={300} height={40} role="img" aria-label="Appels par jour sur 90 jours">
              <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
            </svg>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
