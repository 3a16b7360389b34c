/**
 * Test support: a script of src/ bundled for a child process with esbuild, so that the child starts
 * as the installed CLI does (plain JavaScript, libraries external) instead of compiling TypeScript
 * through tsx, which cost ~1.3 s of CPU per child (measured). The bundle is written under
 * dist/test-children/, two folders below the root as src/<area>/ is, so that paths computed from
 * import.meta.url with "../.." (drizzle/ for the migrations) reach the same files; removed in afterAll.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundle of `entry` (a path from the repository root), built in beforeAll: call the result in a test. */
export function childScriptForBlock(entry: string): () => string {
  const out = path.join(
    repoRoot,
    "dist",
    "test-children",
    `${path.basename(entry, ".ts")}-${process.pid}-${randomBytes(4).toString("hex")}.mjs`,
  );
  let built = false;
  beforeAll(async () => {
    const esbuild = await import("esbuild");
    await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    built = true;
  });
  afterAll(() => rmSync(out, { force: true }));
  return () => {
    if (!built) throw new Error(`${entry} was not bundled (see beforeAll)`);
    return out;
  };
}
