import BackupIcon from "@mui/icons-material/Backup";
import DownloadIcon from "@mui/icons-material/Download";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Title } from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";

const taille = (octets: number) =>
  octets >= 1024 * 1024
    ? `${(octets / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`
    : `${Math.ceil(octets / 1024).toLocaleString("fr-FR")} Ko`;

/** Backups, for an admin: the last one taken, the automatic ones and their copies, a copy to download now. */
export function Sauvegardes() {
  const q = useQuery({
    queryKey: ["sauvegardes"],
    queryFn: () => reponse(api.GET("/api/v1/sauvegardes")),
  });
  if (q.isPending) return <Chargement />;
  if (q.isError) return <ErreurChargement erreur={q.error} />;
  const e = q.data;
  const auto = e.automatiques;
  return (
    <Box sx={{ mt: 2, display: "grid", gap: 2, maxWidth: 960 }}>
      <Title title="Sauvegardes" />
      <Card>
        <CardHeader title="Dernière sauvegarde" />
        <CardContent sx={{ display: "grid", gap: 1.5 }}>
          {e.derniere ? (
            <Typography data-testid="derniere-sauvegarde">
              Le {dateFr(e.derniere.le, true)} par {e.derniere.par}
              {e.derniere.fichier ? ` (${e.derniere.fichier})` : ""}.
            </Typography>
          ) : (
            <Alert severity="warning">Aucune sauvegarde n'a encore été prise.</Alert>
          )}
          <Box>
            <Button
              variant="contained"
              startIcon={<BackupIcon />}
              href={urlApi("/api/v1/sauvegarde")}
              download
              onClick={() => setTimeout(() => void q.refetch(), 1500)}
            >
              Télécharger une sauvegarde maintenant
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary">
            {e.base === "pglite"
              ? "Copie du dossier de la base embarquée (tar.gz), prise sans arrêter le service."
              : "Copie pg_dump au format custom, prise sans arrêter le service."}{" "}
            Pour la restaurer : <code>telephony restore &lt;fichier&gt;</code>.
          </Typography>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="Sauvegardes automatiques" />
        <CardContent sx={{ display: "grid", gap: 1.5 }}>
          {!auto ? (
            <Alert severity="info">
              Désactivées : définissez BACKUP_DIR (et au besoin BACKUP_INTERVAL_HOURS, BACKUP_KEEP) dans
              l'environnement du service.
            </Alert>
          ) : (
            <>
              <Typography>
                Toutes les {auto.intervalle_heures} h dans <code>{auto.dossier}</code>, les {auto.garder} plus
                récentes gardées. Prochaine : {auto.prochaine_le ? dateFr(auto.prochaine_le, true) : "—"}.
              </Typography>
              {auto.dernier_echec && (
                <Alert severity="error">
                  Échec le {dateFr(auto.dernier_echec.le, true)} : {auto.dernier_echec.erreur}
                </Alert>
              )}
              {e.fichiers.length === 0 ? (
                <Vide>Aucune copie dans le dossier pour l'instant.</Vide>
              ) : (
                <Table size="small" data-testid="copies">
                  <TableHead>
                    <TableRow>
                      <TableCell>Copie</TableCell>
                      <TableCell>Écrite le</TableCell>
                      <TableCell align="right">Taille</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {e.fichiers.map((f) => (
                      <TableRow key={f.nom}>
                        <TableCell sx={{ fontFamily: "monospace" }}>{f.nom}</TableCell>
                        <TableCell>{dateFr(f.le, true)}</TableCell>
                        <TableCell align="right">{taille(f.octets)}</TableCell>
                        <TableCell align="right">
                          <Button
                            size="small"
                            startIcon={<DownloadIcon />}
                            href={urlApi(`/api/v1/sauvegardes/${encodeURIComponent(f.nom)}`)}
                            download
                          >
                            Télécharger
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
