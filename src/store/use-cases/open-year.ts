/**
 * openYear: starts a fiscal year of a plan. Its rows come from the plan — every KPI not retired, with
 * the definition in effect that year (indicator, departments, final target), that year's target
 * (kpi_targets, else left empty for planning to set), actuals empty, every row a draft.
 * A year already stored, or outside the plan's period, is refused.
 */
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { kpiId } from "../../core/ids.ts";
import type { FiscalYear } from "../../core/period.ts";
import { fiscalYearToWareki } from "../../core/period.ts";
import type { Kpi, Value } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { resolveMunicipality } from "../repositories/municipalities.ts";
import { kpiTargets, plans, sheets } from "../schema.ts";
import { loadSheetKpis } from "./export-sheet.ts";
import { planKpiDefinitions } from "./plan-kpis.ts";
import { type SaveContext, writeKpiYear } from "./save-sheet.ts";

export interface OpenYearInput {
  fiscalYear: number;
  /** Needed only when the database holds several municipalities. */
  municipality?: string | null | undefined;
  /** Entry deadline shown to departments, YYYY-MM-DD. */
  entryDeadline?: string | null | undefined;
}

export interface OpenYearResult {
  municipality: string;
  planId: string;
  planName: string;
  sheetId: string;
  fiscalYear: number;
  /** The stored year the row order and sheet header were taken from (null: none before). */
  fromYear: number | null;
  rows: number;
  /** Indicators with no target set for the year (their target cell is empty). */
  withoutTarget: string[];
  entryDeadline: string | null;
}

const wareki = (fy: number) => `${fiscalYearToWareki(fy as FiscalYear)}（${fy}年度）`;
const MISSING: Value = { kind: "missing" };

export function checkDeadline(deadline: string | null | undefined): string | null {
  if (deadline === undefined || deadline === null || deadline === "") return null;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(deadline) && !Number.isNaN(Date.parse(`${deadline}T00:00:00Z`));
  if (!ok)
    throw new SoseiError(
      "invalid_deadline",
      `入力期限は 2024-06-30 の形で指定してください: ${deadline} / the deadline is YYYY-MM-DD`,
      { field: "entryDeadline" },
    );
  return deadline;
}

export async function openYear(db: Db, input: OpenYearInput, ctx: SaveContext): Promise<OpenYearResult> {
  const fy = input.fiscalYear;
  if (!Number.isInteger(fy) || fy < 1900 || fy > 2200)
    throw new SoseiError("invalid_year", `年度は西暦で指定してください（例: 2023）: ${fy}`, {
      field: "fiscalYear",
    });
  const entryDeadline = checkDeadline(input.entryDeadline);
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const municipality = await resolveMunicipality(tx, input.municipality);
    const all = await tx
      .select()
      .from(plans)
      .where(eq(plans.municipalityId, municipality.id))
      .orderBy(asc(plans.startYear));
    const plan = all.find((p) => p.startYear <= fy && fy <= p.endYear);
    if (!plan)
      throw new SoseiError(
        "year_outside_plan",
        `${wareki(fy)}は${municipality.name}の計画期間の外です（${
          all.map((p) => `${p.name}: ${wareki(p.startYear)}〜${wareki(p.endYear)}`).join("、") ||
          "計画がありません"
        }）。次の計画へ改定してから開始してください / fiscal year ${fy} lies outside the plan's period`,
        { field: "fiscalYear" },
      );
    const [exists] = await tx
      .select({ id: sheets.id })
      .from(sheets)
      .where(and(eq(sheets.planId, plan.id), eq(sheets.fiscalYear, fy)));
    if (exists)
      throw new SoseiError(
        "year_exists",
        `${municipality.name}の${wareki(fy)}はすでにあります。入力・審査はその年度で続けてください / fiscal year ${fy} already exists`,
        { field: "fiscalYear" },
      );

    // The latest stored year before this one: its header and row order carry over.
    const [previous] = await tx
      .select()
      .from(sheets)
      .where(and(eq(sheets.planId, plan.id), lt(sheets.fiscalYear, fy)))
      .orderBy(desc(sheets.fiscalYear))
      .limit(1);
    const previousRows = previous ? await loadSheetKpis(tx, previous.id, previous.fiscalYear) : [];
    const rowOf = new Map(previousRows.map((r) => [r.id as string, r.kpi.row]));

    const candidates = await planKpiDefinitions(tx, plan.id, fy);
    const live = candidates.filter((c) => c.retiredFrom === null || c.retiredFrom > fy);
    if (live.length === 0)
      throw new SoseiError(
        "plan_empty",
        `${plan.name}にはKPIがありません。先に戦略を取り込むか、KPIを追加してください / the plan has no KPIs`,
      );
    live.sort((a, b) => {
      const ra = rowOf.get(a.kpiId) ?? Number.MAX_SAFE_INTEGER;
      const rb = rowOf.get(b.kpiId) ?? Number.MAX_SAFE_INTEGER;
      return (
        ra - rb || a.pathOrder.localeCompare(b.pathOrder) || a.createdAt.getTime() - b.createdAt.getTime()
      );
    });

    const targets = await tx
      .select()
      .from(kpiTargets)
      .where(
        and(
          eq(kpiTargets.fiscalYear, fy),
          inArray(
            kpiTargets.kpiId,
            live.map((c) => c.kpiId),
          ),
        ),
      );
    const targetOf = new Map(targets.map((t) => [t.kpiId, t.target]));

    const sheetId = ctx.ids.next();
    await tx.insert(sheets).values({
      id: sheetId,
      planId: plan.id,
      fiscalYear: fy,
      sheetMunicipality: previous?.sheetMunicipality ?? municipality.name,
      hasMunicipality: previous?.hasMunicipality ?? true,
      source: null,
      hasSource: false,
      extra: null,
      importedAt: ctx.clock.now(),
      importedBy: ctx.actor,
      entryDeadline,
    });
    const audit: AuditEntry[] = [];
    const withoutTarget: string[] = [];
    let row = 0;
    for (const c of live) {
      row += 1;
      const target = targetOf.get(c.kpiId) ?? MISSING;
      if (target.kind === "missing") withoutTarget.push(c.kpi.indicator);
      const k: Kpi = {
        ...c.kpi,
        row,
        status: null,
        target,
        actual: MISSING,
        evaluation: { category: "not_evaluable", covid: false },
        reason: null,
        challenge: null,
        nextSteps: null,
      };
      await writeKpiYear(tx, kpiId(c.kpiId), sheetId, fy, k, ctx, audit);
    }
    audit.push({
      entity: "sheet",
      entityId: sheetId,
      action: "open_year",
      after: {
        municipality: municipality.name,
        planId: plan.id,
        fiscalYear: fy,
        rows: row,
        entryDeadline,
        fromYear: previous?.fiscalYear ?? null,
      },
    });
    await writeAudit(tx, ctx, audit);
    return {
      municipality: municipality.name,
      planId: plan.id,
      planName: plan.name,
      sheetId,
      fiscalYear: fy,
      fromYear: previous?.fiscalYear ?? null,
      rows: row,
      withoutTarget,
      entryDeadline,
    };
  });
}

/** Sets or clears the entry deadline of a stored year. */
export async function setEntryDeadline(
  db: Db,
  input: { sheetId: string; entryDeadline: string | null },
  ctx: SaveContext,
): Promise<void> {
  const deadline = checkDeadline(input.entryDeadline);
  const [before] = await db.select().from(sheets).where(eq(sheets.id, input.sheetId));
  if (!before) throw new SoseiError("not_found", "その年度はありません / no such year");
  await db.update(sheets).set({ entryDeadline: deadline }).where(eq(sheets.id, input.sheetId));
  await writeAudit(db, ctx, {
    entity: "sheet",
    entityId: input.sheetId,
    action: "set_deadline",
    before: { entryDeadline: before.entryDeadline },
    after: { entryDeadline: deadline },
  });
}
