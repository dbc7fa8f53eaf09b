import { defineConfig } from "vitest/config";

// Two tiers. "rapide" (`npm test`): unit and API tests, in-process, on PGlite (and on PostgreSQL too when
// TEST_DATABASE_URL is set); it needs neither Chromium nor a PostgreSQL server. "complet" adds what starts
// processes, browsers and throwaway clusters; `npm run test:all` runs both tiers (CI).
const COMPLET = [
  // generated hostile input by the thousand, size limits, a killed database thread, a slow snapshot load,
  // a metrics listener of its own: minutes, not the inner loop
  "test/api/proprietes.test.ts",
  // 100,000 numbers laid out, every heavy route under a watch of the event loop, 72,000 statuses synced
  "test/api/echelle.test.ts",
  "test/api/import-limites.test.ts",
  "test/api/metriques.test.ts",
  "test/api/pret.test.ts",
  "test/db/base-embarquee.test.ts",
  "test/web/extranet.test.ts",
  "test/web/quotidien.test.ts",
  "test/web/quotidien-2.test.ts",
  "test/web/sso.test.ts",
  "test/web/ldap.test.ts",
  "test/web/operateurs.test.ts",
  "test/web/portabilite.test.ts",
  "test/cli/demarrage.test.ts",
  "test/cli/deploiement.test.ts",
  "test/cli/import-processus.test.ts",
  "test/cli/pannes.test.ts",
  "test/cli/sauvegarde.test.ts",
  "test/cli/verrou.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // two cores: more workers only fight over CPU while each boots its own PGlite
    maxWorkers: 2,
    reporters: ["default"],
    // a browser under a loaded CI machine takes more than expect.poll's default second to fetch and draw a list
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "rapide",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: COMPLET,
          // files share a worker's loaded modules (the app, PGlite): half a minute less of imports
          isolate: false,
        },
      },
      { extends: true, test: { name: "complet", include: COMPLET } },
    ],
  },
});
