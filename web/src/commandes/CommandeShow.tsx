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
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Show, useNotify, usePermissions, useRecordContext, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import type { Commande } from "../api/types";
import { Champ } from "../composants/Champ";
import { dateFr, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { Pastille } from "../composants/StatutChip";
import { type Permissions, peut } from "../providers/authProvider";
/** How each move the server offers is presented: its button, and what it asks before it is sent. */
import { Actions } from "./CommandeActions";
import { URGENCES } from "./CommandeList";
import { Livraison } from "./CommandeLivraison";

const TYPES_COMMENTAIRE: Record<string, string> = {
  INFO: "Information",
  VALIDATION: "Validation",
  REJET: "Rejet",
  LIVRAISON: "Livraison",
  COMMENTAIRE: "Commentaire",
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
                <strong>{m.auteur_nom ?? m.auteur}</strong>
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
  const { permissions } = usePermissions<Permissions>();
  if (!c) return null;
  // carrier and prices are the company's: left out for who may not read them, not shown empty
  const internes = peut(permissions, "internes:lire");
  const couts = peut(permissions, "couts:lire");
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
        {internes && <Champ libelle="Opérateur">{c.operateur}</Champ>}
        {couts && (
          <>
            <Champ libelle="Prix mensuel par numéro">
              {c.cout_mensuel === null ? null : euros(c.cout_mensuel)}
            </Champ>
            <Champ libelle="Mise en service par numéro">
              {c.cout_mise_en_service === null ? null : euros(c.cout_mise_en_service)}
            </Champ>
          </>
        )}
        <Champ libelle="Demandeur">
          {c.demandeur_nom}
          {c.demandeur_email ? ` · ${c.demandeur_email}` : ""}
        </Champ>
        {c.valideur_nom && (
          <Champ libelle={c.statut_code === "REJETEE" ? "Rejetée par" : "Validée par"}>
            {`${c.valideur_nom} le ${dateFr(c.date_validation)}`}
          </Champ>
        )}
        {internes && <Champ libelle="Référence opérateur">{c.reference_operateur}</Champ>}
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
