/** Revising the plan into the next one, and which plan covers a fiscal year (strategy editing, continued). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { resolveMunicipality } from "../repositories/municipalities.ts";
import { goals, kpiDefinitions, kpis, measures, plans, subgoals } from "../schema.ts";
import { planKpiDefinitions } from "./plan-kpis.ts";
import type { SaveContext } from "./save-sheet.ts";
import { cleanText, fieldError } from "./strategy-rules.ts";

/**
 * Revises the plan into the next one (e.g. 令和2〜6年度 → 令和7〜11年度): the tree and every KPI
 * not retired are carried over as they stand at the end of the previous plan, each new KPI
 * remembering the one it continues (`previousKpiId`); `retire` lists KPIs not to carry.
 * Afterwards they are changed like any KPI (updateKpi) and the first year is opened as usual.
 */
export async function revisePlan(
  db: Db,
  input: {
    municipality?: string | null;
    name: string;
    startYear: number;
    endYear: number;
    retire?: string[];
  },
  ctx: SaveContext,
): Promise<{ planId: string; carried: number; retired: number }> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const m = await resolveMunicipality(tx, input.municipality);
    const name = cleanText("name", "計画の名前", input.name, 200);
    if (
      !Number.isInteger(input.startYear) ||
      !Number.isInteger(input.endYear) ||
      input.endYear < input.startYear
    )
      throw fieldError("endYear", "計画期間は開始年度 ≤ 終了年度で指定してください");
    const all = await tx
      .select()
      .from(plans)
      .where(eq(plans.municipalityId, m.id))
      .orderBy(asc(plans.startYear));
    const overlap = all.find((p) => p.startYear <= input.endYear && input.startYear <= p.endYear);
    if (overlap)
      throw fieldError(
        "startYear",
        `期間が${overlap.name}（${overlap.startYear}〜${overlap.endYear}年度）と重なります`,
      );
    const previous = [...all].reverse().find((p) => p.endYear < input.startYear);
    const planId = ctx.ids.next();
    const plan = {
      id: planId,
      municipalityId: m.id,
      name,
      startYear: input.startYear,
      endYear: input.endYear,
      createdAt: ctx.clock.now(),
      previousPlanId: previous?.id ?? null,
    };
    await tx.insert(plans).values(plan);
    const audit: AuditEntry[] = [{ entity: "plan", entityId: planId, action: "revise", after: plan }];
    let carried = 0;
    const retireSet = new Set(input.retire ?? []);
    if (previous) {
      const old = (await planKpiDefinitions(tx, previous.id, previous.endYear)).filter(
        (p) => (p.retiredFrom === null || p.retiredFrom > previous.endYear) && !retireSet.has(p.kpiId),
      );
      const nodeIds = new Map<string, string>();
      const node = async (key: string, make: (id: string) => Promise<void>) => {
        const found = nodeIds.get(key);
        if (found) return found;
        const id = ctx.ids.next();
        await make(id);
        nodeIds.set(key, id);
        return id;
      };
      const titles = (t: string) => ({ [String(input.startYear)]: t });
      for (const p of old) {
        const g = p.kpi.goal;
        const s = p.kpi.subgoal;
        const me = p.kpi.measure;
        const gid = await node(`${g.no}`, (id) =>
          tx
            .insert(goals)
            .values({ id, planId, no: g.no, title: g.title, titles: titles(g.title) })
            .then(() => {}),
        );
        const sid = await node(`${g.no}/${s.no}`, (id) =>
          tx
            .insert(subgoals)
            .values({ id, goalId: gid, no: s.no, title: s.title, titles: titles(s.title) })
            .then(() => {}),
        );
        const mid = await node(`${g.no}/${s.no}/${me.no}`, (id) =>
          tx
            .insert(measures)
            .values({ id, subgoalId: sid, no: me.no, title: me.title, titles: titles(me.title) })
            .then(() => {}),
        );
        const id = ctx.ids.next();
        await tx.insert(kpis).values({ id, planId, createdAt: ctx.clock.now(), previousKpiId: p.kpiId });
        const { id: _o, kpiId: _k, validFrom: _v, measureId: _m, ...rest } = p.definition;
        await tx
          .insert(kpiDefinitions)
          .values({ ...rest, id: ctx.ids.next(), kpiId: id, validFrom: input.startYear, measureId: mid });
        audit.push({
          entity: "kpi",
          entityId: id,
          action: "carry_over",
          after: { from: p.kpiId, indicator: p.kpi.indicator },
        });
        carried += 1;
      }
    }
    await writeAudit(tx, ctx, audit);
    return { planId, carried, retired: retireSet.size };
  });
}

/** The plan covering a fiscal year (for the strategy editor). */
export async function planForYear(db: Db, municipality: string | null | undefined, fy: number) {
  const m = await resolveMunicipality(db, municipality);
  const all = await db.select().from(plans).where(eq(plans.municipalityId, m.id));
  return all.find((p) => p.startYear <= fy && fy <= p.endYear) ?? null;
}
