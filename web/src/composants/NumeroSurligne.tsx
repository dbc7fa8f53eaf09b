import { Box } from "@mui/material";
import { numeroLisible, plagesTrouvees } from "./format";

/** A number in its readable form, the digits searched for highlighted. */
export function NumeroSurligne({ e164, recherche }: { e164: string; recherche?: string }) {
  const affiche = numeroLisible(e164);
  const plages = plagesTrouvees(affiche, recherche);
  if (!plages.length) return <>{affiche}</>;
  const morceaux: React.ReactNode[] = [];
  let i = 0;
  for (const [debut, fin] of plages) {
    if (debut > i) morceaux.push(affiche.slice(i, debut));
    morceaux.push(
      <Box
        key={debut}
        component="mark"
        data-testid="chiffres-trouves"
        sx={{ bgcolor: "warning.light", color: "inherit", borderRadius: 0.5, px: 0.25 }}
      >
        {affiche.slice(debut, fin)}
      </Box>,
    );
    i = fin;
  }
  if (i < affiche.length) morceaux.push(affiche.slice(i));
  return <>{morceaux}</>;
}
