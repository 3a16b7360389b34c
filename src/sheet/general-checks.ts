/**
 * Never guess silently: a column whose cells contradict its header is refused (naming the column
 * and how to map it); a row printed with a cell missing is realigned only where the cells say so.
 */
import { type CellShape, type ColumnMeaning, cellShape, FIELD_JA, type Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { isKnownEvaluationLabel, nationalEffectCategory } from "./parse-evaluation-label.ts";
import { pointLabels } from "./read-legend.ts";
import { CONTENT_JA, type RoleContradiction, roleContradiction } from "./role-content.ts";
import { ENUMERATOR } from "./settle-columns.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";

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
          points.has(squash(c)) || cellShape(c) === "dash" || digitLabel(c, legendTexts);
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
        // Words under a value's name (達成見込み under 「検証結果」) are no values.
        if (most((s) => s === "text" || (s === "label" && !/\d/.test(cells[0]!))))
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
        // Single digits in every row (3, 4, 1 under 目的達成度) are a rating's steps, not rates of 3%.
        if (cells.length >= 2 && cells.every((c) => /^[1-5]$/.test(squash(c))))
          throw new NotASheet(
            "column_contradiction",
            `${col + 1}列目「${m.header}」は達成率の見出しですが、中身は1〜5の数字だけです(例:「${cells[0]}」)。段階評価なら凡例を添えるか、` +
              `--profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"evaluation"}]})`,
          );
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
        (c) => !points.has(squash(c)) && !(m.field === "evaluation" && digitLabel(c, legendTexts)),
      ),
    );
    if (bad) refuseRole(col, m, bad);
  });
  void fy;
}

/** A rating printed as a digit the legend explains (「4:目標は達成されている」). */
function digitLabel(c: string, legendTexts: readonly string[]): boolean {
  const t = squash(c);
  return /^[1-9]$/.test(t) && legendTexts.some((l) => new RegExp(`(^|\\s)${t}\\s*[:：]`).test(l));
}

function refuseRole(col: number, m: ColumnMeaning, bad: RoleContradiction): never {
  throw new NotASheet(
    "column_contradiction",
    `${col + 1}列目「${m.header}」は${FIELD_JA[m.field]}の見出しですが、中身は${CONTENT_JA[bad.kind]}です(例:「${bad.sample.slice(0, 20)}」)。` +
      `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"${bad.suggestion}"}]})`,
  );
}

/** How well a cell fits a column's field (higher: better), for placing the cells of a short row. */
function fitScore(text: string, field: Field): number {
  const s = cellShape(text);
  // A KPI row always names its indicator.
  if (s === "empty") return field === "indicator" ? -3 : 0;
  switch (field) {
    case "target":
    case "actual":
    case "baseline":
    case "finalTarget":
      return numeric(s) ? 2 : s === "dash" ? 1 : -1;
    case "rate":
      return s === "percent" || s === "number" ? 2 : s === "dash" ? 1 : -2;
    case "evaluation":
    case "direction":
      return s === "label" || s === "dash" ? 2 : -2;
    case "unit":
      return s === "label" && squash(text).length <= 4 ? 2 : -2;
    case "departments":
      return /(課|室|局|部|センター|係|担当)$/.test(squash(text)) ? 3 : -1;
    case "indicator":
      return s === "text" ? 2 : s === "label" ? 1 : -2;
    case "no":
      return s === "number" || ENUMERATOR.test(squash(text)) ? 2 : -1;
    default:
      return s === "text" || s === "label" ? 1 : 0;
  }
}

/** What kind of cell a column holds, finer than its shape: 「③事業の改善」 is a circled label, 「…べき。」 a sentence that asks. */
function cellKind(text: string): string {
  const t = squash(text.replace(/<br\s*\/?>/gi, ""));
  const lead = /^[①-⑳]/.test(text.trim()) ? "circled" : /^[A-ZＡ-Ｚ]/.test(t) ? "latin" : "";
  // A sentence that asks (「…周知されたい。」, 「…必要ではないか。」) is an outsider's opinion; one that says what the
  // city does (「…を検討する。」) its own reason or next step.
  const asks =
    /(されたい|られたい|ではないか|べき|望まれる|望みたい|求めたい|期待したい|願いたい|願う|願います)。?$|が必要。?$/.test(
      t,
    )
      ? "asking"
      : "";
  return `${cellShape(text)}${lead}${/。$/.test(t) ? "sentence" : ""}${asks}`;
}

/**
 * How each column's cells look in the rows printed whole (their exact values, their commonest
 * kind): a cell that looks like its column's others fits there better — what tells 「③事業の改善」
 * (a 今後の方針 seen above) from a committee's sentence when a row lost its last empty cell.
 */
export interface ColumnHabits {
  values: Set<string>[];
  kind: (string | null)[];
}

export function columnHabits(rows: readonly SourceRow[], n: number): ColumnHabits {
  const whole = rows.filter((r) => r.cells.length === n);
  const values: Set<string>[] = [];
  const kind: (string | null)[] = [];
  for (let col = 0; col < n; col++) {
    const cells = whole.map((r) => r.cells[col] ?? "").filter((t) => squash(t) !== "");
    values.push(new Set(cells.map((t) => squash(t.replace(/<br\s*\/?>/gi, "")))));
    const counts = new Map<string, number>();
    for (const c of cells) counts.set(cellKind(c), (counts.get(cellKind(c)) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    kind.push(top && cells.length >= 2 && top[1] / cells.length >= 0.6 ? top[0] : null);
  }
  return { values, kind };
}

/**
 * An evaluation printed as a long label the legend explains (「③地方創生に効果があった」), or as one
 * letter or digit the legend names as a label (「3」 in 「… 3:目標の達成に向けて概ね順調 …」).
 */
function legendLabel(text: string, legend: string, rawLegend: string): boolean {
  // NFKC folds ③ to 3: the circled number goes before the text is squashed.
  const t = squash(
    text
      .replace(/<br\s*\/?>/gi, "")
      .trim()
      .replace(/^[①-⑳]/, ""),
  );
  if (t.length >= 2) return legend.includes(t);
  // A single character is in every legend: it counts only as a label, at a word's start before a colon.
  return /^[0-9A-Za-z]$/.test(t) && new RegExp(`(?:^|[\\s、,，])${t}\\s*[:：]`).test(rawLegend);
}

/**
 * A row with fewer cells than the header lost an empty cell somewhere (a PDF extractor's shift):
 * the empty cell goes where the cells fit their columns best — by shape, by the legend's labels
 * and by how the column's whole rows look. Equally good places that give different readings are
 * refused.
 */
export function realignRow(
  row: SourceRow,
  cols: readonly ColumnMeaning[],
  issues: ImportIssue[],
  context: { habits?: ColumnHabits; legendTexts?: readonly string[] } = {},
): string[] {
  const cells = [...row.cells];
  while (cells.length > cols.length && squash(cells.at(-1) ?? "") === "") cells.pop();
  const n = cols.length;
  if (cells.length > n) return cells;
  const legend = (context.legendTexts ?? []).map(squash).join(" ");
  const rawLegend = (context.legendTexts ?? []).map((l) => l.normalize("NFKC")).join(" ");
  const habits = context.habits;
  const fitAt = (t: string, i: number) => {
    const field = cols[i]!.field;
    let sc = fitScore(t, field);
    if (squash(t) === "") return sc;
    if (field === "evaluation" && sc < 2 && legendLabel(t, legend, rawLegend)) sc = 2;
    if (habits?.values[i]?.has(squash(t.replace(/<br\s*\/?>/gi, "")))) sc += 1;
    if (habits?.kind[i] && habits.kind[i] === cellKind(t)) sc += 1;
    return sc;
  };
  const score = (c: readonly string[]) => c.reduce((sum, t, i) => sum + (i < n ? fitAt(t, i) : 0), 0);
  // Every place the lost cells could have been, and how well the row then fits its columns.
  // Every place the lost cells could have been — an extractor drops a run of empty cells inside the
  // row, a Markdown writer the empty cells at its end, a row can show both — and how well the row
  // then fits its columns: `lost` cells at `at`, the rest of the missing ones at the row's end. Only
  // a row that kept most of its cells is split so; a row of a few cells (a column printed on a later
  // page, a note) is placed in one run, as before, where the checks after it judge it.
  const placings = (kept: readonly string[]) => {
    const missing = n - kept.length;
    const split = kept.length * 2 > n;
    const out: { at: number; cells: string[]; score: number }[] = [];
    for (let at = 0; at <= kept.length; at++)
      for (let lost = missing; lost >= (at === kept.length || !split ? missing : 1); lost--) {
        const cand = [
          ...kept.slice(0, at),
          ...Array<string>(lost).fill(""),
          ...kept.slice(at),
          ...Array<string>(missing - lost).fill(""),
        ];
        out.push({ at, cells: cand, score: score(cand) });
      }
    return out;
  };
  if (cells.length === n) {
    // A row of data (three cells or more filled) that lost a cell and was padded at its end by the
    // extractor (as many pad every row to the table's width): its cells sit one column to the left —
    // a number under the indicator, a date under the unit. Moved back only when a placing fits the
    // columns clearly better than the row as printed and no other comes near it; else the lost cell
    // is unknown. A note or heading under the table's first column is no shifted row.
    if (squash(cells[n - 1] ?? "") !== "") return cells;
    if (cells.filter((t) => squash(t) !== "").length < 3) return cells;
    const kept = cells.slice(0, n - 1);
    // One per distinct reading (the cell lost among empties reads the same wherever it went).
    const readings = new Map(
      placings(kept)
        .filter((b) => b.at < n - 1)
        .map((b) => [b.cells.join("\u0001"), b]),
    );
    const better = [...readings.values()]
      .filter((b) => b.score >= score(cells) + PADDED_SHIFT_MARGIN)
      .sort((a, b) => b.score - a.score);
    if (better.length === 0) return cells;
    if (better.length > 1 && better[0]!.score - better[1]!.score < PADDED_SHIFT_LEAD)
      throw new NotASheet(
        "row_ambiguous",
        `${row.row}行目: 各列の中身が左にずれていますが、どの列が欠けたか決められません(${better
          .slice(0, 3)
          .map((b) => `${b.at + 1}列目`)
          .join(" / ")})。元の表で空欄を補ってください`,
      );
    return inserted(row, cols, kept, better[0]!, issues);
  }
  const missing = n - cells.length;
  const all = placings(cells);
  const top = Math.max(...all.map((b) => b.score));
  const best = all.filter((b) => b.score === top);
  const readings = new Set(best.map((b) => b.cells.join("\u0001")));
  // Markdown reads a row of fewer cells as one whose last cells are empty (GFM, and every writer that
  // leaves trailing empty cells out): among equally good places, the row's end is that reading.
  const atEnd = best.find((b) => b.at === cells.length);
  if (readings.size > 1 && atEnd) {
    issues.push({
      row: row.row,
      column: cols[cells.length]?.header ?? null,
      kind: "cell_inserted",
      before: `${cells.length}セル`,
      after: `${cols[cells.length]?.header ?? ""}以降を空欄とした`,
      confidence: "medium",
      message: `セルが${missing}つ足りないため、行末の「${cols[cells.length]?.header ?? ""}」以降を空欄とした(Markdown の行の読み方。他の列が欠けた場合も同じくらい当てはまります)`,
    });
    return atEnd.cells;
  }
  if (readings.size > 1) {
    throw new NotASheet(
      "row_ambiguous",
      `${row.row}行目: セルが${missing}つ足りず、どの列が欠けたか決められません(${[...new Set(best.map((b) => `${b.at + 1}列目`))].join(" / ")})。元の表で空欄を補ってください`,
    );
  }
  return inserted(row, cols, cells, best[0]!, issues);
}

/** How much better (fitScore points) a padded row must fit moved back than as printed… */
const PADDED_SHIFT_MARGIN = 4;
/** …and how far ahead of every other placing that fits better. */
const PADDED_SHIFT_LEAD = 3;

/** The chosen placing of a row's lost cell, reported where it is not at the row's end. */
function inserted(
  row: SourceRow,
  cols: readonly ColumnMeaning[],
  kept: readonly string[],
  chosen: { at: number; cells: string[] },
  issues: ImportIssue[],
): string[] {
  if (chosen.at < kept.length)
    issues.push({
      row: row.row,
      column: cols[chosen.at]?.header ?? null,
      kind: "cell_inserted",
      before: `${kept.length}セル`,
      after: `${cols[chosen.at]?.header ?? ""}を空欄とした`,
      confidence: "medium",
      message: `セルが欠けているため「${cols[chosen.at]?.header ?? ""}」を空欄とした(各列の中身の形から判断)`,
    });
  return chosen.cells;
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
    throw new NotASheet(
      "unrecognised_columns",
      `${x.col + 1}列目「${x.m.header}」は評価の記号(例:「${cells[0]}」)を収め、凡例がその意味を示していますが、見出しから評価の列と分かりません。` +
        `読み違いを避けるため取り込みません。列の意味を --profile で指定してください(例: {"columns":[{"col":${x.col + 1},"field":"evaluation"}]})`,
    );
  }
}
