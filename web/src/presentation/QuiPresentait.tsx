import { Alert, Card, CardContent, CardHeader, Link, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { usePermissions, useRecordContext } from "react-admin";
import { api, reponse } from "../api/client";
import type { Did } from "../api/types";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { jourFr } from "../composants/jour";
import { type Permissions, peut } from "../providers/authProvider";

/**
 * A number's right to be presented: whose it is, its block, and who presented it at the instant the number's page
 * asks about (ALInstant's form: a complaint, a carrier's tracing request), read from the history by the API.
 */
export function QuiPresentait({ instant }: { instant?: string | undefined }) {
  const d = useRecordContext<Did>();
  const { permissions } = usePermissions<Permissions>();
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
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title={`Qui le présentait le ${instant ? dateFr(instant, true) : "maintenant"}`}
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
