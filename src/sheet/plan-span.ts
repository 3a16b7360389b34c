/**
 * A plan's span printed instead of its years (小矢部市's 成果指標達成状況: 主要施策コード | 成果指標 | 区分 | 平成12年 |
 * 平成13年実績 | 平成14年実績 | 平成15年9月30日現在 | 平成15年末見込 | 5ヵ年目標):
 * - 「5ヵ年目標」 is the target at the plan's end, five years on from the year the plan starts from — the bare year
 *   printed before every 実績 year (the 現在地 the targets are set against), which is then the baseline;
 * - 「区分」 over 当初 / 追加 says when an indicator was put in the plan, not how it did: no rating; nor is 「区分」 over
 *   客観的指標 / 主観的指標 (各務原市: how the figure is measured — a department's count or a residents' survey).
 * With no starting year to count from, the span's year is not guessed: refused, naming the column.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";

/** 「5ヵ年目標」, 「5か年目標値」, 「10箇年の目標」: the target a span of years on (no year printed). */
export const SPAN_TARGET = /^([0-9]{1,2})\s*[ヵかカケヶ箇个]?年(?:間)?の?目標(?:値)?$/;
/** When an indicator was set (当初 from the plan's start, 追加 added later, 新規, 変更 on review). */
const WHEN_SET = /^(当初|追加|新規|変更|見直し|中間見直し|再掲)$/;
/** How an indicator is measured or what kind it is (客観的指標 a count, 主観的指標 a survey; 成果 / 活動指標). */
const KIND_OF_INDICATOR = /^(客観的?|主観的?|成果|活動|アウトカム|アウトプット|定量的?|定性的?)(指標)?$/;

export function spanTargetYears(header: FoundHeader, issues: ImportIssue[]): void {
  const cols = header.columns;
  const at = cols.findIndex((c) => !c.confirmed && !c.period && SPAN_TARGET.test(squash(c.header)));
  if (at < 0) return;
  const span = Number(SPAN_TARGET.exec(squash(cols[at]!.header))![1]);
  const actualYears = cols.flatMap((c) => (c.field === "actual" && c.period ? [c.period.year] : []));
  let base = cols.findIndex((c) => c.field === "baseline");
  // A bare year before every 実績 year, when no column is named the baseline: the year the plan starts from.
  if (base < 0 && actualYears.length > 0) {
    const first = Math.min(...actualYears);
    const bare = cols.flatMap((c, i) =>
      c.field === "year" && c.period && !c.confirmed && c.period.year < first ? [i] : [],
    );
    if (bare.length === 1) {
      base = bare[0]!;
      cols[base] = { ...cols[base]!, field: "baseline" };
      issues.push(
        read(
          cols[base]!,
          "基準値",
          "年度だけの見出しで実績の年度より前にあり、目標が期間(年数)で書かれているため",
        ),
      );
    }
  }
  const from = base >= 0 ? cols[base]!.period : null;
  if (!from)
    throw new NotASheet(
      "implausible_reading",
      `列「${cols[at]!.header}」は年数で書かれた目標ですが、数える起点の年度(基準値の年度)が表にありません。目標の年度を --profile で指定してください`,
    );
  cols[at] = { ...cols[at]!, field: "finalTarget", period: { ...from, year: from.year + span } };
  issues.push(
    read(
      cols[at]!,
      "最終目標値",
      `${span}年の期間の目標: 基準の${from.year}年度から${span}年後の${from.year + span}年度`,
    ),
  );
}

/**
 * 「区分」 over 当初 / 追加 only (when the indicator was set), or over 客観的指標 / 主観的指標 only (what kind of
 * figure it is): kept as an extra, not the rating. A column mixing these with anything else stays as read.
 */
export function whenSetColumns(header: FoundHeader, rows: readonly SourceRow[], issues: ImportIssue[]): void {
  // (A row an extractor printed with a cell lost is realigned only later: its cells are not yet in their columns.)
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const whole = rows.filter((r) => r.cells.length === width);
  header.columns.forEach((c, i) => {
    if (c.confirmed || c.field !== "evaluation" || !/区分$/.test(squash(c.header))) return;
    const cells = whole.map((r) => squash(r.cells[i] ?? "")).filter((t) => t !== "");
    if (cells.length === 0) return;
    const what = cells.every((t) => WHEN_SET.test(t))
      ? "指標を設けた時期"
      : cells.every((t) => KIND_OF_INDICATOR.test(t))
        ? "指標の種類(測り方)"
        : null;
    if (!what) return;
    header.columns[i] = { ...c, field: "extra" };
    issues.push(read(c, "その他", `中身(${[...new Set(cells)].join("・")})は${what}で、評価ではないため`));
  });
}

const read = (c: ColumnMeaning, after: string, why: string): ImportIssue => ({
  row: null,
  column: c.header,
  kind: "column_read_by_content",
  before: c.header,
  after,
  confidence: "medium",
  message: `列「${c.header}」を${after}として読んだ(${why})`,
});

/**
 * 「なし」 under a year in a row of figures (「なし | 1,007人 | 448人」): that year has no figure — missing, as 「―」 is.
 * In a row whose values are all words (総合人材バンク設置: なし … 設置) it stays the state printed.
 */
export function noneAsMissing(sheet: Sheet, issues: ImportIssue[]): void {
  const none = (v: Value) => v.kind === "text" && /^(なし|無し)$/.test(squash(v.text));
  const fields = ["baseline", "target", "actual", "finalTarget"] as const;
  for (const k of sheet.kpis) {
    const values: Value[] = [...fields.map((f) => k[f]).filter((v): v is Value => !!v)];
    for (const y of k.years ?? [])
      values.push(y.actual ?? { kind: "missing" }, y.target ?? { kind: "missing" });
    if (!values.some((v) => v.kind === "number")) continue;
    const fix = (v: Value | undefined): Value | undefined =>
      v && none(v) ? { kind: "missing", raw: "なし" } : v;
    let changed = false;
    for (const f of fields) {
      const was = (k as Kpi)[f];
      const now = fix(was);
      if (now !== was) {
        (k as unknown as Record<string, Value | undefined>)[f] = now;
        changed = true;
      }
    }
    for (const y of k.years ?? []) {
      y.actual = fix(y.actual) as typeof y.actual;
      y.target = fix(y.target) as typeof y.target;
    }
    if (changed)
      issues.push({
        row: k.row,
        column: null,
        kind: "value_read_by_row",
        before: "なし",
        after: "値なし",
        confidence: "medium",
        message: `指標「${k.indicator.slice(0, 20)}」の「なし」は、同じ行のほかの値が数値のため、その年度の値がないものとして読んだ`,
      });
  }
}
