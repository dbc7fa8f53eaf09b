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
  TableRow,
  TextField,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useGetList, usePermissions, useRecordContext } from "react-admin";
import { api, reponse } from "../api/client";
import type { Did } from "../api/types";
import { lireInstantParis, versSaisieParis } from "../composants/DateHeureParis";
import { Chargement, dateFr, ErreurChargement } from "../composants/Etats";
import { libelleAction } from "../composants/libelles";
import { QuiPresentait } from "../presentation/QuiPresentait";
import { type Permissions, peut } from "../providers/authProvider";

type Source = { action: string; date_action: string | Date; utilisateur: string } | null;
type Ref = Record<string, unknown> | null;

const nom = (v: Ref) => (v ? String(v.code ?? v.reference_operateur ?? v.id ?? "—") : "—");
const depuis = (l: Source) =>
  l ? `${libelleAction(l.action)} le ${dateFr(String(l.date_action), true)} (${l.utilisateur})` : "";

/**
 * One form for both questions support asks about a number at an instant (#33): « À une date » (who held it, its
 * status, where its calls went, the routing deployed, each with the history line it comes from) and « Qui le
 * présentait le » (QuiPresentait, for those who read caller-ID rights).
 */
export function ALInstant() {
  const d = useRecordContext<Did>();
  // the carrier and its block are the company's business: a client's page has no such rows (#29, point 10)
  const { permissions } = usePermissions<Permissions>();
  const internes = peut(permissions, "internes:lire");
  // a status by its label (« Affecté »), as everywhere else, not its code
  const statuts = useGetList<{ id: number; code: string; libelle: string }>("statuts-did", {
    pagination: { page: 1, perPage: 100 },
  });
  const [saisie, setSaisie] = useState(() => versSaisieParis(new Date().toISOString()));
  const [cherchee, setCherchee] = useState(saisie);
  const [instant, setInstant] = useState<string | undefined>(undefined);
  const r = useQuery({
    queryKey: ["a-l-instant", d?.id, instant, d?.version],
    enabled: !!d,
    queryFn: () =>
      reponse(
        api.GET("/api/v1/dids/{id}/a-l-instant", {
          params: { path: { id: d?.id as number }, query: instant ? { instant } : {} },
        }),
      ),
  });
  if (!d) return null;
  const lu = lireInstantParis(saisie);
  // the answer shown is the one for the instant searched: once the field says another, it goes until « Chercher »
  const perime = saisie !== cherchee;
  const e = perime ? undefined : r.data;
  const chercher = () => {
    if (!lu) return;
    setInstant(lu.iso);
    setCherchee(saisie);
  };
  const lignes: Array<[string, string, string]> =
    e?.existe && e.statut
      ? [
          [
            "Statut",
            (e.statut.valeur && statuts.data?.find((x) => x.code === e.statut?.valeur)?.libelle) ??
              e.statut.valeur ??
              "—",
            depuis(e.statut.ligne as Source),
          ],
          ["Client", nom(e.client?.valeur as Ref), depuis(e.client?.ligne as Source)],
          ["Groupement", nom(e.groupement?.valeur as Ref), depuis(e.groupement?.ligne as Source)],
          ...(internes
            ? ([
                ["Opérateur", nom(e.operateur?.valeur as Ref), depuis(e.operateur?.ligne as Source)],
                ["Tranche", nom(e.tranche?.valeur as Ref), depuis(e.tranche?.ligne as Source)],
              ] as Array<[string, string, string]>)
            : []),
          [
            "Campagne entrante",
            e.entrant
              ? `${e.entrant.campagne.code} (Hermes ${e.entrant.campagne.hermes_id ?? "—"}, configuration ${e.entrant.config_code ?? "—"})`
              : "—",
            e.entrant ? `du ${dateFr(String(e.entrant.date_debut), true)}` : "",
          ],
          [
            "Campagnes sortantes",
            (e.sortants ?? [])
              .map(
                (s) =>
                  `${s.campagne.code} (priorité ${s.priorite ?? "—"}, ${s.fondement ?? "sans fondement"})`,
              )
              .join(", ") || "—",
            "",
          ],
          ...(e.routage
            ? [
                [
                  "Routage déployé",
                  e.routage.map((p) => `${p.fichier} v${p.version}`).join(", ") || "aucune publication",
                  "",
                ] as [string, string, string],
              ]
            : []),
        ]
      : [];
  return (
    <>
      <Card variant="outlined" sx={{ mt: 2 }}>
        <CardHeader title="À une date" titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }} />
        <CardContent sx={{ pt: 0 }} data-testid="a-l-instant">
          <Box sx={{ display: "flex", gap: 1, alignItems: "flex-start", mb: 2 }}>
            <TextField
              size="small"
              label="À une date (jj/mm/aaaa hh:mm, heure de Paris)"
              value={saisie}
              onChange={(ev) => setSaisie(ev.target.value)}
              onKeyDown={(ev) => {
                if (ev.key === "Enter") chercher();
              }}
              error={!lu}
              helperText={
                !lu
                  ? "Date attendue : jj/mm/aaaa hh:mm, ou jj/mm/aaaa seule (fin de journée)"
                  : lu.jour
                    ? `Lu comme le ${dateFr(lu.iso, true)}, fin de la journée`
                    : " "
              }
              sx={{ minWidth: 380 }}
            />
            <Button variant="outlined" disabled={!lu} onClick={chercher}>
              Chercher
            </Button>
          </Box>
          {perime ? (
            <Alert severity="info" data-testid="a-l-instant-perime">
              Cliquez « Chercher » pour l'état à la date saisie.
            </Alert>
          ) : r.isPending ? (
            <Chargement />
          ) : r.error ? (
            <ErreurChargement erreur={r.error} />
          ) : !e?.existe ? (
            <Alert severity="info">{e?.message ?? "Le numéro n'existait pas encore."}</Alert>
          ) : e.detenu_par_vous === false ? (
            <Alert severity="info">Non détenu par vous à cet instant.</Alert>
          ) : (
            <Table size="small" data-testid="etat-a-l-instant">
              <TableBody>
                {lignes.map(([libelle, valeur, source]) => (
                  <TableRow key={libelle}>
                    <TableCell sx={{ fontWeight: 600, width: 200 }}>{libelle}</TableCell>
                    <TableCell>{valeur}</TableCell>
                    <TableCell sx={{ color: "text.secondary" }}>{source}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {!perime && <QuiPresentait instant={instant} />}
    </>
  );
}
