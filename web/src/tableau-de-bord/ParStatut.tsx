import { Box, Card, CardContent, CardHeader, Link, Typography } from "@mui/material";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { TableauDeBord as Donnees } from "../api/types";
import { Vide } from "../composants/Etats";
import { Pastille } from "../composants/StatutChip";

const nf = new Intl.NumberFormat("fr-FR");

/** The numbers by status: a ring in the statuses' colours, each status a link to the list filtered on it. */
export function ParStatut({
  statuts: tous,
  vide = "L'inventaire est vide : ajoutez des numéros ou saisissez une livraison de commande.",
}: {
  statuts: Donnees["par_statut"];
  vide?: string;
}) {
  const statuts = tous.filter((s) => s.n > 0);
  const data = { par_statut: tous };
  return (
    <Card variant="outlined" sx={{ flex: "1 1 420px" }}>
      <CardHeader
        title="Numéros par statut"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ display: "flex", alignItems: "center", gap: 2, height: 240 }}>
        {statuts.length === 0 ? (
          <Vide>{vide}</Vide>
        ) : (
          <>
            <Box sx={{ width: 200, height: 200 }}>
              <ResponsiveContainer>
                <PieChart>
                  <Pie
                    data={statuts}
                    dataKey="n"
                    nameKey="libelle"
                    innerRadius={50}
                    outerRadius={90}
                    isAnimationActive={false}
                  >
                    {statuts.map((s) => (
                      <Cell key={s.code} fill={s.couleur} />
                    ))}
                  </Pie>
                  <Tooltip formatter={(v) => nf.format(Number(v))} />
                </PieChart>
              </ResponsiveContainer>
            </Box>
            <Box sx={{ display: "flex", flexDirection: "column", gap: 0.75 }}>
              {data.par_statut.map((s) => (
                <Box key={s.code} sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                  <Link
                    href={`#/dids?filter=${encodeURIComponent(JSON.stringify({ statut_id: s.id }))}`}
                    underline="none"
                  >
                    <Pastille libelle={s.libelle ?? s.code ?? "?"} couleur={s.couleur} />
                  </Link>
                  <Typography variant="body2" fontWeight={600}>
                    {nf.format(s.n)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
