/**
 * After submission and after publication:
 * - withdrawSubmission: the department takes a submitted row back to draft, until review starts
 *   (planning or the committee has not acted on it yet: it is still `submitted`).
 * - reopenForCorrection (訂正): planning reopens a published KPI-year with a reason; the row keeps
 *   its published snapshot in `corrections`, goes back to the department (returned, the reason as
 *   the return comment), is approved as usual and republished with `republishYear`, which dates
 *   the correction. The earlier published value stays in the history.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Kpi } from "../../core/sheet.ts";
import { type Db, inTransaction } from "../db.ts";
import { type AuditContext, writeAudit } from "../repositories/audit.ts";
import { addComment } from "../repositories/comments.ts";
import { publishYear } from "../repositories/kpi-years.ts";
import { corrections, kpiYears } from "../schema.ts";
import { findSheet, kpisOfRows, type SheetLocator } from "./export-sheet.ts";

export type CorrectionRecord = typeof corrections.$inferSelect;

async function rowAt(tx: Db, id: string, version: number) {
  const [row] = await tx.select().from(kpiYears).where(eq(kpiYears.id, id));
  if (!row) throw new SoseiError("not_found", "指定のKPIは見つかりません");
  if (row.version !== version)
    throw new SoseiError("version_conflict", "ほかの人が先に更新しました。画面を読み込み直してください", {
      current: { reviewState: row.reviewState, version: row.version },
    });
  return row;
}

export async function withdrawSubmission(
  db: Db,
  input: { id: string; version: number },
  ctx: AuditContext,
): Promise<typeof kpiYears.$inferSelect> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const row = await rowAt(tx, input.id, input.version);
    if (row.reviewState !== "submitted")
      throw new SoseiError(
        "invalid_transition",
        row.reviewState === "draft" || row.reviewState === "returned"
          ? "まだ提出されていません"
          : "審査が始まっているため取り下げできません。企画担当に差戻しを依頼してください",
      );
    const [after] = await tx
      .update(kpiYears)
      .set({
        reviewState: "draft",
        version: row.version + 1,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor,
      })
      .where(eq(kpiYears.id, row.id))
      .returning();
    await writeAudit(tx, ctx, {
      entity: "kpi_year",
      entityId: row.id,
      action: "withdraw",
      before: { reviewState: row.reviewState, version: row.version },
      after: { reviewState: "draft", version: after!.version },
    });
    return after!;
  });
}

export async function reopenForCorrection(
  db: Db,
  input: { id: string; version: number; reason: string },
  ctx: AuditContext,
): Promise<CorrectionRecord> {
  const reason = input.reason.trim();
  if (!reason) throw new SoseiError("validation_failed", "訂正の理由を書いてください", { field: "reason" });
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const row = await rowAt(tx, input.id, input.version);
    if (row.reviewState !== "published")
      throw new SoseiError(
        "invalid_transition",
        "訂正できるのは公表済みのKPIだけです。公表前なら差戻しを使ってください",
      );
    const correction: CorrectionRecord = {
      id: ctx.ids.next(),
      kpiYearId: row.id,
      reason,
      published: JSON.parse(JSON.stringify(row)),
      openedAt: ctx.clock.now(),
      openedBy: ctx.actor,
      republishedAt: null,
    };
    await tx.insert(corrections).values(correction);
    await tx
      .update(kpiYears)
      .set({
        reviewState: "returned",
        version: row.version + 1,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor,
      })
      .where(eq(kpiYears.id, row.id));
    await addComment(tx, { kpiYearId: row.id, body: `訂正: ${reason}`, kind: "return" }, ctx);
    await writeAudit(tx, ctx, {
      entity: "kpi_year",
      entityId: row.id,
      action: "reopen_correction",
      before: { reviewState: "published", version: row.version },
      after: { reviewState: "returned", reason },
    });
    return correction;
  });
}

/**
 * Publishes a year (again, after corrections were approved), in one transaction: dates the open
 * corrections (訂正) so the public notes carry the day the corrected value became public.
 */
export async function republishYear(db: Db, where: SheetLocator, ctx: AuditContext): Promise<number> {
  return inTransaction(db, async (tx) => {
    const rows = await publishYear(tx, where, ctx);
    const found = await findSheet(tx, where);
    const ids = (
      await tx.select({ id: kpiYears.id }).from(kpiYears).where(eq(kpiYears.sheetId, found.sheet.id))
    ).map((r) => r.id);
    if (ids.length > 0)
      await tx
        .update(corrections)
        .set({ republishedAt: ctx.clock.now() })
        .where(and(inArray(corrections.kpiYearId, ids), isNull(corrections.republishedAt)));
    return rows;
  });
}

/** The corrections of a KPI-year, oldest first (the public 訂正 note and the history). */
export async function correctionsOf(db: Db, kpiYearId: string): Promise<CorrectionRecord[]> {
  return db
    .select()
    .from(corrections)
    .where(eq(corrections.kpiYearId, kpiYearId))
    .orderBy(asc(corrections.openedAt));
}

export interface YearCorrection {
  /** Every correction of the row, oldest first (the dated 訂正 notes). */
  notes: CorrectionRecord[];
  /** While a correction is open: the row as last published (what the public keeps seeing). */
  lastPublished: Kpi | null;
}

/** The corrections of a year's rows, by kpi_year id (rows never corrected are absent). */
export async function correctionsOfYear(db: Db, where: SheetLocator): Promise<Map<string, YearCorrection>> {
  const found = await findSheet(db, where);
  const list = await db
    .select({ c: corrections })
    .from(corrections)
    .innerJoin(kpiYears, eq(kpiYears.id, corrections.kpiYearId))
    .where(eq(kpiYears.sheetId, found.sheet.id))
    .orderBy(asc(corrections.openedAt));
  const out = new Map<string, YearCorrection>();
  const open: { id: string; snapshot: typeof kpiYears.$inferSelect }[] = [];
  for (const { c } of list) {
    const e = out.get(c.kpiYearId) ?? { notes: [], lastPublished: null };
    e.notes.push(c);
    out.set(c.kpiYearId, e);
    if (c.republishedAt === null)
      open.push({ id: c.kpiYearId, snapshot: c.published as typeof kpiYears.$inferSelect });
  }
  // The snapshot is the kpi_years row as it was published: read back like any stored row.
  const kpis = await kpisOfRows(
    db,
    open.map((o) => o.snapshot),
  );
  open.forEach((o, i) => {
    out.get(o.id)!.lastPublished = kpis[i]!.kpi;
  });
  return out;
}
