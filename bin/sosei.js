#!/usr/bin/env node
// Runs the CLI bundled in dist/cli/ (built by `npm ci` through the `prepare` script) when it is
// current, and otherwise the TypeScript source through tsx, so that `npx sosei …` works on a fresh
// clone and a developer editing src/ never runs stale code. "Current": no source file that went
// into the bundle (dist/cli/inputs.json) is newer than the build. SOSEI_FROM_SOURCE=1 forces tsx.
import { readFileSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);

function bundleIsCurrent() {
  if (process.env.SOSEI_FROM_SOURCE) return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL("dist/cli/inputs.json", root), "utf8"));
    for (const file of inputs) if (statSync(new URL(file, root)).mtimeMs > builtAt) return false;
    return true;
  } catch {
    return false; // not built, or a source file moved: run the source
  }
}

let cli;
if (bundleIsCurrent()) {
  cli = await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/cli/main.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
// The command has finished: close what the process kept for it (a Chromium that printed PDFs).
await cli.closeProcessResources();
