import {
  Alert,
  Box,
  Card,
  CardActionArea,
  CardContent,
  Link,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title } from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { euros } from "../composants/format";
import { lireMois, moisCourant, moisFr, moisSaisi } from "../composants/mois";

const DIMENSIONS = [
  ["client", "Client"],
  ["groupement", "Groupement"],
  ["operateur", "Opérateur"],
  ["campagne", "Campagne"],
  ["type", "Type"],
] as const;
type Dimension = (typeof DIMENSIONS)[number][0];

/** What the numbers cost in a month and who bears it, and each client's re-billing statement. */
export function Couts() {
  // this month by default: the demo data and a new inventory have nothing in the months before
  const [saisie, setSaisie] = useState(() => moisSaisi(moisCourant()));
  const [par, setPar] = useState<Dimension>("client");
  const [client, setClient] = useState<number | "">("");
  const lu = lireMois(saisie);
  const valide = lu !== null;
  const periode = lu ?? moisCourant();
  const enCours = periode === moisCourant();
  const vue = useQuery({
    queryKey: ["couts", periode, par],
    enabled: valide,
    queryFn: () => reponse(api.GET("/api/v1/couts", { params: { query: { periode, par } } })),
  });
  const clients = useQuery({
    queryKey: ["clients-couts"],
    queryFn: () => reponse(api.GET("/api/v1/clients", { params: { query: { par_page: 200 } } })),
  });
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title="Coûts et refacturation" />
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <TextField
          size="small"
          label="Mois (mm/aaaa)"
          value={saisie}
          error={!valide}
          helperText={valide ? " " : "Mois attendu : mm/aaaa, par exemple 11/2026"}
          onChange={(e) => setSaisie(e.target.value)}
        />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={par}
          onChange={(_e, v: Dimension | null) => v && setPar(v)}
        >
          {DIMENSIONS.map(([id, libelle]) => (
            <ToggleButton key={id} value={id}>
              {libelle}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Typography variant="body2" color="text.secondary">
        Le coût mensuel de chaque numéro, réparti au prorata des jours où chacun le tenait (un jour est à qui
        tient le numéro à sa fin) ; le stock et le gel après une résiliation sont à la charge de la société.
      </Typography>
      {vue.isPending ? (
        <Chargement />
      ) : vue.error ? (
        <ErreurChargement erreur={vue.error} />
      ) : (
        <Card variant="outlined">
          <CardContent>
            <Box sx={{ display: "flex", gap: 2, alignItems: "baseline", flexWrap: "wrap" }}>
              <Typography variant="h6" data-testid="total-couts">
                {moisFr(vue.data.periode)} : {euros(vue.data.total)}
              </Typography>
              <Link href={urlApi(`/api/v1/couts?periode=${periode}&par=${par}&format=csv`)}>
                Exporter (CSV)
              </Link>
              <Link href={urlApi(`/api/v1/couts?periode=${periode}&par=${par}&format=xlsx`)}>
                Exporter (XLSX)
              </Link>
            </Box>
            {enCours && (
              <Alert severity="info" sx={{ my: 1 }} data-testid="couts-estimation">
                Estimation : le mois en cours est compté jusqu'à sa fin avec les numéros tenus aujourd'hui ;
                les chiffres se figent le mois fini.
              </Alert>
            )}
            {!vue.data.a_jour && (
              <Alert severity="info" sx={{ my: 1 }} data-testid="couts-en-calcul">
                Chiffres des données du {dateFr(vue.data.calcule_le, true)} : les données ont changé depuis et
                le nouveau calcul est en cours. Rechargez la page dans un moment.
              </Alert>
            )}
            {vue.data.lignes.length === 0 ? (
              <Vide>Aucun coût ce mois-là.</Vide>
            ) : (
              <Table size="small" data-testid="couts" sx={{ maxWidth: 760 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{DIMENSIONS.find(([d]) => d === par)?.[1]}</TableCell>
                    <TableCell align="right">Numéros</TableCell>
                    <TableCell align="right">Jours</TableCell>
                    <TableCell align="right">Montant</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {vue.data.lignes.map((l) => (
                    <TableRow key={l.cle}>
                      <TableCell>{l.libelle}</TableCell>
                      <TableCell align="right">{l.numeros}</TableCell>
                      <TableCell align="right">{l.jours}</TableCell>
                      <TableCell align="right">{euros(l.montant)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      )}
      <Card variant="outlined">
        <CardContent sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
          <Typography variant="subtitle1" fontWeight={600}>
            Refacturation d'un client
          </Typography>
          <TextField
            select
            size="small"
            label="Client"
            value={client}
            onChange={(e) => setClient(Number(e.target.value))}
            sx={{ minWidth: 240 }}
          >
            {(clients.data?.data ?? []).map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.nom}
              </MenuItem>
            ))}
          </TextField>
          {client !== "" && valide && (
            <>
              <Link
                href={urlApi(`/api/v1/couts/refacturation?periode=${periode}&client_id=${client}&format=csv`)}
              >
                Relevé (CSV)
              </Link>
              <Link
                href={urlApi(
                  `/api/v1/couts/refacturation?periode=${periode}&client_id=${client}&format=xlsx`,
                )}
              >
                Relevé (XLSX)
              </Link>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

/** The dashboard's tile: this month's cost and the months before it. */
export function TendanceCouts() {
  const t = useQuery({
    queryKey: ["couts-tendance"],
    queryFn: () => reponse(api.GET("/api/v1/couts/tendance", { params: { query: { mois: 6 } } })),
  });
  if (!t.data) return null;
  const mois = t.data.mois;
  const max = Math.max(...mois.map((m) => m.montant), 1);
  const courant = mois.at(-1);
  return (
    <Card variant="outlined" sx={{ flex: "1 1 200px" }} data-testid="tuile-couts">
      <CardActionArea href="#/couts" sx={{ height: "100%" }}>
        <CardContent>
          <Typography color="text.secondary" variant="body2">
            Coût du mois
          </Typography>
          <Typography variant="h4" fontWeight={600}>
            {euros(courant?.montant ?? 0)}
          </Typography>
          <Box
            sx={{ display: "flex", alignItems: "flex-end", gap: 0.5, height: 32, mt: 1 }}
            aria-label="Coûts des six derniers mois"
          >
            {mois.map((m) => (
              <Box
                key={m.periode}
                title={`${moisFr(m.periode)} : ${euros(m.montant)}`}
                sx={{
                  flex: 1,
                  bgcolor: "primary.main",
                  opacity: m === courant ? 1 : 0.5,
                  height: `${Math.max(4, (m.montant / max) * 100)}%`,
                }}
              />
            ))}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
