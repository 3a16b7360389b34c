/**
 * saveSheet: stores one fiscal year's sheet/1, all or nothing, matching its KPIs to the stored ones
 * (see ../match.ts for the rule) so that each KPI keeps one history across years.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import { fiscalYearOutOfRangeMessage, isFiscalYearInRange } from "../../core/fiscal-year-range.ts";
import { type IdGenerator, type KpiId, kpiId } from "../../core/ids.ts";
import type { Kpi, Sheet } from "../../core/sheet.ts";
import { extraFields, foldValue, KPI_KEYS, SHEET_KEYS, stableJson } from "../canonical.ts";
import type { Db } from "../db.ts";
import {
  type IncomingKpi,
  type MatchCandidate,
  type MatchOverrides,
  type MatchReport,
  matchKpis,
  parseOverrides,
} from "../match.ts";
import { normalizeKey } from "../normalize.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { PROGRESS_EVERY, reportProgress } from "../repositories/insert-chunks.ts";
import {
  departments,
  goals,
  initiatives,
  kpiDefinitions,
  kpis,
  kpiYears,
  measures,
  municipalities,
  plans,
  sheets,
  subgoals,
  type TitlesByYear,
} from "../schema.ts";

/** The municipality name used when neither the caller nor the sheet names one. */
export const DEFAULT_MUNICIPALITY = "未設定";

export interface SaveContext {
  actor: string;
  clock: Clock;
  ids: IdGenerator;
}

export interface SaveSheetOptions extends SaveContext {
  /** Defaults to the sheet's `municipality`, else DEFAULT_MUNICIPALITY. */
  municipality?: string | null | undefined;
  /** `{ "row 12": "<kpi id>" | "new" }`: corrections to the automatic matching. */
  matchOverrides?: MatchOverrides | undefined;
  /** Take `uncertain` suggestions as matches. */
  acceptUncertain?: boolean | undefined;
  /** The plan the sheet belongs to, when it is not yet stored (default: inferred, see README). */
  plan?: { name: string; startYear: number; endYear: number } | undefined;
  /** Called every PROGRESS_EVERY KPIs with how many are stored so far (the CLI shows it). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface SaveSheetResult {
  planId: string;
  sheetId: string;
  municipalityId: string;
  fiscalYear: number;
  matches: MatchReport;
}

export function municipalityName(sheet: Pick<Sheet, "municipality">, given?: string | null): string {
  const name = given?.trim() || sheet.municipality?.trim();
  return name || DEFAULT_MUNICIPALITY;
}

/** Stores `sheet` in one transaction. Re-importing a year replaces that year's rows. */
export async function saveSheet(db: Db, sheet: Sheet, options: SaveSheetOptions): Promise<SaveSheetResult> {
  validateSheet(sheet);
  const overrides = parseOverrides(options.matchOverrides);
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const fy = sheet.fiscalYear;
    const now = options.clock.now();
    const audit: AuditEntry[] = [];
    const name = municipalityName(sheet, options.municipality);

    const municipalityId = await ensureMunicipality(tx, name, options);
    const plan = await ensurePlan(tx, municipalityId, sheet, options, audit);

    // 1. The goal tree, titles as printed this year.
    const measureIds = await ensureTree(tx, plan.id, sheet, options, audit);

    // 2. Match against the plan's stored KPIs.
    const candidates = await loadCandidates(tx, plan.id, fy);
    const incoming: IncomingKpi[] = sheet.kpis.map((k) => ({
      row: k.row,
      path: { goal: k.goal.no, subgoal: k.subgoal.no, measure: k.measure.no },
      indicator: k.indicator,
      departments: k.departments,
    }));
    const report = matchKpis(fy, incoming, candidates, {
      overrides,
      acceptUncertain: options.acceptUncertain ?? false,
    });

    // 3. The sheet (header as imported); rows of a previous import of this year that did not match go.
    const header = {
      sheetMunicipality: sheet.municipality ?? null,
      hasMunicipality: "municipality" in sheet && sheet.municipality !== undefined,
      source: sheet.source ?? null,
      hasSource: "source" in sheet && sheet.source !== undefined,
      extra: extraFields(sheet, SHEET_KEYS),
      importedAt: now,
      importedBy: options.actor,
    };
    const [existingSheet] = await tx
      .select()
      .from(sheets)
      .where(and(eq(sheets.planId, plan.id), eq(sheets.fiscalYear, fy)));
    let sheetId: string;
    if (existingSheet) {
      sheetId = existingSheet.id;
      const [published] = await tx
        .select({ id: kpiYears.id })
        .from(kpiYears)
        .where(and(eq(kpiYears.sheetId, sheetId), eq(kpiYears.reviewState, "published")))
        .limit(1);
      if (published)
        throw new SoseiError(
          "year_published",
          `${fy}年度は公表済みのため取り込み直せません / fiscal year ${fy} is published and cannot be re-imported`,
        );
      await tx.update(sheets).set(header).where(eq(sheets.id, sheetId));
      const keep = report.entries.map((e) => e.kpiId).filter((x): x is KpiId => x !== null);
      const old = await tx.select().from(kpiYears).where(eq(kpiYears.sheetId, sheetId));
      const gone = old.filter((r) => !keep.includes(kpiId(r.kpiId)));
      if (gone.length > 0) {
        await tx.delete(kpiYears).where(
          inArray(
            kpiYears.id,
            gone.map((r) => r.id),
          ),
        );
        for (const r of gone) audit.push({ entity: "kpi_year", entityId: r.id, action: "delete", before: r });
      }
      // Rows are renumbered below; park them out of the way of the (sheet, row) unique index.
      await tx
        .update(kpiYears)
        .set({ row: sql`-${kpiYears.row}` })
        .where(eq(kpiYears.sheetId, sheetId));
      audit.push({ entity: "sheet", entityId: sheetId, action: "reimport", before: existingSheet });
    } else {
      sheetId = options.ids.next();
      await tx.insert(sheets).values({ id: sheetId, planId: plan.id, fiscalYear: fy, ...header });
    }

    // 4. Each row: its KPI identity, definition for this year, and the year's figures.
    const byRow = new Map(report.entries.map((e) => [e.row, e]));
    for (const [done, k] of sheet.kpis.entries()) {
      if (done > 0 && done % PROGRESS_EVERY === 0) await reportProgress(options, done, sheet.kpis.length);
      const entry = byRow.get(k.row)!;
      let id = entry.kpiId;
      if (!id) {
        id = kpiId(options.ids.next());
        await tx.insert(kpis).values({ id, planId: plan.id, createdAt: now });
        audit.push({
          entity: "kpi",
          entityId: id,
          action: "create",
          after: { indicator: k.indicator, fiscalYear: fy },
        });
        entry.kpiId = id;
      }
      const measureId = measureIds.get(pathKey(k))!;
      await setDefinitionForYear(tx, id, fy, definitionOf(k, measureId), options, audit);
      await writeKpiYear(tx, id, sheetId, fy, k, options, audit);
    }

    // 5. KPIs no year refers to any more (a re-import moved their row elsewhere) are removed.
    const orphans = await tx
      .select({ id: kpis.id })
      .from(kpis)
      .where(
        and(
          eq(kpis.planId, plan.id),
          sql`not exists (select 1 from ${kpiYears} where ${kpiYears.kpiId} = ${kpis.id})`,
        ),
      );
    if (orphans.length > 0) {
      await tx.delete(kpis).where(
        inArray(
          kpis.id,
          orphans.map((o) => o.id),
        ),
      );
      for (const o of orphans) audit.push({ entity: "kpi", entityId: o.id, action: "delete" });
    }
    report.dropped = report.dropped.filter((d) => !orphans.some((o) => o.id === d.kpiId));

    await ensureDepartments(tx, sheet, options, audit);
    audit.push({
      entity: "sheet",
      entityId: sheetId,
      action: "import",
      after: {
        municipality: name,
        fiscalYear: fy,
        source: sheet.source ?? null,
        kpis: sheet.kpis.length,
        matches: report.entries.map((e) => ({ row: e.row, kind: e.kind, kpiId: e.kpiId })),
        dropped: report.dropped.map((d) => d.kpiId),
      },
    });
    await writeAudit(tx, options, audit);
    return { planId: plan.id, sheetId, municipalityId, fiscalYear: fy, matches: report };
  });
}

function validateSheet(sheet: Sheet): void {
  if (sheet.format !== "sheet/1")
    throw new SoseiError("invalid_sheet", `sheet/1 ではありません (format: ${String(sheet.format)})`);
  if (!isFiscalYearInRange(sheet.fiscalYear))
    throw new SoseiError("invalid_fiscal_year", fiscalYearOutOfRangeMessage(sheet.fiscalYear));
  if (sheet.kpis.length === 0)
    throw new SoseiError("invalid_empty_sheet", "KPI が一件もないシートは保存できません");
  const rows = new Set<number>();
  for (const k of sheet.kpis) {
    if (rows.has(k.row)) throw new SoseiError("invalid_sheet", `行番号 ${k.row} が重複しています`);
    rows.add(k.row);
  }
}

const pathKey = (k: Pick<Kpi, "goal" | "subgoal" | "measure">) =>
  `${k.goal.no}/${k.subgoal.no}/${k.measure.no}`;

async function ensureMunicipality(tx: Db, name: string, ctx: SaveContext): Promise<string> {
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

async function ensurePlan(
  tx: Db,
  municipalityId: string,
  sheet: Sheet,
  options: SaveSheetOptions,
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
async function ensureTree(
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

async function ensureDepartments(tx: Db, sheet: Sheet, ctx: SaveContext, audit: AuditEntry[]): Promise<void> {
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

/** Stored KPIs of the plan with the definition in effect for `fy` (or their earliest, if later). */
async function loadCandidates(tx: Db, planId: string, fy: number): Promise<MatchCandidate[]> {
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

/**
 * Makes the definition in effect for year `fy` equal `content`, leaving every other year's as it was:
 * a version is split when a later year with figures relied on the one being changed.
 */
export async function setDefinitionForYear(
  tx: Db,
  id: KpiId,
  fy: number,
  content: DefinitionContent,
  ctx: SaveContext,
  audit: AuditEntry[],
): Promise<void> {
  const versions = await tx
    .select()
    .from(kpiDefinitions)
    .where(eq(kpiDefinitions.kpiId, id))
    .orderBy(asc(kpiDefinitions.validFrom));
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
  await tx.insert(kpiDefinitions).values(row);
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
  const [existing] = await tx
    .select()
    .from(kpiYears)
    .where(and(eq(kpiYears.kpiId, id), eq(kpiYears.fiscalYear, fy)));
  const now = ctx.clock.now();
  if (!existing) {
    const row = { id: ctx.ids.next(), kpiId: id, ...content, updatedAt: now, updatedBy: ctx.actor };
    await tx.insert(kpiYears).values(row);
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
