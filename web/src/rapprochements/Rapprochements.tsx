import { Box, Button, MenuItem, TextField, Typography } from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  TextField as RaTextField,
  Title,
  TopToolbar,
  useNotify,
  usePermissions,
  useRedirect,
} from "react-admin";
import { api, erreurHttp, type Probleme, reponse } from "../api/client";
import { Correspondances } from "../composants/Correspondances";
import { dateFr, Vide } from "../composants/Etats";
import { euros } from "../composants/format";
import { lireMois, moisFr, moisPrecedent, moisSaisi } from "../composants/mois";
import { type Permissions, peut } from "../providers/authProvider";

interface Rapprochement {
  id: number;
  operateur: string;
  periode: string;
  fichier_nom: string;
  lignes_lues: number;
  auteur: string;
  date_creation: string;
  totaux: Record<string, { n: number; montant: number | null }>;
}

export function RapprochementList() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <List
      title="Rapprochements opérateurs"
      empty={false}
      actions={
        <TopToolbar>
          {peut(permissions, "couts:gerer") && <CreateButton label="Nouveau rapprochement" />}
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Vide>Aucun rapprochement.</Vide>}>
        <RaTextField source="operateur" label="Opérateur" sortable={false} />
        <FunctionField
          source="periode"
          label="Mois"
          sortable={false}
          render={(r: { periode: string }) => moisFr(r.periode)}
        />
        <RaTextField source="fichier_nom" label="Fichier" sortable={false} />
        <RaTextField source="lignes_lues" label="Lignes" sortable={false} />
        <FunctionField
          label="À réclamer"
          sortable={false}
          render={(r: Rapprochement) => {
            const montant = r.totaux.A_RECLAMER?.montant;
            return montant === null ? "—" : euros(montant ?? 0);
          }}
        />
        <FunctionField
          label="Non facturés"
          sortable={false}
          render={(r: Rapprochement) => String(r.totaux.NON_FACTURE?.n ?? 0)}
        />
        <FunctionField
          label="Fait le"
          sortable={false}
          render={(r: Rapprochement) => `${dateFr(r.date_creation, true)} par ${r.auteur}`}
        />
      </Datagrid>
    </List>
  );
}

/** Upload a carrier's file for an operator and a month: the result page opens on the classes and their totals. */
export function RapprochementCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [operateur, setOperateur] = useState<number | "">("");
  const [saisie, setSaisie] = useState(() => moisSaisi(moisPrecedent()));
  const periode = lireMois(saisie);
  const [fichier, setFichier] = useState<File | null>(null);
  const [colonnes, setColonnes] = useState<Record<string, string> | null>(null);
  const operateurs = useQuery({
    queryKey: ["operateurs-rapprochement"],
    queryFn: () =>
      reponse(api.GET("/api/v1/operateurs", { params: { query: { par_page: 200, actif: true } } })),
  });
  const envoi = useMutation({
    mutationFn: async () => {
      const r = await api.POST("/api/v1/rapprochements", {
        params: {
          query: {
            operateur_id: Number(operateur),
            periode: periode as string,
            nom: (fichier as File).name,
            ...(colonnes ? { colonnes: JSON.stringify(colonnes) } : {}),
          },
        },
        body: (await (fichier as File).arrayBuffer()) as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "content-type": "application/octet-stream" },
      });
      if (!r.response.ok) throw erreurHttp(r.response.status, r.error as Probleme | undefined);
      return r.data as { id: number };
    },
    onSuccess: (r) => redirect("show", "rapprochements", r.id),
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  return (
    <Box sx={{ p: 2, maxWidth: 720, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title="Nouveau rapprochement" />
      <Typography variant="body2">
        La liste des numéros ou les lignes de facture d'un opérateur, en CSV ou XLSX : numéro, référence, prix
        mensuel, début et fin de service. Les colonnes sont reconnues par leur nom ; vérifiez-les avant
        d'envoyer.
      </Typography>
      <TextField
        select
        size="small"
        label="Opérateur"
        value={operateur}
        onChange={(e) => setOperateur(Number(e.target.value))}
      >
        {(operateurs.data?.data ?? []).map((o) => (
          <MenuItem key={o.id} value={o.id}>
            {o.nom}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label="Mois facturé (mm/aaaa)"
        value={saisie}
        error={periode === null}
        helperText={periode === null ? "Mois attendu : mm/aaaa, par exemple 11/2026" : " "}
        onChange={(e) => setSaisie(e.target.value)}
      />
      <Box sx={{ display: "flex", alignItems: "center", gap: 2 }}>
        <Button variant="outlined" component="label">
          Choisir le fichier de l'opérateur
          <input
            hidden
            type="file"
            data-testid="fichier"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => {
              setFichier(e.target.files?.[0] ?? null);
              setColonnes(null);
            }}
          />
        </Button>
        <Typography variant="body2">{fichier ? fichier.name : "Aucun fichier choisi"}</Typography>
      </Box>
      <Correspondances pour="rapprochement" fichier={fichier} valeur={colonnes} onChange={setColonnes} />
      <Box>
        <Button
          variant="contained"
          disabled={!fichier || colonnes === null || operateur === "" || periode === null || envoi.isPending}
          onClick={() => envoi.mutate()}
        >
          Rapprocher
        </Button>
      </Box>
    </Box>
  );
}
