/**
 * Issue #16 F19: saving a large sheet on PGlite (every query runs in this thread) gives the event loop
 * turns while it works, so a server keeps answering (/api/health), and reports its progress.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { PROGRESS_EVERY } from "./repositories/insert-chunks.ts";
import { borrowTestPglite } from "./test-backends.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const fixturePath = (...p: string[]) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures", ...p);

const base = JSON.parse(readFileSync(fixturePath("store/kakuu-2022.json"), "utf8")) as Sheet;

describe("a long save on PGlite (F19)", () => {
  it("lets timers run during the save and reports progress", async () => {
    const n = PROGRESS_EVERY * 3 + 7;
    const sheet: Sheet = {
      ...base,
      kpis: Array.from({ length: n }, (_, i) => ({
        ...base.kpis[i % base.kpis.length]!,
        row: i + 1,
        indicator: `指標${i + 1}`,
      })),
    };
    const db = await borrowTestPglite();
    try {
      const progress: [number, number][] = [];
      let turns = 0;
      let saving = true;
      const tick = () => {
        if (!saving) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      await saveSheet(db.db, sheet, {
        actor: "cli:test",
        clock: fixedClock("2026-04-01T00:00:00Z"),
        ids: sequentialIds("p"),
        onProgress: (done, total) => progress.push([done, total]),
      });
      saving = false;
      expect(progress).toEqual([1, 2, 3].map((k) => [k * PROGRESS_EVERY, n]));
      expect(turns).toBeGreaterThanOrEqual(3);
    } finally {
      await db.close();
    }
  }, 300_000);
});
