import AdminPanelSettingsIcon from "@mui/icons-material/AdminPanelSettings";
import AltRouteIcon from "@mui/icons-material/AltRoute";
import BackupIcon from "@mui/icons-material/Backup";
import BedtimeIcon from "@mui/icons-material/Bedtime";
import CampaignIcon from "@mui/icons-material/Campaign";
import DialpadIcon from "@mui/icons-material/Dialpad";
import EuroIcon from "@mui/icons-material/Euro";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import GavelIcon from "@mui/icons-material/Gavel";
import HistoryIcon from "@mui/icons-material/History";
import ImportExportIcon from "@mui/icons-material/ImportExport";
import KeyIcon from "@mui/icons-material/Key";
import LinkIcon from "@mui/icons-material/Link";
import PeopleIcon from "@mui/icons-material/People";
import ReceiptLongIcon from "@mui/icons-material/ReceiptLong";
import ShoppingCartIcon from "@mui/icons-material/ShoppingCart";
import SwapHorizIcon from "@mui/icons-material/SwapHoriz";
import TuneIcon from "@mui/icons-material/Tune";
import ViewModuleIcon from "@mui/icons-material/ViewModule";
import { Divider, ListSubheader } from "@mui/material";
import { Menu as RaMenu, usePermissions, useSidebarState } from "react-admin";
import { type Permissions, peut } from "./providers/authProvider";
import { REFERENTIELS } from "./referentiels/Referentiels";

function Section({ titre }: { titre: string }) {
  const [ouvert] = useSidebarState();
  if (!ouvert) return <Divider sx={{ my: 1 }} />;
  return (
    <ListSubheader sx={{ bgcolor: "transparent", lineHeight: "32px", mt: 1, fontWeight: 600 }}>
      {titre}
    </ListSubheader>
  );
}

/** Navigation from the caller's permissions: a client sees its numbers, its orders and its exports; staff see everything they may act on. */
export function Menu() {
  const { permissions } = usePermissions<Permissions>();
  const p = permissions;
  const interne = peut(p, "infrastructure:lire");
  // an account bound to one client: "its" numbers and orders
  const client = !!p && p.client_id !== null;
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Tableau de bord" />
      <RaMenu.Item to="/dids" primaryText={client ? "Mes numéros" : "Numéros"} leftIcon={<DialpadIcon />} />
      {interne && peut(p, "affectations:lire") && (
        <RaMenu.Item to="/affectations" primaryText="Affectations" leftIcon={<LinkIcon />} />
      )}
      {interne && <RaMenu.Item to="/configs" primaryText="Configurations" leftIcon={<TuneIcon />} />}
      <RaMenu.Item
        to="/commandes"
        primaryText={client ? "Mes commandes" : "Commandes SDA"}
        leftIcon={<ShoppingCartIcon />}
      />
      {peut(p, "portabilites:lire") && (
        <RaMenu.Item
          to="/portabilites"
          primaryText={client ? "Mes portabilités" : "Portabilités"}
          leftIcon={<SwapHorizIcon />}
        />
      )}
      {peut(p, "publication:lire") && (
        <RaMenu.Item to="/hermes" primaryText="Routage Hermes" leftIcon={<AltRouteIcon />} />
      )}
      {peut(p, "couts:lire") && (
        <>
          <RaMenu.Item to="/couts" primaryText="Coûts" leftIcon={<EuroIcon />} />
          <RaMenu.Item to="/rapprochements" primaryText="Rapprochements" leftIcon={<ReceiptLongIcon />} />
          <RaMenu.Item to="/dormants" primaryText="Numéros dormants" leftIcon={<BedtimeIcon />} />
        </>
      )}
      {peut(p, "tranches:lire") && (
        <RaMenu.Item to="/tranches" primaryText="Tranches" leftIcon={<ViewModuleIcon />} />
      )}
      {peut(p, "presentation:lire") && (
        <>
          <RaMenu.Item to="/mandats" primaryText="Mandats" leftIcon={<GavelIcon />} />
          <RaMenu.Item to="/declarations" primaryText="Déclarations" leftIcon={<FactCheckIcon />} />
        </>
      )}
      <RaMenu.Item
        to="/import-export"
        primaryText={peut(p, "import") ? "Import et export" : "Exporter"}
        leftIcon={<ImportExportIcon />}
      />
      {interne && (
        <>
          <Section titre="Référentiels" />
          <RaMenu.Item to="/clients" primaryText="Clients" leftIcon={<PeopleIcon />} />
          <RaMenu.Item to="/campagnes" primaryText="Campagnes" leftIcon={<CampaignIcon />} />
          {Object.entries(REFERENTIELS)
            .filter(([nom]) => !["clients", "campagnes"].includes(nom))
            .map(([nom, def]) => (
              <RaMenu.Item
                key={nom}
                to={`/${nom}`}
                primaryText={def.titre}
                leftIcon={<TuneIcon fontSize="small" />}
              />
            ))}
        </>
      )}
      {interne && <Section titre="Administration" />}
      {peut(p, "comptes:gerer") && (
        <RaMenu.Item to="/utilisateurs" primaryText="Utilisateurs" leftIcon={<AdminPanelSettingsIcon />} />
      )}
      {peut(p, "comptes:gerer") && (
        <RaMenu.Item to="/cles-api" primaryText="Clés API" leftIcon={<KeyIcon />} />
      )}
      {peut(p, "comptes:gerer") && (
        <RaMenu.Item
          to="/correspondances-sso"
          primaryText="Connexion d'entreprise"
          leftIcon={<AdminPanelSettingsIcon />}
        />
      )}
      {peut(p, "sauvegardes:gerer") && (
        <RaMenu.Item to="/sauvegardes" primaryText="Sauvegardes" leftIcon={<BackupIcon />} />
      )}
      {peut(p, "audit:lire") && (
        <RaMenu.Item to="/audit" primaryText="Journal d'audit" leftIcon={<HistoryIcon />} />
      )}
    </RaMenu>
  );
}
