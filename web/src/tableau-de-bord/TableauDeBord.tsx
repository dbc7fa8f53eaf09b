import {
  Alert,
  Box,
  Card,
  CardActionArea,
  CardContent,
  CardHeader,
  Chip,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useTheme } from "@mui/material/styles";
import { useQuery } from "@tanstack/react-query";
import { Title, usePermissions } from "react-admin";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, reponse } from "../api/client";
import type { TableauDeBord as Donnees } from "../api/types";
import { STATUT_A_TRAITER, STATUTS_COMMANDE, URGENCES as URGENCES_LIBELLES } from "../commandes/CommandeList";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { TendanceCouts } from "../couts/Couts";
import { type Permissions, peut } from "../providers/authProvider";
import { couleursCharte } from "../theme";
import { ParStatut } from "./ParStatut";
import { TableauDeBordClient } from "./TableauDeBordClient";

const nf = new Intl.NumberFormat("fr-FR");
const URGENCES: Record<string, string> = {
  URGENTE: "#d32f2f",
  HAUTE: "#f57c00",
  NORMALE: "#1976d2",
  BASSE: "#757575",
};

/** One line per bar: a long label is shortened (the full one in its tooltip) rather than wrapped over the next. */
function Etiquette(props: { x?: number; y?: number; payload?: { value: string } }) {
  const theme = useTheme();
  const texte = props.payload?.value ?? "";
  const court = texte.length > 20 ? `${texte.slice(0, 19)}…` : texte;
  return (
    <text
      x={props.x}
      y={props.y}
      dy={4}
      textAnchor="end"
      fontSize={12}
      fill={theme.palette.text.secondary}
      data-testid="etiquette-graphique"
    >
      <title>{texte}</title>
      {court}
    </text>
  );
}

function Repartition({
  titre,
  lignes,
  couleur,
}: {
  titre: string;
  lignes: Donnees["par_region"];
  couleur: string;
}) {
  const donnees = lignes
    .map((l) => ({ nom: l.libelle ?? l.code ?? "Non renseigné", n: l.n }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 8);
  return (
    <Card variant="outlined" sx={{ flex: "1 1 340px", minWidth: 300 }}>
      <CardHeader
        title={titre}
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ height: 230 }}>
        {donnees.length === 0 ? (
          <Vide>Aucun numéro.</Vide>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={donnees} layout="vertical" margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tickFormatter={(v) => nf.format(v)} />
              <YAxis type="category" dataKey="nom" width={150} tick={<Etiquette />} interval={0} />
              <Tooltip formatter={(v) => [nf.format(Number(v)), "numéros"]} />
              <Bar dataKey="n" fill={couleur} radius={[0, 4, 4, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  );
}

export function TableauDeBord() {
  const { permissions } = usePermissions<Permissions>();
  const { data, isPending, error } = useQuery({
    queryKey: ["tableau-de-bord"],
    queryFn: () => reponse(api.GET("/api/v1/tableau-de-bord")),
    refetchInterval: 60_000,
  });
  const charte = couleursCharte(useTheme().palette.mode);
  if (isPending) return <Chargement texte="Chargement du tableau de bord…" />;
  if (error) return <ErreurChargement erreur={error} />;
  if (permissions?.client_id) return <TableauDeBordClient data={data} />;
  const stock = data.disponibles.reduce((t, d) => t + d.n, 0);
  // the same statuses as the order queue's "À traiter" filter, counted in full (the table lists the first 20)
  const aTraiter = data.commandes_en_attente.reduce((t, c) => t + c.n, 0);
  const filtre = (f: Record<string, unknown>) => encodeURIComponent(JSON.stringify(f));
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="tableau-de-bord">
      <Title title="Tableau de bord" />
      {data.publication_en_attente && (
        <Alert
          severity="warning"
          action={
            <Link href="#/hermes" underline="hover">
              Voir les changements
            </Link>
          }
        >
          Des changements de routage ne sont pas encore publiés vers Hermes.
        </Alert>
      )}
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        {[
          { titre: "Numéros", valeur: data.total, lien: "#/dids" },
          {
            titre: "Stock libre (disponibles sans client)",
            valeur: stock,
            lien: `#/dids?filter=${filtre({ statut_id: data.par_statut.find((s) => s.code === "DISPONIBLE")?.id, sans_client: true })}`,
          },
          {
            titre: "Commandes à traiter",
            valeur: aTraiter,
            lien: `#/commandes?filter=${filtre({ statut: STATUT_A_TRAITER })}`,
          },
          {
            titre: "Réutilisables sous 30 jours",
            valeur: data.reutilisables_30_jours.n,
            lien: `#/dids?filter=${filtre({
              statut_id: data.par_statut.find((s) => s.code === "RESILIE")?.id,
              resilie_depuis: data.reutilisables_30_jours.resilie_depuis,
              resilie_avant: data.reutilisables_30_jours.resilie_avant,
            })}`,
          },
        ].map((k) => (
          <Card key={k.titre} variant="outlined" sx={{ flex: "1 1 200px" }} data-testid="tuile">
            <CardActionArea href={k.lien} sx={{ height: "100%" }}>
              <CardContent>
                <Typography color="text.secondary" variant="body2">
                  {k.titre}
                </Typography>
                <Typography variant="h4" fontWeight={600}>
                  {nf.format(k.valeur)}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
        {peut(permissions, "couts:lire") && <TendanceCouts />}
      </Box>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <ParStatut statuts={data.par_statut} />
        {/* wide enough for its six columns: below that, on a line of its own rather than cut off */}
        <Card variant="outlined" sx={{ flex: "1 1 700px" }} data-testid="commandes-en-attente">
          <CardHeader
            title="Commandes en attente"
            titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
            sx={{ pb: 0 }}
          />
          <CardContent sx={{ maxHeight: 240, overflow: "auto" }}>
            {data.commandes_a_traiter.length === 0 ? (
              <Vide>Aucune commande en attente.</Vide>
            ) : (
              <Table
                size="small"
                sx={{ "& th, & td:first-of-type, & td:nth-of-type(n+3)": { whiteSpace: "nowrap" } }}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>Référence</TableCell>
                    <TableCell>Client</TableCell>
                    <TableCell>Statut</TableCell>
                    <TableCell>Urgence</TableCell>
                    <TableCell align="right">Qté</TableCell>
                    <TableCell align="right">Âge</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.commandes_a_traiter.map((c) => (
                    <TableRow key={c.id} hover>
                      <TableCell>
                        <Link href={`#/commandes/${c.id}/show`}>{c.reference}</Link>
                      </TableCell>
                      <TableCell>{c.client}</TableCell>
                      <TableCell>
                        {STATUTS_COMMANDE.find((x) => x.id === c.statut)?.name ?? c.statut}
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          label={URGENCES_LIBELLES.find((u) => u.id === c.urgence)?.name ?? c.urgence}
                          sx={{ color: "#fff", backgroundColor: URGENCES[c.urgence] }}
                        />
                      </TableCell>
                      <TableCell align="right">{c.quantite}</TableCell>
                      <TableCell align="right">{c.age_jours} j</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </Box>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <Repartition titre="Par région" lignes={data.par_region} couleur={charte.primaire} />
        <Repartition titre="Par opérateur" lignes={data.par_operateur} couleur={charte.violet} />
        <Repartition titre="Par type" lignes={data.par_type} couleur={charte.cyan} />
        <Repartition titre="Par client" lignes={data.par_client} couleur={charte.succes} />
      </Box>
      <Card variant="outlined">
        <CardHeader
          title="Bientôt réutilisables (fin du gel sous 30 jours)"
          titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
          sx={{ pb: 0 }}
        />
        <CardContent>
          {data.reutilisables_30_jours.numeros.length === 0 ? (
            <Vide>Aucun numéro ne sort du gel dans les 30 jours.</Vide>
          ) : (
            <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
              {data.reutilisables_30_jours.numeros.map((n) => (
                <Chip
                  key={n.id}
                  component="a"
                  clickable
                  href={`#/dids/${n.id}/show`}
                  label={`${numeroLisible(n.did_format_e164)} · ${dateFr(n.reutilisable_le)}`}
                  variant="outlined"
                />
              ))}
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
