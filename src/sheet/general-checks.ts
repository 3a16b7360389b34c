/**
 * Never guess silently: a column whose cells contradict its header is refused (naming the column
 * and how to map it); a table that lost a whole role is refused. (A row printed with a cell missing
 * is realigned in realign-general-row.ts, only where the cells say so.)
 */

import { type CellShape, type ColumnMeaning, cellShape, FIELD_JA, type Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { courseLegend } from "./course-verdicts.ts";
import { explainedDigit } from "./digit-legend.ts";
import type { FoundHeader } from "./find-header.ts";
import { readRate } from "./general-values.ts";
import { isKnownEvaluationLabel, nationalEffectCategory } from "./parse-evaluation-label.ts";
import { pointLabels } from "./read-legend.ts";
import { CONTENT_JA, type RoleContradiction, roleContradiction } from "./role-content.ts";
import { NotASheet, type SourceRow } from "./types.ts";
import { isWordedTarget } from "./worded-targets.ts";

const SHAPE_JA: Record<CellShape, string> = {
  empty: "空欄",
  number: "数値",
  percent: "百分率",
  quantity: "数量",
  label: "短い語",
  text: "文章",
  dash: "-",
};

const numeric = (s: CellShape) => s === "number" || s === "percent" || s === "quantity";

function refuse(col: number, m: ColumnMeaning, shape: CellShape, sample: string, suggestion: Field): never {
  throw new NotASheet(
    "column_contradiction",
    `${col + 1}列目「${m.header}」は${FIELD_JA[m.field]}の見出しですが、中身は${SHAPE_JA[shape]}です(例:「${sample.slice(0, 20)}」)。` +
      `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"${suggestion}"}]})`,
  );
}

/** Checks each column's cells against its header; throws `column_contradiction` on a clear conflict. */
const VALUE_FIELDS = new Set<Field>(["target", "actual", "baseline", "finalTarget"]);
const TARGET_FIELDS = new Set<Field>(["target", "finalTarget"]);
const VALUE_NAME = /^(実績|実績値|目標|目標値|現状値|基準値|計画値|見込値|期待値)$/;

export function checkColumns(
  header: FoundHeader,
  rows: readonly SourceRow[],
  fy: number,
  legendTexts: readonly string[] = [],
): void {
  header.columns.forEach((m, col) => {
    const cells = rows.map((r) => r.cells[col] ?? "").filter((t) => squash(t) !== "");
    if (cells.length === 0 || m.confirmed) return;
    // A value column holding a value column's name (「実績」 under H27: a header row read as data) — the
    // header has a row more than was read; whatever that row's cells are, the row is no KPI.
    const leaked = VALUE_FIELDS.has(m.field) ? cells.find((c) => VALUE_NAME.test(squash(c))) : undefined;
    if (leaked)
      throw new NotASheet(
        "column_contradiction",
        `${col + 1}列目「${m.header}」の中に列名「${leaked}」があります。見出しの行を読み切れていないため取り込みません。` +
          `--profile で列の意味を指定するか、見出しの行を確かめてください`,
      );
    const shapes = cells.map(cellShape);
    const share = (p: (s: CellShape) => boolean) => shapes.filter(p).length / shapes.length;
    const most = (p: (s: CellShape) => boolean) => share(p) > 0.5;
    const first = (p: (s: CellShape) => boolean) => cells[shapes.findIndex(p)] ?? cells[0]!;
    switch (m.field) {
      case "indicator":
        if (most((s) => s === "number" || s === "percent")) refuse(col, m, "number", first(numeric), "extra");
        break;
      case "evaluation": {
        // Points of a scale the legend prints (「100% 7ポイント …」) are labels; other numbers are not.
        const points = pointLabels(legendTexts);
        const scored = (c: string) =>
          points.has(squash(c)) || cellShape(c) === "dash" || explainedDigit(c, legendTexts);
        if (most((s) => s === "percent" || s === "number") && !cells.every(scored))
          refuse(col, m, "percent", first(numeric), "rate");
        // Long labels (「地方創生に相当程度効果があった」) are labels when they repeat or a legend lists them.
        if (
          most((s) => s === "text") &&
          !cells.some((c) => isKnownEvaluationLabel(c) || nationalEffectCategory(c) !== null) &&
          new Set(cells.map(squash)).size === cells.length &&
          !cells.some((c) => legendTexts.some((l) => squash(l).includes(squash(c))))
        )
          refuse(
            col,
            m,
            "text",
            first((s) => s === "text"),
            "extra",
          );
        break;
      }
      case "target":
      case "actual":
      case "baseline":
      case "finalTarget":
        // Words under a value's name (達成見込み under 「検証結果」) are no values. (A target worded as a
        // movement, 「策定時より上昇」, is a target: worded-targets.ts. So is a column of such words among figures —
        // 日向市's 目標(R1) of 「増加」 / 「維持」 / 「25.0%」, round 58: the words a target's, the rest values.)
        if (
          most((s) => s === "text" || (s === "label" && !/\d/.test(cells[0]!))) &&
          !(
            TARGET_FIELDS.has(m.field) &&
            cells.every((c, i) => isWordedTarget(c) || (shapes[i] !== "text" && shapes[i] !== "label"))
          )
        )
          refuse(
            col,
            m,
            "text",
            first((s) => s === "text" || s === "label"),
            "extra",
          );
        break;
      case "rate":
        if (most((s) => s === "text" || s === "label"))
          refuse(
            col,
            m,
            "text",
            first((s) => s === "text" || s === "label"),
            "extra",
          );
        refuseDigitSteps(col, m, cells);
        break;
      case "departments":
        if (most(numeric)) refuse(col, m, "number", first(numeric), "extra");
        break;
    }
    // Every role against what its cells hold (years under a value, letters under 担当課, …).
    const points = m.field === "evaluation" ? pointLabels(legendTexts) : new Set<string>();
    const bad = roleContradiction(
      m.field,
      cells.filter(
        (c) =>
          !points.has(squash(c)) &&
          !(m.field === "evaluation" && explainedDigit(c, legendTexts)) &&
          !(TARGET_FIELDS.has(m.field) && isWordedTarget(c)),
      ),
    );
    if (bad) refuseRole(col, m, bad);
    // (Last: a rate column whose cells another role's shape does not explain, and none of them a rate.)
    if (m.field === "rate") refuseNoRate(col, m, cells);
  });
  void fy;
}

function refuseRole(col: number, m: ColumnMeaning, bad: RoleContradiction): never {
  throw new NotASheet(
    "column_contradiction",
    `${col + 1}列目「${m.header}」は${FIELD_JA[m.field]}の見出しですが、中身は${CONTENT_JA[bad.kind]}です(例:「${bad.sample.slice(0, 20)}」)。` +
      `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"${bad.suggestion}"}]})`,
  );
}

/**
 * Never write a reading that lost a whole role: a table with no column of actuals (none recognised,
 * no years) is refused, naming the columns left unknown; so is a table without an evaluation column
 * when an unknown column holds the labels its legend explains (A / B / C under a name it does not
 * know), and one with two indicator columns.
 */
export function checkRolesPresent(
  segments: readonly { header: FoundHeader; rows: readonly SourceRow[] }[],
  legendTexts: readonly string[],
): void {
  const all = segments.flatMap((s) => s.header.columns.map((m, col) => ({ m, col, rows: s.rows })));
  const unknown = all.filter((x) => x.m.field === "extra" && squash(x.m.header) !== "");
  const names = unknown.map((x) => `${x.col + 1}列目「${x.m.header}」`).join("、");
  if (!all.some((x) => x.m.field === "actual"))
    throw new NotASheet(
      "unrecognised_columns",
      `実績値の列が見つかりません${names ? `(意味の分からない列: ${names})` : ""}。読み違いを避けるため取り込みません。` +
        `列の意味を --profile で指定してください(例: {"columns":[{"col":${(unknown[0]?.col ?? 0) + 1},"field":"actual"}]})`,
    );
  for (const s of segments) {
    const indicators = s.header.columns.flatMap((m, col) =>
      m.field === "indicator" && !m.confirmed ? [col] : [],
    );
    // A second column under the indicator's name holding words (not dates or numbers, as a 目標年月
    // under 「重要業績評価指標(KPI)」 does) could be the indicator, or an evaluation: refused.
    const wordy = (col: number) => {
      const cells = s.rows.map((r) => r.cells[col] ?? "").filter((t) => squash(t) !== "");
      const words = cells.filter((t) => cellShape(t) === "text" || cellShape(t) === "label").length;
      return cells.length > 0 && words > cells.length / 2;
    };
    if (indicators.length >= 2 && indicators.slice(1).some(wordy)) {
      const col = indicators.slice(1).find(wordy)!;
      throw new NotASheet(
        "column_contradiction",
        `${indicators[0]! + 1}列目と${col + 1}列目「${s.header.columns[col]!.header}」がどちらも指標名の見出しです。読み違いを避けるため取り込みません。` +
          `列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"extra"}]})`,
      );
    }
  }
  if (all.some((x) => x.m.field === "evaluation")) return;
  const legend = legendTexts.map(squash).join(" ");
  for (const x of unknown) {
    const cells = x.rows.map((r) => squash(r.cells[x.col] ?? "")).filter((t) => t !== "");
    if (cells.length === 0 || !cells.every((t) => /^([A-ZＡ-Ｚ][+＋]?|[◎○〇△×▲●]|[1-9])$/.test(t))) continue;
    if (!cells.some((t) => new RegExp(`${t.replace(/[+＋]/g, "\\+")}\\s*[:：=＝]`).test(legend))) continue;
    // (Marks its own legend explains as the work's course — 継続 / 見直し / 中止 — are no rating lost: course-verdicts.ts.)
    if (courseLegend(x.m.header, [...new Set(cells)], legendTexts)) continue;
    throw new NotASheet(
      "unrecognised_columns",
      `${x.col + 1}列目「${x.m.header}」は評価の記号(例:「${cells[0]}」)を収め、凡例がその意味を示していますが、見出しから評価の列と分かりません。` +
        `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${x.col + 1},"field":"evaluation"}]})`,
    );
  }
}

const rated = (cells: readonly string[]) => cells.filter((c) => cellShape(c) !== "dash");

/**
 * Single digits in every row of a column read as the printed rate (3, 4, 1 under 目的達成度; 「1」「2」 under 達成度
 * beside a dash for no rating) are a scale's steps no legend explained (a legend that does makes the column the
 * evaluation first: settle-columns.ts), not rates of 3% — nor ratios: read so, 「2」 was a rate of 200% and the KPI
 * unrated, with exit 0.
 */
function refuseDigitSteps(col: number, m: ColumnMeaning, cells: readonly string[]): void {
  const steps = rated(cells);
  if (steps.length >= 2 && steps.every((c) => /^[1-9]$/.test(squash(c))))
    throw new NotASheet(
      "column_contradiction",
      `${col + 1}列目「${m.header}」は達成率の見出しですが、中身は1桁の数字だけです(例:「${squash(steps[0]!)}」)。段階評価なら凡例を添えるか、` +
        `--profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"evaluation"}]})`,
    );
}

/**
 * A column read as the printed rate where no cell reads as a rate (「Ⅱ<br>90.5%」, a grade over the rate in a form
 * not split): the rating it holds would be lost while another column is read as the KPI's.
 */
function refuseNoRate(col: number, m: ColumnMeaning, cells: readonly string[]): void {
  const said = rated(cells);
  if (said.length >= 2 && said.every((c) => readRate(c) === undefined))
    throw new NotASheet(
      "column_contradiction",
      `${col + 1}列目「${m.header}」は達成率の見出しですが、率として読めるセルがありません(例:「${said[0]!.slice(0, 20)}」)。` +
        `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"extra"}]})`,
    );
}
