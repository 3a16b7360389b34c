import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uiIsStale } from "./build-ui.ts";

describe("uiIsStale", () => {
  it("is stale without a build, fresh after one, stale again when a source changes", () => {
    const root = mkdtempSync(path.join(tmpdir(), "sosei-ui-"));
    mkdirSync(path.join(root, "web/src"), { recursive: true });
    mkdirSync(path.join(root, "src/core"), { recursive: true });
    const source = path.join(root, "web/src/app.tsx");
    writeFileSync(source, "x");
    writeFileSync(path.join(root, "src/core/a.ts"), "x");
    expect(uiIsStale(root)).toBe(true);

    mkdirSync(path.join(root, "web/dist"), { recursive: true });
    writeFileSync(path.join(root, "web/dist/index.html"), "<html>");
    const stamp = path.join(root, "web/dist/.build-stamp");
    writeFileSync(stamp, "now");
    const past = new Date(Date.now() - 60_000);
    utimesSync(source, past, past);
    utimesSync(path.join(root, "src/core/a.ts"), past, past);
    expect(uiIsStale(root)).toBe(false);

    // a test file does not go into the bundle: touching it does not force a build
    writeFileSync(path.join(root, "web/src/app.test.ts"), "x");
    expect(uiIsStale(root)).toBe(false);

    const future = new Date(Date.now() + 60_000);
    utimesSync(source, future, future);
    expect(uiIsStale(root)).toBe(true);
  });
});
