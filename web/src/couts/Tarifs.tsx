import { Box, Button, TextField, Typography } from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNotify, usePermissions } from "react-admin";
import { api, reponse } from "../api/client";
import { type Permissions, peut } from "../providers/authProvider";

/** A client's re-billing price per type of number: empty, the number's own monthly cost is re-billed. */
export function Tarifs({ client }: { client: number }) {
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const cache = useQueryClient();
  const types = useQuery({
    queryKey: ["types-tarifs"],
    queryFn: () => reponse(api.GET("/api/v1/types-did", { params: { query: { par_page: 200 } } })),
  });
  const tarifs = useQuery({
    queryKey: ["tarifs", client],
    queryFn: () => reponse(api.GET("/api/v1/clients/{id}/tarifs", { params: { path: { id: client } } })),
  });
  const [saisie, setSaisie] = useState<Record<number, string>>({});
  useEffect(() => {
    setSaisie(
      Object.fromEntries(
        (tarifs.data?.data ?? []).map((t) => [t.type_id, String(t.prix_mensuel).replace(".", ",")]),
      ),
    );
  }, [tarifs.data]);
  const enregistrer = useMutation({
    mutationFn: () =>
      reponse(
        api.PUT("/api/v1/clients/{id}/tarifs", {
          params: { path: { id: client } },
          body: {
            tarifs: Object.entries(saisie)
              .filter(([, v]) => v.trim() !== "")
              .map(([type, v]) => ({ type_id: Number(type), prix_mensuel: Number(v.replace(",", ".")) })),
          },
        }),
      ),
    onSuccess: () => {
      notify("Prix de refacturation enregistrés.", { type: "success" });
      void cache.invalidateQueries({ queryKey: ["tarifs", client] });
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  const modifiable = peut(permissions, "couts:gerer");
  return (
    <Box sx={{ width: "100%" }}>
      <Typography variant="body2" sx={{ my: 1 }}>
        Prix mensuel refacturé par type de numéro (vide : le coût mensuel du numéro).
      </Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center" }}>
        {(types.data?.data ?? []).map((t) => (
          <TextField
            key={t.id}
            size="small"
            label={`${t.libelle} (€/mois)`}
            value={saisie[t.id] ?? ""}
            disabled={!modifiable}
            onChange={(e) => setSaisie({ ...saisie, [t.id]: e.target.value })}
            sx={{ width: 200 }}
          />
        ))}
        {modifiable && (
          <Button
            variant="outlined"
            size="small"
            disabled={enregistrer.isPending}
            onClick={() => enregistrer.mutate()}
          >
            Enregistrer les prix
          </Button>
        )}
      </Box>
    </Box>
  );
}
