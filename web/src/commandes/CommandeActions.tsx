import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { TopToolbar, useGetList, useNotify, useRecordContext, useRedirect, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import type { ActionCommande, Commande } from "../api/types";

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
      {/* one above the other: side by side, a dialog's width cut the labels (#29, point 18) */}
      <Box sx={{ display: "grid", gap: 1.5 }}>
        <MuiTextField
          label="Prix mensuel par numéro (€ HT)"
          value={saisie.cout_mensuel ?? ""}
          onChange={maj("cout_mensuel")}
          slotProps={{ htmlInput: { inputMode: "decimal" } }}
          fullWidth
        />
        <MuiTextField
          label="Frais de mise en service par numéro (€ HT)"
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

export function Actions() {
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
