/**
 * Editing the strategy (planning, admin): the goal tree, KPIs (indicator, unit, direction, baseline,
 * final target, departments from the master list), a target per fiscal year, retiring a KPI, and
 * revising the plan into the next one. Every change is written to the audit log with who made it.
 * Years already published are never changed from here: that is what a correction (訂正) is for.
 */
import { and, eq, gte, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { foldValue } from "../../core/matching/canonical.ts";
import { normalizeKey } from "../../core/matching/normalize.ts";
import type { Value } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { requireDepartments } from "../repositories/departments.ts";
import {
  type Direction,
  goals,
  kpiDefinitions,
  kpis,
  kpiTargets,
  kpiYears,
  measures,
  subgoals,
} from "../schema.ts";
import { planKpiDefinitions } from "./plan-kpis.ts";
import { type DefinitionContent, type SaveContext, setDefinitionForYear } from "./save-sheet.ts";
import { cleanText, DIRECTIONS, fieldError, inPlan, planOf } from "./strategy-rules.ts";

export type TreeLevel = "goal" | "subgoal" | "measure";

/** Adds a 大基本目標 (no parent), 小基本目標 (parent: goal) or 施策 (parent: subgoal). */
export async function createTreeNode(
  db: Db,
  input: {
    planId: string;
    level: TreeLevel;
    parentId?: string | null;
    no: number;
    title: string;
    fiscalYear: number;
  },
  ctx: SaveContext,
): Promise<{ id: string }> {
  const plan = await planOf(db, input.planId);
  const title = cleanText("title", "見出し", input.title);
  if (!Number.isInteger(input.no) || input.no < 1 || input.no > 999)
    throw fieldError("no", "番号は1〜999の整数です");
  const titles = { [String(input.fiscalYear)]: title };
  const id = ctx.ids.next();
  const duplicate = () => fieldError("no", `番号 ${input.no} はすでに使われています`);
  if (input.level === "goal") {
    const [dup] = await db
      .select()
      .from(goals)
      .where(and(eq(goals.planId, plan.id), eq(goals.no, input.no)));
    if (dup) throw duplicate();
    await db.insert(goals).values({ id, planId: plan.id, no: input.no, title, titles });
  } else if (input.level === "subgoal") {
    const [parent] = await db
      .select()
      .from(goals)
      .where(eq(goals.id, input.parentId ?? ""));
    if (!parent || parent.planId !== plan.id) throw fieldError("parentId", "大基本目標を選んでください");
    const [dup] = await db
      .select()
      .from(subgoals)
      .where(and(eq(subgoals.goalId, parent.id), eq(subgoals.no, input.no)));
    if (dup) throw duplicate();
    await db.insert(subgoals).values({ id, goalId: parent.id, no: input.no, title, titles });
  } else {
    const [parent] = await db
      .select()
      .from(subgoals)
      .where(eq(subgoals.id, input.parentId ?? ""));
    if (!parent) throw fieldError("parentId", "小基本目標を選んでください");
    const [dup] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.subgoalId, parent.id), eq(measures.no, input.no)));
    if (dup) throw duplicate();
    await db.insert(measures).values({ id, subgoalId: parent.id, no: input.no, title, titles });
  }
  await writeAudit(db, ctx, {
    entity: "tree_node",
    entityId: id,
    action: "create",
    after: { level: input.level, no: input.no, title },
  });
  return { id };
}

/** Retitles a node from a fiscal year on (earlier years keep the title they printed). */
export async function retitleTreeNode(
  db: Db,
  input: { level: TreeLevel; id: string; title: string; fiscalYear: number },
  ctx: SaveContext,
): Promise<void> {
  const title = cleanText("title", "見出し", input.title);
  const table = input.level === "goal" ? goals : input.level === "subgoal" ? subgoals : measures;
  const [node] = await db.select().from(table).where(eq(table.id, input.id));
  if (!node) throw new SoseiError("not_found", "その見出しはありません");
  const titles = { ...node.titles, [String(input.fiscalYear)]: title };
  const latest = Math.max(...Object.keys(titles).map(Number));
  await db
    .update(table)
    .set({ titles, title: titles[String(latest)] ?? title })
    .where(eq(table.id, input.id));
  await writeAudit(db, ctx, {
    entity: "tree_node",
    entityId: input.id,
    action: "retitle",
    before: node.titles,
    after: titles,
  });
}

export interface KpiFields {
  measureId?: string | undefined;
  indicator?: string | undefined;
  unit?: string | null | undefined;
  direction?: Direction | null | undefined;
  baseline?: Value | null | undefined;
  finalTarget?: Value | undefined;
  departments?: string[] | undefined;
  initiatives?: string[] | undefined;
  figuresSource?: string | null | undefined;
}

function checkDirection(d: Direction | null | undefined) {
  if (d != null && !DIRECTIONS.includes(d))
    throw fieldError("direction", "方向は 増加・減少・維持 のいずれかです");
}

async function refuseIfPublished(db: Db, id: string, fromYear: number, what: string) {
  const [pub] = await db
    .select({ fy: kpiYears.fiscalYear })
    .from(kpiYears)
    .where(
      and(eq(kpiYears.kpiId, id), gte(kpiYears.fiscalYear, fromYear), eq(kpiYears.reviewState, "published")),
    )
    .limit(1);
  if (pub)
    throw new SoseiError(
      "year_published",
      `${pub.fy}年度は公表済みのため${what}できません。公表済みの値は訂正で直してください / published: use a correction`,
      { field: "fromYear" },
    );
}

/** Adds a KPI to a plan from `fromYear` on. */
export async function createKpi(
  db: Db,
  input: KpiFields & {
    planId: string;
    fromYear: number;
    measureId: string;
    indicator: string;
    finalTarget: Value;
  },
  ctx: SaveContext,
): Promise<{ kpiId: KpiId }> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const plan = await planOf(tx, input.planId);
    inPlan(plan, input.fromYear, "fromYear");
    const indicator = cleanText("indicator", "指標", input.indicator);
    checkDirection(input.direction);
    const departments = await requireDepartments(tx, input.departments ?? []);
    if (departments.length === 0) throw fieldError("departments", "担当課を1つ以上選んでください");
    const [mea] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.id, input.measureId));
    if (!mea) throw fieldError("measureId", "施策を選んでください");
    const id = kpiId(ctx.ids.next());
    await tx.insert(kpis).values({ id, planId: plan.id, createdAt: ctx.clock.now() });
    const folded = foldValue(input.finalTarget);
    const row = {
      id: ctx.ids.next(),
      kpiId: id,
      validFrom: input.fromYear,
      measureId: mea.id,
      indicator,
      indicatorKey: normalizeKey(indicator),
      unit: input.unit ?? folded.unit,
      direction: input.direction ?? null,
      baseline: input.baseline ?? null,
      finalTarget: input.finalTarget,
      finalTargetNumber: folded.number,
      finalTargetUnit: folded.unit,
      departments,
      initiatives: (input.initiatives ?? []).map((s) => s.trim()).filter(Boolean),
      figuresSource: input.figuresSource ?? null,
    };
    await tx.insert(kpiDefinitions).values(row);
    await writeAudit(tx, ctx, [
      {
        entity: "kpi",
        entityId: id,
        action: "create",
        after: { indicator, planId: plan.id, fromYear: input.fromYear },
      },
      { entity: "kpi_definition", entityId: row.id, action: "create", after: row },
    ]);
    return { kpiId: id };
  });
}

/**
 * Changes a KPI's definition from `fromYear` on (earlier years keep theirs: the version is split).
 * Direction, baseline, unit and the source of the figures are set on that version too.
 */
export async function updateKpi(
  db: Db,
  input: { kpiId: string; fromYear: number; changes: KpiFields },
  ctx: SaveContext,
): Promise<void> {
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [k] = await tx.select().from(kpis).where(eq(kpis.id, input.kpiId));
    if (!k) throw new SoseiError("not_found", "そのKPIはありません / KPI not found");
    const plan = await planOf(tx, k.planId);
    inPlan(plan, input.fromYear, "fromYear");
    await refuseIfPublished(tx, k.id, input.fromYear, "定義を変更");
    const c = input.changes;
    checkDirection(c.direction);
    const current = (await planKpiDefinitions(tx, plan.id, input.fromYear)).find((p) => p.kpiId === k.id);
    if (!current) throw new SoseiError("not_found", "そのKPIの定義がありません");
    const d = current.definition;
    const departments =
      c.departments === undefined ? d.departments : await requireDepartments(tx, c.departments);
    if (departments.length === 0) throw fieldError("departments", "担当課を1つ以上選んでください");
    const indicator = c.indicator === undefined ? d.indicator : cleanText("indicator", "指標", c.indicator);
    const finalTarget = c.finalTarget ?? d.finalTarget;
    const folded = foldValue(finalTarget);
    const content: DefinitionContent = {
      measureId: c.measureId ?? d.measureId,
      indicator,
      indicatorKey: normalizeKey(indicator),
      unit: c.unit === undefined ? d.unit : c.unit,
      finalTarget,
      finalTargetNumber: folded.number,
      finalTargetUnit: folded.unit,
      departments,
      initiatives: c.initiatives ?? d.initiatives,
    };
    const audit: AuditEntry[] = [];
    await setDefinitionForYear(tx, kpiId(k.id), input.fromYear, content, ctx, audit);
    const [version] = await tx
      .select()
      .from(kpiDefinitions)
      .where(and(eq(kpiDefinitions.kpiId, k.id), sql`${kpiDefinitions.validFrom} <= ${input.fromYear}`))
      .orderBy(sql`${kpiDefinitions.validFrom} desc`)
      .limit(1);
    const attrs: Partial<typeof kpiDefinitions.$inferInsert> = {};
    if (c.direction !== undefined) attrs.direction = c.direction;
    if (c.baseline !== undefined) attrs.baseline = c.baseline;
    if (c.figuresSource !== undefined) attrs.figuresSource = c.figuresSource;
    if (c.unit !== undefined) attrs.unit = c.unit;
    if (version && Object.keys(attrs).length > 0) {
      await tx.update(kpiDefinitions).set(attrs).where(eq(kpiDefinitions.id, version.id));
      audit.push({
        entity: "kpi_definition",
        entityId: version.id,
        action: "set_attributes",
        before: version,
        after: attrs,
      });
    }
    await writeAudit(tx, ctx, audit);
  });
}

/**
 * Sets (or clears, with null) the plan's target of a KPI for one fiscal year. When that year is
 * already open and the row is still with the department, its target cell follows.
 */
export async function setKpiTarget(
  db: Db,
  input: { kpiId: string; fiscalYear: number; target: Value | null },
  ctx: SaveContext,
): Promise<void> {
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [k] = await tx.select().from(kpis).where(eq(kpis.id, input.kpiId));
    if (!k) throw new SoseiError("not_found", "そのKPIはありません / KPI not found");
    inPlan(await planOf(tx, k.planId), input.fiscalYear, "fiscalYear");
    const [before] = await tx
      .select()
      .from(kpiTargets)
      .where(and(eq(kpiTargets.kpiId, k.id), eq(kpiTargets.fiscalYear, input.fiscalYear)));
    const [year] = await tx
      .select()
      .from(kpiYears)
      .where(and(eq(kpiYears.kpiId, k.id), eq(kpiYears.fiscalYear, input.fiscalYear)));
    if (year && year.reviewState !== "draft" && year.reviewState !== "returned")
      throw new SoseiError(
        "target_locked",
        `${input.fiscalYear}年度のこのKPIは提出済み（${year.reviewState}）のため目標値を変えられません`,
        { field: "target" },
      );
    if (input.target === null) {
      if (before) await tx.delete(kpiTargets).where(eq(kpiTargets.id, before.id));
    } else if (before) {
      await tx.update(kpiTargets).set({ target: input.target }).where(eq(kpiTargets.id, before.id));
    } else {
      await tx
        .insert(kpiTargets)
        .values({ id: ctx.ids.next(), kpiId: k.id, fiscalYear: input.fiscalYear, target: input.target });
    }
    const audit: AuditEntry[] = [
      {
        entity: "kpi_target",
        entityId: `${k.id}:${input.fiscalYear}`,
        action: "set",
        before: before?.target ?? null,
        after: input.target,
      },
    ];
    if (year) {
      const target: Value = input.target ?? { kind: "missing" };
      const f = foldValue(target);
      await tx
        .update(kpiYears)
        .set({
          target,
          targetNumber: f.number,
          targetUnit: f.unit,
          version: year.version + 1,
          updatedAt: ctx.clock.now(),
          updatedBy: ctx.actor,
        })
        .where(eq(kpiYears.id, year.id));
      audit.push({
        entity: "kpi_year",
        entityId: year.id,
        action: "set_target",
        before: year.target,
        after: target,
      });
    }
    await writeAudit(tx, ctx, audit);
  });
}

/** Retires a KPI from `fromYear` on (null: reinstates it). Years opened later leave it out. */
export async function retireKpi(
  db: Db,
  input: { kpiId: string; fromYear: number | null },
  ctx: SaveContext,
): Promise<void> {
  const [k] = await db.select().from(kpis).where(eq(kpis.id, input.kpiId));
  if (!k) throw new SoseiError("not_found", "そのKPIはありません / KPI not found");
  await db.update(kpis).set({ retiredFrom: input.fromYear }).where(eq(kpis.id, k.id));
  await writeAudit(db, ctx, {
    entity: "kpi",
    entityId: k.id,
    action: input.fromYear === null ? "reinstate" : "retire",
    before: { retiredFrom: k.retiredFrom },
    after: { retiredFrom: input.fromYear },
  });
}
