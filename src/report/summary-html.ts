/** The summary block: counts per 大基本目標 (stated vs computed) as a table and an SVG chart. */
import { CATEGORY_LABELS_JA } from "../core/sheet.ts";
import { esc } from "./html.ts";
import { CATEGORIES, type GoalSummary } from "./summary.ts";
import { summaryChartSvg } from "./svg-chart.ts";

export function summaryTableHtml(goals: readonly GoalSummary[], total: GoalSummary, caption: string): string {
  const head1 = `<tr><th scope="col" rowspan="2">大基本目標</th><th scope="col" rowspan="2">指標数</th>${CATEGORIES.map(
    (c) => `<th scope="colgroup" colspan="2">${esc(CATEGORY_LABELS_JA[c])}</th>`,
  ).join("")}<th scope="col" rowspan="2">未算定</th></tr>`;
  const head2 = `<tr>${CATEGORIES.map(() => `<th scope="col">記載</th><th scope="col">算定</th>`).join("")}</tr>`;
  const row = (g: GoalSummary, isTotal: boolean) =>
    `<tr${isTotal ? ' class="total"' : ""}><th scope="row">${isTotal ? "合計" : `${g.goal.no} ${esc(g.goal.title)}`}</th><td class="num">${g.total}</td>${CATEGORIES.map(
      (c) => `<td class="num">${g.stated[c]}</td><td class="num">${g.computed[c]}</td>`,
    ).join("")}<td class="num">${g.computed.none}</td></tr>`;
  return `<table class="summary"><caption>${esc(caption)}</caption><thead>${head1}${head2}</thead><tbody>${goals
    .map((g) => row(g, false))
    .join("")}${row(total, true)}</tbody></table>`;
}

export function summaryBlockHtml(
  goals: readonly GoalSummary[],
  total: GoalSummary,
  caption: string,
  wrapTable: (table: string) => string = (t) => t,
): string {
  return `${wrapTable(summaryTableHtml(goals, total, caption))}
<figure class="chart-figure">${summaryChartSvg(goals, { title: `${caption}（グラフ）` })}
<figcaption>記載＝各課が記載した進捗評価、算定＝目標値と実績値から Sosei が算定した評価。</figcaption></figure>`;
}
