/**
 * A statistic published late, rated on its latest figure: 佐世保市's 社会指標・KPI table prints H29 | H30 | R1 side by
 * side and evaluates R1, but 市内総生産 (長崎県の市町民経済計算, out two years later) has 「921,340 | 未公表 | 未公表」 and is
 * rated ○ all the same — a note says such statistics are rated on 「評価時点の直近値」. The evaluated year's actual is
 * then the latest figure printed, at its own year (as a 備考 「H24の値」 dates one: noted-year.ts), never an empty actual
 * under a rating. Only for a KPI a note names beside such words, rated (not 評価できない), whose evaluated year has no
 * figure and an earlier year of its grid has one.
 */
import type { Sheet } from "../core/sheet.ts";
import type { ImportIssue } from "./types.ts";

/** 「直近値で評価」, 「最新の数値により評価」, 「直近の実績で判定」: a rating made on the latest figure known. */
const LATEST_RATED = /(直近|最新)の?(値|数値|実績値?|データ)(で|により|に基づき|を用いて)(評価|判定)/;
/** 「直近値は平成29年度」: a note naming the year of a statistic's latest figure. */
const LATEST_IS = /(直近|最新)の?(値|数値|実績値?)は/;

export function latestFigureActuals(sheet: Sheet, notes: readonly string[], issues: ImportIssue[]): void {
  const texts = notes.map((t) => t.normalize("NFKC").replace(/\s+/g, ""));
  if (!texts.some((t) => LATEST_RATED.test(t))) return;
  for (const k of sheet.kpis) {
    if (k.actual.kind === "number" || !k.evaluation || k.evaluation.printed === false) continue;
    if (k.evaluation.category === "not_evaluable") continue;
    const name = k.indicator.normalize("NFKC").replace(/\s+/g, "");
    if (
      name.length < 2 ||
      !texts.some((t) => t.includes(name) && (LATEST_RATED.test(t) || LATEST_IS.test(t)))
    )
      continue;
    const latest = (k.years ?? [])
      .filter((y) => y.year < sheet.fiscalYear && y.actual?.kind === "number")
      .sort((a, b) => a.year - b.year)
      .at(-1);
    if (latest?.actual?.kind !== "number") continue;
    k.actual = latest.actual;
    issues.push({
      row: k.row,
      column: null,
      kind: "latest_figure_as_actual",
      before: k.indicator,
      after: `${latest.year}年度の値`,
      confidence: "medium",
      message: `指標「${k.indicator.slice(0, 20)}」は評価年度の実績値がなく、注記が直近値で評価するとしているため、直近の${latest.year}年度の値「${latest.actual.raw ?? latest.actual.value}」を実績値として読んだ`,
    });
  }
}
