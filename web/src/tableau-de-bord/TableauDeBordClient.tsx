import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Title } from "react-admin";
import { api, reponse } from "../api/client";
import type { TableauDeBord as Donnees } from "../api/types";
import { STATUTS_COMMANDE } from "../commandes/CommandeList";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { euros } from "../composants/format";
import { ParStatut } from "./ParStatut";

const nf = new Intl.NumberFormat("fr-FR");
const MOIS = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "Europe/Paris" });

/**
 * A client's dashboard: its numbers by status and by campaign, its orders and how far each has come, and its month's
 * statement where re-billing is open to it. The company's stock, freezes and other clients are not its business.
 */
export function TableauDeBordClient({ data }: { data: Donnees }) {
  const commandes = useQuery({
    queryKey: ["tableau-de-bord", "commandes"],
    queryFn: () =>
      reponse(api.GET("/api/v1/commandes", { params: { query: { par_page: 10, tri: "-date_creation" } } })),
  });
  const campagnes = data.par_campagne ?? [];
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="tableau-de-bord">
      <Title title="Tableau de bord" />
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <Card variant="outlined" sx={{ flex: "1 1 200px" }} data-testid="tuile">
          <CardContent>
            <Typography color="text.secondary" variant="body2">
              Vos numéros
            </Typography>
            <Typography variant="h4" fontWeight={600}>
              {nf.format(data.total)}
            </Typography>
          </CardContent>
        </Card>
        {data.releve && (
          <Card variant="outlined" sx={{ flex: "1 1 300px" }} data-testid="releve-du-mois">
            <CardContent>
              <Typography color="text.secondary" variant="body2">
                Relevé de {MOIS.format(new Date(`${data.releve.periode}-15T12:00:00Z`))} (estimation jusqu'à
                la fin du mois)
              </Typography>
              <Typography variant="h4" fontWeight={600}>
                {euros(data.releve.total)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {nf.format(data.releve.numeros)} numéro(s) facturé(s) · calculé le{" "}
                {dateFr(data.releve.calcule_le, true)}
              </Typography>
            </CardContent>
          </Card>
        )}
      </Box>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <ParStatut statuts={data.par_statut} vide="Aucun numéro ne vous est attribué pour l'instant." />
        <Card variant="outlined" sx={{ flex: "1 1 420px" }} data-testid="par-campagne">
          <CardHeader
            title="Numéros par campagne"
            titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
            sx={{ pb: 0 }}
          />
          <CardContent sx={{ maxHeight: 260, overflow: "auto" }}>
            {campagnes.length === 0 ? (
              <Vide>Aucune campagne n'utilise vos numéros en ce moment.</Vide>
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Campagne</TableCell>
                    <TableCell align="right">Entrants</TableCell>
                    <TableCell align="right">Sortants</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {campagnes.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell>{c.libelle}</TableCell>
                      <TableCell align="right">{nf.format(c.entrants)}</TableCell>
                      <TableCell align="right">{nf.format(c.sortants)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </Box>
      <Card variant="outlined" data-testid="vos-commandes">
        <CardHeader
          title="Vos commandes"
          titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
          sx={{ pb: 0 }}
          action={
            <Link href="#/commandes" underline="hover" sx={{ mr: 1 }}>
              Toutes vos commandes
            </Link>
          }
        />
        <CardContent>
          {commandes.isPending ? (
            <Chargement />
          ) : commandes.error ? (
            <ErreurChargement erreur={commandes.error} />
          ) : commandes.data.data.length === 0 ? (
            <Vide>Aucune commande : « Commandes › Créer » pour demander des numéros.</Vide>
          ) : (
            <Table size="small" sx={{ "& td, & th": { whiteSpace: "nowrap" } }}>
              <TableHead>
                <TableRow>
                  <TableCell>Référence</TableCell>
                  <TableCell>Statut</TableCell>
                  <TableCell>Demandée le</TableCell>
                  <TableCell sx={{ width: "40%" }}>Avancement</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {commandes.data.data.map((c) => (
                  <TableRow key={c.id} hover>
                    <TableCell>
                      <Link href={`#/commandes/${c.id}/show`}>{c.reference}</Link>
                    </TableCell>
                    <TableCell>
                      {STATUTS_COMMANDE.find((s) => s.id === c.statut_code)?.name ?? c.statut}
                    </TableCell>
                    <TableCell>{dateFr(c.date_creation)}</TableCell>
                    <TableCell>
                      <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                        <LinearProgress
                          variant="determinate"
                          value={c.quantite > 0 ? (100 * c.quantite_livree) / c.quantite : 0}
                          sx={{ flex: 1, height: 8, borderRadius: 4 }}
                        />
                        <Typography variant="body2">
                          {c.quantite_livree} livré(s) sur {c.quantite}
                        </Typography>
                      </Box>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {data.par_statut.every((s) => s.n === 0) && (
        <Alert severity="info">Vos numéros apparaîtront ici dès leur attribution.</Alert>
      )}
    </Box>
  );
}
