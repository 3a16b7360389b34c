/**
 * rematch: corrects a matching after the fact. The row of a stored year moves to another KPI (whose
 * history it then joins), or to a new KPI of its own. All or nothing, audited.
 */
import { and, eq, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { type Db, inTransaction } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { kpis, kpiYears } from "../schema.ts";
import { findSheet, loadSheetKpis, type SheetLocator } from "./export-sheet.ts";
import { definitionOf, type SaveContext, setDefinitionForYear, writeKpiYear } from "./save-sheet.ts";

export interface RematchInput extends SheetLocator {
  row: number;
  /** The KPI the row really belongs to, or "new". */
  to: KpiId | "new";
}

export async function rematch(db: Db, input: RematchInput, ctx: SaveContext): Promise<{ kpiId: KpiId }> {
  return inTransaction(db, async (tx) => {
    const found = await findSheet(tx, input);
    const fy = input.fiscalYear;
    const all = await loadSheetKpis(tx, found.sheet.id, fy);
    const item = all.find((k) => k.kpi.row === input.row);
    if (!item) throw new SoseiError("not_found", `${fy}年度に行${input.row}はありません`);
    if (input.to === item.id) return { kpiId: item.id };
    const audit: AuditEntry[] = [];
    let target: KpiId;
    if (input.to === "new") {
      target = kpiId(ctx.ids.next());
      await tx.insert(kpis).values({ id: target, planId: found.planId, createdAt: ctx.clock.now() });
      audit.push({ entity: "kpi", entityId: target, action: "create", after: { rematchedFrom: item.id } });
    } else {
      const [k] = await tx.select().from(kpis).where(eq(kpis.id, input.to));
      if (!k || k.planId !== found.planId)
        throw new SoseiError("invalid_match_override", `KPI ${input.to} はこの計画にありません`);
      const [clash] = await tx
        .select({ id: kpiYears.id, row: kpiYears.row })
        .from(kpiYears)
        .where(and(eq(kpiYears.kpiId, input.to), eq(kpiYears.fiscalYear, fy)));
      if (clash)
        throw new SoseiError(
          "rematch_conflict",
          `KPI ${input.to} には${fy}年度の行${clash.row}が既にあります（先にその行を別のKPIへ移してください）`,
        );
      target = kpiId(k.id);
    }
    const [old] = await tx
      .select()
      .from(kpiYears)
      .where(and(eq(kpiYears.kpiId, item.id), eq(kpiYears.fiscalYear, fy)));
    // Park the old row out of the (sheet, row) unique index; it is deleted once its comments moved.
    await tx.update(kpiYears).set({ row: -input.row }).where(eq(kpiYears.id, old!.id));
    const measureId = await measureOf(tx, item.id, fy);
    await setDefinitionForYear(tx, target, fy, definitionOf(item.kpi, measureId), ctx, audit);
    const newId = await writeKpiYear(tx, target, found.sheet.id, fy, item.kpi, ctx, audit);
    // Keep the review state and comments' place: the new row takes over the old one's review.
    await tx
      .update(kpiYears)
      .set({ reviewState: old!.reviewState, version: old!.version + 1 })
      .where(eq(kpiYears.id, newId));
    await tx.execute(sql`update comments set kpi_year_id = ${newId} where kpi_year_id = ${old!.id}`);
    await tx.delete(kpiYears).where(eq(kpiYears.id, old!.id));
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(kpiYears)
      .where(eq(kpiYears.kpiId, item.id));
    if ((left?.n ?? 0) === 0) {
      await tx.delete(kpis).where(eq(kpis.id, item.id));
      audit.push({ entity: "kpi", entityId: item.id, action: "delete", before: { mergedInto: target } });
    }
    audit.push({
      entity: "kpi_year",
      entityId: newId,
      action: "rematch",
      before: { kpiId: item.id, kpiYearId: old!.id },
      after: { kpiId: target, fiscalYear: fy, row: input.row },
    });
    await writeAudit(tx, ctx, audit);
    return { kpiId: target };
  });
}

async function measureOf(tx: Db, id: KpiId, fy: number): Promise<string> {
  const rows = await tx.execute(
    sql`select measure_id from kpi_definitions where kpi_id = ${id} and valid_from <= ${fy} order by valid_from desc limit 1`,
  );
  const r = (rows as unknown as { rows: { measure_id: string }[] }).rows[0];
  if (!r) throw new SoseiError("store_inconsistent", `KPI ${id} has no definition for ${fy}`);
  return r.measure_id;
}
