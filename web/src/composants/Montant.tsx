import { TextInput, type TextInputProps } from "react-admin";

/** « 1,20 », « 1.20 », « 1 200,50 » → 1.2, 1.2, 1200.5; what cannot be read stays as typed, for the check to refuse. */
export function lireMontant(v: string): number | string | null {
  const t = (v ?? "").replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (t === "") return null;
  return /^\d+(\.\d{1,4})?$/.test(t) ? Number(t) : v;
}

const montantValide = (v: unknown) =>
  v === null || v === undefined || v === "" || typeof lireMontant(String(v)) === "number"
    ? undefined
    : "Montant en euros attendu : 1,20 ou 1.20";

/** The form's amounts as the API takes them: what MontantInput holds as typed, read as numbers at submission. */
export const montantsLus =
  (...champs: string[]) =>
  (v: Record<string, unknown>) => {
    const r = { ...v };
    for (const c of champs) if (typeof r[c] === "string") r[c] = lireMontant(r[c] as string);
    return r;
  };

/**
 * An amount in euros typed the French way: the browser's number field drops « 1,20 » silently in an English
 * browser; this one keeps what is typed (« 1,05 » stays « 1,05 » while typing), refuses with a message what it
 * cannot read, and the form's `transform` (montantsLus) sends the number.
 */
export function MontantInput(props: TextInputProps) {
  return (
    <TextInput
      format={(v: unknown) =>
        typeof v === "number"
          ? v.toLocaleString("fr-FR", { maximumFractionDigits: 4 })
          : ((v as string) ?? "")
      }
      validate={montantValide}
      slotProps={{ htmlInput: { inputMode: "decimal" } }}
      {...props}
    />
  );
}
