/**
 * What other cities' layouts print beyond the seed's 14 columns, carried from the imported KPI into
 * the strategy: the baseline (with its period), the printed direction and the unit printed outside
 * the values go onto the KPI's definition for the year; the per-year targets of the sheet's year
 * columns become the plan's targets of those years (年度目標), so that opening a later year starts
 * from them. A value set by hand (a target planning entered) is never overwritten; the KPI-year
 * keeps every printed field as imported (export gives them back). The sheet's own extensions — its
 * 数値目標 and the city's scale — stay with the stored sheet; `sheetExtensionsOf` reads them back for
 * the pages and the printed sheet.
 */
import { and, asc, eq } from "drizzle-orm";
import type { KpiId } from "../../core/ids.ts";
import { stableJson, withExtra } from "../../core/matching/canonical.ts";
import type { EvaluationScale, Kpi, NumericGoal, Sheet } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import type { AuditEntry } from "../repositories/audit.ts";
import { kpiDefinitions, kpiTargets } from "../schema.ts";
import { findSheet, type SheetLocator } from "./export-sheet.ts";
import type { SaveContext } from "./save-context.ts";

/** What a stored year's sheet printed apart from its KPIs. */
export interface SheetExtensions {
  /** 数値目標 per 基本目標, as imported (empty when the sheet printed none). */
  numericGoals: NumericGoal[];
  /** The evaluation scale printed with the sheet (or given with its import); null when none. */
  scale: EvaluationScale | null;
}

/** The 数値目標 and scale of a stored year (not_found when the year is not stored). */
export async function sheetExtensionsOf(db: Db, where: SheetLocator): Promise<SheetExtensions> {
  const found = await findSheet(db, where);
  const sheet = withExtra({} as Partial<Sheet>, found.sheet.extra);
  return { numericGoals: sheet.numericGoals ?? [], scale: sheet.scale ?? null };
}

export async function applySheetExtensions(
  tx: Db,
  id: KpiId,
  fy: number,
  k: Kpi,
  ctx: SaveContext,
  audit: AuditEntry[],
): Promise<void> {
  if (!k.baseline && !k.direction && !k.unit && !k.years?.length) return;
  const versions = await tx
    .select()
    .from(kpiDefinitions)
    .where(eq(kpiDefinitions.kpiId, id))
    .orderBy(asc(kpiDefinitions.validFrom));
  const def = [...versions].reverse().find((v) => v.validFrom <= fy);
  if (def) {
    const set: Partial<typeof kpiDefinitions.$inferInsert> = {};
    if (k.baseline && k.baseline.kind !== "missing" && stableJson(k.baseline) !== stableJson(def.baseline))
      set.baseline = k.baseline;
    if (k.direction && k.direction.direction !== def.direction) set.direction = k.direction.direction;
    if (k.unit && !def.unit) set.unit = k.unit;
    if (Object.keys(set).length > 0) {
      await tx.update(kpiDefinitions).set(set).where(eq(kpiDefinitions.id, def.id));
      audit.push({
        entity: "kpi_definition",
        entityId: def.id,
        action: "import_printed",
        before: def,
        after: set,
      });
    }
  }
  for (const y of k.years ?? []) {
    if (y.year === fy || y.target.kind === "missing") continue;
    const [stored] = await tx
      .select({ id: kpiTargets.id })
      .from(kpiTargets)
      .where(and(eq(kpiTargets.kpiId, id), eq(kpiTargets.fiscalYear, y.year)));
    if (stored) continue;
    const row = { id: ctx.ids.next(), kpiId: id, fiscalYear: y.year, target: y.target };
    await tx.insert(kpiTargets).values(row);
    audit.push({ entity: "kpi_target", entityId: row.id, action: "import", after: row });
  }
}
