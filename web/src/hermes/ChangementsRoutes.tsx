import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from "@mui/material";
import { alpha } from "@mui/material/styles";
import { api, reponse } from "../api/client";
import { Vide } from "../composants/Etats";
import { routeLisible, valeurRouteLisible } from "./routes-lisibles";

/** A unified diff, coloured like a code review: what Hermes will read differently after publishing. */
export function Diff({ texte }: { texte: string }) {
  return (
    <Box
      component="pre"
      data-testid="diff"
      // a file's own text, for Hermes: its headers and codes are the file's, not the screen's
      data-contenu-fichier
      sx={{
        fontFamily: "monospace",
        fontSize: 12,
        m: 0,
        p: 1.5,
        bgcolor: "action.hover",
        borderRadius: 1,
        maxHeight: 360,
        overflow: "auto",
      }}
    >
      {texte.split("\n").map((l, i) => (
        <Box
          // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity but their position
          key={i}
          component="span"
          sx={{
            display: "block",
            color: l.startsWith("@@") ? "secondary.main" : "inherit",
            bgcolor: (t) =>
              l.startsWith("+") && !l.startsWith("+++")
                ? alpha(t.palette.success.main, 0.18)
                : l.startsWith("-") && !l.startsWith("---")
                  ? alpha(t.palette.mode === "dark" ? t.palette.error.light : t.palette.error.main, 0.22)
                  : "transparent",
          }}
        >
          {l || " "}
        </Box>
      ))}
    </Box>
  );
}

export type Apercu = Awaited<ReturnType<typeof lireApercu>>;
export const lireApercu = () => reponse(api.GET("/api/v1/hermes/publication"));
export const pluriel = (n: number, mot: string) => `${n.toLocaleString("fr-FR")} ${mot}${n > 1 ? "s" : ""}`;

/** The route changes a publication makes, in words and as a table: what Hermes will route differently. */
export function ChangementsRoutes({
  apercu,
  apres = "à publier",
}: {
  apercu: Pick<Apercu, "routes">;
  /** What the right-hand count is: the routes to publish, or those a restore leaves. */
  apres?: string;
}) {
  const r = apercu.routes;
  const lignes = [
    // an added or removed route comes as « key → value »
    ...r.exemples.supprimees.map((t) => {
      const [route = t, valeur = ""] = t.split(" → ");
      return { sorte: "Supprimée", route, avant: valeur, apres: "" };
    }),
    ...r.exemples.modifiees.map((m) => ({
      sorte: "Modifiée",
      route: m.route,
      avant: m.avant,
      apres: m.apres,
    })),
    ...r.exemples.ajoutees.map((t) => {
      const [route = t, valeur = ""] = t.split(" → ");
      return { sorte: "Ajoutée", route, avant: "", apres: valeur };
    }),
  ];
  return (
    <Card variant="outlined" data-testid="changements-routes">
      <CardHeader
        title="Changements de routes"
        titleTypographyProps={{ variant: "subtitle1", fontWeight: 600 }}
        subheader={`${r.deployees === null ? "Aucune publication connue" : `${pluriel(r.deployees, "route")} déployée${r.deployees > 1 ? "s" : ""}`} → ${pluriel(r.a_publier, "route")} ${apres}`}
        action={
          <Box sx={{ display: "flex", gap: 1, p: 1 }}>
            <Chip color="success" variant="outlined" label={`+ ${pluriel(r.ajoutees, "ajoutée")}`} />
            <Chip
              color="error"
              variant="outlined"
              label={`− ${pluriel(r.supprimees, "supprimée")}`}
              sx={(t) =>
                t.palette.mode === "dark"
                  ? { color: t.palette.error.light, borderColor: t.palette.error.light }
                  : {}
              }
            />
            <Chip color="warning" variant="outlined" label={`~ ${pluriel(r.modifiees, "modifiée")}`} />
          </Box>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {lignes.length === 0 ? (
          <Vide>Aucune route ne change.</Vide>
        ) : (
          <Box sx={{ maxHeight: 320, overflow: "auto" }}>
            <Table size="small" stickyHeader>
              <TableHead>
                <TableRow>
                  <TableCell>Changement</TableCell>
                  <TableCell>Route</TableCell>
                  <TableCell>Avant</TableCell>
                  <TableCell>Après</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lignes.map((l) => (
                  <TableRow key={`${l.sorte}${l.route}`}>
                    <TableCell>{l.sorte}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{routeLisible(l.route)}</TableCell>
                    <TableCell>{valeurRouteLisible(l.route, l.avant)}</TableCell>
                    <TableCell>{valeurRouteLisible(l.route, l.apres)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
