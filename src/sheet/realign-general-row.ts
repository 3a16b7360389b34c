/**
 * A table row with fewer cells than its header, placed back into its columns: a PDF extractor
 * drops empty cells inside a row, a Markdown writer the empty cells at its end. The empty cells go
 * where the row's cells fit their columns best — by shape, by the legend's labels and by how the
 * column's whole rows look; equally good places that give different readings are refused.
 */
import { type ColumnMeaning, cellShape, type Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { blankByLead, cellsWhereGroupIsBlank, GROUP_ONCE_PENALTY } from "./round63-continuation-cells.ts";
import { ENUMERATOR } from "./settle-columns.ts";
import { targetAfterName } from "./target-in-name.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";
import { isWordedTarget } from "./worded-targets.ts";

const numeric = (s: ReturnType<typeof cellShape>) => s === "number" || s === "percent" || s === "quantity";
/**
 * A unit in Latin letters with its digits (「t-CO2」, 「kWh」, 「m2」, 「千t-CO2」): no quantity although it holds
 * a digit — under 単位 it fits, so a row that lost its 意見 cell is not read with the unit as its indicator.
 */
const UNIT_TOKEN = /^[千万億]?[A-Za-z][A-Za-z0-9]{0,5}(?:[-・/][A-Za-z0-9]{1,5}){0,2}$/;
/** How well a cell fits a column's field (higher: better), for placing the cells of a short row. */
function fitScore(text: string, field: Field): number {
  const s = cellShape(text);
  // A KPI row always names its indicator.
  if (s === "empty") return field === "indicator" ? -3 : 0;
  switch (field) {
    case "target":
    case "finalTarget":
      // 「策定時より上昇」: a target worded as a movement is a target (worded-targets.ts).
      if (isWordedTarget(text)) return 2;
      return numeric(s) ? 2 : s === "dash" ? 1 : -1;
    case "actual":
    case "baseline":
      return numeric(s) ? 2 : s === "dash" ? 1 : -1;
    case "rate":
      return s === "percent" || s === "number" ? 2 : s === "dash" ? 1 : -2;
    case "evaluation":
    case "direction": {
      // 「C<br>(A※1)」, 「◎(予定以上)」: a label with a note in brackets is a label.
      const bare = text.replace(/<br\s*\/?>/gi, "").replace(/\s*[(（][^()（）]{1,20}[)）]$/, "");
      return s === "label" || s === "dash" || (bare !== text && cellShape(bare) === "label") ? 2 : -2;
    }
    case "unit":
      return (s === "label" && squash(text).length <= 4) || UNIT_TOKEN.test(squash(text)) ? 2 : -2;
    case "departments":
      // 「保健所」, 「中央図書館」, 「地方卸売市場」: offices a city names as the one in charge, as its 課 are.
      return /(課|室|局|部|センター|係|担当|所|館|市場)$/.test(squash(text)) ? 3 : -1;
    case "indicator":
      // 「空き家バンク登録件数10件」: a name with its target glued after it is a name still.
      return s === "text"
        ? 2
        : s === "label" || (s === "quantity" && targetAfterName(text) !== null)
          ? 1
          : -2;
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
  // A sentence that asks (「…周知されたい。」, 「…必要ではないか。」, 「…受注の拡大につなげること。」) is an outsider's
  // opinion; one that says what the city does (「…を検討する。」, 「…実施した。」) its own reason or next step.
  const asks =
    /(されたい|られたい|ではないか|べき|望まれる|望みたい|求めたい|期待したい|願いたい|願う|願います)。?$|が必要。?$|こと。$/.test(
      t,
    )
      ? "asking"
      : "";
  // 「1 子育て支援の充実」 over 「1-1 結婚・出産支援の充実」 (重点項目 | 基本的方向): a level's code has as many parts
  // as its column's others — what tells the two level columns apart when a row lost the blank one.
  const code = /^[0-9０-９]+((?:[-－‐][0-9０-９]+)*)\s+\S/.exec(text.trim());
  const depth = code ? `code${code[1]!.split(/[-－‐]/).length}` : "";
  return `${cellShape(text)}${lead}${depth}${/。$/.test(t) ? "sentence" : ""}${asks}`;
}

/**
 * How each column's cells look in the rows printed whole (their exact values, their commonest
 * kind): a cell that looks like its column's others fits there better — what tells 「③事業の改善」
 * (a 今後の方針 seen above) from a committee's sentence when a row lost its last empty cell.
 */
export interface ColumnHabits {
  values: Set<string>[];
  kind: (string | null)[];
  /** Columns the whole rows starting at a column leave blank (round63-continuation-cells.ts). */
  blankByLead?: Map<number, Set<number>>;
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
  return { values, kind, blankByLead: blankByLead(rows, n) };
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
  // A worksheet's cell keeps its column: a row shorter than the header there only ends in empty cells
  // (a row with no KPI figures, 「中核市への移行」 with its 意見 alone), never lost one in between.
  if (row.sheet !== undefined) return [...cells, ...Array<string>(n - cells.length).fill("")];
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
    // A short word with no full stop under a column whose whole rows print sentences (評価の理由) looks
    // unlike them: a name of a department or a label belongs elsewhere.
    else if (habits?.kind[i]?.endsWith("sentence") && cellShape(t) === "label") sc -= 1;
    return sc;
  };
  const noActualAt = lastActualColumn(cols);
  const ratedAt = cols.findIndex((c) => c.field === "evaluation");
  // A row rated with the label the legend gives a KPI whose actual is not known (「-:実績値が把握できないもの」)
  // printed no actual this year: the lost empty cell is more likely the evaluated year's actual than another.
  const noActualBonus = (c: readonly string[]) =>
    noActualAt >= 0 &&
    ratedAt >= 0 &&
    squash(c[noActualAt] ?? "") === "" &&
    noActualLabel(c[ratedAt] ?? "", rawLegend)
      ? NO_ACTUAL_BONUS
      : 0;
  // A dash under the rate of a row whose actual is a dash or empty (no actual, so no rate) is the rate's own, as
  // likely as a rating's dash: a Markdown row that left its empty rating out keeps the dash where it was printed.
  const rateAt = cols.findIndex((c) => c.field === "rate");
  const dashRate = (c: readonly string[]) =>
    rateAt >= 0 &&
    noActualAt >= 0 &&
    cellShape(c[rateAt] ?? "") === "dash" &&
    ["dash", "empty"].includes(cellShape(c[noActualAt] ?? ""))
      ? 1
      : 0;
  const groupOnce = (c: readonly string[]) =>
    habits?.blankByLead ? GROUP_ONCE_PENALTY * cellsWhereGroupIsBlank(c, habits.blankByLead) : 0;
  const score = (c: readonly string[]) =>
    c.reduce((sum, t, i) => sum + (i < n ? fitAt(t, i) : 0), 0) +
    noActualBonus(c) +
    dashRate(c) -
    groupOnce(c);
  // Every place the lost cells could have been, and how well the row then fits its columns.
  // Every place the lost cells could have been — an extractor drops a run of empty cells inside the
  // row, a Markdown writer the empty cells at its end, a row can show both — and how well the row
  // then fits its columns: `lost` cells at `at`, the rest of the missing ones at the row's end. Only
  // a row that kept most of its cells is split so; a row of a few cells (a column printed on a later
  // page, a note) is placed in one run, as before, where the checks after it judge it.
  const placings = (kept: readonly string[]) => {
    const missing = n - kept.length;
    const split = kept.length * 2 >= n;
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
  if (readings.size === 1 && best[0]!.at < cells.length) unknownHabitOnly(row, cols, cells, best[0]!, habits);
  if (readings.size > 1) {
    throw new NotASheet(
      "row_ambiguous",
      `${row.row}行目: セルが${missing}つ足りず、どの列が欠けたか決められません(${[...new Set(best.map((b) => `${b.at + 1}列目`))].join(" / ")})。元の表で空欄を補ってください`,
    );
  }
  return inserted(row, cols, cells, best[0]!, issues);
}

/** What a legend saying a KPI's actual is not known weighs in placing a lost cell (one clear column's fit). */
const NO_ACTUAL_BONUS = 2;

/** The actual column of the latest year (the evaluated year's), or of no year the last one; -1 when none. */
export function lastActualColumn(cols: readonly ColumnMeaning[]): number {
  let at = -1;
  for (let i = 0; i < cols.length; i++) {
    if (cols[i]!.field !== "actual") continue;
    const y = cols[i]!.period?.year ?? -Infinity;
    const best = at >= 0 ? (cols[at]!.period?.year ?? -Infinity) : -Infinity;
    if (at < 0 || y >= best) at = i;
  }
  return at;
}

/** A label (「-」, 「Z」) the legend explains as a KPI whose actual is not known (把握できない, 公表前, 実績なし). */
export function noActualLabel(text: string, rawLegend: string): boolean {
  const t = squash(text.replace(/<br\s*\/?>/gi, "")).normalize("NFKC");
  if (t === "" || t.length > 8) return false;
  const esc = t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?:^|[\\s、,，])${esc}\\s*[:：]\\s*(\\S+)`).exec(rawLegend);
  return (
    m !== null &&
    /把握でき|実績(値)?(が|は)?(ない|なし|不明)|公表前|未公表|データ(が)?(ない|なし|得られ)|数値が(ない|なし|得られ)/.test(
      m[1]!,
    )
  );
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
 * The placing chosen over the row's end (Markdown's own reading of a short row) only because a column's
 * cells look like the cell while the column it would fill at the end has too few cells to show how its
 * cells look (a remarks column after a sparse 所見, both of sentences): no evidence either way, refused.
 */
function unknownHabitOnly(
  row: SourceRow,
  cols: readonly ColumnMeaning[],
  cells: readonly string[],
  chosen: { at: number; cells: string[] },
  habits: ColumnHabits | undefined,
): void {
  if (!habits) return;
  const end = [...cells, ...Array<string>(cols.length - cells.length).fill("")];
  const differ = end.flatMap((t, i) => (t !== chosen.cells[i] ? [i] : []));
  const bare = (c: readonly string[]) =>
    differ.reduce((sum, i) => sum + fitScore(c[i] ?? "", cols[i]!.field), 0);
  // Told apart by shape alone, or by a column's known look on both sides: the choice stands.
  if (bare(chosen.cells) > bare(end)) return;
  if (
    !differ.some((i) => squash(end[i] ?? "") !== "" && habits.kind[i] === null && habits.values[i]!.size < 2)
  )
    return;
  throw new NotASheet(
    "row_ambiguous",
    `${row.row}行目: セルが${cols.length - cells.length}つ足りず、「${squash(cells.find((t, k) => k >= chosen.at && squash(t) !== "") ?? "").slice(0, 20)}」が${differ
      .map((i) => `「${cols[i]?.header ?? ""}」`)
      .join("・")}のどの列のものか決められません。元の表で空欄を補ってください`,
  );
}
