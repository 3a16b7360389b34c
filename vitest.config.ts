import { defineConfig } from "vitest/config";

/**
 * Two projects (docs/adr/0004): `main` — everything but the browser walks — is `npm test`, the suite
 * run after every change; `e2e` — the walks through the web app in Chromium, minutes of browser time —
 * is `npm run test:e2e`. `vitest run` runs both, and so does CI (.ci/run), failing on any skip.
 */
export default defineConfig({
  test: {
    // Writes the migrated PGlite template every test database is copied from (no initdb per test).
    globalSetup: ["./vitest.global-setup.ts"],
    // A test that asserts nothing fails, so a skipped branch cannot pass silently.
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: one worker per core. Threads start faster than forked processes and PGlite runs in
    // them; a file's tests still run one after another.
    pool: "threads",
    maxWorkers: 2,
    // A worker keeps the modules it loaded for its next file (each file imported them again before:
    // 116 s of the suite's time). No test changes a module's state: the environment variables a few
    // set are put back, and every database, server and browser is a test's own.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          include: [
            "src/**/*.test.ts",
            "src/**/*.test.tsx",
            "web/**/*.test.ts",
            "web/**/*.test.tsx",
            "bench/**/*.test.ts",
          ],
        },
      },
      { extends: true, test: { name: "e2e", include: ["e2e/**/*.test.ts"] } },
    ],
  },
});
