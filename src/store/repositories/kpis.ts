/** Municipalities, plans and KPI definitions: listing, and the attributes people set by hand. */
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { KpiId } from "../../core/ids.ts";
import type { Value } from "../../core/sheet.ts";
import { type Db, inTransaction } from "../db.ts";
import { type Direction, kpiDefinitions, municipalities, plans } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type PlanRecord = typeof plans.$inferSelect & { municipality: string };

export async function listPlans(db: Db): Promise<PlanRecord[]> {
  const rows = await db
    .select({ plan: plans, municipality: municipalities.name })
    .from(plans)
    .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
    .orderBy(asc(municipalities.name), asc(plans.startYear));
  return rows.map((r) => ({ ...r.plan, municipality: r.municipality }));
}

export interface KpiAttributes {
  direction?: Direction | null;
  baseline?: Value | null;
  figuresSource?: string | null;
}

/**
 * Sets direction / baseline / source of the figures on the definition in effect for `fiscalYear`
 * (default: the newest). Later imports carry these over to new versions.
 */
export async function setKpiAttributes(
  db: Db,
  input: { kpiId: KpiId | string; fiscalYear?: number; attributes: KpiAttributes },
  ctx: AuditContext,
): Promise<typeof kpiDefinitions.$inferSelect> {
  return inTransaction(db, async (tx) => {
    const conds = [eq(kpiDefinitions.kpiId, input.kpiId)];
    if (input.fiscalYear !== undefined) conds.push(lte(kpiDefinitions.validFrom, input.fiscalYear));
    const [def] = await tx
      .select()
      .from(kpiDefinitions)
      .where(and(...conds))
      .orderBy(desc(kpiDefinitions.validFrom))
      .limit(1);
    if (!def) throw new SoseiError("not_found", `KPI ${input.kpiId} の定義がありません`);
    const a = input.attributes;
    if (a.direction != null && !["increase", "decrease", "maintain"].includes(a.direction))
      throw new SoseiError(
        "validation_failed",
        `direction は increase・decrease・maintain のいずれかです: ${a.direction}`,
      );
    const set: Partial<typeof kpiDefinitions.$inferInsert> = {};
    if ("direction" in a) set.direction = a.direction ?? null;
    if ("baseline" in a) set.baseline = a.baseline ?? null;
    if ("figuresSource" in a) set.figuresSource = a.figuresSource ?? null;
    const [after] = await tx.update(kpiDefinitions).set(set).where(eq(kpiDefinitions.id, def.id)).returning();
    await writeAudit(tx, ctx, {
      entity: "kpi_definition",
      entityId: def.id,
      action: "set_attributes",
      before: def,
      after,
    });
    return after!;
  });
}
