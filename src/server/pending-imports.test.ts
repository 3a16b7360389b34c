/** Issue #16 F18: pending imports are capped per user and in total; the oldest give way. */
import { describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import type { Sheet } from "../core/sheet.ts";
import { MAX_PENDING_PER_USER, MAX_PENDING_TOTAL, PendingImports } from "./pending-imports.ts";

const sheet = { format: "sheet/1", fiscalYear: 2024, kpis: [] } as unknown as Sheet;

describe("pending imports (F18)", () => {
  it("keeps at most MAX_PENDING_PER_USER per user: a new upload pushes out that user's oldest", () => {
    const p = new PendingImports(fixedClock("2026-06-01T00:00:00Z"));
    for (let i = 0; i < 10; i++) p.add(`a${i}`, { sheet, fileName: "x.csv", userId: "planner" });
    p.add("b0", { sheet, fileName: "y.csv", userId: "other" });
    expect(p.size).toBe(MAX_PENDING_PER_USER + 1);
    expect(p.get("a9", "planner")).toBeDefined();
    expect(p.get("a0", "planner")).toBeUndefined();
    expect(p.get("b0", "other")).toBeDefined();
  });

  it("keeps at most MAX_PENDING_TOTAL in all, however many users upload", () => {
    const p = new PendingImports(fixedClock("2026-06-01T00:00:00Z"));
    for (let i = 0; i < MAX_PENDING_TOTAL * 3; i++)
      p.add(`t${i}`, { sheet, fileName: "x.csv", userId: `u${i}` });
    expect(p.size).toBe(MAX_PENDING_TOTAL);
    expect(p.get(`t${MAX_PENDING_TOTAL * 3 - 1}`, `u${MAX_PENDING_TOTAL * 3 - 1}`)).toBeDefined();
  });

  it("expired ones are dropped and cannot be confirmed", () => {
    const clock = fixedClock("2026-06-01T00:00:00Z");
    const p = new PendingImports(clock);
    p.add("e", { sheet, fileName: "x.csv", userId: "planner" });
    clock.advance(31 * 60_000);
    expect(p.get("e", "planner")).toBeUndefined();
  });
});
