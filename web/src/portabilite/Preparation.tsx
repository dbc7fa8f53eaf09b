import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useRefresh } from "react-admin";
import { api, reponse } from "../api/client";
import type { Portabilite } from "./commun";

type Ligne = Portabilite["numeros"][number];
type Brut = {
  GET: (url: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
};
const brut = api as unknown as Brut;

function useListe(chemin: string, query: Record<string, unknown>, actif: boolean) {
  return useQuery({
    queryKey: [chemin, query],
    enabled: actif,
    queryFn: async () =>
      (
        (await reponse(brut.GET(chemin, { params: { query: { par_page: 200, ...query } } }))) as {
          data: Array<Record<string, unknown>>;
        }
      ).data,
  });
}

/**
 * What a number becomes at the switch, prepared now: its type, cost and campaigns (inbound with its configuration,
 * outbound with its priority). The server checks them as it checks an assignment.
 */
export function Preparation({ p, ligne, onFermer }: { p: Portabilite; ligne: Ligne; onFermer: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const prep = ligne.preparation ?? {};
  const [type, setType] = useState<number | "">(prep.type_id ?? "");
  const [entrant, setEntrant] = useState<number | "">(prep.entrant?.campaign_id ?? "");
  const [config, setConfig] = useState<number | "">(prep.entrant?.config_id ?? "");
  const [sortant, setSortant] = useState<number | "">(prep.sortant?.campaign_id ?? "");
  const [cout, setCout] = useState(
    prep.cout_mensuel == null ? "" : String(prep.cout_mensuel).replace(".", ","),
  );
  const types = useListe("/api/v1/types-did", { actif: true }, true);
  const campagnes = useListe("/api/v1/campagnes", { client_id: p.client_id, actif: true }, true);
  const configs = useListe("/api/v1/configs", {}, true);
  const enregistrer = useMutation({
    mutationFn: () =>
      reponse(
        api.PUT("/api/v1/portabilites/{id}/numeros/{ligne}/preparation", {
          params: { path: { id: p.id, ligne: ligne.id } },
          body: {
            type_id: type === "" ? null : type,
            cout_mensuel: cout.trim() === "" ? null : Number(cout.replace(",", ".")),
            entrant:
              entrant === "" ? null : { campaign_id: entrant, config_id: config === "" ? null : config },
            sortant: sortant === "" ? null : { campaign_id: sortant, priorite: 1 },
          },
        }),
      ),
    onSuccess: () => {
      refresh();
      onFermer();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const choix = (
    liste: Array<Record<string, unknown>> | undefined,
    texte: (r: Record<string, unknown>) => string,
  ) => [
    <MenuItem key="aucun" value="">
      — aucun —
    </MenuItem>,
    ...(liste ?? []).map((r) => (
      <MenuItem key={String(r.id)} value={r.id as number}>
        {texte(r)}
      </MenuItem>
    )),
  ];
  return (
    <Dialog open onClose={onFermer} maxWidth="sm" fullWidth>
      <DialogTitle>Préparer le {ligne.national} pour la bascule</DialogTitle>
      <DialogContent sx={{ display: "flex", flexDirection: "column", gap: 2, pt: "8px !important" }}>
        <TextField
          select
          label="Type"
          value={type}
          onChange={(e) => setType(e.target.value === "" ? "" : Number(e.target.value))}
        >
          {choix(types.data, (r) => String(r.libelle))}
        </TextField>
        <TextField
          select
          label="Campagne entrante"
          value={entrant}
          onChange={(e) => setEntrant(e.target.value === "" ? "" : Number(e.target.value))}
        >
          {choix(campagnes.data, (r) => `${r.code} — ${r.nom}`)}
        </TextField>
        <TextField
          select
          label="Configuration de l'appel entrant"
          value={config}
          onChange={(e) => setConfig(e.target.value === "" ? "" : Number(e.target.value))}
        >
          {choix(configs.data, (r) => `${r.code} — ${r.nom}`)}
        </TextField>
        <TextField
          select
          label="Campagne sortante (présentation)"
          value={sortant}
          onChange={(e) => setSortant(e.target.value === "" ? "" : Number(e.target.value))}
        >
          {choix(campagnes.data, (r) => `${r.code} — ${r.nom}`)}
        </TextField>
        <TextField label="Coût mensuel (€ HT)" value={cout} onChange={(e) => setCout(e.target.value)} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onFermer}>Fermer</Button>
        <Button variant="contained" onClick={() => enregistrer.mutate()} disabled={enregistrer.isPending}>
          Enregistrer
        </Button>
      </DialogActions>
    </Dialog>
  );
}
