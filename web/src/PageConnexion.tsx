import { Alert, Box, Button, Divider, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Login, LoginForm } from "react-admin";
import { api, reponse, urlApi } from "./api/client";

/** A refusal the sign-on sent back (sso.routes.ts): `#/login?sso=<message>`. */
function refusSso(): string | null {
  const requete = window.location.hash.split("?")[1];
  return requete ? new URLSearchParams(requete).get("sso") : null;
}

/**
 * The login page names the product, as every tool of the company does, and offers the company's account when the
 * sign-on is configured (#31); the local password stays, for local accounts and the break-glass admin.
 */
export function PageConnexion() {
  const config = useQuery({
    queryKey: ["auth-config"],
    queryFn: () => reponse(api.GET("/api/v1/auth/config")),
    retry: false,
  });
  const refus = refusSso();
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: "center" }}>
        <Typography variant="h5" component="h1" data-testid="nom-produit">
          API Telephony
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Numéros, affectations Hermes et commandes SDA
        </Typography>
      </Box>
      {refus && (
        <Alert severity="error" sx={{ m: 2, maxWidth: 320 }} data-testid="refus-sso">
          {refus}
        </Alert>
      )}
      {config.data?.oidc && (
        <Box sx={{ px: 2, pt: 2 }}>
          <Button
            variant="contained"
            fullWidth
            href={urlApi("/api/v1/auth/oidc")}
            data-testid="connexion-entreprise"
          >
            Se connecter avec le compte de l'entreprise
          </Button>
          <Divider sx={{ mt: 2 }}>ou avec un compte local</Divider>
        </Box>
      )}
      <LoginForm />
    </Login>
  );
}
