import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  TextField,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePermissions, useRecordContext } from "react-admin";
import { api, reponse } from "../api/client";
import type { Did } from "../api/types";
import { depuisSaisieParis, versSaisieParis } from "../composants/DateHeureParis";
import { Chargement, ErreurChargement, Vide } from "../composants/Etats";
import { jourFr } from "../composants/jour";
import { type Permissions, peut } from "../providers/authProvider";

/**
 * A number's right to be presented: whose it is, its block, and who presented it at an instant (a complaint, a
 * carrier's tracing request), read from the history by the API.
 */
export function QuiPresentait() {
  const d = useRecordContext<Did>();
  const { permissions } = usePermissions<Permissions>();
  const [saisie, setSaisie] = useState(() => versSaisieParis(new Date().toISOString()));
  const [instant, setInstant] = useState<string | undefined>(undefined);
  const r = useQuery({
    queryKey: ["presentation", d?.id, instant, d?.version],
    enabled: !!d && peut(permissions, "presentation:lire"),
    queryFn: () =>
      reponse(
        api.GET("/api/v1/dids/{id}/presentation", {
          params: { path: { id: d?.id as number }, query: instant ? { instant } : {} },
        }),
      ),
  });
  if (!d || !peut(permissions, "presentation:lire")) return null;
  const iso = depuisSaisieParis(saisie);
  const lisible = !!iso && /^\d{4}-\d{2}-\d{2}T/.test(iso);
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title="Présentation du numéro en appel sortant"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
      />
      <CardContent sx={{ pt: 0 }} data-testid="presentation">
        <Typography variant="body2" sx={{ mb: 2 }}>
          {d.titulaire === "CLIENT"
            ? "Numéro du client : présenté seulement sous un mandat de ce client en vigueur."
            : "Numéro de la société : présenté sous le contrat de l'opérateur."}
          {d.tranche_id !== null && (
            <>
              {" "}
              <Link href={`#/tranches/${d.tranche_id}/show`}>Voir sa tranche</Link>
            </>
          )}
        </Typography>
        <Box sx={{ display: "flex", gap: 1, alignItems: "center", mb: 2 }}>
          <TextField
            size="small"
            label="Qui le présentait le (jj/mm/aaaa hh:mm, heure de Paris)"
            value={saisie}
            onChange={(e) => setSaisie(e.target.value)}
            error={!lisible}
            sx={{ minWidth: 380 }}
          />
          <Button variant="outlined" disabled={!lisible} onClick={() => setInstant(iso ?? undefined)}>
            Chercher
          </Button>
        </Box>
        {r.isPending ? (
          <Chargement />
        ) : r.error ? (
          <ErreurChargement erreur={r.error} />
        ) : r.data.presentations.length === 0 ? (
          <Vide>Aucune campagne ne le présentait à cet instant.</Vide>
        ) : (
          r.data.presentations.map((p) => (
            <Alert key={p.affectation_id} severity={p.presente ? "success" : "warning"} sx={{ mb: 1 }}>
              <strong>{p.campagne.nom}</strong> ({p.client.nom}) —{" "}
              {p.presente
                ? p.fondement === "CONTRAT"
                  ? "présenté sous le contrat de l'opérateur"
                  : `présenté sous le mandat ${p.mandat?.reference ?? `n° ${p.mandat?.id}`} signé par ${p.mandat?.signataire}, du ${jourFr(p.mandat?.date_debut)} au ${p.mandat?.date_fin ? jourFr(p.mandat.date_fin) : "—"}`
                : `non présenté : ${p.raison}`}
            </Alert>
          ))
        )}
      </CardContent>
    </Card>
  );
}
