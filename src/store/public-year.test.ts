/**
 * The public's view of a year during and after a correction (訂正), the year's progress counting a
 * row under correction, and the strategy editor's view. PGlite and PostgreSQL alike.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet, Value } from "../core/sheet.ts";
import {
  getKpiYear,
  listKpiYears,
  publishYear,
  transitionReview,
  updateKpiYear,
  yearProgress,
} from "./repositories/kpi-years.ts";
import { describeOnBackends } from "./test-backends.ts";
import { correctionsOfYear, reopenForCorrection, republishYear } from "./use-cases/correction.ts";
import { setKpiTarget } from "./use-cases/edit-strategy.ts";
import { publicYear } from "./use-cases/public-year.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";
import { strategyView } from "./use-cases/strategy-view.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store", name), "utf8")) as Sheet;

await describeOnBackends("the public's year and the strategy view on %s", "public year", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "planner-1", clock, ids: sequentialIds("p") };
  });

  async function publishAll() {
    for (const r of await listKpiYears(db().db, { fiscalYear: 2022 })) {
      const s = await transitionReview(db().db, { id: r.id, version: r.version, to: "submitted" }, ctx);
      await transitionReview(db().db, { id: s.id, version: s.version, to: "approved" }, ctx);
    }
    await publishYear(db().db, { fiscalYear: 2022 }, ctx);
  }

  it("keeps showing the published value while a correction is open; after republishing, the new one with a dated note", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    await publishAll();
    const [first] = await listKpiYears(db().db, { fiscalYear: 2022 });
    const published = first!.kpi.actual;
    await reopenForCorrection(db().db, { id: first!.id, version: first!.version, reason: "集計誤り" }, ctx);
    const reopened = await getKpiYear(db().db, first!.id);
    const fixed: Value = {
      kind: "number",
      value: 12345,
      unit: "人",
      period: { year: 2022, basis: "fiscal" },
    };
    await updateKpiYear(
      db().db,
      { id: reopened.id, version: reopened.version, changes: { actual: fixed } },
      ctx,
    );

    // The year counts as public (published or under correction), the draft never reaches the public.
    const [progress] = await yearProgress(db().db);
    expect(progress).toMatchObject({ published: progress!.total - 1, correcting: 1 });
    let view = await publicYear(db().db, { fiscalYear: 2022 });
    expect(view.sheet.kpis[0]!.actual).toEqual(published);
    expect(view.states[0]).toBe("published");
    expect(view.corrections[0]).toBe("");
    const open = await correctionsOfYear(db().db, { fiscalYear: 2022 });
    expect(open.get(first!.id)?.lastPublished?.actual).toEqual(published);

    const edited = await getKpiYear(db().db, first!.id);
    const s = await transitionReview(
      db().db,
      { id: edited.id, version: edited.version, to: "submitted" },
      ctx,
    );
    await transitionReview(db().db, { id: s.id, version: s.version, to: "approved" }, ctx);
    await republishYear(db().db, { fiscalYear: 2022 }, ctx);
    view = await publicYear(db().db, { fiscalYear: 2022 });
    expect(view.sheet.kpis[0]!.actual).toMatchObject({ value: 12345 });
    expect(view.corrections[0]).toMatch(/^2026-04-01 訂正（訂正前の実績値: .+）: 集計誤り$/);
    expect(view.corrections.slice(1).every((n) => n === "")).toBe(true);
    expect((await yearProgress(db().db))[0]).toMatchObject({ correcting: 0 });
    expect((await correctionsOfYear(db().db, { fiscalYear: 2022 })).get(first!.id)?.lastPublished).toBeNull();
  });

  it("shows the plan's tree with every KPI, its targets per year and the years opened", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    let view = await strategyView(db().db, {});
    expect(view.plan).not.toBeNull();
    const kpis = view.goals.flatMap((g) => g.subgoals.flatMap((s) => s.measures.flatMap((m) => m.kpis)));
    expect(kpis).toHaveLength(fixture("kakuu-2022.json").kpis.length);
    expect(view.years).toEqual([2022]);
    const k = kpis[0]!;
    expect(k.years).toEqual([{ fiscalYear: 2022, state: "draft" }]);
    await setKpiTarget(
      db().db,
      {
        kpiId: k.id,
        fiscalYear: 2023,
        target: { kind: "number", value: 5, unit: "件", period: { year: 2023, basis: "fiscal" } },
      },
      ctx,
    );
    view = await strategyView(db().db, { fiscalYear: 2023 });
    const again = view.goals.flatMap((g) => g.subgoals.flatMap((s) => s.measures.flatMap((m) => m.kpis)))[0]!;
    expect(again.targets.at(-1)).toMatchObject({ fiscalYear: 2023, target: { value: 5 } });
    expect(view.departments.length).toBeGreaterThan(0);
  });
});
