/**
 * The department entry checks (core/entry) applied to stored rows: the previous year of each KPI (for
 * "last year beside this year" and the far-from-last-year warning) and the checks a submit must pass.
 */
import { checkKpiEntry } from "../core/entry/kpi-entry.ts";
import { SoseiError } from "../core/errors.ts";
import type { KpiRowRecord, WebStore } from "./store-adapter.ts";

/** Each KPI's row of the year before `fiscalYear` (by the store's KPI identity across years). */
export async function previousYearRows(
  store: WebStore,
  fiscalYear: number,
): Promise<Map<string, KpiRowRecord>> {
  return new Map((await store.kpisOfYear(fiscalYear - 1)).map((r) => [r.kpiId, r]));
}

/** The plausibility warnings of a stored row against its target and last year's actual. */
export const rowWarnings = (r: KpiRowRecord, previous: KpiRowRecord | undefined) =>
  checkKpiEntry(r.kpi, previous?.kpi.actual ?? null).warnings;

/**
 * Refuses a submit the department has not finished: no actual (or 評価不可 without a reason from the
 * list), 進捗の遅れ without a reason; plausibility warnings not confirmed. Details name the fields.
 */
export async function assertSubmittable(store: WebStore, r: KpiRowRecord, confirmed: boolean): Promise<void> {
  const previous = (await store.history(r)).filter((h) => h.fiscalYear < r.fiscalYear).at(-1);
  const { problems, warnings } = checkKpiEntry(r.kpi, previous?.kpi.actual ?? null);
  if (problems.length > 0)
    throw new SoseiError("entry_incomplete", problems.map((p) => p.message).join("。"), { problems });
  if (warnings.length > 0 && !confirmed)
    throw new SoseiError(
      "warnings_unconfirmed",
      `確認が必要です：${warnings.map((w) => w.message).join("。")}。値を確かめ、「確認しました」にチェックして提出してください`,
      { warnings },
    );
}
