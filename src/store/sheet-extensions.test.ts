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
import { kpiHistory } from "./use-cases/history.ts";
import { openYear } from "./use-cases/open-year.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";
import { sheetExtensionsOf } from "./use-cases/sheet-extensions.ts";

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

  it("gives back the sheet's 数値目標 and scale for the pages, and none for a sheet that printed none", async () => {
    const s = sheet();
    await saveSheet(db().db, s, ctx);
    const got = await sheetExtensionsOf(db().db, { fiscalYear: 2023 });
    expect(got.numericGoals).toEqual(s.numericGoals);
    expect(got.numericGoals[0]).toMatchObject({ indicator: "市内従業者数", baseline: { value: 68000 } });
    expect(got.scale?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
    const { numericGoals: _n, scale: _s, ...plain } = sheet();
    await saveSheet(db().db, { ...plain, fiscalYear: 2022 }, ctx);
    expect(await sheetExtensionsOf(db().db, { fiscalYear: 2022 })).toEqual({ numericGoals: [], scale: null });
    await expect(sheetExtensionsOf(db().db, { fiscalYear: 2030 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("shows earlier years' printed actuals in the KPI's history at their own periods, without stored rows for them", async () => {
    const s = sheet();
    const k = s.kpis[0]!;
    const at = (value: number, year: number) => ({
      kind: "number" as const,
      value,
      unit: "件",
      period: { year, basis: "fiscal" as const },
    });
    k.years = [
      { year: 2021, target: { kind: "missing" }, actual: at(30, 2021) },
      { year: 2022, target: at(40, 2022), actual: at(35, 2022) },
      ...(k.years ?? []),
    ];
    const r = await saveSheet(db().db, s, ctx);
    const kpiId = r.matches.entries.find((e) => e.row === 1)!.kpiId!;
    const h = await kpiHistory(db().db, kpiId);
    expect(h.years.map((y) => y.fiscalYear)).toEqual([2023]);
    expect(h.printedYears).toEqual([
      { year: 2021, target: { kind: "missing" }, actual: at(30, 2021), printedIn: 2023 },
      { year: 2022, target: at(40, 2022), actual: at(35, 2022), printedIn: 2023 },
    ]);
    // Importing FY2022 itself later: its stored row wins over what the 2023 sheet printed for it.
    const y22: Sheet = {
      ...sheet(),
      fiscalYear: 2022,
      numericGoals: [],
      kpis: [{ ...sheet().kpis[0]!, years: [] }],
    };
    await saveSheet(db().db, y22, ctx);
    expect((await kpiHistory(db().db, kpiId)).printedYears.map((p) => p.year)).toEqual([2021]);
  });
});
