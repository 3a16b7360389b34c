/** KPI definitions valid from a year on, and one KPI-year row: written by saveSheet and rematch. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { extraFields, foldValue, KPI_KEYS, stableJson } from "../../core/matching/canonical.ts";
import type { MatchCandidate } from "../../core/matching/match.ts";
import { normalizeKey } from "../../core/matching/normalize.ts";
import type { Kpi } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import type { AuditEntry } from "../repositories/audit.ts";
import { goals, kpiDefinitions, kpis, kpiYears, measures, subgoals } from "../schema.ts";
import { type InsertRow, insertNow } from "./pending-inserts.ts";
import type { SaveContext } from "./save-context.ts";

/** Stored KPIs of the plan with the definition in effect for `fy` (or their earliest, if later). */
export async function loadCandidates(tx: Db, planId: string, fy: number): Promise<MatchCandidate[]> {
  const rows = await tx
    .select({
      kpiId: kpiDefinitions.kpiId,
      validFrom: kpiDefinitions.validFrom,
      indicator: kpiDefinitions.indicator,
      departments: kpiDefinitions.departments,
      goalNo: goals.no,
      subgoalNo: subgoals.no,
      measureNo: measures.no,
    })
    .from(kpiDefinitions)
    .innerJoin(kpis, eq(kpis.id, kpiDefinitions.kpiId))
    .innerJoin(measures, eq(measures.id, kpiDefinitions.measureId))
    .innerJoin(subgoals, eq(subgoals.id, measures.subgoalId))
    .innerJoin(goals, eq(goals.id, subgoals.goalId))
    .where(eq(kpis.planId, planId))
    .orderBy(asc(kpiDefinitions.kpiId), asc(kpiDefinitions.validFrom));
  const years = await tx
    .select({ kpiId: kpiYears.kpiId, fiscalYear: kpiYears.fiscalYear, row: kpiYears.row })
    .from(kpiYears)
    .innerJoin(kpis, eq(kpis.id, kpiYears.kpiId))
    .where(eq(kpis.planId, planId));
  const previousYear = Math.max(-1, ...years.map((y) => y.fiscalYear).filter((y) => y < fy));
  const defs = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const cur = defs.get(r.kpiId);
    if (!cur || r.validFrom <= fy) defs.set(r.kpiId, r);
  }
  return [...defs.values()].map((d) => {
    const ys = years.filter((y) => y.kpiId === d.kpiId).sort((a, b) => b.fiscalYear - a.fiscalYear);
    const ref = ys.find((y) => y.fiscalYear <= fy) ?? ys[0];
    return {
      kpiId: kpiId(d.kpiId),
      path: { goal: d.goalNo, subgoal: d.subgoalNo, measure: d.measureNo },
      indicator: d.indicator,
      departments: d.departments,
      lastRow: ref ? Math.abs(ref.row) : null,
      lastYear: ref?.fiscalYear ?? null,
      expected: ys.some((y) => y.fiscalYear === previousYear || y.fiscalYear === fy),
    };
  });
}

export type DefinitionContent = Pick<
  typeof kpiDefinitions.$inferInsert,
  | "measureId"
  | "indicator"
  | "indicatorKey"
  | "unit"
  | "finalTarget"
  | "finalTargetNumber"
  | "finalTargetUnit"
  | "departments"
  | "initiatives"
>;

export function definitionOf(k: Kpi, measureId: string): DefinitionContent {
  const folded = foldValue(k.finalTarget);
  const unit = folded.unit ?? foldValue(k.target).unit ?? foldValue(k.actual).unit;
  return {
    measureId,
    indicator: k.indicator,
    indicatorKey: normalizeKey(k.indicator),
    unit,
    finalTarget: k.finalTarget,
    finalTargetNumber: folded.number,
    finalTargetUnit: folded.unit,
    departments: k.departments,
    initiatives: k.initiatives,
  };
}

const sameDefinition = (a: DefinitionContent, b: DefinitionContent) =>
  a.measureId === b.measureId &&
  a.indicator === b.indicator &&
  stableJson(a.finalTarget) === stableJson(b.finalTarget) &&
  stableJson(a.departments) === stableJson(b.departments) &&
  stableJson(a.initiatives) === stableJson(b.initiatives);

type DefinitionRow = typeof kpiDefinitions.$inferSelect;
type KpiYearRow = typeof kpiYears.$inferSelect;

/**
 * What a save reads of the stored KPIs before its loop, for all of them at once: their definitions
 * (oldest first) and their row of the year. A sheet of n KPIs read these with 2n queries before.
 */
export interface StoredKpis {
  definitions: Map<string, DefinitionRow[]>;
  yearRows: Map<string, KpiYearRow>;
}

export async function readStoredKpis(tx: Db, ids: readonly string[], fy: number): Promise<StoredKpis> {
  const definitions = new Map<string, DefinitionRow[]>();
  const yearRows = new Map<string, KpiYearRow>();
  if (ids.length === 0) return { definitions, yearRows };
  const defs = await tx
    .select()
    .from(kpiDefinitions)
    .where(inArray(kpiDefinitions.kpiId, [...ids]))
    .orderBy(asc(kpiDefinitions.validFrom));
  for (const d of defs) definitions.set(d.kpiId, [...(definitions.get(d.kpiId) ?? []), d]);
  const years = await tx
    .select()
    .from(kpiYears)
    .where(and(inArray(kpiYears.kpiId, [...ids]), eq(kpiYears.fiscalYear, fy)));
  for (const y of years) yearRows.set(y.kpiId, y);
  return { definitions, yearRows };
}

/**
 * Makes the definition in effect for year `fy` equal `content`, leaving every other year's as it was:
 * a version is split when a later year with figures relied on the one being changed. `known`: its
 * stored definitions, oldest first, when the caller read them already (saveSheet reads them for
 * every KPI at once); else they are read here.
 */
export async function setDefinitionForYear(
  tx: Db,
  id: KpiId,
  fy: number,
  content: DefinitionContent,
  ctx: SaveContext,
  audit: AuditEntry[],
  known?: readonly DefinitionRow[],
  /** How the new definition row is written (saveSheet gathers a new KPI's rows into one INSERT). */
  insert: InsertRow = insertNow(tx),
): Promise<void> {
  const versions =
    known ??
    (await tx
      .select()
      .from(kpiDefinitions)
      .where(eq(kpiDefinitions.kpiId, id))
      .orderBy(asc(kpiDefinitions.validFrom)));
  const cur = [...versions].reverse().find((v) => v.validFrom <= fy);
  const next = versions.find((v) => v.validFrom > fy);
  if (cur && sameDefinition(cur, content)) return;
  if (!cur && next && sameDefinition(next, content)) {
    await tx.update(kpiDefinitions).set({ validFrom: fy }).where(eq(kpiDefinitions.id, next.id));
    audit.push({
      entity: "kpi_definition",
      entityId: next.id,
      action: "extend",
      before: next,
      after: { validFrom: fy },
    });
    return;
  }
  if (cur) {
    const laterYears = await tx
      .select({ fiscalYear: kpiYears.fiscalYear })
      .from(kpiYears)
      .where(and(eq(kpiYears.kpiId, id), sql`${kpiYears.fiscalYear} > ${fy}`));
    const until = next?.validFrom ?? Number.POSITIVE_INFINITY;
    const relying = laterYears.map((y) => y.fiscalYear).filter((y) => y < until);
    if (relying.length > 0) {
      const { id: _old, ...rest } = cur;
      const copy = { ...rest, id: ctx.ids.next(), validFrom: Math.min(...relying) };
      await tx.insert(kpiDefinitions).values(copy);
      audit.push({ entity: "kpi_definition", entityId: copy.id, action: "split", after: copy });
    }
    if (cur.validFrom === fy) {
      await tx.update(kpiDefinitions).set(content).where(eq(kpiDefinitions.id, cur.id));
      audit.push({
        entity: "kpi_definition",
        entityId: cur.id,
        action: "update",
        before: cur,
        after: content,
      });
      return;
    }
  }
  // Carry over what people set by hand (direction, baseline, source of the figures).
  const carried = cur ?? next;
  const row = {
    id: ctx.ids.next(),
    kpiId: id,
    validFrom: fy,
    ...content,
    direction: carried?.direction ?? null,
    baseline: carried?.baseline ?? null,
    figuresSource: carried?.figuresSource ?? null,
  };
  await insert(kpiDefinitions, row);
  audit.push({ entity: "kpi_definition", entityId: row.id, action: "create", after: row });
}

/** Inserts or updates the KPI's row for `fy` (a changed row gets version + 1; review state kept). */
export async function writeKpiYear(
  tx: Db,
  id: KpiId,
  sheetId: string,
  fy: number,
  k: Kpi,
  ctx: SaveContext,
  audit: AuditEntry[],
  /** Its stored row of `fy` (null: none) when the caller read it already; else it is read here. */
  known?: { row: KpiYearRow | null },
  /** How a new row is written (saveSheet gathers a new KPI's rows into one INSERT). */
  insert: InsertRow = insertNow(tx),
): Promise<string> {
  const t = foldValue(k.target);
  const a = foldValue(k.actual);
  const content = {
    sheetId,
    fiscalYear: fy,
    row: k.row,
    target: k.target,
    targetNumber: t.number,
    targetUnit: t.unit,
    actual: k.actual,
    actualNumber: a.number,
    actualUnit: a.unit,
    evaluationCategory: k.evaluation.category,
    evaluationCovid: k.evaluation.covid,
    evaluationLabel: k.evaluation.label ?? null,
    evaluation: k.evaluation,
    status: k.status,
    reason: k.reason,
    challenge: k.challenge,
    nextSteps: k.nextSteps,
    extra: extraFields(k, KPI_KEYS),
  };
  const existing = known
    ? (known.row ?? undefined)
    : (
        await tx
          .select()
          .from(kpiYears)
          .where(and(eq(kpiYears.kpiId, id), eq(kpiYears.fiscalYear, fy)))
      )[0];
  const now = ctx.clock.now();
  if (!existing) {
    const row = { id: ctx.ids.next(), kpiId: id, ...content, updatedAt: now, updatedBy: ctx.actor };
    await insert(kpiYears, row);
    audit.push({ entity: "kpi_year", entityId: row.id, action: "create", after: row });
    return row.id;
  }
  const changed = (Object.keys(content) as (keyof typeof content)[]).some(
    (key) => key !== "row" && stableJson(existing[key]) !== stableJson(content[key]),
  );
  if (!changed) {
    await tx.update(kpiYears).set({ row: k.row }).where(eq(kpiYears.id, existing.id));
    return existing.id;
  }
  const [after] = await tx
    .update(kpiYears)
    .set({ ...content, version: existing.version + 1, updatedAt: now, updatedBy: ctx.actor })
    .where(eq(kpiYears.id, existing.id))
    .returning();
  audit.push({ entity: "kpi_year", entityId: existing.id, action: "import_update", before: existing, after });
  return existing.id;
}
