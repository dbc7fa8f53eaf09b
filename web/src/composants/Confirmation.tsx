import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import type { ReactNode } from "react";

/**
 * The app's own dialog before a destructive action: what it will do, in French, in the app's style (the browser's
 * confirm() is unstyled and speaks the browser's language).
 */
export function Confirmation({
  ouvert,
  titre,
  children,
  libelle,
  onConfirmer,
  onFermer,
  large = false,
}: {
  ouvert: boolean;
  titre: string;
  children: ReactNode;
  libelle: string;
  onConfirmer: () => void;
  onFermer: () => void;
  /** Wider, for a dialog that lists what changes in a table. */
  large?: boolean;
}) {
  return (
    <Dialog
      open={ouvert}
      onClose={onFermer}
      maxWidth={large ? "md" : "sm"}
      fullWidth
      onClick={(e) => e.stopPropagation()}
    >
      <DialogTitle>{titre}</DialogTitle>
      <DialogContent data-testid="confirmation">{children}</DialogContent>
      <DialogActions>
        <Button onClick={onFermer}>Annuler</Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => {
            onConfirmer();
            onFermer();
          }}
        >
          {libelle}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
