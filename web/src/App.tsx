import { Admin, CustomRoutes, Layout, type LayoutProps, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { AuditList, CleApiCreate, CleApiList } from "./administration/Administration";
import { CorrespondanceSsoCreate, CorrespondanceSsoList } from "./administration/CorrespondancesSso";
import { Sauvegardes } from "./administration/Sauvegardes";
import { UtilisateurCreate, UtilisateurEdit, UtilisateurList } from "./administration/Utilisateurs";
import { AffectationCreate, AffectationEdit, AffectationList } from "./affectations/Affectations";
import { CommandeCreate, CommandeEdit } from "./commandes/CommandeCreate";
import { CommandeList } from "./commandes/CommandeList";
import { CommandeShow } from "./commandes/CommandeShow";
import { ConfigCreate, ConfigEdit, ConfigList } from "./configs/Configurations";
import { Couts } from "./couts/Couts";
import { DidCreate, DidEdit } from "./dids/DidForm";
import { DidList } from "./dids/DidList";
import { DidShow } from "./dids/DidShow";
import { PublicationHermes } from "./hermes/Publication";
import { Menu } from "./Menu";
import { PageConnexion } from "./PageConnexion";
import { PortabiliteCreate } from "./portabilite/PortabiliteCreate";
import { PortabiliteList } from "./portabilite/PortabiliteList";
import { PortabiliteShow } from "./portabilite/PortabiliteShow";
import { SortanteCreate, SortanteList } from "./portabilite/PortabilitesSortantes";
import { Declarations } from "./presentation/Declarations";
import { MandatCreate, MandatList, MandatShow } from "./presentation/Mandats";
import { authProvider, type Permissions, peut } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { i18nProvider } from "./providers/i18n";
import { RapprochementShow } from "./rapprochements/RapprochementShow";
import { RapprochementCreate, RapprochementList } from "./rapprochements/Rapprochements";
import { REFERENTIELS, referentiel } from "./referentiels/Referentiels";
import { TableauDeBord } from "./tableau-de-bord/TableauDeBord";
import { themeClair, themeSombre } from "./theme";
import { TrancheShow } from "./tranches/TrancheShow";
import { TrancheCreate, TrancheList } from "./tranches/Tranches";
import { ImportExport } from "./transfert/ImportExport";
import { Dormants } from "./usage/Dormants";

const Mise = (props: LayoutProps) => <Layout {...props} menu={Menu} />;

const ecran = (nom: string) => referentiel(nom);

export function App() {
  return (
    <Admin
      title="API Telephony"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={TableauDeBord}
      loginPage={PageConnexion}
      layout={Mise}
      theme={themeClair}
      darkTheme={themeSombre}
      defaultTheme="light"
      requireAuth
      disableTelemetry
    >
      {(p: Permissions | null) => {
        // screens and their create/edit forms from the server's policy (GET /auth/me), never from a role name
        const interne = peut(p, "infrastructure:lire");
        return (
          <>
            <Resource
              name="dids"
              list={DidList}
              show={DidShow}
              create={peut(p, "numeros:ecrire") ? DidCreate : undefined}
              edit={peut(p, "numeros:ecrire") ? DidEdit : undefined}
              recordRepresentation="did_format_e164"
            />
            <Resource
              name="commandes"
              list={CommandeList}
              show={CommandeShow}
              create={CommandeCreate}
              edit={CommandeEdit}
            />
            <Resource
              name="portabilites"
              list={PortabiliteList}
              show={PortabiliteShow}
              create={PortabiliteCreate}
            />
            {peut(p, "portabilites:traiter") && (
              <Resource name="portabilites-sortantes" list={SortanteList} create={SortanteCreate} />
            )}
            {interne && (
              <>
                <Resource
                  name="affectations"
                  list={AffectationList}
                  create={peut(p, "affectations:ecrire") ? AffectationCreate : undefined}
                  edit={peut(p, "affectations:ecrire") ? AffectationEdit : undefined}
                />
                <Resource
                  name="configs"
                  list={ConfigList}
                  create={peut(p, "configurations:ecrire") ? ConfigCreate : undefined}
                  edit={peut(p, "configurations:ecrire") ? ConfigEdit : undefined}
                />
                {Object.keys(REFERENTIELS).map((nom) => {
                  const e = ecran(nom);
                  const peutEcrire = peut(
                    p,
                    ["clients", "groupements", "campagnes"].includes(nom)
                      ? "clients:ecrire"
                      : "referentiels:ecrire",
                  );
                  return (
                    <Resource
                      key={nom}
                      name={nom}
                      list={e.list}
                      create={peutEcrire ? e.create : undefined}
                      edit={peutEcrire ? e.edit : undefined}
                    />
                  );
                })}
                {peut(p, "tranches:lire") && (
                  <Resource
                    name="tranches"
                    list={TrancheList}
                    show={TrancheShow}
                    create={peut(p, "tranches:gerer") ? TrancheCreate : undefined}
                  />
                )}
                {peut(p, "presentation:lire") && (
                  <Resource
                    name="mandats"
                    list={MandatList}
                    show={MandatShow}
                    create={peut(p, "presentation:gerer") ? MandatCreate : undefined}
                  />
                )}
                {peut(p, "couts:lire") && (
                  <Resource
                    name="rapprochements"
                    list={RapprochementList}
                    show={RapprochementShow}
                    create={peut(p, "couts:gerer") ? RapprochementCreate : undefined}
                  />
                )}
                {peut(p, "audit:lire") && <Resource name="audit" list={AuditList} />}
                <CustomRoutes>
                  {peut(p, "publication:lire") && <Route path="/hermes" element={<PublicationHermes />} />}
                  <Route path="/import-export" element={<ImportExport />} />
                  {peut(p, "presentation:lire") && <Route path="/declarations" element={<Declarations />} />}
                  {peut(p, "couts:lire") && <Route path="/couts" element={<Couts />} />}
                  {peut(p, "couts:lire") && <Route path="/dormants" element={<Dormants />} />}
                </CustomRoutes>
              </>
            )}
            {!interne && (
              // lookups the client screens need (order form, filters), without their menu entries
              <>
                <Resource name="types-did" />
                <Resource name="regions" />
                <Resource name="groupements" />
                <Resource name="clients" />
                <Resource name="operateurs" />
                <CustomRoutes>
                  <Route path="/import-export" element={<ImportExport />} />
                </CustomRoutes>
              </>
            )}
            {peut(p, "comptes:gerer") && (
              <>
                <Resource
                  name="utilisateurs"
                  list={UtilisateurList}
                  create={UtilisateurCreate}
                  edit={UtilisateurEdit}
                />
                <Resource name="cles-api" list={CleApiList} create={CleApiCreate} />
                <Resource
                  name="correspondances-sso"
                  list={CorrespondanceSsoList}
                  create={CorrespondanceSsoCreate}
                />
              </>
            )}
            {peut(p, "sauvegardes:gerer") && (
              <CustomRoutes>
                <Route path="/sauvegardes" element={<Sauvegardes />} />
              </CustomRoutes>
            )}
          </>
        );
      }}
    </Admin>
  );
}
