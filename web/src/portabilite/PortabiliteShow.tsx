import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import RadioButtonUncheckedIcon from "@mui/icons-material/RadioButtonUnchecked";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  TextField as MuiTextField,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Show, useNotify, useRecordContext, useRefresh } from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import { Champ } from "../composants/Champ";
import { dateFr } from "../composants/Etats";
import { Apercu } from "./Apercu";
import { lireNumerosSaisis, type Portabilite, STATUTS_NUMERO } from "./commun";
import { Fil } from "./Fil";
import { ActionsPortabilite } from "./PortabiliteActions";
import { PastillePortabilite } from "./PortabiliteList";
import { Preparation } from "./Preparation";

const POINTS: Array<[keyof Portabilite["numeros"][number]["controle"], string]> = [
  ["type", "Type"],
  ["entrant", "Campagne entrante"],
  ["sortant", "Campagne sortante"],
  ["mandat", "Mandat signé"],
  ["date", "Date confirmée"],
];

function Coche({ ok, titre }: { ok: boolean; titre: string }) {
  return (
    <Tooltip title={`${titre} : ${ok ? "oui" : "non"}`}>
      {ok ? (
        <CheckCircleIcon fontSize="small" color="success" aria-label={`${titre} : oui`} />
      ) : (
        <RadioButtonUncheckedIcon fontSize="small" color="disabled" aria-label={`${titre} : non`} />
      )}
    </Tooltip>
  );
}

/** Each number: its status at the donor's, its RIO, and the checklist of what the switch needs to route it. */
function Numeros({ p }: { p: Portabilite }) {
  const [prepare, setPrepare] = useState<Portabilite["numeros"][number] | null>(null);
  const prets = p.numeros.filter((n) => n.controle.pret).length;
  const enAttente = p.numeros.filter((n) => n.statut === "EN_ATTENTE").length;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="numeros-portabilite">
      <CardHeader
        title={`Numéros (${p.numeros.length})`}
        subheader={
          ["SOUMISE", "DATE_CONFIRMEE", "BROUILLON"].includes(p.statut)
            ? `${prets} sur ${enAttente} prêt(s) à router à la bascule`
            : undefined
        }
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0, overflowX: "auto" }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Numéro</TableCell>
              <TableCell>RIO</TableCell>
              <TableCell>Statut</TableCell>
              {POINTS.map(([, t]) => (
                <TableCell key={t} align="center">
                  {t}
                </TableCell>
              ))}
              <TableCell>Prêt à router</TableCell>
              {p.preparable && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {p.numeros.map((n) => (
              <TableRow key={n.id} data-numero={n.national}>
                <TableCell sx={{ whiteSpace: "nowrap" }}>{n.national}</TableCell>
                <TableCell>{n.rio ?? "—"}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={STATUTS_NUMERO[n.statut]?.libelle ?? n.statut}
                    sx={{ bgcolor: STATUTS_NUMERO[n.statut]?.couleur, color: "#fff" }}
                  />
                  {n.motif_rejet && (
                    <Typography variant="caption" display="block">
                      {n.motif_rejet}
                    </Typography>
                  )}
                </TableCell>
                {POINTS.map(([k, t]) => (
                  <TableCell key={k} align="center">
                    <Coche ok={n.controle[k]} titre={t} />
                  </TableCell>
                ))}
                <TableCell>{n.statut === "PORTE" ? "En service" : n.controle.pret ? "Oui" : "Non"}</TableCell>
                {p.preparable && (
                  <TableCell>
                    {n.statut === "EN_ATTENTE" && (
                      <Button size="small" onClick={() => setPrepare(n)}>
                        Préparer
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {prepare && <Preparation p={p} ligne={prepare} onFermer={() => setPrepare(null)} />}
      </CardContent>
    </Card>
  );
}

function AjoutNumeros({ p }: { p: Portabilite }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [texte, setTexte] = useState("");
  const ajout = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/portabilites/{id}/numeros", {
          params: { path: { id: p.id } },
          body: { numeros: lireNumerosSaisis(texte) as [{ numero: string }] },
        }),
      ),
    onSuccess: () => {
      setTexte("");
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!p.modifiable) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title="Ajouter des numéros"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }}>
        <MuiTextField
          label="Un numéro ou une plage par ligne, suivi de son RIO s'il y en a un"
          multiline
          minRows={3}
          fullWidth
          value={texte}
          onChange={(e) => setTexte(e.target.value)}
          sx={{ mb: 1 }}
        />
        <Apercu clientId={p.client_id} texte={texte} />
        <Button
          variant="contained"
          disabled={!texte.trim() || ajout.isPending}
          onClick={() => ajout.mutate()}
        >
          Ajouter
        </Button>
      </CardContent>
    </Card>
  );
}

function Mandat({ p }: { p: Portabilite }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const depot = useMutation({
    mutationFn: async (fichier: File) =>
      reponse(
        api.PUT("/api/v1/portabilites/{id}/mandat", {
          params: { path: { id: p.id }, query: { nom: fichier.name } },
          body: (await fichier.arrayBuffer()) as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { "content-type": "application/pdf" },
        }),
      ),
    onSuccess: () => refresh(),
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  return (
    <Grid size={12}>
      <Typography variant="caption" color="text.secondary">
        Mandat de portabilité signé
      </Typography>
      <Box>
        {p.mandat_sha256 ? (
          <>
            <a href={urlApi(`/api/v1/portabilites/${p.id}/mandat`)}>{p.mandat_nom ?? "mandat.pdf"}</a>
            <Typography variant="caption" display="block" sx={{ wordBreak: "break-all" }}>
              SHA-256 {p.mandat_sha256}
            </Typography>
          </>
        ) : (
          "Pas encore déposé"
        )}
        {p.modifiable && (
          <Button component="label" size="small" sx={{ ml: 1 }}>
            {p.mandat_sha256 ? "Remplacer" : "Déposer le PDF"}
            <input
              hidden
              type="file"
              accept="application/pdf"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) depot.mutate(f);
              }}
            />
          </Button>
        )}
      </Box>
    </Grid>
  );
}

function Detail() {
  const p = useRecordContext<Portabilite>();
  // a row of the list stands in until the detail is read: it has no numbers, no thread
  if (!p?.numeros) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2 }}>
        <Typography variant="h6">{p.reference}</Typography>
        <PastillePortabilite statut={p.statut} />
      </Box>
      {p.erreur_bascule && (
        <Alert severity="error" sx={{ mt: 1 }}>
          Activation impossible à l'heure de la bascule : {p.erreur_bascule}
        </Alert>
      )}
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Champ libelle="Client">{p.client}</Champ>
        <Champ libelle="Opérateur donneur">{p.operateur_donneur}</Champ>
        <Champ libelle="Opérateur receveur">{p.operateur}</Champ>
        <Champ libelle="Demandeur">{p.demandeur_nom}</Champ>
        <Champ libelle="Date souhaitée">{p.date_souhaitee ? dateFr(p.date_souhaitee) : "—"}</Champ>
        <Champ libelle="Bascule (heure de Paris)">
          {p.bascule_le ? dateFr(p.bascule_le as string, true) : "à confirmer"}
        </Champ>
        <Champ libelle="Signataire du mandat">{p.mandat_signataire ?? "—"}</Champ>
        <Champ libelle="Créée le">{dateFr(p.date_creation as string, true)}</Champ>
        <Mandat p={p} />
        {p.notes && (
          <Grid size={12}>
            <Typography variant="caption" color="text.secondary">
              Notes
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
              {p.notes}
            </Typography>
          </Grid>
        )}
      </Grid>
      <ActionsPortabilite p={p} />
      <Numeros p={p} />
      <AjoutNumeros p={p} />
      <Fil p={p} />
    </Box>
  );
}

export function PortabiliteShow() {
  return (
    <Show title="Demande de portabilité" actions={false}>
      <Detail />
    </Show>
  );
}
