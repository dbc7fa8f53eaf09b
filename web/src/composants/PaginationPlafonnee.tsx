import { Typography } from "@mui/material";
import { Pagination, useListContext } from "react-admin";

/**
 * The list's pagination, with a word when a digit search matched more numbers than the server counts (the API's
 * `total_plafonne`): the pages still go on, the count says « plus de ».
 */
export function PaginationPlafonnee() {
  const { meta } = useListContext();
  const plafond = (meta as { plafond?: number } | undefined)?.plafond;
  return (
    <>
      {plafond !== undefined && (
        <Typography variant="body2" sx={{ px: 2, pt: 1 }} data-testid="compte-plafonne">
          Plus de {plafond.toLocaleString("fr-FR")} numéros correspondent : précisez les chiffres, ou exportez
          la liste pour les avoir tous.
        </Typography>
      )}
      <Pagination />
    </>
  );
}
