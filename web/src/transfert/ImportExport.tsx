import DownloadIcon from "@mui/icons-material/Download";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, usePermissions } from "react-admin";
import { api, erreurHttp, type Probleme, urlApi } from "../api/client";
import type { Reponse } from "../api/types";
import { Correspondances } from "../composants/Correspondances";
import { Vide } from "../composants/Etats";
import { type Permissions, peut } from "../providers/authProvider";

type Rapport = Reponse<"/api/v1/imports/{type}", "post">;
type TypeImport = "numeros" | "affectations" | "clients" | "campagnes" | "configs";

const TYPES: Array<{ id: TypeImport; libelle: string; aide: string }> = [
  {
    id: "numeros",
    libelle: "Numéros",
    aide: "numero, client, groupement, operateur, statut, reference_externe, cout_mensuel, date_acquisition…",
  },
  {
    id: "affectations",
    libelle: "Affectations (DID_VIRTUAL)",
    aide: "numero, campagne (code ou id Hermes), config, alias, priorite, date_debut, date_fin (heure de Paris sans décalage), sens (E, S, E/S…) ou entrant et sortant, client, operateur",
  },
  {
    id: "clients",
    libelle: "Clients et groupements",
    aide: "code, nom, siret, contact_nom, contact_email, groupement, groupement_libelle",
  },
  { id: "campagnes", libelle: "Campagnes", aide: "code, nom, client, hermes_id, prospection" },
  { id: "configs", libelle: "Configurations", aide: "code, nom, description, json (objet JSON)" },
];

function Compteurs({ r }: { r: Rapport }) {
  const cases = [
    { t: "Lignes lues", v: r.lus },
    { t: r.ecrit ? "Créées" : "À créer", v: r.a_creer },
    { t: r.ecrit ? "Mises à jour" : "À mettre à jour", v: r.a_mettre_a_jour },
    { t: "Inchangées", v: r.inchanges },
    { t: "Doublons ignorés", v: r.doublons },
    { t: "Rejetées", v: r.rejetes, alerte: r.rejetes > 0 },
  ];
  return (
    <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", my: 2 }} data-testid="rapport-import">
      {cases.map((c) => (
        <Card
          key={c.t}
          variant="outlined"
          sx={{ minWidth: 140, borderColor: c.alerte ? "error.main" : undefined }}
        >
          <CardContent sx={{ py: 1.5 }}>
            <Typography variant="caption" color="text.secondary">
              {c.t}
            </Typography>
            <Typography variant="h5" fontWeight={600} color={c.alerte ? "error" : undefined}>
              {c.v.toLocaleString("fr-FR")}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}

/** Upload, read the dry-run report, then confirm: nothing is written before a person has seen the report. */
function Import() {
  const notify = useNotify();
  const [type, setType] = useState<TypeImport>("numeros");
  const [fichier, setFichier] = useState<File | null>(null);
  const [colonnes, setColonnes] = useState<Record<string, string> | null>(null);
  const correspondances = colonnes ? { colonnes: JSON.stringify(colonnes) } : {};
  const [creer, setCreer] = useState(false);
  const [accepter, setAccepter] = useState(false);
  const [strict, setStrict] = useState(false);
  const [horsPlan, setHorsPlan] = useState(false);
  const [rapport, setRapport] = useState<Rapport | null>(null);
  const telechargerRejets = useMutation({
    mutationFn: async () => {
      const corps = await (fichier as File).arrayBuffer();
      const r = await api.POST("/api/v1/imports/{type}/rejets", {
        params: {
          path: { type },
          query: { creer_manquants: creer, accepter_plages_inconnues: horsPlan, ...correspondances },
        },
        body: corps as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "content-type": "application/octet-stream" },
        parseAs: "blob",
      });
      if (!r.response.ok) throw erreurHttp(r.response.status, r.error as unknown as Probleme | undefined);
      const lien = document.createElement("a");
      lien.href = URL.createObjectURL(r.data as unknown as Blob);
      lien.download = `rejets-${type}.csv`;
      lien.click();
      URL.revokeObjectURL(lien.href);
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const envoi = useMutation({
    mutationFn: async (simulation: boolean) => {
      const corps = await (fichier as File).arrayBuffer();
      const r = await api.POST("/api/v1/imports/{type}", {
        params: {
          path: { type },
          query: {
            simulation,
            creer_manquants: creer,
            accepter_rejets: accepter,
            strict,
            accepter_plages_inconnues: horsPlan,
            ...correspondances,
          },
        },
        // the file goes as is: the server tells CSV from XLSX by its content
        body: corps as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "content-type": "application/octet-stream" },
      });
      if (r.response.ok) return r.data as Rapport;
      const p = r.error as unknown as (Probleme & { rapport?: Rapport }) | undefined;
      if (p?.rapport) return p.rapport;
      throw erreurHttp(r.response.status, p);
    },
    onSuccess: (r) => {
      setRapport(r);
      if (r.ecrit)
        notify(`Import terminé : ${r.a_creer} créé(s), ${r.a_mettre_a_jour} mis à jour.`, {
          type: "success",
        });
      else if (!r.simulation)
        notify("Import refusé : rien n'a été écrit. Voir les lignes rejetées.", { type: "error" });
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  const def = TYPES.find((t) => t.id === type);
  return (
    <Card variant="outlined">
      <CardHeader
        title="Importer un fichier"
        subheader="CSV (; ou ,, UTF-8 ou Windows-1252) ou XLSX, première ligne = noms de colonnes"
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
          <TextField
            select
            size="small"
            label="Contenu"
            value={type}
            onChange={(e) => {
              setType(e.target.value as TypeImport);
              setRapport(null);
              setColonnes(null);
            }}
            sx={{ minWidth: 260 }}
          >
            {TYPES.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {t.libelle}
              </MenuItem>
            ))}
          </TextField>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {fichier ? fichier.name : "Choisir un fichier"}
            <input
              hidden
              type="file"
              accept=".csv,.txt,.xlsx"
              data-testid="fichier-import"
              onChange={(e) => {
                setFichier(e.target.files?.[0] ?? null);
                setRapport(null);
                setColonnes(null);
              }}
            />
          </Button>
          <FormControlLabel
            control={<Checkbox checked={creer} onChange={(e) => setCreer(e.target.checked)} />}
            label="Créer ce qui manque (clients, groupements, opérateurs, campagnes ; numéros d'un fichier d'affectations)"
          />
          <FormControlLabel
            control={<Checkbox checked={strict} onChange={(e) => setStrict(e.target.checked)} />}
            label="Refuser un fichier dont une colonne n'est pas lue"
          />
          <FormControlLabel
            control={<Checkbox checked={horsPlan} onChange={(e) => setHorsPlan(e.target.checked)} />}
            label="Accepter les plages inconnues : numéros hors des tranches connues, marqués à revoir"
          />
          <FormControlLabel
            control={<Checkbox checked={accepter} onChange={(e) => setAccepter(e.target.checked)} />}
            label="Écrire les lignes valides malgré les rejets"
          />
        </Box>
        <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 1 }}>
          <Correspondances pour={type} fichier={fichier} valeur={colonnes} onChange={setColonnes} />
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          Colonnes reconnues : {def?.aide}.{" "}
          <a href={urlApi(`/api/v1/imports/${type}/modele`)} download data-testid="modele-import">
            Télécharger le modèle
          </a>
        </Typography>
        <Box sx={{ display: "flex", gap: 1, mt: 2 }}>
          <Button
            variant="outlined"
            disabled={!fichier || colonnes === null || envoi.isPending}
            onClick={() => envoi.mutate(true)}
          >
            Analyser (sans rien écrire)
          </Button>
          <Button
            variant="contained"
            disabled={!rapport?.simulation || envoi.isPending || (rapport.rejetes > 0 && !accepter)}
            onClick={() => envoi.mutate(false)}
          >
            Importer
          </Button>
        </Box>
        {envoi.isPending && <LinearProgress sx={{ mt: 2 }} />}
        {rapport && (
          <>
            <Alert severity={rapport.ecrit ? "success" : rapport.rejetes ? "warning" : "info"} sx={{ mt: 2 }}>
              {rapport.simulation
                ? `Analyse terminée en ${rapport.duree_ms} ms : rien n'a été écrit. ${rapport.rejetes ? "Corrigez les lignes rejetées, ou cochez « Écrire les lignes valides »." : "Vous pouvez importer."}`
                : rapport.ecrit
                  ? `Import enregistré en ${rapport.duree_ms} ms.`
                  : "Import refusé : rien n'a été écrit."}
            </Alert>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="colonnes-import">
              Colonnes lues :{" "}
              {Object.entries(rapport.colonnes)
                .map(([champ, col]) => `« ${col} » → ${champ}`)
                .join(", ")}
            </Typography>
            {rapport.colonnes_ignorees.length > 0 ? (
              <Alert severity="warning" sx={{ mt: 1 }} data-testid="colonnes-ignorees">
                Colonnes ignorées (rien n'en est lu) : {rapport.colonnes_ignorees.join(", ")}
              </Alert>
            ) : (
              <Typography variant="body2" color="text.secondary">
                Colonnes ignorées : aucune
              </Typography>
            )}
            <Compteurs r={rapport} />
            {rapport.avertissements.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1 }} data-testid="avertissements-import">
                {rapport.avertissements.map((a) => `Ligne ${a.ligne} : ${a.raison}`).join(" ")}
              </Alert>
            )}
            {rapport.references_creees.length > 0 && (
              <Typography variant="body2" sx={{ mb: 1 }}>
                Références {rapport.ecrit ? "créées" : "à créer"} : {rapport.references_creees.join(", ")}
              </Typography>
            )}
            {rapport.hors_plan.length > 0 && (
              <Alert severity="info" sx={{ mb: 1 }}>
                Hors des tranches connues, marqués à revoir ({rapport.hors_plan.length}) :{" "}
                {rapport.hors_plan.slice(0, 50).join(", ")}
                {rapport.hors_plan.length > 50 ? " …" : ""}
              </Alert>
            )}
            {rapport.numeros_crees.length > 0 && (
              <Typography variant="body2" sx={{ mb: 1 }}>
                Numéros {rapport.ecrit ? "créés" : "à créer"} ({rapport.numeros_crees.length}) :{" "}
                {rapport.numeros_crees.slice(0, 50).join(", ")}
                {rapport.numeros_crees.length > 50 ? " …" : ""}
              </Typography>
            )}
            {rapport.rejets.length > 0 && (
              <Button
                size="small"
                sx={{ mb: 1 }}
                disabled={!fichier || telechargerRejets.isPending}
                onClick={() => telechargerRejets.mutate()}
              >
                Télécharger les lignes rejetées (CSV à corriger et réimporter)
              </Button>
            )}
            {rapport.rejets.length > 0 ? (
              <Table size="small" data-testid="rejets-import">
                <TableHead>
                  <TableRow>
                    <TableCell>Ligne</TableCell>
                    <TableCell>Colonne</TableCell>
                    <TableCell>Valeur</TableCell>
                    <TableCell>Raison</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rapport.rejets.slice(0, 500).map((j) => (
                    <TableRow key={`${j.ligne}-${j.colonne}`}>
                      <TableCell>{j.ligne}</TableCell>
                      <TableCell>{j.colonne ?? "—"}</TableCell>
                      <TableCell>
                        <code>{j.valeur ?? "—"}</code>
                      </TableCell>
                      <TableCell>{j.raison}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Vide>Aucune ligne rejetée.</Vide>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Export({ interne }: { interne: boolean }) {
  // a client exports what its lists show it (the API scopes each file); configurations are staff's
  const types = [
    ["numeros", interne ? "Numéros" : "Mes numéros"],
    ["affectations", "Affectations"],
    ...(interne ? [["clients", "Clients"]] : []),
    ["campagnes", "Campagnes"],
    ...(interne ? [["configs", "Configurations"]] : []),
    ["commandes", interne ? "Commandes" : "Mes commandes"],
  ];
  return (
    <Card variant="outlined">
      <CardHeader
        title="Exporter"
        subheader={
          interne
            ? "Les fichiers CSV et XLSX se réimportent tels quels"
            : "Vos numéros, leurs affectations, vos campagnes et vos commandes"
        }
      />
      <CardContent
        sx={{
          pt: 0,
          display: "grid",
          gridTemplateColumns: "160px repeat(3, max-content)",
          gap: 1,
          alignItems: "center",
        }}
      >
        {types.map(([id, libelle]) => (
          <Box key={id} sx={{ display: "contents" }}>
            <Typography>{libelle}</Typography>
            {["csv", "xlsx", "json"].map((f) => (
              <Button
                key={f}
                size="small"
                startIcon={<DownloadIcon />}
                href={urlApi(`/api/v1/exports/${id}?format=${f}`)}
                download
              >
                {f.toUpperCase()}
              </Button>
            ))}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}

export function ImportExport() {
  const { permissions } = usePermissions<Permissions>();
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title={peut(permissions, "import") ? "Import et export" : "Exporter"} />
      {peut(permissions, "import") && <Import />}
      <Export interne={peut(permissions, "infrastructure:lire")} />
    </Box>
  );
}
