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
  DialogTitle,
  FormControlLabel,
  Grid,
  LinearProgress,
  TextField as MuiTextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  Show,
  TopToolbar,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
} from "react-admin";
import { api, reponse } from "../api/client";
import type { ActionCommande, Commande } from "../api/types";
import { Champ } from "../composants/Champ";
import { dateFr, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { Pastille } from "../composants/StatutChip";
import { URGENCES } from "./CommandeList";

/** How each move the server offers is presented: its button, and what it asks before it is sent. */
const ACTIONS: Record<
  ActionCommande,
  { libelle: string; destructive?: boolean; saisie?: { libelle: string; obligatoire: boolean } }
> = {
  soumettre: { libelle: "Soumettre la demande" },
  annuler: {
    libelle: "Annuler",
    destructive: true,
    saisie: { libelle: "Motif (facultatif)", obligatoire: false },
  },
  retirer: {
    libelle: "Retirer la demande",
    destructive: true,
    saisie: { libelle: "Motif (facultatif)", obligatoire: false },
  },
  valider: { libelle: "Valider", saisie: { libelle: "Commentaire de validation", obligatoire: false } },
  rejeter: {
    libelle: "Rejeter",
    destructive: true,
    saisie: { libelle: "Motif du rejet (envoyé au demandeur)", obligatoire: true },
  },
  demarrer: { libelle: "Démarrer chez l'opérateur" },
  livrer: { libelle: "Clore la livraison" },
};

interface Saisie {
  commentaire?: string;
  reference_operateur?: string;
  operateur_id?: number;
  cout_mensuel?: number | null;
  cout_mise_en_service?: number | null;
}

function useAction(c: Commande | undefined) {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ action, saisie }: { action: ActionCommande; saisie?: Saisie }) =>
      reponse(
        api.POST("/api/v1/commandes/{id}/actions/{action}", {
          params: { path: { id: c?.id as number, action } },
          body: { version: c?.version, ...saisie },
        }),
      ),
    onSuccess: (r) => {
      notify(`Commande ${r.reference} : ${r.statut.toLowerCase()}.`, { type: "success" });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
}

const prix = (v: string) => (v.trim() === "" ? null : Number(v.replace(",", ".")));

/** "Démarrer chez l'opérateur": the carrier, its reference and its prices, copied onto the numbers delivered. */
function ChampsDemarrage({
  c,
  saisie,
  setSaisie,
}: {
  c: Commande;
  saisie: Record<string, string>;
  setSaisie: (s: Record<string, string>) => void;
}) {
  const { data: operateurs } = useGetList("operateurs", {
    pagination: { page: 1, perPage: 200 },
    sort: { field: "nom", order: "ASC" },
    filter: { actif: true },
  });
  const maj = (k: string) => (e: { target: { value: string } }) =>
    setSaisie({ ...saisie, [k]: e.target.value });
  return (
    <Box sx={{ display: "grid", gap: 1.5, mt: 1 }}>
      <MuiTextField
        select
        label="Opérateur"
        required
        value={saisie.operateur_id ?? (c.operateur_id ? String(c.operateur_id) : "")}
        onChange={maj("operateur_id")}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        <option value="" />
        {(operateurs ?? []).map((o) => (
          <option key={o.id} value={String(o.id)}>
            {o.nom}
          </option>
        ))}
      </MuiTextField>
      <MuiTextField
        label="Référence de la commande chez l'opérateur"
        required
        value={saisie.reference_operateur ?? ""}
        onChange={maj("reference_operateur")}
      />
      <Box sx={{ display: "flex", gap: 1.5 }}>
        <MuiTextField
          label="Prix mensuel par numéro (€ HT)"
          value={saisie.cout_mensuel ?? ""}
          onChange={maj("cout_mensuel")}
          slotProps={{ htmlInput: { inputMode: "decimal" } }}
          fullWidth
        />
        <MuiTextField
          label="Mise en service par numéro (€ HT)"
          value={saisie.cout_mise_en_service ?? ""}
          onChange={maj("cout_mise_en_service")}
          slotProps={{ htmlInput: { inputMode: "decimal" } }}
          fullWidth
        />
      </Box>
      <Typography variant="body2" color="text.secondary">
        L'opérateur, sa référence et les prix sont reportés sur chaque numéro livré.
      </Typography>
    </Box>
  );
}

function Actions() {
  const c = useRecordContext<Commande>();
  const redirect = useRedirect();
  const [enCours, setEnCours] = useState<ActionCommande | null>(null);
  const [saisie, setSaisie] = useState<Record<string, string>>({});
  const action = useAction(c);
  if (!c) return <TopToolbar />;
  const possibles = c.actions_possibles ?? [];
  const lancer = (a: ActionCommande) => {
    if (ACTIONS[a].saisie || a === "demarrer") {
      setSaisie({});
      setEnCours(a);
    } else action.mutate({ action: a });
  };
  const def = enCours ? ACTIONS[enCours] : null;
  const operateur = saisie.operateur_id ?? (c.operateur_id ? String(c.operateur_id) : "");
  const complet =
    enCours === "demarrer"
      ? !!operateur && !!saisie.reference_operateur?.trim()
      : !def?.saisie?.obligatoire || !!saisie.commentaire?.trim();
  const envoyer = () => {
    if (!enCours) return;
    const corps: Saisie =
      enCours === "demarrer"
        ? {
            reference_operateur: saisie.reference_operateur?.trim(),
            operateur_id: Number(operateur),
            ...(saisie.cout_mensuel !== undefined ? { cout_mensuel: prix(saisie.cout_mensuel) } : {}),
            ...(saisie.cout_mise_en_service !== undefined
              ? { cout_mise_en_service: prix(saisie.cout_mise_en_service) }
              : {}),
          }
        : saisie.commentaire?.trim()
          ? { commentaire: saisie.commentaire.trim() }
          : {};
    action.mutate({ action: enCours, saisie: corps });
    setEnCours(null);
  };
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {c.statut_code === "BROUILLON" && (
        <Button size="small" onClick={() => redirect("edit", "commandes", c.id)}>
          Modifier
        </Button>
      )}
      {possibles.map((a) => (
        <Button
          key={a}
          size="small"
          variant={ACTIONS[a].destructive ? "outlined" : "contained"}
          color={ACTIONS[a].destructive ? "error" : "primary"}
          onClick={() => lancer(a)}
          disabled={action.isPending}
        >
          {ACTIONS[a].libelle}
        </Button>
      ))}
      <Dialog open={!!enCours} onClose={() => setEnCours(null)} fullWidth maxWidth="sm">
        <DialogTitle>
          {def?.libelle} — {c.reference}
        </DialogTitle>
        <DialogContent>
          {enCours === "demarrer" ? (
            <ChampsDemarrage c={c} saisie={saisie} setSaisie={setSaisie} />
          ) : (
            <MuiTextField
              autoFocus
              fullWidth
              multiline
              minRows={2}
              margin="dense"
              label={def?.saisie?.libelle}
              value={saisie.commentaire ?? ""}
              onChange={(e) => setSaisie({ commentaire: e.target.value })}
              required={def?.saisie?.obligatoire}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setEnCours(null)}>Fermer</Button>
          <Button variant="contained" disabled={!complet} onClick={envoyer}>
            Confirmer
          </Button>
        </DialogActions>
      </Dialog>
    </TopToolbar>
  );
}

/** Delivery entry: paste numbers or ranges, preview what will be created (simulation), then record. */
function Livraison() {
  const c = useRecordContext<Commande>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [saisie, setSaisie] = useState("");
  const [terminer, setTerminer] = useState(true);
  const [depassement, setDepassement] = useState(false);
  const [apercu, setApercu] = useState<string[] | null>(null);
  const appel = useMutation({
    mutationFn: (simulation: boolean) =>
      reponse(
        api.POST("/api/v1/commandes/{id}/livraisons", {
          params: { path: { id: c?.id as number } },
          body: { numeros: saisie, simulation, terminer, depassement },
        }),
      ),
    onSuccess: (r) => {
      if (r.simulation) setApercu(r.livres);
      else {
        notify(`${r.livres.length} numéros livrés dans le stock du client.`, { type: "success" });
        setSaisie("");
        setApercu(null);
        refresh();
      }
    },
    onError: (e: Error) => {
      setApercu(null);
      notify(e.message, { type: "error", autoHideDuration: 12_000 });
    },
  });
  if (c?.statut_code !== "EN_COURS") return null;
  const reste = c.quantite - c.quantite_livree;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="livraison">
      <CardHeader
        title={`Saisir la livraison (${reste} numéro${reste > 1 ? "s" : ""} attendu${reste > 1 ? "s" : ""})`}
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }}>
        <MuiTextField
          label="Numéros reçus : un par ligne, ou des plages « 0162100000-0162100099 »"
          multiline
          minRows={3}
          fullWidth
          value={saisie}
          onChange={(e) => {
            setSaisie(e.target.value);
            setApercu(null);
          }}
          slotProps={{ htmlInput: { "data-testid": "saisie-livraison", style: { fontFamily: "monospace" } } }}
        />
        <Box sx={{ display: "flex", gap: 2, alignItems: "center", mt: 1, flexWrap: "wrap" }}>
          <FormControlLabel
            control={<Checkbox checked={terminer} onChange={(e) => setTerminer(e.target.checked)} />}
            label="Clore la commande si tout est livré"
          />
          <FormControlLabel
            control={<Checkbox checked={depassement} onChange={(e) => setDepassement(e.target.checked)} />}
            label="Accepter plus que la quantité demandée"
          />
          <Button
            variant="outlined"
            onClick={() => appel.mutate(true)}
            disabled={!saisie.trim() || appel.isPending}
          >
            Prévisualiser
          </Button>
          <Button
            variant="contained"
            onClick={() => appel.mutate(false)}
            disabled={!apercu || appel.isPending}
          >
            Enregistrer la livraison
          </Button>
        </Box>
        {appel.isPending && <LinearProgress sx={{ mt: 1 }} />}
        {apercu && (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="apercu-livraison">
            {apercu.length} numéro{apercu.length > 1 ? "s" : ""} seront créés dans le stock de {c.client} :{" "}
            {apercu.slice(0, 6).map(numeroLisible).join(", ")}
            {apercu.length > 6 ? ` … ${numeroLisible(apercu[apercu.length - 1])}` : ""}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

const TYPES_COMMENTAIRE: Record<string, string> = {
  INFO: "Information",
  VALIDATION: "Validation",
  REJET: "Rejet",
  LIVRAISON: "Livraison",
  QUESTION: "Question",
  REPONSE: "Réponse",
};

function Fil() {
  const c = useRecordContext<Commande>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [texte, setTexte] = useState("");
  const ajout = useMutation({
    mutationFn: () =>
      reponse(
        api.POST("/api/v1/commandes/{id}/commentaires", {
          params: { path: { id: c?.id as number } },
          body: { commentaire: texte.trim() },
        }),
      ),
    onSuccess: () => {
      setTexte("");
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!c) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title="Échanges et chronologie"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: "flex", flexDirection: "column", gap: 1.5, mb: 2 }}>
          {(c.commentaires ?? []).map((m) => (
            <Box key={m.id} sx={{ display: "flex", gap: 2 }}>
              <Typography variant="caption" sx={{ minWidth: 120 }} color="text.secondary">
                {dateFr(m.date_creation, true)}
              </Typography>
              <Box>
                <Chip size="small" label={TYPES_COMMENTAIRE[m.type] ?? m.type} sx={{ mr: 1 }} />
                <strong>{m.auteur}</strong>
                <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
                  {m.commentaire}
                </Typography>
              </Box>
            </Box>
          ))}
        </Box>
        <Box sx={{ display: "flex", gap: 1 }}>
          <MuiTextField
            size="small"
            fullWidth
            label="Ajouter un commentaire"
            value={texte}
            onChange={(e) => setTexte(e.target.value)}
          />
          <Button
            variant="outlined"
            disabled={!texte.trim() || ajout.isPending}
            onClick={() => ajout.mutate()}
          >
            Envoyer
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}

function Fiche() {
  const c = useRecordContext<Commande>();
  if (!c) return null;
  const u = URGENCES.find((x) => x.id === c.urgence);
  return (
    <CardContent>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2 }}>
        <Typography variant="h5" fontWeight={600}>
          {c.reference}
        </Typography>
        <Pastille libelle={c.statut} couleur={c.statut_couleur} />
        <Chip size="small" label={u?.name ?? c.urgence} sx={{ color: "#fff", bgcolor: u?.couleur }} />
      </Box>
      <Grid container spacing={2}>
        <Champ libelle="Client">{c.client}</Champ>
        <Champ libelle="Groupement">{c.groupement}</Champ>
        <Champ libelle="Type">{c.type}</Champ>
        <Champ libelle="Région">{c.region}</Champ>
        <Champ libelle="Quantité">
          {c.quantite_livree} livrés sur {c.quantite}
        </Champ>
        <Champ libelle="Date souhaitée">{dateFr(c.date_souhaitee)}</Champ>
        <Champ libelle="Préfixe souhaité">{c.prefixe_souhaite}</Champ>
        <Champ libelle="Opérateur">{c.operateur}</Champ>
        <Champ libelle="Prix mensuel par numéro">
          {c.cout_mensuel === null ? null : euros(c.cout_mensuel)}
        </Champ>
        <Champ libelle="Mise en service par numéro">
          {c.cout_mise_en_service === null ? null : euros(c.cout_mise_en_service)}
        </Champ>
        <Champ libelle="Demandeur">
          {c.demandeur_nom}
          {c.demandeur_email ? ` · ${c.demandeur_email}` : ""}
        </Champ>
        {c.valideur_nom && (
          <Champ libelle={c.statut_code === "REJETEE" ? "Rejetée par" : "Validée par"}>
            {`${c.valideur_nom} le ${dateFr(c.date_validation)}`}
          </Champ>
        )}
        <Champ libelle="Référence opérateur">{c.reference_operateur}</Champ>
        <Champ libelle="Livrée le">{dateFr(c.date_livraison)}</Champ>
        {c.statut_code === "REJETEE" && (
          <Grid size={12}>
            <Alert severity="error" data-testid="motif-rejet">
              Demande rejetée : {c.commentaire_validation ?? "(sans motif)"}
            </Alert>
          </Grid>
        )}
        <Grid size={12}>
          <Typography variant="caption" color="text.secondary">
            Motif
          </Typography>
          <Typography variant="body2">{c.motif ?? "—"}</Typography>
        </Grid>
      </Grid>
    </CardContent>
  );
}

function Numeros() {
  const c = useRecordContext<Commande>();
  if (!c) return null;
  // the record cached from the creation answer has no thread nor numbers until the detail is read
  const numeros = c.numeros ?? [];
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title={`Numéros livrés (${numeros.length})`}
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent
        sx={{ pt: 0, display: "flex", flexWrap: "wrap", gap: 1, maxHeight: 220, overflow: "auto" }}
        data-testid="numeros-livres"
      >
        {numeros.length === 0 ? (
          <Vide>Aucun numéro livré pour l'instant.</Vide>
        ) : (
          numeros.map((n) => (
            <Chip
              key={n.id}
              component="a"
              href={`#/dids/${n.id}/show`}
              clickable
              size="small"
              variant="outlined"
              label={numeroLisible(n.did_format_e164)}
            />
          ))
        )}
      </CardContent>
    </Card>
  );
}

export function CommandeShow() {
  return (
    <Show title="Commande SDA" actions={<Actions />} emptyWhileLoading>
      <Fiche />
      <Box sx={{ px: 2, pb: 2 }}>
        <Livraison />
        <Numeros />
        <Fil />
      </Box>
    </Show>
  );
}
