/**
 * Settling what a table's columns mean from what they hold, before its rows are read: a name printed
 * over two cells, a rate under an evaluation's name, ratings printed as digits, next steps under 方向性.
 */

import { cellShape, FIELD_JA, type Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { explainsDigit } from "./digit-legend.ts";
import { type FoundHeader, settleLevelColumns } from "./find-header.ts";
import { withoutChoices } from "./header-choices-text.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { fitsAtOrShifted } from "./round49-shifted-cells.ts";
import { loneLegendLabel } from "./round57-lone-label.ts";
import { captionedRatingColumn } from "./round59-captioned-rating.ts";
import type { ImportIssue, SourceRow } from "./types.ts";
import { isWordedTarget } from "./worded-targets.ts";

export const ENUMERATOR = /^(指標|KPI|No\.?|番号)?\s*([0-9０-９]{1,2}|[①-⑳])$/i;

/**
 * 「指標」 printed over two cells: the left holds only enumerators (指標①, 指標②), the right, whose
 * own header is empty, the names. The names are the field; the enumerators are numbers (kept).
 */
export function shiftEnumeratedColumns(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  cols.forEach((m, col) => {
    const next = cols[col + 1];
    if (m.confirmed || !next || next.field !== "extra" || squash(next.header) !== "") return;
    if (m.field !== "indicator") return;
    const left = rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
    const right = rows.map((r) => r.cells[col + 1] ?? "").filter((t) => squash(t) !== "");
    if (left.length === 0 || left.filter((t) => ENUMERATOR.test(t)).length < left.length * 0.7) return;
    if (right.filter((t) => cellShape(t) === "text" || cellShape(t) === "label").length < right.length / 2)
      return;
    cols[col + 1] = { ...m, header: m.header };
    cols[col] = { ...m, field: "no", header: `${m.header}(番号)` };
    issues.push({
      row: null,
      column: m.header,
      kind: "column_spans_two_cells",
      before: `${col + 1}列目: ${left[0]}`,
      after: `${col + 2}列目を${FIELD_JA[m.field]}とした`,
      confidence: "high",
      message: `見出し「${m.header}」は2つのセルにまたがる: 左は番号(${left[0]}…)、右(見出しなし)が${FIELD_JA[m.field]}`,
    });
  });
}

/**
 * A header that names no evaluation outright (「目標達成状況」, not 評価/判定/区分) over numbers is the
 * printed achievement rate: read as such, reported. (Under 「進捗評価」 numbers are refused instead.)
 */
export function settleByContent(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[] = [],
): void {
  // A bare 「目標」 over the plan's aims in words (「出雲の特性を生かした魅力ある雇用の場を創出する」, no figure in
  // any cell), beside the indicator: the goal each row serves, not a target value.
  header.columns.forEach((m, col) => {
    if (m.confirmed || m.field !== "target" || m.period || !/^目標(?:[※＊*][0-9]*)?$/.test(squash(m.header)))
      return;
    // (「1 産業振興による仕事づくり」: the aim's own number is no figure — its title is what must hold none.)
    const cells = rows
      .map((r) => squash(r.cells[col] ?? ""))
      .filter((t) => t !== "")
      .map((t) => ({ t, o: readOrdinal(t) }));
    // A short word (「増加」, 「維持」) may be a target in words; a numbered title (「3 少子化対策」) names an aim.
    const aims = cells.every(
      ({ t, o }) => !/[0-9０-９]/.test(o.title) && (o.no > 0 ? o.title.length >= 2 : t.length >= 6),
    );
    if (cells.length === 0 || !aims) return;
    // (「策定時より上昇」 in every row is a target worded as a movement, no aim of the plan: worded-targets.ts.)
    if (cells.every(({ t }) => isWordedTarget(t))) return;
    recast(
      header,
      col,
      "goal",
      issues,
      `列「${m.header}」は数値のない目標の文(${cells[0]!.t.slice(0, 20)}…)を収めているため基本目標として読んだ`,
    );
    // (A lone middle level read as the top for want of a goal column is the level under this one now.)
    settleLevelColumns(header.columns);
  });
  // 「方向性」 over 継続 / 拡充 / 改善: the project's next step, not which way the KPI should move.
  header.columns.forEach((m, col) => {
    if (m.confirmed || m.field !== "direction") return;
    const cells = rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
    const steps = cells.filter((t) =>
      /継続|拡充|拡大|改善|強化|縮小|廃止|休止|統合|見直|終了|現状維持/.test(t),
    );
    // Sentences (「返礼品に…を加え、寄附者の継続を図る。」) say what will be done next; a KPI's way is a word or an arrow.
    const sentences = cells.filter((t) => /。$/.test(t) || (t.length > 20 && /[、。]/.test(t)));
    const told = cells.filter((t) => steps.includes(t) || sentences.includes(t));
    if (cells.length === 0 || told.length * 2 <= cells.length) return;
    recast(
      header,
      col,
      "nextSteps",
      issues,
      `列「${m.header}」は事業の今後(${(steps[0] ?? sentences[0]!).slice(0, 20)}など)を収めているため今後の方策として読んだ`,
    );
  });
  // 「目標の進捗状況」 over sentences (「指定企業が1件のため、…にとどまっている。」): progress told in
  // words, not a rating — a header that names no 評価 / 判定 whose cells are mostly sentences.
  header.columns.forEach((m, col) => {
    if (m.confirmed || m.field !== "evaluation" || /評価|判定|区分/.test(lastName(m.header))) return;
    const cells = rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
    const sentences = cells.filter((t) => /。$/.test(t) || (t.length > 20 && /[、。]/.test(t)));
    if (cells.length === 0 || sentences.length * 2 <= cells.length) return;
    // 「検証」 / 「検証結果」 in sentences beside a rating column: the examination of the result — why it is
    // what it is (the reason), unless a column says the reason already.
    const examined =
      /検証/.test(lastName(m.header)) &&
      header.columns.some((o, j) => j !== col && o.field === "evaluation") &&
      !header.columns.some((o) => o.field === "reason");
    const field = examined ? "reason" : "status";
    recast(
      header,
      col,
      field,
      issues,
      `列「${m.header}」は文章(${sentences[0]!.slice(0, 20)}…)を収めているため${examined ? "結果の理由" : "進捗の説明"}として読んだ`,
    );
  });
  header.columns.forEach((m, col) => {
    // 「目標達成状況(ポイント)」: points of a scale, not a rate.
    if (m.confirmed || m.field !== "evaluation" || /評価|判定|区分|ポイント|点数|得点/.test(squash(m.header)))
      return;
    const cells = rows.map((r) => r.cells[col] ?? "").filter((t) => squash(t) !== "");
    const shapes = cells.map(cellShape);
    // 「事業効果」 over 1〜4 that a legend line of its own explains (「「事業効果」 1:… 2:…」): a rating.
    if (digitLegendLine(m.header, cells.map(squash), legendTexts)) return;
    if (
      cells.length === 0 ||
      shapes.filter((s) => s === "number" || s === "percent").length <= cells.length / 2
    )
      return;
    recast(
      header,
      col,
      "rate",
      issues,
      `列「${m.header}」は数値を収めているため達成率として読んだ(評価の語を含まない見出し)`,
    );
  });
  // 「達成度」 over A / B / - (江田島市): a rating's labels, not rates — the evaluation when the table has none.
  if (!header.columns.some((c) => c.field === "evaluation")) {
    const labelled = header.columns.flatMap((m, col) => {
      if (m.confirmed || m.field !== "rate") return [];
      // (A heading merged across the sheet, 「■施策② …」 in every cell, is no row of the column.)
      const body = rows.filter((r) => new Set(r.cells.map(squash).filter((t) => t !== "")).size > 1);
      const cells = body
        .map((r) => squash(r.cells[col] ?? ""))
        .filter((t) => t !== "" && !/^[-‐－―ー−]$/.test(t));
      // (「順調」 / 「やや遅れ」: a rating's words the legend under the table lists are its labels too.)
      const listed = (t: string) =>
        t.length <= 10 && !/[0-9]/.test(t) && legendTexts.some((l) => squash(l).includes(t));
      const label = (raw: string) => {
        const t = squash(raw);
        return (
          t === "" || /^[-‐－―ー−]$/.test(t) || /^[A-Za-zＡ-Ｚ][+＋]?$|^[◎○〇●△▲×]$/.test(t) || listed(t)
        );
      };
      // (A row that lost a cell, not yet put back, may print the column's label one place left: round49-shifted-cells.ts.)
      const width = header.columns.length;
      // (One label the legend pairs with a colon is enough: round57-lone-label.ts.)
      const enough = cells.length >= 2 || loneLegendLabel(cells, legendTexts);
      return enough && body.every((r) => fitsAtOrShifted(r, col, width, label)) ? [col] : [];
    });
    if (labelled.length === 1) {
      const col = labelled[0]!;
      const sample = squash(rows.map((r) => r.cells[col] ?? "").find((t) => squash(t) !== "") ?? "");
      recast(
        header,
        col,
        "evaluation",
        issues,
        `列「${header.columns[col]!.header}」は評価の記号や凡例の語(${sample}など)を収めているため評価として読んだ`,
      );
    }
  }
  // Marks under a word no rating's (「推移」) that a legend line captioned by that word explains: round59-captioned-rating.ts.
  const captioned = captionedRatingColumn(header, rows, legendTexts);
  if (captioned !== null)
    recast(
      header,
      captioned,
      "evaluation",
      issues,
      `列「${header.columns[captioned]!.header}」は、その列名を見出しとする凡例が意味を示す記号を収めているため評価として読んだ`,
    );
  // Ratings printed as digits (4〜1) under a name the legend explains (「目的達成度 4:目標は達成されている …」)
  // are the evaluation, even under 達成度: a rate is no single digit the legend lists. Of several such
  // columns (必要性, 効率性, 目的達成度) the one whose name speaks of achievement or rating.
  if (!header.columns.some((c) => c.field === "evaluation")) {
    const candidates = header.columns.flatMap((m, col) => {
      if (m.confirmed || (m.field !== "rate" && m.field !== "extra")) return [];
      const cells = rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
      const line = digitLegendLine(m.header, cells, legendTexts);
      const name = lastName(m.header);
      return line ? [{ m, col, line, named: /達成|評価|判定|進捗|効果/.test(name) }] : [];
    });
    const named = candidates.filter((c) => c.named);
    const chosen = named.length === 1 ? named[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (chosen) {
      recast(
        header,
        chosen.col,
        "evaluation",
        issues,
        `列「${chosen.m.header}」は凡例「${chosen.line.slice(0, 30)}」が意味を示す数字を収めているため評価として読んだ`,
      );
    }
  }
}

/**
 * Two columns read as the achievement rate, one of percentages (「105.9%」) and one of whole numbers within ±10
 * (「5」, 「-1」: points or grades, 倉吉市's 点数 printed under 「達成度」): the whole numbers are no rate — a rating,
 * the evaluation when the table has none (its labels then need a legend, else the import is refused as unexplained).
 * Read as a second rate, the column was dropped with exit 0 and the table said to print no evaluation.
 */
export function pointsBesideRate(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  if (header.columns.some((c) => c.field === "evaluation")) return;
  const filled = (col: number) =>
    rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "" && !/^[-‐－―ー−]$/.test(t));
  const rates = header.columns.flatMap((m, col) =>
    m.field === "rate" && !m.period ? [{ m, col, cells: filled(col) }] : [],
  );
  if (rates.length !== 2 || rates.some((r) => r.m.confirmed)) return;
  const points = rates.filter(
    (r) =>
      r.cells.length >= 2 &&
      r.cells.every((t) => /^[▲△\-−]?\d{1,2}$/.test(t) && Math.abs(Number(t.replace(/^[▲△−]/, "-"))) <= 10),
  );
  const percents = rates.filter((r) => r.cells.some((t) => /[%％]$/.test(t)));
  if (points.length !== 1 || percents.length !== 1 || points[0] === percents[0]) return;
  const { m, col } = points[0]!;
  recast(
    header,
    col,
    "evaluation",
    issues,
    `列「${m.header}」は整数(${points[0]!.cells[0]}など)を収め、達成率は列「${percents[0]!.m.header}」にあるため評価として読んだ`,
  );
}

/** A header's own name: the lowest of its rows (「本事業終了後における実績値 事業効果」 → 事業効果). */
function lastName(header: string): string {
  return squash(
    withoutChoices(header)
      .replace(/[\n\u2028]|<br\s*\/?>/gi, "")
      .split(/\s+/)
      .at(-1) ?? "",
  );
}

/**
 * The legend line that explains a column of single digits (「目的達成度 4:… 3:…」, 「「事業効果」 1:… 2:…」):
 * it starts with the column's own name (brackets and marks before it aside) and lists every digit the
 * column holds; undefined when there is none.
 */
function digitLegendLine(
  header: string,
  cells: readonly string[],
  legendTexts: readonly string[],
): string | undefined {
  // (「-」 / 「ー」: not evaluable, a legend's band of its own — no digit, no figure either.)
  const digits = cells.filter((t) => !/^[-‐－―ー−]$/.test(t));
  if (digits.length < 2 || !digits.every((t) => /^[1-9]$/.test(t))) return undefined;
  const name = lastName(header);
  if (name === "") return undefined;
  return legendTexts.find(
    (l) =>
      squash(l)
        .replace(/^[「『【■□◆●○※\s]+/u, "")
        .startsWith(name) && [...new Set(digits)].every((d) => explainsDigit(l, d)),
  );
}

/** A column read by what it holds, not by its header's word: its new field, and the issue that says why. */
function recast(
  header: FoundHeader,
  col: number,
  field: Field,
  issues: ImportIssue[],
  message: string,
): void {
  const m = header.columns[col]!;
  header.columns[col] = { ...m, field };
  issues.push({
    row: null,
    column: m.header,
    kind: "column_read_by_content",
    before: FIELD_JA[m.field],
    after: FIELD_JA[field],
    confidence: "high",
    message,
  });
}
