import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "web/**/*.test.ts",
      "web/**/*.test.tsx",
      "e2e/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
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
  },
});
