import { describe, expect, it } from "vitest";
import { CacheEntrant } from "./cache-entrant.js";

describe("CacheEntrant", () => {
  it("keeps every answer through growth, within its time window, until forgotten", () => {
    const cache = new CacheEntrant(16, 1 << 20);
    const cle = (i: number) => 33_100_000_000 + i * 7919;
    for (let i = 0; i < 50_000; i++) cache.ecrire(cle(i), `r${i}`, i, i + 100);
    expect(cache.taille).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(cache.lire(cle(i), i + 50)).toBe(`r${i}`);
      expect(cache.lire(cle(i), i - 1)).toBeUndefined(); // before its window
      expect(cache.lire(cle(i), i + 100)).toBeUndefined(); // the window's end is excluded
    }
    expect(cache.lire(44_999_999_999, 0)).toBeUndefined();
    cache.oublier(cle(10));
    expect(cache.lire(cle(10), 50)).toBeUndefined();
    expect(cache.lire(cle(11), 50)).toBe("r11");
    cache.ecrire(cle(10), "nouvelle", 0, Number.POSITIVE_INFINITY);
    expect(cache.lire(cle(10), 1e12)).toBe("nouvelle");
    expect(cache.taille).toBe(50_000);
  });

  it("empties itself instead of growing past its maximum", () => {
    const cache = new CacheEntrant(16, 64);
    for (let i = 1; i <= 200; i++) cache.ecrire(33_100_000_000 + i, `r${i}`, 0, 10);
    expect(cache.taille).toBeLessThanOrEqual(44);
    expect(cache.lire(33_100_000_200, 5)).toBe("r200");
  });
});
