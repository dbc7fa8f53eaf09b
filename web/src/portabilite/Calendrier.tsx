import { TZDate } from "@date-fns/tz";
import ChevronLeftIcon from "@mui/icons-material/ChevronLeft";
import ChevronRightIcon from "@mui/icons-material/ChevronRight";
import { Box, Card, CardContent, CardHeader, Chip, IconButton, Tooltip, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api, reponse } from "../api/client";
import { moisFr } from "../composants/mois";
import { jourEtHeureParis, statutPortabilite } from "./commun";

const JOURS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const deux = (n: number) => String(n).padStart(2, "0");

function moisDe(d: Date) {
  const { jour } = jourEtHeureParis(d.toISOString());
  return jour.slice(0, 7);
}
function decaler(periode: string, n: number) {
  const [a, m] = periode.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(a, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${deux(d.getUTCMonth() + 1)}`;
}

/**
 * The switches of a month as a calendar (Paris days): each confirmed or done port-in on its day, at its time, with
 * its number count. What the staff plan their mornings with, and what a client sees of its own.
 */
export function Calendrier() {
  const [periode, setPeriode] = useState(() => moisDe(new Date()));
  const [a, m] = periode.split("-").map(Number) as [number, number];
  const debut = new TZDate(a, m - 1, 1, 0, 0, 0, "Europe/Paris");
  const fin = new TZDate(a, m, 1, 0, 0, 0, "Europe/Paris");
  const { data } = useQuery({
    queryKey: ["portabilites-calendrier", periode],
    queryFn: () =>
      reponse(
        api.GET("/api/v1/portabilites", {
          params: {
            query: {
              statut: "DATE_CONFIRMEE,PORTEE",
              bascule_depuis: debut.toISOString(),
              bascule_avant: fin.toISOString(),
              par_page: 200,
            },
          },
        }),
      ),
  });
  const parJour = new Map<string, NonNullable<typeof data>["data"]>();
  for (const p of data?.data ?? []) {
    if (!p.bascule_le) continue;
    const { jour } = jourEtHeureParis(p.bascule_le as string);
    parJour.set(jour, [...(parJour.get(jour) ?? []), p]);
  }
  const nbJours = new Date(Date.UTC(a, m, 0)).getUTCDate();
  const decalage = (new Date(Date.UTC(a, m - 1, 1)).getUTCDay() + 6) % 7;
  const cases = [
    ...Array.from({ length: decalage }, (_, i) => ({ cle: `vide-${i}`, n: null })),
    ...Array.from({ length: nbJours }, (_, i) => ({ cle: `jour-${i + 1}`, n: i + 1 })),
  ];
  const aujourdhui = jourEtHeureParis(new Date().toISOString()).jour;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="calendrier">
      <CardHeader
        title={`Bascules de ${moisFr(periode)}`}
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        action={
          <Box>
            <Tooltip title="Mois précédent">
              <IconButton aria-label="Mois précédent" onClick={() => setPeriode(decaler(periode, -1))}>
                <ChevronLeftIcon />
              </IconButton>
            </Tooltip>
            <Tooltip title="Mois suivant">
              <IconButton aria-label="Mois suivant" onClick={() => setPeriode(decaler(periode, 1))}>
                <ChevronRightIcon />
              </IconButton>
            </Tooltip>
          </Box>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: 0.5 }}>
          {JOURS.map((j) => (
            <Typography key={j} variant="caption" color="text.secondary" sx={{ textAlign: "center" }}>
              {j}
            </Typography>
          ))}
          {cases.map(({ cle, n }) => {
            if (n === null) return <Box key={cle} />;
            const jour = `${periode}-${deux(n)}`;
            const bascules = parJour.get(jour) ?? [];
            return (
              <Box
                key={jour}
                data-jour={jour}
                sx={{
                  minHeight: 64,
                  border: 1,
                  borderColor: jour === aujourdhui ? "primary.main" : "divider",
                  borderRadius: 1,
                  p: 0.5,
                  overflow: "hidden",
                }}
              >
                <Typography variant="caption" color="text.secondary">
                  {n}
                </Typography>
                {bascules.map((p) => (
                  <Chip
                    key={p.id}
                    size="small"
                    component={Link}
                    to={`/portabilites/${p.id}/show`}
                    clickable
                    label={`${jourEtHeureParis(p.bascule_le as string).heure} ${p.reference} (${p.nombre - p.rejetes})`}
                    title={`${p.client} — ${statutPortabilite(p.statut).name}`}
                    sx={{
                      display: "flex",
                      mt: 0.5,
                      bgcolor: statutPortabilite(p.statut).couleur,
                      color: "#fff",
                      maxWidth: "100%",
                    }}
                  />
                ))}
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
}
