/**
 * The PDF read in a worker thread, as `sosei` and the server run it from their bundle: the reader
 * and its worker entry bundled the way scripts/build-cli.mjs bundles them, then run by node.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesDir, repoRoot } from "../test-paths.ts";

let dir = "";
beforeAll(async () => {
  const esbuild = await import("esbuild");
  // Inside the repository, so that the bundle's imports of pdfjs-dist resolve to its node_modules.
  const cache = path.join(repoRoot, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(path.join(cache, "sosei-pdf-worker-"));
  const entry = path.join(dir, "read.ts");
  writeFileSync(
    entry,
    `import { readFileSync } from "node:fs";
import { readPdfTable } from ${JSON.stringify(path.join(repoRoot, "src/sheet/pdf/read-pdf.ts"))};
readPdfTable(new Uint8Array(readFileSync(process.argv[2]))).then(
  (t) => console.log(JSON.stringify({ rows: t.rows.length, pages: t.pages })),
  (e) => console.log(JSON.stringify({ code: e.code, message: e.message })),
);
`,
  );
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { read: entry, "read-pdf-worker": "src/sheet/pdf/read-pdf-worker.ts" },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(file: string, env: Record<string, string> = {}): Record<string, unknown> {
  const r = spawnSync(process.execPath, [path.join(dir, "read.js"), file], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}");
}

describe("the PDF read in a worker thread", () => {
  it("gives the table the reader gives in process", () => {
    expect(read(path.join(fixturesDir, "pdf", "aoba-2023.chromium.pdf"))).toMatchObject({ pages: 4 });
  });
  it("ends a read past its heap limit with a one-line refusal, not the process", () => {
    const r = read(path.join(fixturesDir, "pdf", "aoba-2023.chromium.pdf"), { SOSEI_PDF_HEAP_MB: "8" });
    expect(r.code).toBe("input_too_large");
    expect(String(r.message)).toMatch(/^PDF を読むのに必要なメモリが上限.8 MB.を超えました。[^\n]*$/);
  });
  it("passes the reader's refusals on", () => {
    expect(read(path.join(fixturesDir, "pdf", "scan.pdf"))).toMatchObject({ code: "pdf_no_text" });
  });
});
