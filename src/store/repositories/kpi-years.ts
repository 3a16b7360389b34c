/**
 * KPI-years for the web application: read a year's rows, save edits with optimistic concurrency
 * (a save carries the `version` it read; a stale one is refused with SoseiError('version_conflict')
 * and the current row in `details.current`), and move rows through the review:
 * draft → submitted → returned (with a comment) → submitted … → approved → published.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { foldValue } from "../../core/matching/canonical.ts";
import { EDITABLE_STATES, mayMove, STATE_MOVES, type YearProgress } from "../../core/review.ts";
import type { Kpi, StatedEvaluation, Value } from "../../core/sheet.ts";
import { type Db, inTransaction, queryRows } from "../db.ts";
import { comments, kpiYears, type ReviewState, sheets } from "../schema.ts";
import { findSheet, kpisOfRows, type SheetLocator } from "../use-cases/export-sheet.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export interface KpiYearRecord {
  id: string;
  kpiId: KpiId;
  fiscalYear: number;
  sheetId: string;
  reviewState: ReviewState;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  /** The row as sheet/1. */
  kpi: Kpi;
}

/** The review's state moves: one table, in the core (core/review.ts). */
export const REVIEW_TRANSITIONS = STATE_MOVES;

/** The review states in which values may be edited (the core's rule, checked again inside the UPDATE). */
export const EDITABLE_REVIEW_STATES: readonly ReviewState[] = EDITABLE_STATES;

/** Every row of a stored year, in sheet order. */
export async function listKpiYears(
  db: Db,
  where: SheetLocator & { department?: string },
): Promise<KpiYearRecord[]> {
  const found = await findSheet(db, where);
  // The rows are read once and turned into KPIs (the sheet's rows were read a second time before).
  const rows = await db
    .select()
    .from(kpiYears)
    .where(eq(kpiYears.sheetId, found.sheet.id))
    .orderBy(asc(kpiYears.row));
  const items = await kpisOfRows(db, rows, () => where.fiscalYear);
  return rows
    .map((r, i) => toRecord(r, items[i]!.kpi))
    .filter((r) => !where.department || r.kpi.departments.includes(where.department));
}

function toRecord(r: typeof kpiYears.$inferSelect, kpi: Kpi): KpiYearRecord {
  return {
    id: r.id,
    kpiId: kpiId(r.kpiId),
    fiscalYear: r.fiscalYear,
    sheetId: r.sheetId,
    reviewState: r.reviewState,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    kpi,
  };
}

export async function getKpiYear(db: Db, id: string): Promise<KpiYearRecord> {
  const [r] = await db.select().from(kpiYears).where(eq(kpiYears.id, id));
  if (!r) throw new SoseiError("not_found", "指定のKPIは見つかりません");
  return recordOf(db, r);
}

/**
 * A stored row as its year printed it, read alone (a fixed number of queries), not with its whole
 * sheet: a bulk approval of n rows read n whole sheets.
 */
async function recordOf(db: Db, r: typeof kpiYears.$inferSelect): Promise<KpiYearRecord> {
  const [item] = await kpisOfRows(db, [r]);
  return toRecord(r, item!.kpi);
}

/** The row `row` of a stored year (`2022-3` is row 3 of 2022), or null; reads that row alone. */
export async function kpiYearAtRow(db: Db, where: SheetLocator, row: number): Promise<KpiYearRecord | null> {
  const found = await findSheet(db, where);
  const [r] = await db
    .select()
    .from(kpiYears)
    .where(and(eq(kpiYears.sheetId, found.sheet.id), eq(kpiYears.row, row)));
  return r ? recordOf(db, r) : null;
}

/** Every stored year of one KPI, oldest first, each read as its year printed it (a fixed number of queries). */
export async function kpiYearsOfKpi(db: Db, id: KpiId | string): Promise<KpiYearRecord[]> {
  const rows = await db
    .select()
    .from(kpiYears)
    .where(eq(kpiYears.kpiId, id))
    .orderBy(asc(kpiYears.fiscalYear));
  const items = await kpisOfRows(db, rows);
  return rows.map((r, i) => toRecord(r, items[i]!.kpi));
}

/**
 * A stored year's review progress (core's YearProgress), per sheet (one municipality's, or every one's).
 * Oldest first. One grouped query over the sheets of `municipality` (every sheet when undefined): with
 * a municipality, only its own sheets' kpi_years are counted (through the (sheet_id, row) index),
 * never the whole national table.
 */
export async function yearProgress(db: Db, municipality?: string): Promise<YearProgress[]> {
  const rows = await queryRows<{
    fy: number;
    municipality: string | null;
    total: number;
    published: number;
    correcting: number;
  }>(
    db,
    sql`
      select s.fiscal_year as fy, m.name as municipality,
        count(k.id)::int as total,
        (count(k.id) filter (where k.review_state = 'published'))::int as published,
        (count(k.id) filter (where k.review_state <> 'published' and exists (
          select 1 from corrections c where c.kpi_year_id = k.id and c.republished_at is null)))::int as correcting
      from sheets s
      join plans p on p.id = s.plan_id
      join municipalities m on m.id = p.municipality_id
      left join kpi_years k on k.sheet_id = s.id
      ${municipality === undefined ? sql`` : sql`where m.name = ${municipality}`}
      group by s.id, s.fiscal_year, m.name
      order by s.fiscal_year`,
  );
  return rows.map((r) => ({
    fiscalYear: Number(r.fy),
    municipality: r.municipality ?? null,
    total: Number(r.total),
    published: Number(r.published),
    correcting: Number(r.correcting),
  }));
}

/** What a department (or the planning section) may change in a year's row. */
export interface KpiYearChanges {
  target?: Value;
  actual?: Value;
  evaluation?: StatedEvaluation;
  status?: string | null;
  reason?: string | null;
  challenge?: string | null;
  nextSteps?: string | null;
}

async function conflictOrMissing(db: Db, id: string): Promise<never> {
  const [cur] = await db.select().from(kpiYears).where(eq(kpiYears.id, id));
  if (!cur) throw new SoseiError("not_found", "指定のKPIは見つかりません");
  const current = await getKpiYear(db, id);
  throw new SoseiError("version_conflict", "他の人が先に更新しました。最新の内容を確認してください", {
    current,
  });
}

/**
 * Saves edits if the row is still at `version` (and, with `onlyIn`, still in one of those review
 * states); returns the new row (version + 1). Both conditions are in the UPDATE itself, so a save
 * racing a submit cannot change a row the submit has already moved on (a check read earlier could).
 */
export async function updateKpiYear(
  db: Db,
  input: { id: string; version: number; changes: KpiYearChanges; onlyIn?: readonly ReviewState[] },
  ctx: AuditContext,
): Promise<KpiYearRecord> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(kpiYears).where(eq(kpiYears.id, input.id));
    if (!before) throw new SoseiError("not_found", "指定のKPIは見つかりません");
    if (before.reviewState === "published")
      throw new SoseiError("year_published", "公表済みのKPIは変更できません");
    const c = input.changes;
    const set: Partial<typeof kpiYears.$inferInsert> = {};
    if (c.target) {
      const f = foldValue(c.target);
      Object.assign(set, { target: c.target, targetNumber: f.number, targetUnit: f.unit });
    }
    if (c.actual) {
      const f = foldValue(c.actual);
      Object.assign(set, { actual: c.actual, actualNumber: f.number, actualUnit: f.unit });
    }
    if (c.evaluation)
      Object.assign(set, {
        evaluation: c.evaluation,
        evaluationCategory: c.evaluation.category,
        evaluationCovid: c.evaluation.covid,
        evaluationLabel: c.evaluation.label ?? null,
      });
    for (const k of ["status", "reason", "challenge", "nextSteps"] as const)
      if (k in c) set[k] = c[k] ?? null;
    const updated = await tx
      .update(kpiYears)
      .set({
        ...set,
        version: sql`${kpiYears.version} + 1`,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor,
      })
      .where(
        and(
          eq(kpiYears.id, input.id),
          eq(kpiYears.version, input.version),
          input.onlyIn ? inArray(kpiYears.reviewState, [...input.onlyIn]) : undefined,
        ),
      )
      .returning();
    if (updated.length === 0) {
      const [now] = await tx.select().from(kpiYears).where(eq(kpiYears.id, input.id));
      if (now && now.version === input.version && input.onlyIn && !input.onlyIn.includes(now.reviewState))
        throw new SoseiError(
          "invalid_transition",
          "提出後・承認後のKPIは編集できません（差し戻されると編集できます）",
          { state: now.reviewState },
        );
      await conflictOrMissing(tx, input.id);
    }
    await writeAudit(tx, ctx, {
      entity: "kpi_year",
      entityId: input.id,
      action: "update",
      before,
      after: updated[0],
    });
    return getKpiYear(tx, input.id);
  });
}

/** Moves a row through the review. `returned` needs a comment (stored as a `return` comment). */
export async function transitionReview(
  db: Db,
  input: { id: string; version: number; to: ReviewState; comment?: string },
  ctx: AuditContext,
): Promise<KpiYearRecord> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(kpiYears).where(eq(kpiYears.id, input.id));
    if (!before) throw new SoseiError("not_found", "指定のKPIは見つかりません");
    if (before.version !== input.version) await conflictOrMissing(tx, input.id);
    if (!mayMove(before.reviewState, input.to))
      throw new SoseiError(
        "invalid_transition",
        `「${before.reviewState}」から「${input.to}」には進めません`,
        {
          from: before.reviewState,
          to: input.to,
        },
      );
    const body = input.comment?.trim();
    if (input.to === "returned" && !body)
      throw new SoseiError("validation_failed", "差し戻しにはコメントが必要です");
    const updated = await tx
      .update(kpiYears)
      .set({
        reviewState: input.to,
        version: sql`${kpiYears.version} + 1`,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor,
      })
      .where(and(eq(kpiYears.id, input.id), eq(kpiYears.version, input.version)))
      .returning();
    if (updated.length === 0) await conflictOrMissing(tx, input.id);
    if (body)
      await tx.insert(comments).values({
        id: ctx.ids.next(),
        kpiYearId: input.id,
        authorId: ctx.actor,
        kind: input.to === "returned" ? "return" : "comment",
        parentId: null,
        body,
        createdAt: ctx.clock.now(),
      });
    await writeAudit(tx, ctx, {
      entity: "kpi_year",
      entityId: input.id,
      action: `review:${input.to}`,
      before: { reviewState: before.reviewState, version: before.version },
      after: { reviewState: input.to, version: updated[0]!.version, comment: body ?? null },
    });
    return getKpiYear(tx, input.id);
  });
}

/** Publishes a year: every row must be approved (or already published). */
export async function publishYear(db: Db, where: SheetLocator, ctx: AuditContext): Promise<number> {
  return inTransaction(db, async (tx) => {
    const found = await findSheet(tx, where);
    const rows = await tx
      .select({ id: kpiYears.id, state: kpiYears.reviewState })
      .from(kpiYears)
      .where(eq(kpiYears.sheetId, found.sheet.id))
      .orderBy(asc(kpiYears.row));
    const pending = rows.filter((r) => r.state !== "approved" && r.state !== "published");
    if (pending.length > 0)
      throw new SoseiError(
        "not_all_approved",
        `承認されていないKPIが${pending.length}件あるため公表できません`,
        {
          pending: pending.length,
        },
      );
    await tx
      .update(kpiYears)
      .set({
        reviewState: "published",
        version: sql`${kpiYears.version} + 1`,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor,
      })
      .where(and(eq(kpiYears.sheetId, found.sheet.id), eq(kpiYears.reviewState, "approved")));
    await writeAudit(tx, ctx, {
      entity: "sheet",
      entityId: found.sheet.id,
      action: "publish",
      after: { fiscalYear: where.fiscalYear, rows: rows.length },
    });
    return rows.length;
  });
}

/** Stored years (newest first) with their municipality and review progress. */
export async function listYears(
  db: Db,
): Promise<{ sheetId: string; fiscalYear: number; planId: string; counts: Record<ReviewState, number> }[]> {
  const rows = await db
    .select({
      sheetId: sheets.id,
      fiscalYear: sheets.fiscalYear,
      planId: sheets.planId,
      state: kpiYears.reviewState,
      n: sql<number>`count(${kpiYears.id})::int`,
    })
    .from(sheets)
    .leftJoin(kpiYears, eq(kpiYears.sheetId, sheets.id))
    .groupBy(sheets.id, sheets.fiscalYear, sheets.planId, kpiYears.reviewState);
  const out = new Map<
    string,
    { sheetId: string; fiscalYear: number; planId: string; counts: Record<ReviewState, number> }
  >();
  for (const r of rows) {
    const e = out.get(r.sheetId) ?? {
      sheetId: r.sheetId,
      fiscalYear: r.fiscalYear,
      planId: r.planId,
      counts: { draft: 0, submitted: 0, returned: 0, approved: 0, published: 0 },
    };
    if (r.state) e.counts[r.state] += Number(r.n);
    out.set(r.sheetId, e);
  }
  return [...out.values()].sort((a, b) => b.fiscalYear - a.fiscalYear);
}
