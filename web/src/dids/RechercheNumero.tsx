import SearchIcon from "@mui/icons-material/Search";
import { Box, InputAdornment, TextField, Typography } from "@mui/material";
import { useEffect, useRef, useState } from "react";
import { useListContext } from "react-admin";

/**
 * The one search box of the number list. React-admin's filter form waits 500 ms after the last keystroke;
 * the API answers a partial-digit search on 1M numbers in tens of ms, so this box waits 150 ms only.
 */
export function RechercheNumero() {
  const { filterValues, setFilters, displayedFilters, total, meta, isPending } = useListContext();
  const [valeur, setValeur] = useState<string>(filterValues.q ?? "");
  const courant = useRef(filterValues);
  courant.current = filterValues;
  // the search this box last applied: what the list must keep while the box shows it
  const envoye = useRef<string>(filterValues.q ?? "");
  useEffect(() => {
    const t = setTimeout(() => {
      const { q: _q, ...autres } = courant.current;
      envoye.current = valeur;
      // applied at once (this box has waited already), not after the list's own half-second debounce
      if ((courant.current.q ?? "") !== valeur)
        setFilters(valeur ? { ...autres, q: valeur } : autres, displayedFilters, false);
    }, 150);
    return () => clearTimeout(t);
  }, [valeur, setFilters, displayedFilters]);
  // The filter form writes the filters it holds, half a second after a filter is shown or changed, from the
  // values it saw then: a search typed meanwhile was dropped and the list showed everything under a filled box.
  // What the box shows is what the list is filtered by: a search dropped that way is applied again, a search set
  // from elsewhere (a link) fills the box.
  const q = filterValues.q ?? "";
  useEffect(() => {
    if (q === envoye.current) return;
    if (q) {
      envoye.current = q;
      setValeur(q);
    } else if (envoye.current) {
      setFilters({ ...courant.current, q: envoye.current }, displayedFilters, false);
    }
  }, [q, setFilters, displayedFilters]);
  // the count beside the search, as carriers' consoles show it, not only at the bottom of the page
  const plafond = (meta as { plafond?: number } | undefined)?.plafond;
  const compte =
    plafond !== undefined
      ? `plus de ${plafond.toLocaleString("fr-FR")} numéros`
      : total !== undefined
        ? `${total.toLocaleString("fr-FR")} numéro${total > 1 ? "s" : ""}`
        : "";
  return (
    <Box
      sx={{
        display: "flex",
        alignItems: "center",
        gap: 1.5,
        flex: "1 1 400px",
        mr: "auto",
        alignSelf: "center",
      }}
    >
      <TextField
        size="small"
        placeholder="Numéro, chiffres partiels, référence…"
        value={valeur}
        onChange={(e) => setValeur(e.target.value)}
        // wide enough for its whole placeholder (measured by the browser test)
        sx={{ flex: "1 1 400px", maxWidth: 460, minWidth: 340 }}
        slotProps={{
          htmlInput: { "aria-label": "Rechercher un numéro", "data-testid": "recherche-numero" },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ whiteSpace: "nowrap", visibility: !isPending && compte ? "visible" : "hidden" }}
        data-testid="compte-recherche"
      >
        {compte || "…"}
      </Typography>
    </Box>
  );
}
