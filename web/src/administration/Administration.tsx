import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useCreate,
  useGetManyAggregate,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
} from "react-admin";
import { api, reponse } from "../api/client";
import { Confirmation } from "../composants/Confirmation";
import { DateHeureParis } from "../composants/DateHeureParis";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";
import { LIBELLES_ENTITES, libelleAction, libelleChamp } from "../composants/libelles";
import { useValeursLisibles } from "../composants/useValeursLisibles";
import { ROLE_LIBELLES } from "../providers/authProvider";
import { ClientSiRoleClient, ROLES } from "./Utilisateurs";

function Revoquer() {
  const k = useRecordContext<{ id: number; nom: string; revoquee_le: string | null }>();
  const [ouvert, setOuvert] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const m = useMutation({
    mutationFn: () =>
      reponse(api.POST("/api/v1/cles-api/{id}/revoquer", { params: { path: { id: k?.id as number } } })),
    onSuccess: () => {
      notify("Clé révoquée : elle est refusée dès maintenant.", { type: "success" });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!k || k.revoquee_le) return k?.revoquee_le ? <Chip size="small" label="Révoquée" /> : null;
  return (
    <>
      <Button size="small" color="error" onClick={() => setOuvert(true)}>
        Révoquer
      </Button>
      <Confirmation
        ouvert={ouvert}
        titre={`Révoquer la clé « ${k.nom} »`}
        libelle="Révoquer la clé"
        onConfirmer={() => m.mutate()}
        onFermer={() => setOuvert(false)}
      >
        <DialogContentText>
          Tout programme qui l'utilise (Hermes, un intégrateur) est refusé dès maintenant, sur toutes les
          instances. Une clé révoquée ne se rétablit pas : il faudra en créer une autre.
        </DialogContentText>
      </Confirmation>
    </>
  );
}

export function CleApiList() {
  return (
    <List title="Clés API" sort={{ field: "date_creation", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Vide>Aucune clé API.</Vide>}>
        <TextField source="nom" label="Nom" />
        <FunctionField label="Préfixe" render={(r: { prefixe: string }) => <code>{r.prefixe}…</code>} />
        <FunctionField
          source="role"
          label="Rôle"
          render={(r: { role: string }) => ROLE_LIBELLES[r.role] ?? r.role}
        />
        <DateParis source="expire_le" label="Expire le" emptyText="jamais" />
        <DateParis source="derniere_utilisation" label="Dernière utilisation" avecHeure emptyText="jamais" />
        <TextField source="created_by" label="Créée par" emptyText="—" />
        <DateParis source="date_creation" label="Créée le" />
        <Revoquer />
      </Datagrid>
    </List>
  );
}

/** The secret exists only in this answer: shown once, with a copy button, then never again. */
export function CleApiCreate() {
  const [cle, setCle] = useState<string | null>(null);
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create title="Nouvelle clé API">
      <SimpleForm
        defaultValues={{ role: "hermes" }}
        sx={{ maxWidth: 560 }}
        onSubmit={(v: Record<string, unknown>) =>
          create(
            "cles-api",
            { data: v },
            {
              onSuccess: (r: { cle?: string }) => setCle(r.cle ?? null),
              onError: (e) => notify((e as Error).message, { type: "error" }),
            },
          )
        }
      >
        <TextInput source="nom" label="Nom (à quoi sert-elle ?)" validate={required()} fullWidth />
        <SelectInput source="role" label="Rôle" choices={ROLES} validate={required()} />
        <ClientSiRoleClient />
        <DateHeureParis source="expire_le" label="Expire le (facultatif)" />
      </SimpleForm>
      <Dialog open={!!cle} fullWidth maxWidth="md">
        <DialogTitle>Clé créée</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            Copiez-la maintenant : elle ne sera plus jamais affichée.
          </Alert>
          <Box
            sx={{
              display: "flex",
              alignItems: "center",
              gap: 1,
              bgcolor: "action.hover",
              p: 1.5,
              borderRadius: 1,
            }}
          >
            <Typography
              component="code"
              sx={{ fontFamily: "monospace", wordBreak: "break-all" }}
              data-testid="cle-api"
            >
              {cle}
            </Typography>
            <IconButton aria-label="Copier" onClick={() => cle && navigator.clipboard?.writeText(cle)}>
              <ContentCopyIcon />
            </IconButton>
          </Box>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => redirect("list", "cles-api")}>
            J'ai copié la clé
          </Button>
        </DialogActions>
      </Dialog>
    </Create>
  );
}

const filtresAudit = [
  <SelectInput
    key="entite"
    source="entite"
    label="Entité"
    alwaysOn
    choices={Object.entries(LIBELLES_ENTITES).map(([id, name]) => ({ id, name }))}
  />,
  <NumberInput key="entite_id" source="entite_id" label="Id" />,
  <TextInput key="acteur" source="acteur" label="Auteur" alwaysOn />,
  <TextInput key="action" source="action" label="Action" />,
  <DateHeureParis key="depuis" source="depuis" label="Depuis" />,
  <DateHeureParis key="avant" source="avant" label="Avant" />,
];

function Difference() {
  const r = useRecordContext<{
    avant: Record<string, unknown> | null;
    apres: Record<string, unknown> | null;
    request_id: string | null;
  }>();
  if (!r) return null;
  const cles = [...new Set([...Object.keys(r.avant ?? {}), ...Object.keys(r.apres ?? {})])].filter(
    (k) =>
      JSON.stringify(r.avant?.[k]) !== JSON.stringify(r.apres?.[k]) &&
      !["version", "date_modification"].includes(k),
  );
  // the request's identifier is for support (it is in the server's log), not a column people read
  return (
    <>
      <TableDifference cles={cles} avant={r.avant} apres={r.apres} />
      {r.request_id && (
        <Typography variant="caption" color="text.secondary" sx={{ px: 2 }}>
          Identifiant de la requête (journal du serveur) : {r.request_id}
        </Typography>
      )}
    </>
  );
}

function TableDifference({
  cles,
  avant,
  apres,
}: {
  cles: string[];
  avant: Record<string, unknown> | null;
  apres: Record<string, unknown> | null;
}) {
  const lisible = useValeursLisibles(
    cles.flatMap((k) => [
      { champ: k, valeur: avant?.[k] },
      { champ: k, valeur: apres?.[k] },
    ]),
  );
  if (!cles.length) return <Vide>Aucun champ modifié.</Vide>;
  return (
    <Box component="table" sx={{ fontSize: 13, "& td": { pr: 2, verticalAlign: "top" } }}>
      <tbody>
        {cles.map((k) => (
          <tr key={k}>
            <td>
              <strong>{libelleChamp(k)}</strong>
            </td>
            <Box component="td" sx={{ color: "error.main" }}>
              {lisible(k, avant?.[k] ?? null)}
            </Box>
            <td>→</td>
            <Box component="td" sx={{ color: "success.main" }}>
              {lisible(k, apres?.[k] ?? null)}
            </Box>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

const PAGES_AUDIT: Record<string, { ressource: string; texte: (r: Record<string, unknown>) => string }> = {
  tel_did: { ressource: "dids", texte: (r) => numeroLisible(r.did_format_e164 as string) },
  tel_did_commande: { ressource: "commandes", texte: (r) => String(r.reference) },
  tel_client: { ressource: "clients", texte: (r) => String(r.nom) },
  tel_campaign: { ressource: "campagnes", texte: (r) => String(r.nom) },
  tel_did_config: { ressource: "configs", texte: (r) => String(r.nom) },
};

/** What an audit line is about, by its name (the number, the order's reference…), linked to its page. */
function QuoiAudit({ entite, entite_id }: { entite: string; entite_id: number | null }) {
  const page = PAGES_AUDIT[entite];
  // one request for the whole page of the log: react-admin gathers these into a getMany per resource
  const { data } = useGetManyAggregate(
    page?.ressource ?? "dids",
    { ids: entite_id ? [entite_id] : [] },
    { enabled: !!page && !!entite_id },
  );
  const type = LIBELLES_ENTITES[entite] ?? entite;
  const nom = page && data?.[0] ? page.texte(data[0]) : entite_id ? `n° ${entite_id}` : "";
  const texte = `${type}${nom ? ` ${nom}` : ""}`;
  if (!page || !entite_id) return <>{texte}</>;
  const chemin = ["tel_did", "tel_did_commande"].includes(entite) ? "show" : "";
  return (
    <a
      href={`#/${page.ressource}/${entite_id}${chemin ? `/${chemin}` : ""}`}
      onClick={(e) => e.stopPropagation()}
    >
      {texte}
    </a>
  );
}

export function AuditList() {
  return (
    <List title="Journal d'audit" filters={filtresAudit} sort={{ field: "id", order: "DESC" }} perPage={50}>
      <Datagrid
        bulkActionButtons={false}
        expand={<Difference />}
        rowClick="expand"
        empty={<Vide>Aucune écriture.</Vide>}
      >
        <DateParis source="date_action" label="Quand" avecHeure sortable={false} />
        <TextField source="acteur" label="Qui" sortable={false} />
        <FunctionField label="Action" render={(r: { action: string }) => libelleAction(r.action)} />
        <FunctionField
          label="Quoi"
          render={(r: { entite: string; entite_id: number | null }) => <QuoiAudit {...r} />}
        />
        <TextField source="motif" label="Motif" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
