import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
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
import { Confirmation } from "../composants/Confirmation";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { type Permissions, peut } from "../providers/authProvider";
import { ApercuRestauration } from "./ApercuRestauration";
import { ChangementsRoutes, Diff, lireApercu, pluriel } from "./ChangementsRoutes";

export function PublicationHermes() {
  const notify = useNotify();
  const client = useQueryClient();
  const { permissions } = usePermissions<Permissions>();
  const [motif, setMotif] = useState("");
  const [forcer, setForcer] = useState(false);
  const [confirmation, setConfirmation] = useState(false);
  const [suppressionsAcceptees, setSuppressionsAcceptees] = useState(false);
  const etat = useQuery({ queryKey: ["publication"], queryFn: lireApercu });
  const versions = useQuery({
    queryKey: ["publications"],
    queryFn: () => reponse(api.GET("/api/v1/hermes/publications")),
  });
  type VersionPubliee = NonNullable<typeof versions.data>["data"][number];
  const [aRestaurer, setARestaurer] = useState<VersionPubliee | null>(null);
  const rafraichir = () => {
    client.invalidateQueries({ queryKey: ["publication"] });
    client.invalidateQueries({ queryKey: ["publications"] });
  };
  const publier = useMutation({
    // the removals the person saw in the confirmation: the server refuses if the routes changed meanwhile
    mutationFn: (confirmer: number) =>
      reponse(
        api.POST("/api/v1/hermes/publication", { body: { ...(motif ? { motif } : {}), forcer, confirmer } }),
      ),
    onSettled: () => {
      setConfirmation(false);
      setSuppressionsAcceptees(false);
    },
    onSuccess: (r) => {
      notify(
        r.publies.length
          ? `Publié : ${r.publies.map((p) => `${p.fichier} v${p.version}`).join(", ")} (${pluriel(r.routes.ajoutees, "route")} ajoutée(s), ${r.routes.supprimees} supprimée(s), ${r.routes.modifiees} modifiée(s)).`
          : "Rien à publier.",
        { type: "success" },
      );
      setMotif("");
      setForcer(false);
      rafraichir();
    },
    onError: (e: Error) => {
      notify(e.message, { type: "error", autoHideDuration: 12_000 });
      rafraichir();
    },
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
  const personnel = peut(permissions, "publication:publier");
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
          {etat.data.invalides.length > 0 && (
            <Alert severity="error" data-testid="valeurs-invalides">
              {pluriel(etat.data.invalides.length, "valeur")} casseraient les fichiers de routage (retour à la
              ligne, caractère de contrôle ou « ; ») : ces routes sont laissées hors des fichiers et la
              publication est refusée tant qu'elles ne sont pas corrigées.
              <ul>
                {etat.data.invalides.slice(0, 20).map((i) => (
                  <li key={`${i.numero}${i.campagne_code}${i.champ}`}>
                    {i.numero} ({i.campagne_code}) : {i.champ} « {JSON.stringify(i.valeur)} »
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <ChangementsRoutes apercu={etat.data} />
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
                  onClick={() => setConfirmation(true)}
                >
                  Publier vers Hermes
                </Button>
              </CardContent>
            </Card>
          )}
          <Dialog open={confirmation} onClose={() => setConfirmation(false)} maxWidth="sm" fullWidth>
            <DialogTitle>Publier le routage vers Hermes ?</DialogTitle>
            <DialogContent>
              <Typography data-testid="compte-routes" sx={{ mb: 1 }}>
                {pluriel(etat.data.routes.ajoutees, "route")} ajoutée(s),{" "}
                {pluriel(etat.data.routes.supprimees, "route")} supprimée(s),{" "}
                {pluriel(etat.data.routes.modifiees, "route")} modifiée(s) ;{" "}
                {pluriel(etat.data.routes.a_publier, "route")} après publication
                {etat.data.routes.deployees === null
                  ? "."
                  : ` (${etat.data.routes.deployees.toLocaleString("fr-FR")} aujourd'hui).`}
              </Typography>
              {etat.data.confirmation_requise && (
                <Alert severity="warning">
                  Cette publication supprime {pluriel(etat.data.routes.supprimees, "route")}, au-delà des{" "}
                  {etat.data.suppressions_permises} permises sans confirmation : les appels vers ces numéros
                  ne seront plus routés.
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={suppressionsAcceptees}
                        onChange={(e) => setSuppressionsAcceptees(e.target.checked)}
                      />
                    }
                    label={`Je confirme la suppression de ${pluriel(etat.data.routes.supprimees, "route")}`}
                  />
                </Alert>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmation(false)}>Annuler</Button>
              <Button
                variant="contained"
                disabled={publier.isPending || (etat.data.confirmation_requise && !suppressionsAcceptees)}
                onClick={() => publier.mutate(etat.data.routes.supprimees)}
              >
                Publier
              </Button>
            </DialogActions>
          </Dialog>
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
                    <TableCell>{v.type === "RESTAURATION" ? "Restauration" : "Publication"}</TableCell>
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
                        <Button size="small" onClick={() => setARestaurer(v)}>
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
      {aRestaurer && (
        <Confirmation
          ouvert
          titre={`Restaurer ${aRestaurer.fichier} en version ${aRestaurer.version}`}
          large
          libelle="Restaurer cette version"
          onConfirmer={() => restaurer.mutate(aRestaurer.id)}
          onFermer={() => setARestaurer(null)}
        >
          <DialogContentText>
            Le fichier déployé {aRestaurer.fichier} est réécrit tel qu'il était en version{" "}
            {aRestaurer.version} (publiée le {dateFr(aRestaurer.date_publication, true)} par{" "}
            {aRestaurer.auteur}), comme une nouvelle version : Hermes route alors selon ce fichier, et les
            changements faits depuis dans l'inventaire n'y sont plus jusqu'à la prochaine publication.
          </DialogContentText>
          <ApercuRestauration id={aRestaurer.id} />
        </Confirmation>
      )}
    </Box>
  );
}
