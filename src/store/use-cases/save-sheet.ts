/**
 * saveSheet: stores one fiscal year's sheet/1, all or nothing, matching its KPIs to the stored ones
 * (see core/matching/match.ts for the rule) so that each KPI keeps one history across years.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { fiscalYearOutOfRangeMessage, isFiscalYearInRange } from "../../core/fiscal-year-range.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { extraFields, SHEET_KEYS } from "../../core/matching/canonical.ts";
import {
  type IncomingKpi,
  type MatchOverrides,
  type MatchReport,
  matchKpis,
  parseOverrides,
} from "../../core/matching/match.ts";
import type { Sheet } from "../../core/sheet.ts";
import { type Db, inTransaction } from "../db.ts";
import { type AuditEntry, writeAudit } from "../repositories/audit.ts";
import { PROGRESS_EVERY, reportProgress } from "../repositories/insert-chunks.ts";
import { kpiDefinitions, kpis, kpiYears, sheets } from "../schema.ts";
import {
  definitionOf,
  loadCandidates,
  readStoredKpis,
  setDefinitionForYear,
  writeKpiYear,
} from "./kpi-definitions.ts";
import { insertNow, PendingInserts } from "./pending-inserts.ts";
import { ensureDepartments, ensureMunicipality, ensurePlan, ensureTree, pathKey } from "./plan-tree.ts";
import type { SaveContext } from "./save-context.ts";
import { applySheetExtensions } from "./sheet-extensions.ts";

/** The municipality name used when neither the caller nor the sheet names one. */
export const DEFAULT_MUNICIPALITY = "未設定";

export {
  type DefinitionContent,
  definitionOf,
  setDefinitionForYear,
  writeKpiYear,
} from "./kpi-definitions.ts";
export { inferPlanEnd } from "./plan-tree.ts";
export type { SaveContext } from "./save-context.ts";

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
  return inTransaction(db, async (tx) => {
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

    // 4. Each row: its KPI identity, definition for this year, and the year's figures. What is stored
    // of the matched KPIs is read for all of them at once (a new KPI has nothing stored); each row
    // changes only its own KPI, so what was read stays true through the loop — unless two rows name
    // one KPI, when each row reads for itself.
    const byRow = new Map(report.entries.map((e) => [e.row, e]));
    const matched = report.entries.flatMap((e) => (e.kpiId ? [e.kpiId as string] : []));
    const stored =
      new Set(matched).size === matched.length ? await readStoredKpis(tx, matched, fy) : undefined;
    // The rows the loop creates (new KPIs, definitions, the year's rows) are gathered and written a
    // hundred KPIs at a time; what a KPI prints beyond the seed's columns is applied once they are
    // written (it reads them). Only where what is stored was read up front: a row that reads for
    // itself must find the rows before it written.
    const pending = stored ? new PendingInserts([kpis, kpiDefinitions, kpiYears]) : null;
    const insert = pending ? pending.insert : insertNow(tx);
    for (const [done, k] of sheet.kpis.entries()) {
      if (done > 0 && done % PROGRESS_EVERY === 0) {
        await pending?.flush(tx);
        await reportProgress(options, done, sheet.kpis.length);
      }
      const entry = byRow.get(k.row)!;
      let id = entry.kpiId;
      const isNew = !id;
      if (!id) {
        id = kpiId(options.ids.next());
        await insert(kpis, { id, planId: plan.id, createdAt: now });
        audit.push({
          entity: "kpi",
          entityId: id,
          action: "create",
          after: { indicator: k.indicator, fiscalYear: fy },
        });
        entry.kpiId = id;
      }
      const measureId = measureIds.get(pathKey(k))!;
      // What is stored of this KPI: nothing for a new one, else what was read before the loop
      // (undefined when each row reads for itself).
      const storedDefinitions = isNew ? [] : stored && (stored.definitions.get(id) ?? []);
      const storedYear = isNew ? { row: null } : stored && { row: stored.yearRows.get(id) ?? null };
      const definition = definitionOf(k, measureId);
      await setDefinitionForYear(tx, id, fy, definition, options, audit, storedDefinitions, insert);
      await writeKpiYear(tx, id, sheetId, fy, k, options, audit, storedYear, insert);
      const kpi = id;
      if (pending) pending.thenRun(() => applySheetExtensions(tx, kpi, fy, k, options, audit));
      else await applySheetExtensions(tx, id, fy, k, options, audit);
    }
    await pending?.flush(tx);

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
