import { Box, DialogContentText } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { api, reponse } from "../api/client";
import { Chargement, ErreurChargement } from "../composants/Etats";
import { ChangementsRoutes, pluriel } from "./ChangementsRoutes";

/**
 * What writing a version back does to Hermes' routing, counted as Publier counts it (#29, point 3): the
 * routes of this file's kinds that come back, go and change.
 */
export function ApercuRestauration({ id }: { id: number }) {
  const r = useQuery({
    queryKey: ["restauration", id],
    queryFn: () =>
      reponse(api.GET("/api/v1/hermes/publications/{id}/restauration", { params: { path: { id } } })),
  });
  if (r.isPending) return <Chargement />;
  if (r.error) return <ErreurChargement erreur={r.error} />;
  const routes = r.data.routes;
  if (!routes)
    return (
      <DialogContentText sx={{ mt: 2 }} data-testid="restauration-routes">
        Cette version a été publiée avant que ses routes soient gardées : le nombre de routes qu'elle change
        ne peut pas être calculé.
      </DialogContentText>
    );
  return (
    <Box sx={{ mt: 2 }} data-testid="restauration-routes">
      <DialogContentText sx={{ mb: 1 }}>
        Par rapport à la version {r.data.version_deployee} déployée :{" "}
        <strong>
          {pluriel(routes.ajoutees, "route")} rétablie{routes.ajoutees > 1 ? "s" : ""},{" "}
          {pluriel(routes.supprimees, "route")} retirée{routes.supprimees > 1 ? "s" : ""},{" "}
          {pluriel(routes.modifiees, "route")} modifiée{routes.modifiees > 1 ? "s" : ""}
        </strong>
        .
      </DialogContentText>
      <ChangementsRoutes apercu={{ routes }} apres="après restauration" />
    </Box>
  );
}
