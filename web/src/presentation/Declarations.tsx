import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, usePermissions } from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { type Permissions, peut } from "../providers/authProvider";

function Liste({ titre, numeros, total }: { titre: string; numeros: string[]; total: number }) {
  return (
    <Box sx={{ minWidth: 200 }}>
      <Typography variant="subtitle2">
        {titre} ({total})
      </Typography>
      {numeros.slice(0, 20).map((n) => (
        <Typography key={n} variant="body2">
          {numeroLisible(n)}
        </Typography>
      ))}
      {total > 20 && <Typography variant="body2">…</Typography>}
    </Box>
  );
}

/** What each outbound carrier is told we may present, what changed since, and the proof of what was sent. */
export function Declarations() {
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const client = useQueryClient();
  const [operateur, setOperateur] = useState<number | "">("");
  const operateurs = useQuery({
    queryKey: ["operateurs-declaration"],
    queryFn: () =>
      reponse(api.GET("/api/v1/operateurs", { params: { query: { par_page: 200, actif: true } } })),
  });
  const apercu = useQuery({
    queryKey: ["declaration-apercu", operateur],
    enabled: operateur !== "",
    queryFn: () =>
      reponse(
        api.GET("/api/v1/declarations/apercu", { params: { query: { operateur_id: Number(operateur) } } }),
      ),
  });
  const faites = useQuery({
    queryKey: ["declarations", operateur],
    enabled: operateur !== "",
    queryFn: () =>
      reponse(api.GET("/api/v1/declarations", { params: { query: { operateur_id: Number(operateur) } } })),
  });
  const declarer = useMutation({
    mutationFn: (format: "csv" | "xlsx") =>
      reponse(api.POST("/api/v1/declarations", { body: { operateur_id: Number(operateur), format } })),
    onSuccess: (d) => {
      notify(`Déclaration enregistrée : ${d.nombre} numéro(s).`, { type: "success" });
      // the file as recorded, the one to send to the carrier
      window.location.assign(urlApi(`/api/v1/declarations/${d.id}/fichier`));
      void client.invalidateQueries({ queryKey: ["declarations"] });
      void client.invalidateQueries({ queryKey: ["declaration-apercu"] });
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const a = apercu.data;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Déclarations aux opérateurs" />
      <Typography variant="body2" sx={{ mb: 2, maxWidth: 900 }}>
        La liste des numéros que nous pouvons présenter en appel sortant chez un opérateur : les nôtres sous
        son contrat, et ceux de nos clients sous un mandat valide. Chaque déclaration est enregistrée (qui,
        quand, empreinte du fichier) pour prouver ce qui a été déclaré à une date.
      </Typography>
      <TextField
        select
        size="small"
        label="Opérateur"
        value={operateur}
        onChange={(e) => setOperateur(Number(e.target.value))}
        sx={{ minWidth: 260, mb: 2 }}
        slotProps={{ htmlInput: { "data-testid": "operateur" } }}
      >
        {(operateurs.data?.data ?? []).map((o) => (
          <MenuItem key={o.id} value={o.id}>
            {o.nom}
          </MenuItem>
        ))}
      </TextField>
      {operateur === "" ? (
        <Vide>Choisissez un opérateur.</Vide>
      ) : apercu.isPending ? (
        <Chargement />
      ) : apercu.error ? (
        <ErreurChargement erreur={apercu.error} />
      ) : a ? (
        <Card sx={{ mb: 2 }}>
          <CardHeader
            title={`${a.total} numéro(s) présentables aujourd'hui`}
            subheader={
              a.derniere
                ? `Changements depuis la déclaration du ${dateFr(String(a.derniere.instant), true)}`
                : "Aucune déclaration encore faite à cet opérateur"
            }
          />
          <CardContent sx={{ pt: 0 }}>
            <Box data-testid="changements" sx={{ display: "flex", gap: 4, flexWrap: "wrap", mb: 2 }}>
              <Liste titre="Ajoutés" numeros={a.changements.ajoutes} total={a.changements_totaux.ajoutes} />
              <Liste titre="Retirés" numeros={a.changements.retires} total={a.changements_totaux.retires} />
              <Liste
                titre="Fondement changé"
                numeros={a.changements.modifies}
                total={a.changements_totaux.modifies}
              />
            </Box>
            {peut(permissions, "presentation:gerer") && (
              <Box sx={{ display: "flex", gap: 1 }}>
                <Button
                  variant="contained"
                  disabled={declarer.isPending}
                  onClick={() => declarer.mutate("csv")}
                >
                  Déclarer et télécharger (CSV)
                </Button>
                <Button
                  variant="outlined"
                  disabled={declarer.isPending}
                  onClick={() => declarer.mutate("xlsx")}
                >
                  Déclarer et télécharger (XLSX)
                </Button>
              </Box>
            )}
          </CardContent>
        </Card>
      ) : null}
      {operateur !== "" && (
        <Card>
          <CardHeader title="Déclarations faites" />
          <CardContent sx={{ pt: 0 }}>
            {faites.data?.data.length ? (
              <Table size="small" data-testid="declarations">
                <TableHead>
                  <TableRow>
                    <TableCell>Date</TableCell>
                    <TableCell>Par</TableCell>
                    <TableCell align="right">Numéros</TableCell>
                    <TableCell align="right">Ajouts</TableCell>
                    <TableCell align="right">Retraits</TableCell>
                    <TableCell>Empreinte SHA-256</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {faites.data.data.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell>{dateFr(String(d.instant), true)}</TableCell>
                      <TableCell>{d.auteur}</TableCell>
                      <TableCell align="right">{d.nombre}</TableCell>
                      <TableCell align="right">{d.ajouts}</TableCell>
                      <TableCell align="right">{d.retraits}</TableCell>
                      <TableCell sx={{ fontFamily: "monospace", fontSize: 12 }}>
                        {d.somme_sha256.slice(0, 16)}…
                      </TableCell>
                      <TableCell>
                        <Link href={urlApi(`/api/v1/declarations/${d.id}/fichier`)}>
                          Télécharger ({d.format.toUpperCase()})
                        </Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Alert severity="info">Aucune déclaration à cet opérateur.</Alert>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
