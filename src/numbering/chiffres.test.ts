import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiffresDirects, chiffresE164 } from "./chiffres.js";
import { normaliser } from "./numbering.js";

/** The digits of what the full normalisation reads, as the lookup keys them (undefined when it refuses). */
function parNormalisation(saisie: string, pays: string | undefined): number | undefined {
  const n = normaliser(saisie, pays ?? "FR", { plagesInconnues: true });
  return n.ok ? chiffresE164(n.numero.e164) : undefined;
}

describe("chiffresDirects, the lookup's fast reader", () => {
  it("reads the forms Hermes sends into the same digits as the full normalisation, and only those", () => {
    for (const forme of ["+33142685300", "0142685300", "0033142685300"]) {
      expect(chiffresDirects(forme, undefined), forme).toBe(33142685300);
    }
    expect(chiffresDirects("0142685300", "FR")).toBe(33142685300);
    expect(chiffresDirects("+3225551234", "BE")).toBe(3225551234);
    for (const autre of ["01 42 68 53 00", "+33 1 42", "0042685300", "+0142685300", "01426853", "abc"])
      expect(chiffresDirects(autre, undefined), autre).toBeUndefined();
    expect(chiffresDirects("0142685300", "BE")).toBeUndefined();
    const n = normaliser("+44 20 7946 0958");
    expect(n.ok && chiffresE164(n.numero.e164)).toBe(442079460958);
    expect(chiffresE164("33142685300")).toBeUndefined();
  });

  // The fast reader is narrower than normaliser on purpose: it reads 0590 00 00 00 (Guadeloupe, +590 590…) as
  // 33 590 000 000, and +31 0 00000 (a trunk 0 after the country code) as 31 000 000. Neither is a number that
  // normaliser ever stores, so such a reading misses in the snapshot and the lookup falls back to the full
  // normalisation. What must hold is that a reading that can hit (the digits of a number normaliser would store
  // as such) is the reading normaliser gives.
  /** Whether these digits are a number as normaliser stores it: the only kind the snapshot can hold. */
  const stockable = (d: number) => parNormalisation(`+${d}`, undefined) === d;

  it("reads a French number in its three forms as normaliser does, wherever the reading can hit", () => {
    const national = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{8}$/))
      .map(([z, reste]) => `0${z}${reste}`);
    fc.assert(
      fc.property(national, (n) => {
        for (const forme of [n, `+33${n.slice(1)}`, `0033${n.slice(1)}`]) {
          const direct = chiffresDirects(forme, undefined);
          expect(direct, forme).toBe(Number(`33${n.slice(1)}`));
          if (direct !== undefined && stockable(direct))
            expect(parNormalisation(forme, "FR"), forme).toBe(direct);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gives, for any text, nothing, a reading that cannot hit, or the digits normaliser gives", () => {
    const texte = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^(\+|00|0)?[0-9 .()-]{0,16}$/),
      fc.stringMatching(/^\+[1-9]\d{6,14}$/),
    );
    fc.assert(
      fc.property(texte, fc.constantFrom(undefined, "FR", "BE"), (saisie, pays) => {
        const direct = chiffresDirects(saisie, pays);
        if (direct === undefined) return;
        // what the fast reader accepts is digits only: "+" and digits, or a French 0X / 0033 form
        expect(saisie, saisie).toMatch(/^(\+[1-9]\d{6,14}|0[1-9]\d{8}|0033[1-9]\d{8})$/);
        if (stockable(direct)) expect(parNormalisation(saisie, pays), saisie).toBe(direct);
      }),
      { numRuns: 5000 },
    );
  });

  it("misses on the forms it reads more narrowly than normaliser (found by the properties above)", () => {
    for (const [saisie, lu] of [
      ["0590000000", 33590000000],
      ["+31000000", 31000000],
    ] as const) {
      expect(chiffresDirects(saisie, undefined)).toBe(lu);
      expect(stockable(lu), saisie).toBe(false);
      expect(parNormalisation(saisie, undefined), saisie).not.toBe(lu);
    }
  });
});
