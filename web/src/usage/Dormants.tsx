import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, usePermissions } from "react-admin";
import { api, erreurHttp, type Probleme, reponse, urlApi } from "../api/client";
import { Correspondances } from "../composants/Correspondances";
import { Chargement, dateFr, ErreurChargement, Vide } from "../composants/Etats";
import { euros, numeroLisible } from "../composants/format";
import { type Permissions, peut } from "../providers/authProvider";

/** Dormant numbers shown per page: the counts and the saving come from the server, over all of them. */
const PAR_PAGE = 100;

/** Numbers that cost money and serve nobody; the platform's call records imported here decide it where they cover. */
interface ResultatImport {
  du: string;
  au: string;
  lignes: number;
  appels: number;
  numeros: number;
  non_attribues: Array<{ numero: string; appels: number }>;
  rejets: Array<{ ligne: number; raison: string }>;
  rejetes: number;
}

/** What an import of calls did with every line: counted, to a number we do not have, or refused and why. */
function ResultatAppels({ r }: { r: ResultatImport }) {
  const horsInventaire = r.non_attribues.reduce((t, n) => t + n.appels, 0);
  return (
    <Alert
      severity={r.rejetes > 0 || r.non_attribues.length > 0 ? "warning" : "success"}
      data-testid="resultat-appels"
    >
      Appels du {dateFr(r.du)} au {dateFr(r.au)} : {r.lignes} ligne(s) lue(s), {r.appels} appel(s) attribué(s)
      à {r.numeros} numéro(s) de l'inventaire
      {horsInventaire > 0 && `, ${horsInventaire} appel(s) vers des numéros absents de l'inventaire`}
      {`, ${r.rejetes} ligne(s) refusée(s).`}
      {r.non_attribues.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {r.non_attribues.map((n) => (
            <li key={n.numero}>
              {numeroLisible(n.numero)} : absent de l'inventaire ({n.appels} appel(s) non comptés)
            </li>
          ))}
        </Box>
      )}
      {r.rejets.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {r.rejets.slice(0, 20).map((x) => (
            <li key={x.ligne}>
              Ligne {x.ligne} : {x.raison}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

export function Dormants() {
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const client = useQueryClient();
  const [jours, setJours] = useState(90);
  const [page, setPage] = useState(1);
  const [choisis, setChoisis] = useState<Set<number>>(new Set());
  const [fichier, setFichier] = useState<File | null>(null);
  const [colonnes, setColonnes] = useState<Record<string, string> | null>(null);
  const [resultat, setResultat] = useState<ResultatImport | null>(null);
  const d = useQuery({
    queryKey: ["dormants", jours, page],
    queryFn: () =>
      reponse(api.GET("/api/v1/dormants", { params: { query: { jours, page, par_page: PAR_PAGE } } })),
  });
  const resilier = useMutation({
    mutationFn: async (confirmer: boolean) =>
      reponse(
        api.POST("/api/v1/dormants/resiliation", {
          body: { ids: [...choisis], jours, ...(confirmer ? { confirmer } : {}) },
        }),
      ),
    onSuccess: () => {
      notify(`${choisis.size} numéro(s) résilié(s).`, { type: "success" });
      setChoisis(new Set());
      void client.invalidateQueries({ queryKey: ["dormants"] });
    },
    onError: (e: Error & { body?: { code?: string } }) => {
      if (e.body?.code === "CONFIRMATION_REQUISE" && window.confirm(e.message)) resilier.mutate(true);
      else if (e.body?.code !== "CONFIRMATION_REQUISE")
        notify(e.message, { type: "error", autoHideDuration: 10_000 });
    },
  });
  const importer = useMutation({
    mutationFn: async () => {
      const r = await api.POST("/api/v1/imports/appels", {
        params: {
          query: { nom: (fichier as File).name, ...(colonnes ? { colonnes: JSON.stringify(colonnes) } : {}) },
        },
        body: (await (fichier as File).arrayBuffer()) as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "content-type": "application/octet-stream" },
      });
      if (!r.response.ok) throw erreurHttp(r.response.status, r.error as Probleme | undefined);
      return r.data as ResultatImport;
    },
    onSuccess: (r) => {
      setResultat(r);
      notify(`Appels du ${dateFr(r.du)} au ${dateFr(r.au)} importés : le détail s'affiche sous le bouton.`, {
        type: "success",
      });
      void client.invalidateQueries({ queryKey: ["dormants"] });
    },
    onError: (e: Error) => notify(e.message, { type: "error", autoHideDuration: 10_000 }),
  });
  const basculer = (id: number) => {
    const s = new Set(choisis);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setChoisis(s);
  };
  return (
    <Box sx={{ p: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title="Numéros dormants" />
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <TextField
          size="small"
          type="number"
          label="Sans usage depuis (jours)"
          value={jours}
          onChange={(e) => {
            setJours(Math.min(730, Math.max(7, Number(e.target.value) || 90)));
            setPage(1);
          }}
        />
        {peut(permissions, "import") && (
          <>
            <Button variant="outlined" component="label" size="small">
              Choisir un fichier d'appels (Hermes ou simple)
              <input
                hidden
                type="file"
                accept=".csv,.xlsx"
                onChange={(e) => {
                  setFichier(e.target.files?.[0] ?? null);
                  setColonnes(null);
                }}
              />
            </Button>
            <Button
              size="small"
              variant="contained"
              disabled={!fichier || colonnes === null || importer.isPending}
              onClick={() => importer.mutate()}
            >
              Importer les appels
            </Button>
          </>
        )}
      </Box>
      {peut(permissions, "import") && (
        <Typography variant="body2" color="text.secondary" data-testid="colonnes-attendues">
          Fichier attendu : l'export des appels d'Hermes (HN_Ondata.dbo.ODCalls : CallLocalTime, CallType,
          OutTel, ANI, Duration…), ou un fichier simple avec les colonnes numero, date_heure, sens (entrant ou
          sortant), repondu (oui ou non) et duree (en secondes). D'autres noms de colonnes s'associent à
          l'étape suivante.
        </Typography>
      )}
      <Correspondances pour="appels" fichier={fichier} valeur={colonnes} onChange={setColonnes} />
      {resultat && <ResultatAppels r={resultat} />}
      {d.isPending ? (
        <Chargement />
      ) : d.error ? (
        <ErreurChargement erreur={d.error} />
      ) : (
        <>
          <Alert severity="info">
            {d.data.methode === "appels"
              ? `Jugés sur les appels : aucun appel reçu ni présenté depuis le ${dateFr(d.data.depuis)}.`
              : `Les appels importés ne couvrent pas toute la période : jugés sur le statut (pas « Utilisé » depuis le ${dateFr(d.data.depuis)}).`}{" "}
            {d.data.total} numéro(s), {euros(d.data.economie_mensuelle)} par mois s'ils étaient résiliés.{" "}
            <Link href={urlApi(`/api/v1/dormants?jours=${jours}&format=csv`)}>Exporter (CSV)</Link> ·{" "}
            <Link href={urlApi(`/api/v1/dormants?jours=${jours}&format=xlsx`)}>XLSX</Link>
          </Alert>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle1" fontWeight={600}>
                Par client et opérateur
              </Typography>
              <Table size="small" sx={{ maxWidth: 760 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>Client</TableCell>
                    <TableCell>Opérateur</TableCell>
                    <TableCell align="right">Numéros</TableCell>
                    <TableCell align="right">Économie mensuelle</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {d.data.groupes.map((g) => (
                    <TableRow key={`${g.client}|${g.operateur}`}>
                      <TableCell>{g.client ?? "Société (stock)"}</TableCell>
                      <TableCell>{g.operateur ?? "—"}</TableCell>
                      <TableCell align="right">{g.n}</TableCell>
                      <TableCell align="right">{euros(g.economie)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          {d.data.numeros.length === 0 ? (
            <Vide>Aucun numéro dormant.</Vide>
          ) : (
            <Card variant="outlined">
              <CardContent>
                {peut(permissions, "couts:gerer") && (
                  <Button
                    color="error"
                    variant="outlined"
                    size="small"
                    sx={{ mb: 1 }}
                    disabled={choisis.size === 0 || resilier.isPending}
                    onClick={() => resilier.mutate(false)}
                  >
                    Résilier la sélection ({choisis.size})
                  </Button>
                )}
                <Box
                  sx={{ display: "flex", gap: 1, alignItems: "center", mb: 1 }}
                  data-testid="pages-dormants"
                >
                  <Typography variant="body2">
                    {`${(page - 1) * PAR_PAGE + 1} à ${(page - 1) * PAR_PAGE + d.data.numeros.length} sur ${d.data.total}`}
                  </Typography>
                  <Button size="small" disabled={page === 1} onClick={() => setPage(page - 1)}>
                    Précédents
                  </Button>
                  <Button
                    size="small"
                    disabled={page * PAR_PAGE >= d.data.total}
                    onClick={() => setPage(page + 1)}
                  >
                    Suivants
                  </Button>
                </Box>
                <Table size="small" data-testid="dormants">
                  <TableHead>
                    <TableRow>
                      <TableCell padding="checkbox" />
                      <TableCell>Numéro</TableCell>
                      <TableCell>Client</TableCell>
                      <TableCell>Opérateur</TableCell>
                      <TableCell>Statut</TableCell>
                      <TableCell>Dernier appel</TableCell>
                      <TableCell>Routé par</TableCell>
                      <TableCell align="right">Coût mensuel</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {d.data.numeros.map((n) => (
                      <TableRow key={n.id}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            size="small"
                            checked={choisis.has(n.id)}
                            onChange={() => basculer(n.id)}
                          />
                        </TableCell>
                        <TableCell sx={{ whiteSpace: "nowrap" }}>{numeroLisible(n.numero)}</TableCell>
                        <TableCell>{n.client ?? "—"}</TableCell>
                        <TableCell>{n.operateur ?? "—"}</TableCell>
                        <TableCell>{n.statut}</TableCell>
                        <TableCell>{n.dernier_appel ? dateFr(String(n.dernier_appel), true) : "—"}</TableCell>
                        <TableCell>{n.campagnes.join(", ") || "—"}</TableCell>
                        <TableCell align="right">{euros(n.cout_mensuel)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          )}
        </>
      )}
    </Box>
  );
}
