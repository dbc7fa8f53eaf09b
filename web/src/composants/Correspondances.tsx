import {
  Alert,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, erreurHttp, type Probleme } from "../api/client";
import type { Reponse } from "../api/types";

type Proposition = Reponse<"/api/v1/imports/colonnes", "post">;
export type Sorte =
  | "numeros"
  | "affectations"
  | "clients"
  | "campagnes"
  | "configs"
  | "appels"
  | "rapprochement";

/** How people call the fields; a field not named here shows its API name. */
const LIBELLES: Record<string, string> = {
  numero: "Numéro",
  reference: "Référence de l'opérateur",
  prix: "Prix mensuel",
  debut: "Début de service",
  fin: "Fin de service",
  client: "Client",
  groupement: "Groupement",
  operateur: "Opérateur",
  statut: "Statut",
  campagne: "Campagne",
  config: "Configuration",
  date_debut: "Début",
  date_fin: "Fin",
  date_resiliation: "Date de résiliation",
  sens: "Sens (E, S, E/S)",
  description: "Description",
  notes: "Notes",
  code: "Code",
  nom: "Nom",
};

const AUCUNE = "";

/**
 * The mapping step of an upload, before anything is written: each field beside the file's column that feeds it,
 * pre-filled by the server from the known headers (Prix HT, NDI, campaign_id...), changed by a choice here. What is
 * chosen goes back with the upload as `colonnes`.
 */
export function Correspondances({
  pour,
  fichier,
  valeur,
  onChange,
}: {
  pour: Sorte;
  fichier: File | null;
  valeur: Record<string, string> | null;
  onChange: (m: Record<string, string>) => void;
}) {
  const proposition = useQuery({
    queryKey: ["correspondances", pour, fichier?.name, fichier?.size, fichier?.lastModified],
    enabled: fichier !== null,
    retry: false,
    queryFn: async () => {
      const r = await api.POST("/api/v1/imports/colonnes", {
        params: { query: { pour } },
        body: (await (fichier as File).arrayBuffer()) as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "content-type": "application/octet-stream" },
      });
      if (!r.response.ok) throw erreurHttp(r.response.status, r.error as Probleme | undefined);
      return r.data as Proposition;
    },
  });
  const p = proposition.data;
  // the server's proposal fills the step once per file; the person's choices are kept from then on
  useEffect(() => {
    if (p && valeur === null)
      onChange(
        Object.fromEntries(p.champs.filter((c) => c.colonne).map((c) => [c.champ, c.colonne as string])),
      );
  }, [p, valeur, onChange]);
  if (!fichier) return null;
  if (proposition.isError) return <Alert severity="error">{(proposition.error as Error).message}</Alert>;
  if (!p || valeur === null) return <Typography variant="body2">Lecture des colonnes du fichier…</Typography>;
  const prises = new Set(Object.values(valeur));
  const manquants = p.champs.filter((c) => c.requis && !valeur[c.champ]);
  const ignorees = p.entetes.filter((e) => !prises.has(e));
  return (
    <>
      <Typography variant="subtitle2">
        Correspondance des colonnes ({p.lignes} ligne{p.lignes > 1 ? "s" : ""}) : rien n'est encore écrit
      </Typography>
      <Table size="small" data-testid="correspondances" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>Champ</TableCell>
            <TableCell>Colonne du fichier</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {p.champs.map((c) => (
            <TableRow key={c.champ} data-champ={c.champ}>
              <TableCell>
                {LIBELLES[c.champ] ?? c.champ}
                {c.requis ? " *" : ""}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  fullWidth
                  value={valeur[c.champ] ?? AUCUNE}
                  inputProps={{
                    "data-testid": `colonne-${c.champ}`,
                    "aria-label": `Colonne pour ${c.champ}`,
                  }}
                  onChange={(e) => {
                    const { [c.champ]: _ancienne, ...reste } = valeur;
                    onChange(e.target.value === AUCUNE ? reste : { ...reste, [c.champ]: e.target.value });
                  }}
                >
                  <MenuItem value={AUCUNE}>— aucune —</MenuItem>
                  {p.entetes.map((e) => (
                    <MenuItem key={e} value={e}>
                      {e}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {manquants.length > 0 && (
        <Alert severity="error">
          Choisissez la colonne de : {manquants.map((c) => LIBELLES[c.champ] ?? c.champ).join(", ")}.
        </Alert>
      )}
      {ignorees.length > 0 && (
        <Alert severity="warning" data-testid="colonnes-non-lues">
          Colonnes que rien ne lira : {ignorees.join(", ")}.
        </Alert>
      )}
    </>
  );
}
