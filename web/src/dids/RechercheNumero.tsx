import SearchIcon from "@mui/icons-material/Search";
import { InputAdornment, TextField } from "@mui/material";
import { useEffect, useRef, useState } from "react";
import { useListContext } from "react-admin";

/**
 * The one search box of the number list. React-admin's filter form waits 500 ms after the last keystroke;
 * the API answers a partial-digit search on 1M numbers in tens of ms, so this box waits 150 ms only.
 */
export function RechercheNumero() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [valeur, setValeur] = useState<string>(filterValues.q ?? "");
  const courant = useRef(filterValues);
  courant.current = filterValues;
  useEffect(() => {
    const t = setTimeout(() => {
      const { q: _q, ...autres } = courant.current;
      if ((courant.current.q ?? "") !== valeur)
        setFilters(valeur ? { ...autres, q: valeur } : autres, displayedFilters);
    }, 150);
    return () => clearTimeout(t);
  }, [valeur, setFilters, displayedFilters]);
  return (
    <TextField
      size="small"
      placeholder="Numéro, chiffres partiels, référence…"
      value={valeur}
      onChange={(e) => setValeur(e.target.value)}
      // wide enough for its whole placeholder (measured by the browser test)
      sx={{ flex: "1 1 400px", maxWidth: 460, minWidth: 340, mr: "auto", alignSelf: "center" }}
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
  );
}
