import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  DialogContentText,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Show, useNotify, usePermissions, useRecordContext, useRefresh } from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import { Confirmation } from "../composants/Confirmation";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { moisFr } from "../composants/mois";
import { type Permissions, peut } from "../providers/authProvider";

interface Detail {
  id: number;
  operateur: string;
  periode: string;
  fichier_nom: string;
  lignes_lues: number;
  auteur: string;
  date_creation: string;
  colonnes_ignorees: string[];
  classes?: Array<{ classe: string; libelle: string; n: number; corrigees: number; montant: number | null }>;
  avertissements?: string[];
}
type Action = "cout" | "reference" | "resilier";
/** What each correction does to the inventory, said before it runs. */
const EFFETS: Record<Action, string> = {
  cout: "le coût mensuel de chaque numéro prend le prix facturé par l'opérateur.",
  reference: "la référence opérateur de chaque numéro prend celle du fichier de l'opérateur.",
  resilier: "les numéros sont résiliés dans l'inventaire (gel avant réutilisation).",
};

/** The fix a class offers, if any: ours to apply from the carrier's file. */
const CORRECTIONS: Record<string, { action: Action; libelle: string; enMasse: string } | undefined> = {
  PRIX_DIFFERENT: {
    action: "cout",
    libelle: "Prendre ce prix",
    enMasse: "Prendre tous les prix de l'opérateur",
  },
  REFERENCE_DIFFERENTE: {
    action: "reference",
    libelle: "Prendre cette référence",
    enMasse: "Prendre toutes les références de l'opérateur",
  },
  NON_FACTURE: { action: "resilier", libelle: "Résilier", enMasse: "Résilier tous ces numéros" },
};

function Lignes({ r, classe }: { r: Detail; classe: string }) {
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const refresh = useRefresh();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  // a correction changes the inventory: said, and confirmed in the app's dialog, before it is sent
  const [aConfirmer, setAConfirmer] = useState<{
    lignes?: number[];
    confirmer?: boolean;
    titre: string;
    texte: string;
  } | null>(null);
  const lignes = useQuery({
    queryKey: ["rapprochement-lignes", r.id, classe, page],
    queryFn: () =>
      reponse(
        api.GET("/api/v1/rapprochements/{id}/lignes", {
          params: { path: { id: r.id }, query: { classe, page, par_page: 50 } },
        }),
      ),
  });
  const correction = CORRECTIONS[classe];
  const corriger = useMutation({
    mutationFn: (c: { lignes?: number[]; confirmer?: boolean }) =>
      reponse(
        api.POST("/api/v1/rapprochements/{id}/corrections", {
          params: { path: { id: r.id } },
          body: {
            action: correction?.action as Action,
            ...(c.lignes ? { lignes: c.lignes } : { classe: classe as never }),
            ...(c.confirmer ? { confirmer: true } : {}),
          },
        }),
      ),
    onSuccess: (x) => {
      notify(`${x.corrigees} correction(s) appliquée(s).`, { type: "success" });
      void client.invalidateQueries({ queryKey: ["rapprochement-lignes"] });
      refresh();
    },
    onError: (e: Error & { body?: { code?: string; en_service?: string[] } }, c) => {
      if (e.body?.code === "CONFIRMATION_REQUISE")
        setAConfirmer({
          ...c,
          confirmer: true,
          titre: "Numéros en service",
          texte: `${e.message} ${(e.body.en_service ?? []).map(numeroLisible).join(", ")}`,
        });
      else notify(e.message, { type: "error", autoHideDuration: 10_000 });
    },
  });
  if (lignes.isPending) return <Chargement />;
  if (lignes.error) return <ErreurChargement erreur={lignes.error} />;
  const { data, total } = lignes.data;
  const modifiable = !!correction && peut(permissions, "couts:gerer");
  return (
    <Box>
      {modifiable && (
        <Button
          sx={{ mb: 1 }}
          variant="outlined"
          size="small"
          disabled={corriger.isPending}
          onClick={() =>
            setAConfirmer({
              titre: correction.enMasse,
              texte: `Toutes les lignes de cette classe (${total}) : ${EFFETS[correction.action]}`,
            })
          }
        >
          {correction.enMasse}
        </Button>
      )}
      {data.length === 0 ? (
        <Vide>Aucune ligne.</Vide>
      ) : (
        <Table size="small" data-testid="lignes">
          <TableHead>
            <TableRow>
              <TableCell>Ligne</TableCell>
              <TableCell>Numéro</TableCell>
              <TableCell>Référence facturée / nôtre</TableCell>
              <TableCell align="right">Prix facturé / nôtre</TableCell>
              <TableCell>Facturé du … au</TableCell>
              <TableCell>Résilié le</TableCell>
              <TableCell align="right">Montant</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.ligne ?? "—"}</TableCell>
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  {l.did_id ? (
                    <Link href={`#/dids/${l.did_id}/show`}>{numeroLisible(l.numero)}</Link>
                  ) : l.numero ? (
                    numeroLisible(l.numero)
                  ) : (
                    l.brut
                  )}
                  {l.raison ? ` — ${l.raison}` : ""}
                  {l.en_service ? " (en service)" : ""}
                </TableCell>
                <TableCell>
                  {l.reference_facturee ?? "—"} / {l.reference_inventaire ?? "—"}
                </TableCell>
                <TableCell align="right">
                  {l.prix_facture === null ? "—" : euros(l.prix_facture)} /{" "}
                  {l.prix_inventaire === null ? "—" : euros(l.prix_inventaire)}
                </TableCell>
                <TableCell>
                  {l.facture_du ? `${dateFr(l.facture_du)} – ${dateFr(l.facture_au)}` : "—"}
                </TableCell>
                <TableCell>{l.date_resiliation ? dateFr(l.date_resiliation) : "—"}</TableCell>
                <TableCell align="right">{l.montant === null ? "—" : euros(l.montant)}</TableCell>
                <TableCell>
                  {l.correction ? (
                    `corrigé (${l.corrige_par})`
                  ) : modifiable ? (
                    <Button
                      size="small"
                      disabled={corriger.isPending}
                      onClick={() =>
                        setAConfirmer({
                          lignes: [l.id],
                          titre: correction.libelle,
                          texte:
                            correction.action === "cout"
                              ? `Le coût mensuel de ${numeroLisible(l.numero)} passe de ${l.prix_inventaire === null ? "—" : euros(l.prix_inventaire)} à ${l.prix_facture === null ? "—" : euros(l.prix_facture)} dans l'inventaire.`
                              : correction.action === "reference"
                                ? `La référence opérateur de ${numeroLisible(l.numero)} passe de « ${l.reference_inventaire ?? "—"} » à « ${l.reference_facturee ?? "—"} » dans l'inventaire.`
                                : `${numeroLisible(l.numero)} : ${EFFETS.resilier}`,
                        })
                      }
                    >
                      {correction.libelle}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {total > 50 && (
        <Box sx={{ display: "flex", gap: 1, alignItems: "center", mt: 1 }}>
          <Button size="small" disabled={page === 1} onClick={() => setPage(page - 1)}>
            Précédentes
          </Button>
          <Typography variant="body2">
            {(page - 1) * 50 + 1}–{Math.min(page * 50, total)} sur {total}
          </Typography>
          <Button size="small" disabled={page * 50 >= total} onClick={() => setPage(page + 1)}>
            Suivantes
          </Button>
        </Box>
      )}
      {aConfirmer && (
        <Confirmation
          ouvert
          titre={aConfirmer.titre}
          libelle="Appliquer"
          onConfirmer={() => corriger.mutate({ lignes: aConfirmer.lignes, confirmer: aConfirmer.confirmer })}
          onFermer={() => setAConfirmer(null)}
        >
          <DialogContentText>{aConfirmer.texte}</DialogContentText>
        </Confirmation>
      )}
    </Box>
  );
}

function Resultat() {
  const r = useRecordContext<Detail>();
  const [classe, setClasse] = useState("A_RECLAMER");
  if (!r?.classes) return <Chargement />;
  return (
    <CardContent>
      <Typography variant="h5" fontWeight={600} sx={{ mb: 1 }}>
        {r.operateur} — {moisFr(r.periode)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {r.fichier_nom} : {r.lignes_lues} ligne(s), rapproché le {dateFr(r.date_creation, true)} par{" "}
        {r.auteur}
        {r.colonnes_ignorees.length ? ` — colonnes ignorées : ${r.colonnes_ignorees.join(", ")}` : ""}
      </Typography>
      {r.avertissements?.map((a) => (
        <Alert key={a} severity="warning" sx={{ mb: 2, maxWidth: 760 }} data-testid="avertissement">
          {a}
        </Alert>
      ))}
      <Table size="small" data-testid="classes" sx={{ maxWidth: 760, mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>Classe</TableCell>
            <TableCell align="right">Numéros</TableCell>
            <TableCell align="right">Corrigés</TableCell>
            <TableCell align="right">Montant</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.classes.map((c) => (
            <TableRow
              key={c.classe}
              hover
              selected={c.classe === classe}
              onClick={() => setClasse(c.classe)}
              sx={{ cursor: "pointer" }}
            >
              <TableCell>{c.libelle}</TableCell>
              <TableCell align="right">{c.n}</TableCell>
              <TableCell align="right" data-testid="corriges">
                {c.corrigees ? c.corrigees : "—"}
              </TableCell>
              <TableCell align="right">{c.montant === null ? "—" : euros(c.montant)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ display: "flex", gap: 2, mb: 2 }}>
        <Link href={urlApi(`/api/v1/rapprochements/${r.id}/reclamation?format=csv`)}>
          Réclamation à l'opérateur (CSV)
        </Link>
        <Link href={urlApi(`/api/v1/rapprochements/${r.id}/reclamation?format=xlsx`)}>
          Réclamation (XLSX)
        </Link>
      </Box>
      <Card variant="outlined">
        <CardHeader
          title={r.classes.find((c) => c.classe === classe)?.libelle}
          titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        />
        <CardContent sx={{ pt: 0 }}>
          <Lignes r={r} classe={classe} />
        </CardContent>
      </Card>
    </CardContent>
  );
}

export function RapprochementShow() {
  return (
    <Show title="Rapprochement">
      <Resultat />
    </Show>
  );
}
