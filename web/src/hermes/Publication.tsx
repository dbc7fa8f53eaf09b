import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  Chip,
  FormControlLabel,
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
import { api, reponse } from "../api/client";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { estPersonnel, type Permissions } from "../providers/authProvider";

/** A unified diff, coloured like a code review: what Hermes will read differently after publishing. */
function Diff({ texte }: { texte: string }) {
  return (
    <Box
      component="pre"
      data-testid="diff"
      sx={{
        fontFamily: "monospace",
        fontSize: 12,
        m: 0,
        p: 1.5,
        bgcolor: "grey.50",
        borderRadius: 1,
        maxHeight: 360,
        overflow: "auto",
      }}
    >
      {texte.split("\n").map((l, i) => (
        <Box
          // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity but their position
          key={i}
          component="span"
          sx={{
            display: "block",
            color:
              l.startsWith("+") && !l.startsWith("+++")
                ? "#1b5e20"
                : l.startsWith("-") && !l.startsWith("---")
                  ? "#b71c1c"
                  : l.startsWith("@@")
                    ? "#6a1b9a"
                    : "inherit",
            bgcolor:
              l.startsWith("+") && !l.startsWith("+++")
                ? "#e8f5e9"
                : l.startsWith("-") && !l.startsWith("---")
                  ? "#ffebee"
                  : "transparent",
          }}
        >
          {l || " "}
        </Box>
      ))}
    </Box>
  );
}

export function PublicationHermes() {
  const notify = useNotify();
  const client = useQueryClient();
  const { permissions } = usePermissions<Permissions>();
  const [motif, setMotif] = useState("");
  const [forcer, setForcer] = useState(false);
  const etat = useQuery({
    queryKey: ["publication"],
    queryFn: () => reponse(api.GET("/api/v1/hermes/publication")),
  });
  const versions = useQuery({
    queryKey: ["publications"],
    queryFn: () => reponse(api.GET("/api/v1/hermes/publications")),
  });
  const rafraichir = () => {
    client.invalidateQueries({ queryKey: ["publication"] });
    client.invalidateQueries({ queryKey: ["publications"] });
  };
  const publier = useMutation({
    mutationFn: () =>
      reponse(api.POST("/api/v1/hermes/publication", { body: { ...(motif ? { motif } : {}), forcer } })),
    onSuccess: (r) => {
      notify(
        r.publies.length
          ? `Publié : ${r.publies.map((p) => `${p.fichier} v${p.version}`).join(", ")}.`
          : "Rien à publier.",
        { type: "success" },
      );
      setMotif("");
      setForcer(false);
      rafraichir();
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 12_000 }),
  });
  const restaurer = useMutation({
    mutationFn: (id: number) =>
      reponse(api.POST("/api/v1/hermes/publications/{id}/restaurer", { params: { path: { id } }, body: {} })),
    onSuccess: (r) => {
      notify(`${r.fichier} : version ${r.version} écrite (restauration).`, { type: "success" });
      rafraichir();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const personnel = estPersonnel(permissions);
  const derive = etat.data?.fichiers.some((f) => f.derive);
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title="Routage Hermes" />
      {etat.isPending ? (
        <Chargement />
      ) : etat.error ? (
        <ErreurChargement erreur={etat.error} />
      ) : (
        <>
          <Alert severity={etat.data.en_attente ? "warning" : "success"}>
            {etat.data.en_attente
              ? "Des changements de routage attendent d'être publiés vers Hermes."
              : "Les fichiers déployés sont à jour."}
          </Alert>
          {etat.data.fichiers.map((f) => (
            <Card key={f.nom} variant="outlined">
              <CardHeader
                title={f.nom}
                subheader={`${f.chemin} · ${f.derniere_version ? `version ${f.derniere_version} déployée` : "jamais publié"}`}
                action={
                  <Box sx={{ display: "flex", gap: 1, p: 1 }}>
                    {f.derive && <Chip color="error" label="Modifié à la main" />}
                    <Chip
                      color={f.change ? "warning" : "success"}
                      label={f.change ? "À publier" : "Inchangé"}
                    />
                  </Box>
                }
              />
              <CardContent sx={{ pt: 0 }}>
                {f.change ? <Diff texte={f.diff} /> : <Vide>Aucune différence avec le fichier déployé.</Vide>}
              </CardContent>
            </Card>
          ))}
          {personnel && (
            <Card variant="outlined">
              <CardContent sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
                <TextField
                  size="small"
                  label="Motif de la publication"
                  value={motif}
                  onChange={(e) => setMotif(e.target.value)}
                  sx={{ minWidth: 360 }}
                />
                {derive && (
                  <FormControlLabel
                    control={<Checkbox checked={forcer} onChange={(e) => setForcer(e.target.checked)} />}
                    label="Écraser les modifications faites à la main"
                  />
                )}
                <Button
                  variant="contained"
                  disabled={publier.isPending || !etat.data.en_attente || (derive && !forcer)}
                  onClick={() => publier.mutate()}
                >
                  Publier vers Hermes
                </Button>
              </CardContent>
            </Card>
          )}
        </>
      )}
      <Card variant="outlined">
        <CardHeader
          title="Versions publiées"
          titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        />
        <CardContent sx={{ pt: 0 }}>
          {versions.isPending ? (
            <Chargement />
          ) : versions.error ? (
            <ErreurChargement erreur={versions.error} />
          ) : versions.data.data.length === 0 ? (
            <Vide>Aucune publication pour l'instant.</Vide>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Fichier</TableCell>
                  <TableCell>Version</TableCell>
                  <TableCell>Type</TableCell>
                  <TableCell>Quand</TableCell>
                  <TableCell>Qui</TableCell>
                  <TableCell>Motif</TableCell>
                  <TableCell>SHA-256</TableCell>
                  <TableCell>Rechargement</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.data.data.map((v) => (
                  <TableRow key={v.id}>
                    <TableCell>{v.fichier}</TableCell>
                    <TableCell>{v.version}</TableCell>
                    <TableCell>{v.type}</TableCell>
                    <TableCell>{dateFr(v.date_publication, true)}</TableCell>
                    <TableCell>{v.auteur}</TableCell>
                    <TableCell>{v.motif ?? "—"}</TableCell>
                    <TableCell>
                      <code>{v.somme_sha256.slice(0, 12)}</code>
                    </TableCell>
                    <TableCell>
                      {v.commande ? (
                        <Typography variant="caption" title={v.sortie_commande ?? ""}>
                          {v.code_sortie === 0 ? "OK" : `code ${v.code_sortie ?? "?"}`}
                        </Typography>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell>
                      {personnel && (
                        <Button
                          size="small"
                          onClick={() =>
                            window.confirm(`Remettre ${v.fichier} en version ${v.version} ?`) &&
                            restaurer.mutate(v.id)
                          }
                        >
                          Restaurer
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
