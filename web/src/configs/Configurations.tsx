import { Avatar, Box, Card, CardContent, Typography } from "@mui/material";
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  SearchInput,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { DateParis } from "../composants/DateParis";
import { Vide } from "../composants/Etats";
import { numeroLisible } from "../composants/format";

const JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
const CONNUES = [
  "nom_site",
  "couleur",
  "logo",
  "message_accueil",
  "horaires",
  "redirection_hors_horaires",
  "options",
];

type Config = Record<string, unknown> & {
  horaires?: Record<string, { debut: string; fin: string } | null>;
};

function jsonObjet(valeur: string | undefined) {
  if (!valeur?.trim()) return undefined;
  try {
    const v = JSON.parse(valeur);
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return 'Un objet JSON est attendu : { "cle": valeur }.';
    const connue = Object.keys(v).find((k) => CONNUES.includes(k));
    if (connue) return `« ${connue} » se règle dans le formulaire ci-dessus.`;
    return undefined;
  } catch (e) {
    return jsonInvalide(valeur, e as Error);
  }
}

/** The browser's JSON message is in its own language: the place of the mistake, said in French. */
function jsonInvalide(texte: string, e: Error): string {
  const position = /position (\d+)/.exec(e.message)?.[1];
  if (position === undefined)
    return "JSON invalide : vérifiez les guillemets doubles, les virgules et les accolades.";
  const avant = texte.slice(0, Number(position));
  const ligne = avant.split("\n").length;
  const colonne = Number(position) - avant.lastIndexOf("\n");
  return `JSON invalide ligne ${ligne}, colonne ${colonne} : vérifiez les guillemets doubles, les virgules et les accolades.`;
}

const heure = (v: string | undefined) =>
  !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? undefined : "Heure sur 24 h attendue : hh:mm (ex. 08:30)";

function ApercuLogo() {
  const logo = useWatch({ name: "config.logo" });
  const couleur = useWatch({ name: "config.couleur" });
  const nom = useWatch({ name: "config.nom_site" });
  return (
    <Card variant="outlined" sx={{ mb: 2, borderTop: `6px solid ${couleur || "#ccc"}`, width: 360 }}>
      <CardContent sx={{ display: "flex", gap: 2, alignItems: "center" }}>
        <Avatar
          src={logo || undefined}
          variant="rounded"
          sx={{ width: 56, height: 56, bgcolor: couleur || undefined }}
        >
          {(nom || "?").slice(0, 1)}
        </Avatar>
        <Box>
          <Typography fontWeight={600}>{nom || "Nom du site"}</Typography>
          <Typography variant="caption" color="text.secondary">
            Aperçu du logo et de la couleur
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}

/** The known keys as a form, the installation's own keys as validated JSON: merged into one object on save. */
function FormulaireConfig() {
  return (
    <>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
        <TextInput source="code" label="Code" isRequired />
        <TextInput source="nom" label="Nom" isRequired />
        <TextInput source="description" label="Description" />
        <TextInput source="config.nom_site" label="Nom du site" />
        <TextInput source="config.couleur" label="Couleur" type="color" sx={{ maxWidth: 160 }} />
        <TextInput source="config.logo" label="URL du logo (https://…)" />
        <TextInput source="config.message_accueil" label="Message d'accueil" multiline />
        <TextInput
          source="config.redirection_hors_horaires"
          label="Redirection hors horaires (numéro)"
          // stored in E.164; read in national form (01 42 68 53 00), typed any way
          format={(v: unknown) =>
            typeof v === "string" && /^\+\d+$/.test(v) ? numeroLisible(v) : ((v as string) ?? "")
          }
        />
      </Box>
      <ApercuLogo />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Horaires d'ouverture (laisser vide : fermé)
      </Typography>
      <Box
        sx={{ display: "grid", gridTemplateColumns: "120px 140px 140px", columnGap: 2, alignItems: "center" }}
      >
        {JOURS.map((j) => (
          <Box key={j} sx={{ display: "contents" }}>
            <Typography sx={{ textTransform: "capitalize" }}>{j}</Typography>
            <TextInput
              source={`config.horaires.${j}.debut`}
              label="Ouverture"
              placeholder="hh:mm"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: "numeric", maxLength: 5 } }}
              validate={heure}
              helperText={false}
            />
            <TextInput
              source={`config.horaires.${j}.fin`}
              label="Fermeture"
              placeholder="hh:mm"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: "numeric", maxLength: 5 } }}
              validate={heure}
              helperText={false}
            />
          </Box>
        ))}
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Options
      </Typography>
      <Box sx={{ display: "flex", gap: 2 }}>
        <BooleanInput source="config.options.enregistrement" label="Enregistrement des appels" />
        <BooleanInput source="config.options.musique_attente" label="Musique d'attente" />
        <BooleanInput source="config.options.annonce_position" label="Annonce de la position" />
      </Box>
      <AutresCles />
      <BooleanInput source="actif" label="Active" />
    </>
  );
}

function AutresCles() {
  const r = useRecordContext<{ config?: Config }>();
  const autres = Object.fromEntries(Object.entries(r?.config ?? {}).filter(([k]) => !CONNUES.includes(k)));
  return (
    <TextInput
      source="config_autres"
      label="Clés personnalisées (JSON)"
      defaultValue={Object.keys(autres).length ? JSON.stringify(autres, null, 2) : ""}
      validate={jsonObjet}
      multiline
      minRows={4}
      fullWidth
      sx={{ "& textarea": { fontFamily: "monospace", fontSize: 13 } }}
      helperText="Paramètres propres à l'installation, vérifiés avant l'enregistrement."
    />
  );
}

/** Empty opening hours mean closed (null); the free JSON joins the known keys. */
function versApi(v: Record<string, unknown>) {
  const { config_autres, ...reste } = v as { config_autres?: string; config?: Config };
  const config: Config = { ...(reste.config ?? {}) };
  const horaires: Record<string, { debut: string; fin: string } | null> = {};
  for (const j of JOURS) {
    const p = config.horaires?.[j];
    horaires[j] = p?.debut && p?.fin ? { debut: p.debut, fin: p.fin } : null;
  }
  config.horaires = horaires;
  for (const k of ["nom_site", "logo", "message_accueil", "redirection_hors_horaires", "couleur"]) {
    if (config[k] === "" || config[k] === null) delete config[k];
  }
  if (typeof config.couleur === "string") config.couleur = config.couleur.toUpperCase();
  for (const k of Object.keys(config)) if (!CONNUES.includes(k)) delete config[k];
  return { ...reste, config: { ...config, ...(config_autres?.trim() ? JSON.parse(config_autres) : {}) } };
}

export function ConfigList() {
  return (
    <List
      title="Configurations"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: "code", order: "ASC" }}
    >
      <Datagrid rowClick="edit" bulkActionButtons={false} empty={<Vide>Aucune configuration.</Vide>}>
        <TextField source="code" label="Code" />
        <TextField source="nom" label="Nom" />
        <FunctionField
          label="Couleur"
          render={(r: { config?: Config }) =>
            r.config?.couleur ? (
              <Box sx={{ width: 22, height: 22, borderRadius: 1, bgcolor: String(r.config.couleur) }} />
            ) : (
              "—"
            )
          }
        />
        <FunctionField label="Site" render={(r: { config?: Config }) => String(r.config?.nom_site ?? "—")} />
        <BooleanField source="actif" label="Active" sortable={false} />
        <DateParis source="date_modification" label="Modifiée le" sortable={false} />
      </Datagrid>
    </List>
  );
}

export function ConfigCreate() {
  return (
    <Create title="Nouvelle configuration" transform={versApi} redirect="list">
      <SimpleForm defaultValues={{ actif: true, config: { couleur: "#1565C0" } }}>
        <FormulaireConfig />
      </SimpleForm>
    </Create>
  );
}

export function ConfigEdit() {
  return (
    <Edit title="Configuration" transform={versApi} mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <FormulaireConfig />
      </SimpleForm>
    </Edit>
  );
}
