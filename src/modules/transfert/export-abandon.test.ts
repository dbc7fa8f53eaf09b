import { describe, expect, it } from "vitest";
import { fluxDePages, fluxJson } from "./export.service.js";

// A client that leaves in the middle of a streamed file closes the stream it was reading: the writer must stop
// there and let go of its pages, not wait for ever for a drain that never comes.
describe("a streamed file whose reader leaves", () => {
  const pagesSansFin = (etat: { lues: number; fermees: boolean }) =>
    (async function* () {
      try {
        for (;;) {
          etat.lues++;
          yield Array.from({ length: 500 }, (_v, i) => ({
            numero: `+3314${String(etat.lues * 1000 + i)}`,
            notes: "x".repeat(80),
          }));
        }
      } finally {
        etat.fermees = true;
      }
    })();

  for (const format of ["csv", "json", "xlsx"] as const)
    it(`stops reading pages once the reader is gone (${format})`, async () => {
      const etat = { lues: 0, fermees: false };
      const flux = fluxDePages(pagesSansFin(etat), format, "numeros", ["numero", "notes"]);
      // the first bytes come, then nobody reads: the writer waits for the reader
      await new Promise<void>((resolve) => flux.once("data", () => resolve()));
      flux.pause();
      await new Promise((r) => setTimeout(r, 200));
      const avant = etat.lues;
      expect(avant).toBeLessThan(50);
      flux.destroy();
      await expect.poll(() => etat.fermees, { timeout: 3000 }).toBe(true);
      expect(etat.lues).toBeLessThanOrEqual(avant + 1);
    });

  it("stops a JSON document's pages once the reader is gone", async () => {
    const etat = { lues: 0, fermees: false };
    const flux = fluxJson("[", pagesSansFin(etat), "]");
    await new Promise<void>((resolve) => flux.once("data", () => resolve()));
    flux.pause();
    await new Promise((r) => setTimeout(r, 200));
    flux.destroy();
    await expect.poll(() => etat.fermees, { timeout: 3000 }).toBe(true);
  });
});
