/**
 * The sheet/1 extensions in the store (issue 14 item 4): the baseline with its period, the printed
 * direction and the unit go onto the KPI's definition; per-year targets of the sheet's year columns
 * become the plan's targets of those years (and open that year with them); the printed rate, the
 * years, extra columns, 数値目標 and the scale come back on export exactly as imported. PGlite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { recentAudit } from "./repositories/audit.ts";
import { kpiDefinitions, kpiTargets } from "./schema.ts";
import { describeOnBackends } from "./test-backends.ts";
import { setKpiTarget } from "./use-cases/edit-strategy.ts";
import { exportSheet } from "./use-cases/export-sheet.ts";
import { openYear } from "./use-cases/open-year.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sheet = (): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store/kakuu-table-2023.json"), "utf8")) as Sheet;

await describeOnBackends("sheet/1 extensions on %s", "extensions", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "planner-1", clock, ids: sequentialIds("x") };
  });

  it("exports the baseline, years, printed rate, direction, extras, 数値目標 and scale exactly as imported", async () => {
    const s = sheet();
    await saveSheet(db().db, s, ctx);
    expect(await exportSheet(db().db, { fiscalYear: 2023 })).toEqual(s);
  });

  it("puts the baseline and direction on the definition and the later year's target into the plan", async () => {
    const r = await saveSheet(db().db, sheet(), ctx);
    const kpiId = r.matches.entries.find((e) => e.row === 1)!.kpiId!;
    const [def] = await db().db.select().from(kpiDefinitions).where(eq(kpiDefinitions.kpiId, kpiId));
    expect(def?.baseline).toMatchObject({ kind: "number", value: 20, unit: "件", period: { year: 2019 } });
    expect(def?.direction).toBe("increase");
    const targets = await db().db.select().from(kpiTargets).where(eq(kpiTargets.kpiId, kpiId));
    expect(targets.map((x) => [x.fiscalYear, x.target.kind === "number" ? x.target.value : null])).toEqual([
      [2024, 50],
    ]);
    expect((await recentAudit(db().db)).some((a) => a.entity === "kpi_target" && a.action === "import")).toBe(
      true,
    );
    // Opening FY2024 starts from the sheet's target for that year.
    await openYear(db().db, { fiscalYear: 2024 }, ctx);
    const y = await exportSheet(db().db, { fiscalYear: 2024 });
    expect(y.kpis[0]?.target).toMatchObject({ kind: "number", value: 50, unit: "件" });
  });

  it("never overwrites a target planning set by hand", async () => {
    const r = await saveSheet(db().db, sheet(), ctx);
    const kpiId = r.matches.entries.find((e) => e.row === 1)!.kpiId!;
    const hand = {
      kind: "number" as const,
      value: 60,
      unit: "件",
      period: { year: 2024, basis: "fiscal" as const },
    };
    await db().db.delete(kpiTargets).where(eq(kpiTargets.kpiId, kpiId));
    await setKpiTarget(db().db, { kpiId, fiscalYear: 2024, target: hand }, ctx);
    await saveSheet(db().db, sheet(), ctx);
    const targets = await db().db.select().from(kpiTargets).where(eq(kpiTargets.kpiId, kpiId));
    expect(targets.map((x) => x.target)).toEqual([hand]);
  });
});
