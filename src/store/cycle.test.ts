/**
 * The yearly cycle in the store: opening a year from the plan, the department master list, strategy
 * editing, and imports that target the server's municipality. PGlite and PostgreSQL alike.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { auditOf, recentAudit } from "./repositories/audit.ts";
import {
  createDepartment,
  listDepartments,
  requireDepartments,
  updateDepartment,
} from "./repositories/departments.ts";
import { getKpiYear, listKpiYears, publishYear, transitionReview } from "./repositories/kpi-years.ts";
import { listMunicipalities } from "./repositories/municipalities.ts";
import { plans } from "./schema.ts";
import { describeOnBackends } from "./test-backends.ts";
import {
  correctionsOf,
  reopenForCorrection,
  republishYear,
  withdrawSubmission,
} from "./use-cases/correction.ts";
import { createKpi, retireKpi, setKpiTarget, updateKpi } from "./use-cases/edit-strategy.ts";
import { exportSheet } from "./use-cases/export-sheet.ts";
import { importMunicipality, previewImport } from "./use-cases/import-target.ts";
import { missingSubmissions } from "./use-cases/missing-submissions.ts";
import { openYear } from "./use-cases/open-year.ts";
import { planKpiDefinitions } from "./use-cases/plan-kpis.ts";
import { revisePlan } from "./use-cases/revise-plan.ts";
import { saveSheet } from "./use-cases/save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): Sheet =>
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures/store", name), "utf8")) as Sheet;

await describeOnBackends("yearly cycle on %s", "cycle", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "planner-1", clock, ids: sequentialIds("c") };
  });

  it("opens the next year from the plan: same KPIs and departments, targets of the plan, actuals empty, drafts", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const r = await openYear(db().db, { fiscalYear: 2023, entryDeadline: "2024-06-30" }, ctx);
    expect(r).toMatchObject({ municipality: "架空市", fiscalYear: 2023, fromYear: 2022, rows: 7 });
    const y = await exportSheet(db().db, { fiscalYear: 2023 });
    const x = fixture("kakuu-2022.json");
    expect(y.kpis.map((k) => k.indicator)).toEqual(x.kpis.map((k) => k.indicator));
    expect(y.kpis.map((k) => k.departments)).toEqual(x.kpis.map((k) => k.departments));
    expect(y.kpis.map((k) => k.finalTarget)).toEqual(x.kpis.map((k) => k.finalTarget));
    expect(y.kpis.every((k) => k.actual.kind === "missing")).toBe(true);
    const rows = await listKpiYears(db().db, { fiscalYear: 2023 });
    expect(rows.every((k) => k.reviewState === "draft")).toBe(true);
    const progress = await missingSubmissions(db().db, { fiscalYear: 2023 });
    expect(progress.entryDeadline).toBe("2024-06-30");
    // The co-owned KPI (産業振興課 and 商工労働課) counts for both.
    expect(
      progress.departments.find((d) => d.department === "商工労働課")?.pending.map((p) => p.row),
    ).toEqual([2]);
    expect(progress.departments.find((d) => d.department === "産業振興課")?.total).toBe(2);
    expect(
      (await recentAudit(db().db)).some((a) => a.action === "open_year" && a.actor === "planner-1"),
    ).toBe(true);
  });

  it("refuses a year that exists, one outside the plan, and a bad deadline, with clear codes", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    await expect(openYear(db().db, { fiscalYear: 2022 }, ctx)).rejects.toMatchObject({ code: "year_exists" });
    await expect(openYear(db().db, { fiscalYear: 2030 }, ctx)).rejects.toMatchObject({
      code: "year_outside_plan",
      message: expect.stringContaining("令和12年度"),
    });
    await expect(openYear(db().db, { fiscalYear: 2023, entryDeadline: "6月末" }, ctx)).rejects.toMatchObject({
      code: "invalid_deadline",
    });
    await expect(
      openYear(db().db, { fiscalYear: 2023, municipality: "伊勢崎市" }, ctx),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("uses the plan's target of the year, set beforehand, and lets a set target follow into an open draft", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const [k1, k2] = await firstKpis(2023);
    const target = {
      kind: "number" as const,
      value: 40,
      unit: "件",
      period: { year: 2023, basis: "fiscal" as const },
      raw: "40件",
    };
    await setKpiTarget(db().db, { kpiId: k1!, fiscalYear: 2023, target }, ctx);
    const r = await openYear(db().db, { fiscalYear: 2023 }, ctx);
    expect(r.withoutTarget).not.toContain("創業支援による新規開業件数");
    const y = await exportSheet(db().db, { fiscalYear: 2023 });
    expect(y.kpis[0]!.target).toEqual(target);
    await setKpiTarget(db().db, { kpiId: k2!, fiscalYear: 2023, target: { ...target, value: 9 } }, ctx);
    expect((await exportSheet(db().db, { fiscalYear: 2023 })).kpis[1]!.target).toMatchObject({ value: 9 });
    await expect(setKpiTarget(db().db, { kpiId: k1!, fiscalYear: 2031, target }, ctx)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("keeps a department master list in order; a typo is refused naming it and the closest name", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    await expect(requireDepartments(db().db, ["商工労働"])).rejects.toMatchObject({
      code: "unknown_department",
      message: expect.stringMatching(/「商工労働」.*商工労働課/),
    });
    const d = await createDepartment(db().db, { name: "都市開発課", position: 0 }, ctx);
    expect((await listDepartments(db().db))[0]!.name).toBe("都市開発課");
    await expect(createDepartment(db().db, { name: "都市開発課" }, ctx)).rejects.toMatchObject({
      code: "department_exists",
    });
    await updateDepartment(db().db, { id: d.id, name: "都市整備課" }, ctx);
    expect((await listDepartments(db().db)).map((x) => x.name)).toContain("都市整備課");
    const renamed = (await listDepartments(db().db)).find((x) => x.name === "観光課")!;
    await updateDepartment(db().db, { id: renamed.id, name: "観光振興課" }, ctx);
    expect((await exportSheet(db().db, { fiscalYear: 2022 })).kpis[2]!.departments).toEqual(["観光振興課"]);
  });

  it("edits the strategy: a new co-owned KPI, a change from a year on, a retired KPI left out of the next year; all audited", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const [k1] = await firstKpis(2022);
    const def = (await planKpiDefinitions(db().db, await planId(), 2022))[0]!;
    await expect(
      createKpi(
        db().db,
        {
          planId: await planId(),
          fromYear: 2023,
          measureId: def.definition.measureId,
          indicator: "空き店舗活用件数",
          finalTarget: { kind: "missing" },
          departments: ["産業振興課", "商工労働"],
        },
        ctx,
      ),
    ).rejects.toMatchObject({ code: "unknown_department" });
    const { kpiId: added } = await createKpi(
      db().db,
      {
        planId: await planId(),
        fromYear: 2023,
        measureId: def.definition.measureId,
        indicator: "空き店舗活用件数",
        direction: "increase",
        finalTarget: { kind: "number", value: 10, unit: "件", period: { year: 2024, basis: "fiscal" } },
        departments: ["産業振興課", "商工労働課"],
      },
      ctx,
    );
    await updateKpi(
      db().db,
      {
        kpiId: k1!,
        fromYear: 2023,
        changes: { indicator: "創業支援による新規開業者数", direction: "increase" },
      },
      ctx,
    );
    const retired = (await firstKpis(2022))[6]!;
    await retireKpi(db().db, { kpiId: retired, fromYear: 2023 }, ctx);
    const r = await openYear(db().db, { fiscalYear: 2023 }, ctx);
    expect(r.rows).toBe(7);
    const y = await exportSheet(db().db, { fiscalYear: 2023 });
    expect(y.kpis[0]!.indicator).toBe("創業支援による新規開業者数");
    expect(y.kpis.map((k) => k.indicator)).not.toContain("合計特殊出生率");
    expect(y.kpis.at(-1)).toMatchObject({
      indicator: "空き店舗活用件数",
      departments: ["産業振興課", "商工労働課"],
    });
    // FY2022 keeps what it printed.
    expect((await exportSheet(db().db, { fiscalYear: 2022 })).kpis[0]!.indicator).toBe(
      "創業支援による新規開業件数",
    );
    expect((await auditOf(db().db, "kpi", added)).map((a) => a.actor)).toEqual(["planner-1"]);
  });

  it("revises the plan into the next one: KPIs carried over (remembering their predecessor) or retired", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const ids = await firstKpis(2022);
    await expect(
      revisePlan(db().db, { name: "第2期", startYear: 2024, endYear: 2028 }, ctx),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const r = await revisePlan(
      db().db,
      { name: "第3期総合戦略", startYear: 2025, endYear: 2029, retire: [ids[0]!] },
      ctx,
    );
    expect(r.carried).toBe(6);
    const opened = await openYear(db().db, { fiscalYear: 2025 }, ctx);
    expect(opened.rows).toBe(6);
    expect(opened.planName).toBe("第3期総合戦略");
  });

  it("imports into the server's municipality: a sheet naming none goes there, one naming another city is refused with both names", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const unnamed = { ...fixture("kakuu-2023.json") };
    delete unnamed.municipality;
    expect(await importMunicipality(db().db, unnamed)).toBe("架空市");
    expect(await importMunicipality(db().db, unnamed, "架空市")).toBe("架空市");
    await expect(importMunicipality(db().db, { municipality: "伊勢崎市" }, "架空市")).rejects.toMatchObject({
      code: "invalid_municipality",
      message: expect.stringMatching(/伊勢崎市.*架空市/),
    });
    const preview = await previewImport(db().db, unnamed, { ...ctx, municipality: "架空市" });
    expect(preview).toMatchObject({ fiscalYear: 2023, exists: false, published: false });
    expect(preview.added).toBe(unnamed.kpis.length);
    // The preview wrote nothing.
    await expect(exportSheet(db().db, { fiscalYear: 2023 })).rejects.toMatchObject({ code: "not_found" });
    const again = await previewImport(db().db, fixture("kakuu-2022.json"), {
      ...ctx,
      municipality: "架空市",
    });
    expect(again).toMatchObject({ exists: true, replaced: 7, added: 0, dropped: 0 });
    expect((await listMunicipalities(db().db)).map((m) => m.name)).toEqual(["架空市"]);
  });

  it("a published year is never replaced by an import: the preview says so and points to correction", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    for (const r of await listKpiYears(db().db, { fiscalYear: 2022 })) {
      const s = await transitionReview(db().db, { id: r.id, version: r.version, to: "submitted" }, ctx);
      await transitionReview(db().db, { id: s.id, version: s.version, to: "approved" }, ctx);
    }
    await publishYear(db().db, { fiscalYear: 2022 }, ctx);
    const p = await previewImport(db().db, fixture("kakuu-2022.json"), { ...ctx, municipality: "架空市" });
    expect(p).toMatchObject({ published: true });
    expect(p.message).toContain("訂正");
  });

  it("withdraws a submission until review starts; corrects a published value, keeping the published one", async () => {
    await saveSheet(db().db, fixture("kakuu-2022.json"), ctx);
    const [first, ...rest] = await listKpiYears(db().db, { fiscalYear: 2022 });
    const s = await transitionReview(
      db().db,
      { id: first!.id, version: first!.version, to: "submitted" },
      ctx,
    );
    const back = await withdrawSubmission(db().db, { id: s.id, version: s.version }, ctx);
    expect(back.reviewState).toBe("draft");
    for (const r of [await getKpiYear(db().db, first!.id), ...rest]) {
      const sub = await transitionReview(db().db, { id: r.id, version: r.version, to: "submitted" }, ctx);
      await transitionReview(db().db, { id: sub.id, version: sub.version, to: "approved" }, ctx);
    }
    const approved = await getKpiYear(db().db, first!.id);
    await expect(
      withdrawSubmission(db().db, { id: approved.id, version: approved.version }, ctx),
    ).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await publishYear(db().db, { fiscalYear: 2022 }, ctx);
    const pub = await getKpiYear(db().db, first!.id);
    await expect(
      reopenForCorrection(db().db, { id: pub.id, version: pub.version, reason: " " }, ctx),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
    await reopenForCorrection(db().db, { id: pub.id, version: pub.version, reason: "集計誤り" }, ctx);
    const reopened = await getKpiYear(db().db, first!.id);
    expect(reopened.reviewState).toBe("returned");
    const sub = await transitionReview(
      db().db,
      { id: reopened.id, version: reopened.version, to: "submitted" },
      ctx,
    );
    await transitionReview(db().db, { id: sub.id, version: sub.version, to: "approved" }, ctx);
    await republishYear(db().db, { fiscalYear: 2022 }, ctx);
    expect((await getKpiYear(db().db, first!.id)).reviewState).toBe("published");
    const [c] = await correctionsOf(db().db, first!.id);
    expect(c).toMatchObject({ reason: "集計誤り", openedBy: "planner-1" });
    expect(c!.republishedAt).toBeInstanceOf(Date);
    expect((c!.published as { reviewState: string }).reviewState).toBe("published");
  });

  async function planId(): Promise<string> {
    const rows = await db().db.select().from(plans);
    return rows[0]!.id;
  }
  async function firstKpis(fy: number): Promise<string[]> {
    return (await planKpiDefinitions(db().db, await planId(), fy)).map((p) => p.kpiId);
  }
});
