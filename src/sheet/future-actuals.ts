/**
 * An actual is measured after its year ends, so none can belong to a fiscal year after the one the
 * import runs in. A sheet read so has its years wrong — most often a bare 「27年度」 counted in the
 * wrong era (令和27 = 2045 for 平成27 = 2015, from a cover dated 令和): refused, naming the row.
 */
import { fiscalYearOf } from "../core/period.ts";
import type { Sheet, Value } from "../core/sheet.ts";
import { NotASheet } from "./types.ts";

const yearOf = (v: Value | undefined) =>
  v && v.kind !== "missing" && v.kind !== "text" ? v.period.year : null;

export function checkNoFutureActuals(sheet: Sheet, today: Date): void {
  const now = fiscalYearOf(today) as number;
  const later = (year: number | null) => year !== null && year > now;
  const hint =
    "年度の元号を読み違えたおそれがあります(「27年度」を令和27年度と読むなど)。表題に元号付きの年度(例: 平成27年度)を書き足すか、--profile で fiscalYear を指定してください";
  if (later(sheet.fiscalYear))
    throw new NotASheet(
      "actual_in_future",
      `評価年度が ${sheet.fiscalYear}年度 と読めましたが、今年度(${now}年度)より後です。${hint}`,
    );
  for (const k of [...sheet.kpis, ...(sheet.numericGoals ?? [])]) {
    const years = [yearOf(k.actual), ...(k.years ?? []).map((y) => yearOf(y.actual))];
    const year = years.find(later);
    if (year !== undefined && year !== null)
      throw new NotASheet(
        "actual_in_future",
        `${"row" in k ? `${k.row}行目の` : ""}指標「${k.indicator}」の実績値が ${year}年度 と読めましたが、今年度(${now}年度)より後です。${hint}`,
      );
  }
}
