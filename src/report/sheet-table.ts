/**
 * The evaluation sheet's table: the source's 14 columns, 大基本目標 / 小基本目標 / 具体的な施策
 * merged over their KPIs (rowspan) as in the city's original. Shared by the PDF and the site. A
 * sheet whose KPIs printed a baseline (基準値, another city's layout) gets a 基準値 column after
 * 指標名, each value with its period; the seed's layout has none and keeps its 14 columns.
 */
import { statedLabelJa } from "../core/evaluation/stated-label.ts";
import { type Period, periodToWareki } from "../core/period.ts";
import {
  CATEGORY_LABELS_JA,
  finalTargetColumnJa,
  type Kpi,
  SHEET_COLUMN_NAMES_JA as NAMES,
  SHEET_COLUMN_GROUPS_JA,
  type Sheet,
  type Value,
} from "../core/sheet.ts";
import { formatRate, LINE_SEGMENTS, periodOfValue, printedValueInColumn } from "../core/value/format.ts";
import { evaluationOf, type SheetEvaluationView } from "./evaluation-view.ts";
import { esc, escLines } from "./html.ts";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** 1 → "①" (up to 20, then "(21)"). */
export const circled = (n: number): string => (n >= 1 && n <= 20 ? CIRCLED.charAt(n - 1) : `(${n})`);

/** The stated evaluation as printed (進捗の遅れ(コロナ), a default 評価不可 included). */
export const statedLabel = (kpi: Kpi): string => statedLabelJa(kpi.evaluation);

/** The most common period among the KPIs' final targets (the 目標値(令和M年度) column header). */
export function finalTargetPeriod(sheet: Sheet): Period | null {
  const counts = new Map<string, { p: Period; n: number }>();
  for (const k of sheet.kpis) {
    const p = periodOfValue(k.finalTarget);
    if (!p) continue;
    const key = `${p.year}/${p.basis}`;
    const c = counts.get(key) ?? { p, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  let best: { p: Period; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.p ?? null;
}

export interface ColumnHeads {
  target: string;
  actual: string;
  finalTarget: string;
}

export function columnHeads(sheet: Sheet): ColumnHeads {
  const fy = periodToWareki({ year: sheet.fiscalYear, basis: "fiscal" });
  const fp = finalTargetPeriod(sheet);
  return {
    target: `${fy}${NAMES.target}`,
    actual: `${fy}${NAMES.actual}`,
    finalTarget: fp ? finalTargetColumnJa(periodToWareki(fp)) : NAMES.finalTarget,
  };
}

/** The year's KPIs printed a baseline: the table gets a 基準値 column. */
export const hasBaselines = (sheet: Sheet): boolean =>
  sheet.kpis.some((k) => k.baseline !== undefined && k.baseline.kind !== "missing");

export const BASELINE_HEAD = "基準値";

/** Column classes, in order; widths live in the CSS. */
export const COLUMN_CLASSES = [
  "c-goal",
  "c-subgoal",
  "c-measure",
  "c-init",
  "c-status",
  "c-ind",
  "c-target",
  "c-actual",
  "c-final",
  "c-eval",
  "c-reason",
  "c-challenge",
  "c-next",
  "c-dept",
] as const;

interface Span {
  start: number;
  length: number;
}

/** For each row index, the rowspan of a group starting there (0 when the row continues a group). */
function spans(kpis: readonly Kpi[], key: (k: Kpi) => string): number[] {
  const out = kpis.map(() => 0);
  let cur: Span | null = null;
  kpis.forEach((k, i) => {
    const prev = kpis[i - 1];
    if (cur && prev && key(prev) === key(k)) {
      cur.length += 1;
    } else {
      cur = { start: i, length: 1 };
    }
    out[cur.start] = cur.length;
  });
  return out;
}

export interface SheetTableOptions {
  /** Adds 算定評価 and 達成率 columns after 進捗評価 (the site; the printed sheet keeps 14). */
  withComputed?: boolean;
  /** Makes each indicator a link (the site's KPI pages). */
  kpiHref?: (kpi: Kpi) => string | null;
  caption?: string;
  /**
   * The printed sheet: every row carries its 大基本目標 / 小基本目標 / 施策 cells with a `data-key`;
   * paginate-script.ts merges them per page, so a continuation page repeats them.
   */
  hierarchyOnEveryRow?: boolean;
}

export function sheetTableHtml(
  sheet: Sheet,
  evaluation?: SheetEvaluationView | null,
  opts: SheetTableOptions = {},
): string {
  const heads = columnHeads(sheet);
  const kpis = sheet.kpis;
  const goalSpan = spans(kpis, (k) => `${k.goal.no}`);
  const subSpan = spans(kpis, (k) => `${k.goal.no}/${k.subgoal.no}`);
  const measureSpan = spans(kpis, (k) => `${k.goal.no}/${k.subgoal.no}/${k.measure.no}`);
  const column: Period = { year: sheet.fiscalYear, basis: "fiscal" };
  const fp = finalTargetPeriod(sheet);
  const extra = opts.withComputed === true;
  const baseline = hasBaselines(sheet);
  const cell = (cls: string, content: string, rowspan = 1) =>
    `<td class="${cls}"${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}>${content}</td>`;
  const val = (v: Value, p: Period | null) => escLines(printedValueInColumn(v, p, LINE_SEGMENTS));

  const body = kpis
    .map((k, i) => {
      const cells: string[] = [];
      const gs = goalSpan[i] ?? 0;
      const ss = subSpan[i] ?? 0;
      const ms = measureSpan[i] ?? 0;
      const every = opts.hierarchyOnEveryRow === true;
      const keyed = (cls: string, content: string, key: string) =>
        `<td class="${cls}" data-key="${esc(key)}">${content}</td>`;
      const gKey = `${k.goal.no}`;
      const sKey = `${gKey}/${k.subgoal.no}`;
      const mKey = `${sKey}/${k.measure.no}`;
      const goal = `${k.goal.no} ${esc(k.goal.title)}`;
      const sub = `${k.subgoal.no} ${esc(k.subgoal.title)}`;
      const measure = `${circled(k.measure.no)} ${esc(k.measure.title)}`;
      if (every) {
        cells.push(keyed("c-goal grp", goal, gKey), keyed("c-subgoal grp", sub, sKey));
        cells.push(keyed("c-measure grp", measure, mKey));
      } else {
        if (gs > 0) cells.push(cell("c-goal grp", goal, gs));
        if (ss > 0) cells.push(cell("c-subgoal grp", sub, ss));
        if (ms > 0) cells.push(cell("c-measure grp", measure, ms));
      }
      cells.push(cell("c-init", k.initiatives.map((t) => escLines(t)).join("<br>")));
      cells.push(cell("c-status", escLines(k.status)));
      const href = opts.kpiHref?.(k) ?? null;
      const ind = href ? `<a href="${esc(href)}">${escLines(k.indicator)}</a>` : escLines(k.indicator);
      cells.push(`<th scope="row" class="c-ind">${ind}</th>`);
      if (baseline) cells.push(cell("c-base num", val(k.baseline ?? { kind: "missing" }, null)));
      cells.push(cell("c-target num", val(k.target, column)));
      cells.push(cell("c-actual num", val(k.actual, column)));
      cells.push(cell("c-final num", val(k.finalTarget, fp)));
      cells.push(cell(`c-eval cat-${k.evaluation.category}`, esc(statedLabel(k))));
      if (extra) {
        const e = evaluationOf(evaluation, k);
        cells.push(cell("c-computed", e?.computed ? esc(CATEGORY_LABELS_JA[e.computed]) : "－"));
        cells.push(
          cell("c-rate num", e?.achievementRate != null ? esc(formatRate(e.achievementRate)) : "－"),
        );
      }
      cells.push(cell("c-reason", escLines(k.reason ?? "-")));
      cells.push(cell("c-challenge", escLines(k.challenge)));
      cells.push(cell("c-next", escLines(k.nextSteps)));
      cells.push(cell("c-dept", k.departments.map((d) => esc(d)).join("<br>")));
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");

  const th = (cls: string, text: string) => `<th scope="col" class="${cls}">${esc(text)}</th>`;
  // The group row: 担当課 is one column, named once over both header rows; the computed
  // evaluation and the rate (extra) widen KPIの達成状況.
  const groups = SHEET_COLUMN_GROUPS_JA.map((g) =>
    g.key === "departments"
      ? `<th scope="col" rowspan="2" class="c-dept">${esc(g.name)}</th>`
      : `<th scope="colgroup" colspan="${g.key === "achievement" ? g.span + (extra ? 2 : 0) + (baseline ? 1 : 0) : g.span}">${esc(g.name)}</th>`,
  );
  const head = [
    `<tr class="groups">${groups.join("")}</tr>`,
    `<tr>${[
      th("c-goal", NAMES.goal),
      th("c-subgoal", NAMES.subgoal),
      th("c-measure", NAMES.measure),
      th("c-init", NAMES.initiatives),
      th("c-status", NAMES.status),
      th("c-ind", NAMES.indicator),
      ...(baseline ? [th("c-base", BASELINE_HEAD)] : []),
      th("c-target", heads.target),
      th("c-actual", heads.actual),
      th("c-final", heads.finalTarget),
      th("c-eval", NAMES.evaluation),
      ...(extra ? [th("c-computed", "算定評価"), th("c-rate", "達成率")] : []),
      th("c-reason", NAMES.reason),
      th("c-challenge", NAMES.challenge),
      th("c-next", NAMES.nextSteps),
    ].join("")}</tr>`,
  ].join("\n");
  const caption = opts.caption ? `<caption>${esc(opts.caption)}</caption>` : "";
  const cols = COLUMN_CLASSES.flatMap((c) =>
    c === "c-eval" && extra ? [c, "c-computed", "c-rate"] : c === "c-ind" && baseline ? [c, "c-base"] : [c],
  ).map((c) => `<col class="${c}">`);
  return `<table class="sheet${baseline ? " with-baseline" : ""}">${caption}<colgroup>${cols.join("")}</colgroup><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
