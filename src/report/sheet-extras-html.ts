/**
 * What a city's sheet prints apart from its KPI table, for the printed sheet and the public site:
 * the 数値目標 per 基本目標 (indicator, baseline, the year's actual, final target, each value with its
 * period where the column does not give it) and the legend of its evaluation scale. Both are empty
 * strings for a sheet that printed neither (the seed's layout), so its pages do not change.
 */
import { statedLabelJa } from "../core/evaluation/stated-label.ts";
import { type Period, periodToWareki } from "../core/period.ts";
import { scaleBandText } from "../core/scale-text.ts";
import { SHEET_COLUMN_NAMES_JA as NAMES, type Sheet, type Value } from "../core/sheet.ts";
import { LINE_SEGMENTS, printedValueInColumn } from "../core/value/format.ts";
import { esc, escLines } from "./html.ts";
import { BASELINE_HEAD } from "./sheet-table.ts";

const MISSING: Value = { kind: "missing" };

/** The 数値目標 table (with a heading), or "" when the sheet printed none. */
export function numericGoalsHtml(sheet: Sheet, heading = "h2"): string {
  const goals = sheet.numericGoals ?? [];
  if (goals.length === 0) return "";
  const column: Period = { year: sheet.fiscalYear, basis: "fiscal" };
  const fy = periodToWareki(column);
  const evaluated = goals.some((g) => g.evaluation && g.evaluation.printed !== false);
  const val = (v: Value | undefined, p: Period | null) =>
    escLines(printedValueInColumn(v ?? MISSING, p, LINE_SEGMENTS));
  const rows = goals
    .map((g) => {
      const cells = [
        `<td>${g.goal.no} ${esc(g.goal.title)}</td>`,
        `<th scope="row">${escLines(g.indicator)}</th>`,
        `<td class="num">${val(g.baseline, null)}</td>`,
        `<td class="num">${val(g.actual, column)}</td>`,
        `<td class="num">${val(g.finalTarget, null)}</td>`,
      ];
      if (evaluated)
        cells.push(
          `<td>${g.evaluation && g.evaluation.printed !== false ? esc(statedLabelJa(g.evaluation)) : "－"}</td>`,
        );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const heads = ["基本目標", "数値目標", BASELINE_HEAD, `${fy}${NAMES.actual}`, "目標値(最終)"];
  if (evaluated) heads.push(NAMES.evaluation);
  return `\n<${heading}>数値目標（基本目標ごと）</${heading}>
<table class="numeric-goals"><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The legend of the city's evaluation scale (printed under the table), or "" when it has none. */
export function scaleLegendHtml(sheet: Sheet): string {
  const bands = sheet.scale?.bands ?? [];
  if (bands.length === 0) return "";
  const basis = sheet.scale?.basis === "progress_from_baseline" ? "（基準値からの進捗で評価）" : "";
  return `\n<p class="scale-legend">評価の基準${basis}　${bands.map((b) => esc(scaleBandText(b))).join("　")}</p>`;
}
