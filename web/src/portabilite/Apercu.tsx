import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useNotify } from "react-admin";
import { api, reponse } from "../api/client";
import { CLASSES, type LigneApercu, lireNumerosSaisis } from "./commun";

/**
 * The preview of the numbers typed: each one new, coming back, in one of our blocks, already ours, held by another
 * client, already asked for, or unreadable (RIO key included), before anything is saved.
 */
export function Apercu({ clientId, texte }: { clientId: number | undefined; texte: string }) {
  const notify = useNotify();
  const apercu = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/portabilites/apercu", {
          body: { ...(clientId ? { client_id: clientId } : {}), numeros: lireNumerosSaisis(texte) },
        }),
      ),
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  // the same entry typed twice is shown twice: each row keyed by its rank in the answer
  const lignes: Array<LigneApercu & { rang: number }> = (apercu.data?.numeros ?? []).map((l, rang) => ({
    ...l,
    rang,
  }));
  return (
    <Box sx={{ mb: 2, width: "100%" }}>
      <Button variant="outlined" onClick={() => apercu.mutate()} disabled={!texte.trim() || apercu.isPending}>
        Aperçu des numéros
      </Button>
      {apercu.data && (
        <Box data-testid="apercu" sx={{ mt: 1 }}>
          <Alert severity={apercu.data.refuses > 0 ? "warning" : "success"} sx={{ mb: 1 }}>
            {apercu.data.acceptes} numéro(s) peuvent être portés
            {apercu.data.refuses > 0
              ? `, ${apercu.data.refuses} refusé(s) : retirez-les avant d'enregistrer.`
              : "."}
          </Alert>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Saisie</TableCell>
                <TableCell>Numéro</TableCell>
                <TableCell>RIO</TableCell>
                <TableCell>Aperçu</TableCell>
                <TableCell>Détail</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lignes.slice(0, 200).map((l) => (
                <TableRow key={l.rang} data-classe={l.classe}>
                  <TableCell>{l.saisie}</TableCell>
                  <TableCell>{l.national ?? "—"}</TableCell>
                  <TableCell>{l.rio ?? "—"}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={CLASSES[l.classe]?.libelle ?? l.classe}
                      sx={{ bgcolor: CLASSES[l.classe]?.couleur, color: "#fff" }}
                    />
                  </TableCell>
                  <TableCell>{l.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
