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
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: PGlite and Chromium suites are heavy; keep parallelism modest.
    maxWorkers: 2,
  },
});
