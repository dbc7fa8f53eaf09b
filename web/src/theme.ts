import { alpha, type ThemeOptions } from "@mui/material/styles";
import { defaultTheme } from "react-admin";

/**
 * The company's graphic charter (shared/design/BRAND.md): one palette in a light (default) and a dark version,
 * Open Sans for text and Montserrat for headings (bundled, no CDN), corners of 0.5 rem. Number statuses keep the
 * design document's colours: they are data, not theme.
 */
const TITRES = "Montserrat, 'Open Sans', system-ui, sans-serif";

const CHARTE = {
  light: {
    fond: "#ffffff",
    texte: "#3a4a6b",
    carte: "#ffffff",
    primaire: "#0052CC",
    surPrimaire: "#ffffff",
    secondaire: "#7A869A",
    surface: "#EBECF0",
    texteDiscret: "#6B778C",
    accent: "#172B4D",
    bordure: "#DFE1E6",
    succes: "#2BC016",
    alarme: "#FFAB00",
    destructif: "#FF3C38",
    cyan: "rgb(0,184,217)",
    violet: "rgb(101,84,192)",
  },
  dark: {
    fond: "#1a2a3a",
    texte: "#f3f3f3",
    carte: "#253544",
    primaire: "#899eb7",
    surPrimaire: "#1a2a3a",
    secondaire: "#a4a9cb",
    surface: "#a19ea5",
    texteDiscret: "#94a3b8",
    accent: "#1a2a3a",
    bordure: "#b9cbd8",
    succes: "#5b8d54",
    alarme: "#b1913f",
    destructif: "#97423f",
    cyan: "#0097b2",
    violet: "#5547a3",
  },
} as const;

export type Mode = keyof typeof CHARTE;

/** Chart and accent colours of the charter, for the screens that draw (dashboard, diffs). */
export const couleursCharte = (mode: Mode) => CHARTE[mode];

function theme(mode: Mode): ThemeOptions {
  const c = CHARTE[mode];
  return {
    ...defaultTheme,
    palette: {
      mode,
      primary: { main: c.primaire, contrastText: c.surPrimaire },
      secondary: { main: c.secondaire },
      success: { main: c.succes },
      warning: { main: c.alarme },
      // on the dark theme's cards the charter's red (#97423f) reads at under 2:1 as text or outline: red text and
      // outlines use this tint there (5.5:1 on #253544), the charter's red stays for filled buttons
      error: mode === "dark" ? { main: c.destructif, light: "#FF8A80" } : { main: c.destructif },
      info: { main: c.cyan },
      background: { default: c.fond, paper: c.carte },
      text: { primary: c.texte, secondary: c.texteDiscret },
      divider: mode === "light" ? c.bordure : alpha(c.bordure, 0.3),
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: "'Open Sans', system-ui, -apple-system, 'Segoe UI', sans-serif",
      h1: { fontFamily: TITRES },
      h2: { fontFamily: TITRES },
      h3: { fontFamily: TITRES },
      h4: { fontFamily: TITRES },
      h5: { fontFamily: TITRES, fontWeight: 600 },
      h6: { fontFamily: TITRES, fontWeight: 600 },
    },
    components: {
      ...defaultTheme.components,
      // the app bar in the primary colour, whichever colour react-admin asks for
      MuiAppBar: {
        styleOverrides: {
          colorSecondary: { backgroundColor: c.primaire, color: c.surPrimaire },
          colorPrimary: { backgroundColor: c.primaire, color: c.surPrimaire },
        },
      },
      MuiCardHeader: { styleOverrides: { title: { fontFamily: TITRES, fontWeight: 600 } } },
      MuiOutlinedInput: { styleOverrides: { notchedOutline: { borderColor: c.bordure } } },
    },
  };
}

export const themeClair = theme("light");
export const themeSombre = theme("dark");
