/** The plan and its goal tree (大基本目標 → 小基本目標 → 施策), municipality and departments, as saveSheet stores them. */
import { eq, inArray, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Kpi, Sheet } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import {
  departments,
  goals,
  initiatives,
  measures,
  municipalities,
  plans,
  subgoals,
  type TitlesByYear,
} from "../schema.ts";

import type { SaveContext } from "./save-context.ts";

export const pathKey = (k: Pick<Kpi, "goal" | "subgoal" | "measure">) =>
  `${k.goal.no}/${k.subgoal.no}/${k.measure.no}`;

export async function ensureMunicipality(tx: Db, name: string, ctx: SaveContext): Promise<string> {
  const [found] = await tx.select().from(municipalities).where(eq(municipalities.name, name));
  if (found) return found.id;
  const id = ctx.ids.next();
  await tx.insert(municipalities).values({ id, name, createdAt: ctx.clock.now() });
  await writeAudit(tx, ctx, { entity: "municipality", entityId: id, action: "create", after: { name } });
  return id;
}

/** The plan's last year as most final targets state it (fiscal years only), else the sheet's year. */
export function inferPlanEnd(sheet: Sheet): number {
  const counts = new Map<number, number>();
  for (const k of sheet.kpis) {
    const v = k.finalTarget;
    if ((v.kind === "number" || v.kind === "segmented") && v.period.basis === "fiscal")
      counts.set(v.period.year, (counts.get(v.period.year) ?? 0) + 1);
  }
  let best = sheet.fiscalYear;
  let bestN = 0;
  for (const [y, n] of counts) if (n > bestN || (n === bestN && y > best)) [best, bestN] = [y, n];
  return Math.max(best, sheet.fiscalYear);
}

export async function ensurePlan(
  tx: Db,
  municipalityId: string,
  sheet: Sheet,
  options: SaveContext & { plan?: { name: string; startYear: number; endYear: number } | undefined },
  audit: AuditEntry[],
): Promise<typeof plans.$inferSelect> {
  const fy = sheet.fiscalYear;
  const all = await tx.select().from(plans).where(eq(plans.municipalityId, municipalityId));
  const covering = all.find((p) => p.startYear <= fy && fy <= p.endYear);
  if (covering) return covering;
  const endYear = options.plan?.endYear ?? inferPlanEnd(sheet);
  const sameEnd = !options.plan && all.find((p) => p.endYear === endYear && p.startYear > fy);
  if (sameEnd) {
    await tx.update(plans).set({ startYear: fy }).where(eq(plans.id, sameEnd.id));
    audit.push({
      entity: "plan",
      entityId: sameEnd.id,
      action: "extend",
      before: sameEnd,
      after: { startYear: fy },
    });
    return { ...sameEnd, startYear: fy };
  }
  const startYear = options.plan?.startYear ?? fy;
  const plan = {
    id: options.ids.next(),
    municipalityId,
    name: options.plan?.name ?? `総合戦略（${startYear}〜${endYear}年度）`,
    startYear,
    endYear,
    createdAt: options.clock.now(),
    previousPlanId: null,
  };
  if (plan.startYear > fy || plan.endYear < fy)
    throw new SoseiError("invalid_plan", `計画期間 ${startYear}〜${endYear} に ${fy}年度が含まれません`);
  await tx.insert(plans).values(plan);
  audit.push({ entity: "plan", entityId: plan.id, action: "create", after: plan });
  return plan;
}

function latestTitle(titles: TitlesByYear): string {
  const years = Object.keys(titles)
    .map(Number)
    .sort((a, b) => b - a);
  return titles[String(years[0])] ?? "";
}

/** Upserts 大基本目標 / 小基本目標 / 施策 nodes; returns "g/s/m" → measure id. */
export async function ensureTree(
  tx: Db,
  planId: string,
  sheet: Sheet,
  ctx: SaveContext,
  audit: AuditEntry[],
): Promise<Map<string, string>> {
  const fy = String(sheet.fiscalYear);
  const goalRows = await tx.select().from(goals).where(eq(goals.planId, planId));
  const goalIds = new Map(goalRows.map((g) => [g.no, g]));
  const subRows = goalRows.length
    ? await tx
        .select()
        .from(subgoals)
        .where(
          inArray(
            subgoals.goalId,
            goalRows.map((g) => g.id),
          ),
        )
    : [];
  const subIds = new Map(subRows.map((s) => [`${s.goalId}/${s.no}`, s]));
  const meaRows = subRows.length
    ? await tx
        .select()
        .from(measures)
        .where(
          inArray(
            measures.subgoalId,
            subRows.map((s) => s.id),
          ),
        )
    : [];
  const meaIds = new Map(meaRows.map((m) => [`${m.subgoalId}/${m.no}`, m]));
  const initRows = meaRows.length
    ? await tx
        .select()
        .from(initiatives)
        .where(
          inArray(
            initiatives.measureId,
            meaRows.map((m) => m.id),
          ),
        )
    : [];
  const initKeys = new Set(initRows.map((i) => `${i.measureId}/${i.title}`));

  type Node = { id: string; title: string; titles: TitlesByYear };
  const touched = new Map<string, { table: typeof goals | typeof subgoals | typeof measures; node: Node }>();
  const retitle = (table: typeof goals | typeof subgoals | typeof measures, node: Node, title: string) => {
    if (node.titles[fy] === title) return;
    if (node.titles[fy] !== undefined && touched.has(node.id)) {
      // Two rows of one sheet print different titles for one number: keep the first, as printed first.
      return;
    }
    node.titles = { ...node.titles, [fy]: title };
    node.title = latestTitle(node.titles);
    touched.set(node.id, { table, node });
  };

  const result = new Map<string, string>();
  for (const k of sheet.kpis) {
    let g = goalIds.get(k.goal.no);
    if (!g) {
      g = { id: ctx.ids.next(), planId, no: k.goal.no, title: k.goal.title, titles: { [fy]: k.goal.title } };
      await tx.insert(goals).values(g);
      goalIds.set(g.no, g);
    } else retitle(goals, g, k.goal.title);
    const sk = `${g.id}/${k.subgoal.no}`;
    let s = subIds.get(sk);
    if (!s) {
      s = {
        id: ctx.ids.next(),
        goalId: g.id,
        no: k.subgoal.no,
        title: k.subgoal.title,
        titles: { [fy]: k.subgoal.title },
      };
      await tx.insert(subgoals).values(s);
      subIds.set(sk, s);
    } else retitle(subgoals, s, k.subgoal.title);
    const mk = `${s.id}/${k.measure.no}`;
    let m = meaIds.get(mk);
    if (!m) {
      m = {
        id: ctx.ids.next(),
        subgoalId: s.id,
        no: k.measure.no,
        title: k.measure.title,
        titles: { [fy]: k.measure.title },
      };
      await tx.insert(measures).values(m);
      meaIds.set(mk, m);
    } else retitle(measures, m, k.measure.title);
    result.set(pathKey(k), m.id);
    for (const title of k.initiatives) {
      const key = `${m.id}/${title}`;
      if (initKeys.has(key)) continue;
      initKeys.add(key);
      await tx.insert(initiatives).values({ id: ctx.ids.next(), measureId: m.id, title });
    }
  }
  for (const { table, node } of touched.values()) {
    await tx.update(table).set({ title: node.title, titles: node.titles }).where(eq(table.id, node.id));
    audit.push({ entity: "tree_node", entityId: node.id, action: "retitle", after: { titles: node.titles } });
  }
  return result;
}

export async function ensureDepartments(
  tx: Db,
  sheet: Sheet,
  ctx: SaveContext,
  audit: AuditEntry[],
): Promise<void> {
  const names = [...new Set(sheet.kpis.flatMap((k) => k.departments))];
  if (names.length === 0) return;
  const existing = new Set(
    (
      await tx.select({ name: departments.name }).from(departments).where(inArray(departments.name, names))
    ).map((d) => d.name),
  );
  const missing = names.filter((n) => !existing.has(n));
  if (missing.length === 0) return;
  // New names join the master list after the listed ones, in the order the sheet prints them.
  const [{ max } = { max: 0 }] = await tx
    .select({ max: sql<number>`coalesce(max(${departments.position}), 0)` })
    .from(departments);
  const fresh = missing.map((name, i) => ({
    id: ctx.ids.next(),
    name,
    position: Number(max) + 1 + i,
    createdAt: ctx.clock.now(),
  }));
  await tx.insert(departments).values(fresh);
  for (const d of fresh) audit.push({ entity: "department", entityId: d.id, action: "create", after: d });
}
