import EditIcon from "@mui/icons-material/Edit";
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Divider,
  Grid,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Show,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
} from "react-admin";
import { estDetenu } from "../../../src/modules/dids/statuts";
import { api, reponse } from "../api/client";
import type { ActionDid, Did } from "../api/types";
import { Champ } from "../composants/Champ";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { libelleAction, libelleChamp } from "../composants/libelles";
import { Pastille } from "../composants/StatutChip";
import { useValeursLisibles } from "../composants/useValeursLisibles";
import { type Permissions, peut } from "../providers/authProvider";
import { UsageNumero } from "../usage/UsageNumero";
import { ActionDialog } from "./ActionDialog";
import { ALInstant } from "./ALInstant";
import { ACTIONS_DID } from "./actions";

function Actions() {
  const d = useRecordContext<Did>();
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const [action, setAction] = useState<ActionDid | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const annuler = useMutation({
    mutationFn: async () =>
      reponse(
        api.PATCH("/api/v1/dids/{id}", {
          params: { path: { id: (d as Did).id } },
          // openapi-fetch types a JSON null as undefined: the null is the API's way to withdraw the plan
          body: { resiliation_prevue_le: null as never, version: (d as Did).version },
        }),
      ),
    onSuccess: () => {
      notify("Résiliation prévue annulée.", { type: "success" });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!d || !peut(permissions, "numeros:ecrire")) return <TopToolbar />;
  const possibles = d.actions_possibles ?? [];
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {possibles.map((a) => (
        <Button
          key={a}
          variant={a === "resilier" ? "outlined" : "contained"}
          color={a === "resilier" ? "error" : "primary"}
          size="small"
          onClick={() => setAction(a)}
        >
          {ACTIONS_DID[a].libelle}
        </Button>
      ))}
      {d.client_id && estDetenu(d.statut_code) && (
        <Button
          size="small"
          variant="outlined"
          href={`#/affectations/create?source=${encodeURIComponent(JSON.stringify({ client_id: d.client_id, did_id: d.id }))}`}
        >
          Affecter à une campagne
        </Button>
      )}
      {d.resiliation_prevue_le && (
        <Button size="small" variant="outlined" disabled={annuler.isPending} onClick={() => annuler.mutate()}>
          Annuler la résiliation prévue
        </Button>
      )}
      <Button size="small" startIcon={<EditIcon />} onClick={() => redirect("edit", "dids", d.id)}>
        Modifier
      </Button>
      <ActionDialog action={action} ids={[d.id]} version={d.version} onClose={() => setAction(null)} />
    </TopToolbar>
  );
}

function Fiche() {
  const d = useRecordContext<Did>();
  const { permissions } = usePermissions<Permissions>();
  if (!d) return null;
  // the company's own rows (carrier, infrastructure, costs) are left out for who may not read them, not shown empty
  const internes = peut(permissions, "internes:lire");
  const couts = peut(permissions, "couts:lire");
  return (
    <CardContent>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2 }}>
        <Typography variant="h5" fontWeight={600} data-testid="titre-numero">
          {numeroLisible(d.did_format_e164)}
        </Typography>
        <Pastille libelle={d.statut} couleur={d.statut_couleur} />
        {!d.actif && <Chip size="small" label="Inactif" />}
        {d.hors_plan && (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label="Hors des tranches connues : à revoir"
            title="Accepté hors du plan de numérotation connu ; la marque s'efface quand une mise à jour le connaît"
          />
        )}
        {d.resiliation_prevue_le && (
          <Chip
            size="small"
            color="error"
            variant="outlined"
            data-testid="resiliation-prevue"
            label={`En cours de résiliation : effet le ${dateFr(d.resiliation_prevue_le, true)}`}
            title="Le numéro reste routé jusque-là ; le planificateur le résilie à cet instant (heure de Paris)"
          />
        )}
      </Box>
      <Grid container spacing={2}>
        <Champ libelle="E.164">{d.did_format_e164}</Champ>
        <Champ libelle="Pays / indicatif">
          {d.pays} (+{d.indicatif})
        </Champ>
        <Champ libelle="Type">{d.type}</Champ>
        <Champ libelle="Région">{d.region}</Champ>
        <Champ libelle="Client">{d.client}</Champ>
        <Champ libelle="Groupement">{d.groupement}</Champ>
        {internes && (
          <>
            <Champ libelle="Opérateur">{d.operateur}</Champ>
            <Champ libelle="Référence opérateur">{d.reference_externe}</Champ>
            <Champ libelle="Équipement">{d.equipement}</Champ>
            <Champ libelle="Cloud">{d.cloud}</Champ>
          </>
        )}
        {couts && (
          <>
            <Champ libelle="Coût mensuel">{euros(d.cout_mensuel)}</Champ>
            <Champ libelle="Frais de mise en service">{euros(d.cout_mise_en_service)}</Champ>
          </>
        )}
        <Champ libelle="Acquis le">{dateFr(d.date_acquisition)}</Champ>
        <Champ libelle="Activé le">{dateFr(d.date_activation)}</Champ>
        <Champ libelle="Résilié le">{dateFr(d.date_resiliation)}</Champ>
        {d.portee_vers ? (
          <Champ libelle="Parti par portabilité">
            vers {d.portee_vers} : sans gel, il ne revient que par une portabilité entrante
          </Champ>
        ) : (
          <Champ libelle="Réutilisable le">{dateFr(d.reutilisable_le)}</Champ>
        )}
        <Champ libelle="Créé">
          {dateFr(d.date_creation, true)}
          {internes ? ` par ${d.created_by ?? "—"}` : ""}
        </Champ>
        <Champ libelle="Modifié">
          {dateFr(d.date_modification, true)}
          {internes ? ` par ${d.modified_by ?? "—"}` : ""}
        </Champ>
        <Champ libelle="Description">{d.description}</Champ>
        <Champ libelle="Notes">{d.notes}</Champ>
      </Grid>
    </CardContent>
  );
}

function Affectations() {
  const d = useRecordContext<Did>();
  const { data, isPending, error } = useQuery({
    queryKey: ["affectations-du-numero", d?.id, d?.version],
    enabled: !!d,
    queryFn: () =>
      reponse(
        api.GET("/api/v1/affectations", { params: { query: { did_id: d?.id as number, par_page: 200 } } }),
      ),
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title="Campagnes Hermes" titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? (
          <Chargement />
        ) : error ? (
          <ErreurChargement erreur={error} />
        ) : data.data.length === 0 ? (
          <Vide>Ce numéro n'a jamais été affecté à une campagne.</Vide>
        ) : (
          <Table size="small" data-testid="affectations">
            <TableHead>
              <TableRow>
                <TableCell>Campagne</TableCell>
                <TableCell>Sens</TableCell>
                <TableCell>Configuration</TableCell>
                <TableCell>Alias</TableCell>
                <TableCell>Priorité</TableCell>
                <TableCell>Du</TableCell>
                <TableCell>Au</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.data.map((a) => (
                <TableRow key={a.id} sx={{ opacity: a.courante ? 1 : 0.6 }}>
                  <TableCell>
                    <Link href={`#/affectations/${a.id}`}>{a.campaign_code}</Link>
                    {a.hermes_id ? ` (Hermes ${a.hermes_id})` : ""}
                  </TableCell>
                  <TableCell>
                    {[a.entrant && "Entrant", a.sortant && "Sortant"].filter(Boolean).join(" + ")}
                  </TableCell>
                  <TableCell>{a.config_code ?? "—"}</TableCell>
                  <TableCell>{a.alias ?? "—"}</TableCell>
                  <TableCell>{a.priorite}</TableCell>
                  <TableCell>{dateFr(a.date_debut, true)}</TableCell>
                  <TableCell>{dateFr(a.date_fin, true)}</TableCell>
                  <TableCell>
                    {a.courante ? (
                      <Chip size="small" color="success" label="En cours" />
                    ) : (
                      <Chip size="small" label="Passée" />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function Historique() {
  const d = useRecordContext<Did>();
  const { permissions } = usePermissions<Permissions>();
  const { data, isPending, error } = useQuery({
    queryKey: ["historique", d?.id, d?.version],
    enabled: !!d,
    queryFn: () =>
      reponse(api.GET("/api/v1/dids/{id}/historique", { params: { path: { id: d?.id as number } } })),
  });
  const libelle = useValeursLisibles(
    (data?.data ?? []).flatMap((e) =>
      e.champ
        ? [
            { champ: e.champ, valeur: e.ancienne_valeur },
            { champ: e.champ, valeur: e.nouvelle_valeur },
          ]
        : [],
    ),
  );
  if (!peut(permissions, "infrastructure:lire") && !d) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title="Historique" titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }} />
      <CardContent sx={{ pt: 0 }} data-testid="historique">
        {isPending ? (
          <Chargement />
        ) : error ? (
          <ErreurChargement erreur={error} />
        ) : data.data.length === 0 ? (
          <Vide>Aucun événement.</Vide>
        ) : (
          [...data.data]
            .sort((a, b) =>
              a.date_action < b.date_action ? 1 : a.date_action > b.date_action ? -1 : b.id - a.id,
            )
            .map((e) => (
              <Box key={e.id} sx={{ display: "flex", gap: 2, py: 1 }}>
                <Box sx={{ minWidth: 130, color: "text.secondary", fontSize: 13 }}>
                  {dateFr(e.date_action, true)}
                </Box>
                <Divider orientation="vertical" flexItem />
                <Box>
                  <Typography variant="body2" data-testid="evenement">
                    <strong>{e.champ ? libelleChamp(e.champ) : libelleAction(e.action)}</strong>
                    {e.champ && (
                      <>
                        {" : "}
                        {libelle(e.champ, e.ancienne_valeur)} →{" "}
                        <strong>{libelle(e.champ, e.nouvelle_valeur)}</strong>
                      </>
                    )}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {e.utilisateur}
                    {e.motif ? ` — « ${e.motif} »` : ""}
                  </Typography>
                </Box>
              </Box>
            ))
        )}
      </CardContent>
    </Card>
  );
}

export function DidShow() {
  return (
    <Show title="Numéro" actions={<Actions />} emptyWhileLoading>
      <Fiche />
      <Box sx={{ px: 2, pb: 2 }}>
        <Affectations />
        <UsageNumero />
        <ALInstant />
        <Historique />
      </Box>
    </Show>
  );
}
