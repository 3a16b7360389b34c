#!/usr/bin/env node
/**
 * Bundles the CLI (src/cli/main.ts and, as lazily loaded chunks, every command) into dist/cli/ with
 * esbuild, so that `sosei …` starts without compiling TypeScript. Run by `npm run build:cli` and by the
 * `prepare` script (so `npm ci` leaves it ready). Libraries stay external: each command imports the
 * ones it needs when it runs.
 *
 * dist/cli/ sits two folders below the package root, as src/<area>/ does, so that paths the code
 * computes from `import.meta.url` with "../.." (drizzle/, web/) reach the same files from the bundle.
 *
 * dist/cli/inputs.json lists the source files that went in; bin/sosei.js compares their mtimes
 * with the build's and runs the source through tsx when any is newer (a developer never runs stale code).
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "cli");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // Installed without dev dependencies: bin/sosei.js runs the source through tsx instead.
  console.warn("build-cli: esbuild not installed; sosei will run from source");
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const startedAt = Date.now();
const result = await esbuild.build({
  absWorkingDir: root,
  // The PDF reader's worker thread (src/sheet/pdf/read-pdf.ts looks for it beside its own chunk).
  entryPoints: { main: "src/cli/main.ts", "read-pdf-worker": "src/sheet/pdf/read-pdf-worker.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  metafile: true,
  logLevel: "warning",
  chunkNames: "[name]-[hash]",
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules"));
for (const f of inputs) statSync(path.join(root, f)); // every input must exist where we say
writeFileSync(
  path.join(outdir, "inputs.json"),
  `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`,
);
console.log(`build-cli: ${inputs.length} source files → dist/cli/ in ${Date.now() - startedAt} ms`);
