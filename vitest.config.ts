import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // two cores: more workers only fight over CPU while each boots its own PGlite
    maxWorkers: 2,
    reporters: ["default"],
  },
});
