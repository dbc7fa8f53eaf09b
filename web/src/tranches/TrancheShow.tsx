import {
  Box,
  Button,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Show, TopToolbar, useNotify, usePermissions, useRecordContext, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import type { Tranche } from "../api/types";
import { Champ } from "../composants/Champ";
import { Chargement, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { jourFr } from "../composants/jour";
import { type Permissions, peut } from "../providers/authProvider";
import { occupation, plage } from "./Tranches";

const STATUTS: Array<[code: string, libelle: string]> = [
  ["UTILISE", "Utilisés"],
  ["AFFECTE", "Affectés"],
  ["DISPONIBLE", "Disponibles"],
  ["COMMANDE", "Commandés"],
  ["RESILIE", "Résiliés"],
];

/** Returning a block: one confirmation that says how many numbers the lifecycle will terminate. */
function Restitution({ t }: { t: Tranche }) {
  const [ouvert, setOuvert] = useState(false);
  const [motif, setMotif] = useState("");
  const notify = useNotify();
  const refresh = useRefresh();
  const aResilier = Object.entries(t.usage)
    .filter(([s]) => s !== "RESILIE")
    .reduce((a, [, n]) => a + n, 0);
  const rendre = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/tranches/{id}/restitution", {
          params: { path: { id: t.id } },
          body: { confirmer: true, ...(motif.trim() ? { motif: motif.trim() } : {}) },
        }),
      ),
    onSuccess: (r) => {
      notify(`Tranche restituée : ${r.resilies.length} numéro(s) résilié(s).`, { type: "success" });
      setOuvert(false);
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  return (
    <>
      <Button
        variant="outlined"
        color="error"
        size="small"
        disabled={!t.restituable}
        title={
          t.restituable ? undefined : "Des numéros sont tenus par un client, ou la tranche est déjà rendue"
        }
        onClick={() => setOuvert(true)}
      >
        Restituer à l'opérateur
      </Button>
      <Dialog open={ouvert} onClose={() => setOuvert(false)} fullWidth maxWidth="sm">
        <DialogTitle>Restituer la tranche {plage(t)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {aResilier} numéro(s) seront résiliés par le cycle de vie (historique et gel compris), puis la
            tranche sortira du service. Aucun numéro n'est tenu par un client.
          </DialogContentText>
          <TextField
            fullWidth
            size="small"
            label="Motif (gardé dans l'historique)"
            value={motif}
            onChange={(e) => setMotif(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOuvert(false)}>Annuler</Button>
          <Button
            color="error"
            variant="contained"
            disabled={rendre.isPending}
            onClick={() => rendre.mutate()}
          >
            Résilier {aResilier} numéro(s) et restituer
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function Actions() {
  const t = useRecordContext<Tranche>();
  const { permissions } = usePermissions<Permissions>();
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {t && (
        <Button
          size="small"
          variant="outlined"
          href={`#/dids?filter=${encodeURIComponent(JSON.stringify({ tranche_id: t.id }))}`}
        >
          Voir ses numéros
        </Button>
      )}
      {t?.clients && t.actif && peut(permissions, "tranches:gerer") && <Restitution t={t} />}
    </TopToolbar>
  );
}

function Fiche() {
  const t = useRecordContext<Tranche>();
  // the list's row stands in while the page loads: it has no detail yet
  if (!t?.clients) return <Chargement />;
  const o = occupation(t.usage);
  return (
    <CardContent>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2 }}>
        <Typography variant="h5" fontWeight={600}>
          {plage(t)}
        </Typography>
        <Chip
          size="small"
          label={t.actif ? "En service" : "Restituée"}
          color={t.actif ? "success" : "default"}
        />
      </Box>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Champ libelle="Opérateur">{t.operateur}</Champ>
        <Champ libelle="Référence opérateur">{t.reference_operateur}</Champ>
        <Champ libelle="Reçue le">{jourFr(t.date_reception)}</Champ>
        <Champ libelle="Commande">
          {t.commande_id ? (
            <Link href={`#/commandes/${t.commande_id}/show`}>{t.commande_reference}</Link>
          ) : null}
        </Champ>
        <Champ libelle="Numéros">{t.taille}</Champ>
        <Champ libelle="Tenus par des clients">{o.tenus}</Champ>
        <Champ libelle="Libres (en stock)">{o.libres}</Champ>
        <Champ libelle="Coût mensuel">{euros(t.cout_mensuel)}</Champ>
      </Grid>
      <Typography variant="subtitle1" fontWeight={600}>
        Occupation
      </Typography>
      <Table size="small" data-testid="occupation" sx={{ mb: 2, maxWidth: 480 }}>
        <TableBody>
          {STATUTS.map(([code, libelle]) => (
            <TableRow key={code}>
              <TableCell>{libelle}</TableCell>
              <TableCell align="right">{t.usage[code] ?? 0}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>Absents de l'inventaire</TableCell>
            <TableCell align="right">{t.hors_inventaire}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="subtitle1" fontWeight={600}>
        Premiers numéros libres
      </Typography>
      {t.prochains_libres.length ? (
        <Box data-testid="libres" sx={{ display: "flex", flexWrap: "wrap", gap: 1, mb: 2 }}>
          {t.prochains_libres.map((n) => (
            <Chip key={n} size="small" variant="outlined" label={numeroLisible(n)} />
          ))}
        </Box>
      ) : (
        <Vide>Aucun numéro libre.</Vide>
      )}
      <Typography variant="subtitle1" fontWeight={600}>
        Clients qui en tiennent des numéros
      </Typography>
      {t.clients.length ? (
        <Table size="small" sx={{ maxWidth: 480 }}>
          <TableHead>
            <TableRow>
              <TableCell>Client</TableCell>
              <TableCell align="right">Numéros</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {t.clients.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.nom}</TableCell>
                <TableCell align="right">{c.numeros}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Vide>Aucun.</Vide>
      )}
      {t.notes && (
        <Typography variant="body2" sx={{ mt: 2, whiteSpace: "pre-wrap" }}>
          {t.notes}
        </Typography>
      )}
    </CardContent>
  );
}

export function TrancheShow() {
  return (
    <Show title="Tranche" actions={<Actions />}>
      <Fiche />
    </Show>
  );
}
