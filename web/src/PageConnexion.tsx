import { Box, Typography } from "@mui/material";
import { Login, LoginForm } from "react-admin";

/** The login page names the product, as every tool of the company does. */
export function PageConnexion() {
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
      <LoginForm />
    </Login>
  );
}
