import AdminPanelSettingsIcon from "@mui/icons-material/AdminPanelSettings";
import AltRouteIcon from "@mui/icons-material/AltRoute";
import CampaignIcon from "@mui/icons-material/Campaign";
import DialpadIcon from "@mui/icons-material/Dialpad";
import HistoryIcon from "@mui/icons-material/History";
import ImportExportIcon from "@mui/icons-material/ImportExport";
import KeyIcon from "@mui/icons-material/Key";
import LinkIcon from "@mui/icons-material/Link";
import PeopleIcon from "@mui/icons-material/People";
import ShoppingCartIcon from "@mui/icons-material/ShoppingCart";
import TuneIcon from "@mui/icons-material/Tune";
import { Divider, ListSubheader } from "@mui/material";
import { Menu as RaMenu, usePermissions, useSidebarState } from "react-admin";
import type { Permissions } from "./providers/authProvider";
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

/** Navigation by role: a client sees its numbers, its orders and its exports; staff see everything they may act on. */
export function Menu() {
  const { permissions } = usePermissions<Permissions>();
  const role = permissions?.role;
  const interne = !!role && role !== "client";
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Tableau de bord" />
      <RaMenu.Item
        to="/dids"
        primaryText={role === "client" ? "Mes numéros" : "Numéros"}
        leftIcon={<DialpadIcon />}
      />
      {interne && <RaMenu.Item to="/affectations" primaryText="Affectations" leftIcon={<LinkIcon />} />}
      {interne && <RaMenu.Item to="/configs" primaryText="Configurations" leftIcon={<TuneIcon />} />}
      <RaMenu.Item
        to="/commandes"
        primaryText={role === "client" ? "Mes commandes" : "Commandes SDA"}
        leftIcon={<ShoppingCartIcon />}
      />
      {interne && <RaMenu.Item to="/hermes" primaryText="Routage Hermes" leftIcon={<AltRouteIcon />} />}
      <RaMenu.Item
        to="/import-export"
        primaryText={role === "client" ? "Exporter" : "Import et export"}
        leftIcon={<ImportExportIcon />}
      />
      {interne && (
        <>
          <Section titre="Référentiels" />
          <RaMenu.Item to="/clients" primaryText="Clients" leftIcon={<PeopleIcon />} />
          <RaMenu.Item to="/campaigns" primaryText="Campagnes" leftIcon={<CampaignIcon />} />
          {Object.entries(REFERENTIELS)
            .filter(([nom]) => !["clients", "campaigns"].includes(nom))
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
      {role === "admin" && (
        <RaMenu.Item to="/utilisateurs" primaryText="Utilisateurs" leftIcon={<AdminPanelSettingsIcon />} />
      )}
      {role === "admin" && <RaMenu.Item to="/cles-api" primaryText="Clés API" leftIcon={<KeyIcon />} />}
      {interne && <RaMenu.Item to="/audit" primaryText="Journal d'audit" leftIcon={<HistoryIcon />} />}
    </RaMenu>
  );
}
