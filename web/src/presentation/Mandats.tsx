import { Box, Button, CardContent, Chip, Grid, Link, Typography } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  Form,
  FunctionField,
  List,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  Show,
  TextField,
  TextInput,
  Title,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
} from "react-admin";
import { api, reponse, urlApi } from "../api/client";
import type { Mandat } from "../api/types";
import { Champ } from "../composants/Champ";
import { DateFr } from "../composants/DateHeureParis";
import { Chargement, dateFr, Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { jourFr } from "../composants/jour";
import { type Permissions, peut } from "../providers/authProvider";
import { plage } from "../tranches/Tranches";

/** Sends the signed mandate as the request body (application/pdf): the server keeps it and its SHA-256. */
async function deposer(id: number, fichier: File) {
  return reponse(
    api.PUT("/api/v1/mandats/{id}/document", {
      params: { path: { id }, query: { nom: fichier.name } },
      body: (await fichier.arrayBuffer()) as never,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { "content-type": "application/pdf" },
    }),
  );
}

export function MandatList() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <List
      title="Mandats de présentation"
      empty={false}
      sort={{ field: "date_fin", order: "ASC" }}
      filters={[
        <ReferenceInput key="client" source="client_id" reference="clients" label="Client" alwaysOn>
          <AutocompleteInput label="Client" optionText="nom" />
        </ReferenceInput>,
        <SelectInput
          key="actif"
          source="actif"
          label="État"
          alwaysOn
          choices={[
            { id: true, name: "En vigueur ou à venir" },
            { id: false, name: "Révoqués" },
          ]}
        />,
      ]}
      actions={
        <TopToolbar>
          {peut(permissions, "presentation:gerer") && <CreateButton label="Nouveau mandat" />}
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Vide>Aucun mandat.</Vide>}>
        <TextField source="client" label="Client" sortable={false} />
        <TextField source="reference" label="Référence" sortable={false} emptyText="—" />
        <TextField source="signataire" label="Signataire" sortable={false} />
        <FunctionField label="Du" sortable={false} render={(m: Mandat) => jourFr(m.date_debut)} />
        <FunctionField
          label="Au (inclus)"
          sortable={false}
          render={(m: Mandat) => (m.date_fin ? jourFr(m.date_fin) : "sans fin")}
        />
        <FunctionField
          label="Couvre"
          sortable={false}
          render={(m: Mandat) => `${m.nb_numeros} numéro(s), ${m.nb_tranches} tranche(s)`}
        />
        <FunctionField
          label="Document"
          sortable={false}
          render={(m: Mandat) => (m.document_sha256 ? "PDF déposé" : "à déposer")}
        />
      </Datagrid>
    </List>
  );
}

interface Saisie {
  client_id: number;
  reference?: string;
  signataire: string;
  date_debut: string;
  date_fin?: string | null;
  numeros?: string;
}

/** A mandate and its signed PDF in one step: the mandate is recorded, then its document is deposited. */
export function MandatCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [fichier, setFichier] = useState<File | null>(null);
  const creation = useMutation({
    mutationFn: async (v: Saisie) => {
      const m = await reponse(
        api.POST("/api/v1/mandats", {
          body: {
            client_id: v.client_id,
            signataire: v.signataire,
            date_debut: v.date_debut,
            ...(v.reference ? { reference: v.reference } : {}),
            ...(v.date_fin ? { date_fin: v.date_fin } : {}),
            numeros: (v.numeros ?? "")
              .split(/[\n,;]+/)
              .map((s) => s.trim())
              .filter(Boolean),
          },
        }),
      );
      if (fichier) await deposer(m.id, fichier);
      return m;
    },
    onSuccess: (m) => {
      notify("Mandat enregistré.", { type: "success" });
      redirect("show", "mandats", m.id);
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  return (
    <Box sx={{ p: 2, maxWidth: 720 }}>
      <Title title="Nouveau mandat" />
      <Form onSubmit={(v: Record<string, unknown>) => creation.mutate(v as unknown as Saisie)}>
        <ReferenceInput source="client_id" reference="clients" sort={{ field: "nom", order: "ASC" }}>
          <AutocompleteInput label="Client" optionText="nom" validate={required()} fullWidth />
        </ReferenceInput>
        <TextInput source="reference" label="Référence du mandat" fullWidth />
        <TextInput source="signataire" label="Signataire (nom et qualité)" validate={required()} fullWidth />
        <DateFr source="date_debut" label="Premier jour (jj/mm/aaaa)" validate={required()} />
        <DateFr source="date_fin" label="Dernier jour inclus (jj/mm/aaaa), vide : sans fin" />
        <TextInput
          source="numeros"
          label="Numéros couverts (un par ligne, plages « 0184880100-0184880199 » acceptées)"
          multiline
          minRows={3}
          fullWidth
          validate={required()}
        />
        <Box sx={{ my: 2, display: "flex", alignItems: "center", gap: 2 }}>
          <Button variant="outlined" component="label">
            Choisir le mandat signé (PDF)
            <input
              hidden
              type="file"
              accept="application/pdf"
              data-testid="document"
              onChange={(e) => setFichier(e.target.files?.[0] ?? null)}
            />
          </Button>
          <Typography variant="body2">{fichier ? fichier.name : "Aucun fichier choisi"}</Typography>
        </Box>
        <SaveButton label="Enregistrer le mandat" alwaysEnable disabled={creation.isPending} />
      </Form>
    </Box>
  );
}

function FicheMandat() {
  const m = useRecordContext<Mandat>();
  // the list's row stands in while the page loads: it has no coverage yet
  if (!m?.numeros) return <Chargement />;
  return (
    <CardContent>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2 }}>
        <Typography variant="h5" fontWeight={600}>
          Mandat {m.reference ?? `n° ${m.id}`}
        </Typography>
        <Chip size="small" label={m.actif ? "Actif" : "Révoqué"} color={m.actif ? "success" : "default"} />
      </Box>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Champ libelle="Client">{m.client}</Champ>
        <Champ libelle="Signataire">{m.signataire}</Champ>
        <Champ libelle="Premier jour">{jourFr(m.date_debut)}</Champ>
        <Champ libelle="Dernier jour (minuit, heure de Paris)">
          {m.date_fin ? jourFr(m.date_fin) : "sans fin"}
        </Champ>
        <Champ libelle="Alerte à 30 jours">{m.alerte_30_le ? dateFr(m.alerte_30_le, true) : null}</Champ>
        <Champ libelle="Alerte à 7 jours">{m.alerte_7_le ? dateFr(m.alerte_7_le, true) : null}</Champ>
        <Champ libelle="Document">
          {m.document_sha256 ? (
            <Link href={urlApi(`/api/v1/mandats/${m.id}/document`)}>{m.document_nom}</Link>
          ) : (
            "à déposer"
          )}
        </Champ>
        <Champ libelle="Empreinte SHA-256">
          {m.document_sha256 ? (
            <Box component="span" data-testid="sha256" sx={{ fontFamily: "monospace", fontSize: 12 }}>
              {m.document_sha256}
            </Box>
          ) : null}
        </Champ>
      </Grid>
      <Typography variant="subtitle1" fontWeight={600}>
        Numéros couverts
      </Typography>
      {m.numeros.length ? (
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, mb: 2 }}>
          {m.numeros.map((n) => (
            <Chip
              key={n.id}
              size="small"
              variant="outlined"
              label={numeroLisible(n.numero)}
              component="a"
              href={`#/dids/${n.id}/show`}
              clickable
            />
          ))}
        </Box>
      ) : (
        <Vide>Aucun numéro nommé.</Vide>
      )}
      {m.tranches.length > 0 && (
        <>
          <Typography variant="subtitle1" fontWeight={600}>
            Tranches couvertes
          </Typography>
          {m.tranches.map((t) => (
            <Link key={t.id} href={`#/tranches/${t.id}/show`} sx={{ display: "block" }}>
              {plage(t)}
            </Link>
          ))}
        </>
      )}
      {m.notes && (
        <Typography variant="body2" sx={{ mt: 2, whiteSpace: "pre-wrap" }}>
          {m.notes}
        </Typography>
      )}
    </CardContent>
  );
}

export function MandatShow() {
  return (
    <Show title="Mandat">
      <FicheMandat />
    </Show>
  );
}
