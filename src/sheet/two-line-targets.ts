/**
 * A value cell of two figures on two lines (「2,650<br>2,500」): a city that raised a target already
 * reached prints the new one over the original (丸亀市: 「既に目標値をクリアした成果指標について、目標値を
 * 修正した場合は、二段書きの下段に当初の目標値、上段に新たな目標値を記載しています。」). Read run
 * together, the two are one malformed number (「2,6502,500」); read as either line without that note,
 * a guess. So a target column's two-line cell is read as the line the sheet's note names as the
 * current target, and refused, naming the cell, when no note says which line it is; a two-line cell
 * under any other value (baseline, actual) is refused — no note of this kind speaks of them.
 */
import type { FoundHeader } from "./find-header.ts";
import { refuse } from "./reading-plausibility.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const LINE_BREAK = /<br\s*\/?>|\r?\n/i;
/** A figure alone on its line (its unit after it): 「2,650」, 「380.0」, 「45.0%」, 「▲12件」. */
const FIGURE = /^[▲△\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*[^\d\s.,<>()（）]{0,4}$/;
const NEW_TARGET = "(新たな|新しい|修正後の|変更後の|見直し後の)";

/**
 * The two lines of a cell that holds exactly two figures, one on each line; null otherwise. A PDF's
 * text gives a cell's lines joined by a space (「2,650 2,500」), upper first: two whole figures apart
 * are two lines too.
 */
export function twoFigureLines(cell: string): [string, string] | null {
  const text = cell.normalize("NFKC");
  const split = (by: RegExp) =>
    text
      .split(by)
      .map((l) => l.trim())
      .filter((l) => l !== "");
  const lines = LINE_BREAK.test(text) ? split(LINE_BREAK) : split(/\s+/);
  return lines.length === 2 && lines.every((l) => FIGURE.test(l)) ? [lines[0]!, lines[1]!] : null;
}

/**
 * Which line of a two-line target the sheet's notes call the current one: 「上段に新たな目標値」 or
 * 「下段に当初の目標値」 → upper; the reverse → lower; null when no note says (or notes disagree).
 */
export function currentTargetLine(notes: readonly string[]): "upper" | "lower" | null {
  const text = notes.map((n) => n.normalize("NFKC").replace(/\s+/g, "")).join("。");
  const says = (pos: "上段" | "下段", what: string) =>
    new RegExp(`${pos}(に|が|は|には)[^。]{0,6}${what}`).test(text) ||
    new RegExp(`${what}[^。]{0,6}を${pos}`).test(text);
  const upper = says("上段", NEW_TARGET) || says("下段", "当初");
  const lower = says("下段", NEW_TARGET) || says("上段", "当初");
  return upper === lower ? null : upper ? "upper" : "lower";
}

/** Settles each two-line value cell of a segment: the current target's line kept, anything else refused. */
export function settleTwoLineValues(
  header: FoundHeader,
  rows: { row: SourceRow }[],
  notes: readonly string[],
  issues: ImportIssue[],
): void {
  const valueCols = header.columns.flatMap((m, c) =>
    ["target", "finalTarget", "actual", "baseline"].includes(m.field) ? [c] : [],
  );
  if (valueCols.length === 0) return;
  let which: "upper" | "lower" | null | undefined;
  for (const x of rows)
    for (const c of valueCols) {
      const lines = twoFigureLines(x.row.cells[c] ?? "");
      if (!lines) continue;
      const m = header.columns[c]!;
      const where = `${x.row.row}行目: 「${m.header}」の「${lines.join(" / ")}」`;
      if (m.field !== "target" && m.field !== "finalTarget")
        refuse(`${where}は数値が2段に書かれています。どちらがこの欄の値か分かりません`);
      which ??= currentTargetLine(notes);
      if (!which)
        refuse(
          `${where}は目標値が2段に書かれていて、どちらが現在の目標値かを示す注記(「上段に新たな目標値」など)が見つかりません`,
        );
      const kept = which === "upper" ? lines[0] : lines[1];
      const cells = [...x.row.cells];
      cells[c] = kept;
      x.row = { ...x.row, cells };
      issues.push({
        row: x.row.row,
        column: m.header,
        kind: "revised_target_line",
        before: lines.join(" / "),
        after: kept,
        confidence: "high",
        message: `目標値が2段に書かれた欄: 表の注記に従い${which === "upper" ? "上段" : "下段"}(修正後の目標値)を読み、もう一方(当初の目標値)は読まない`,
      });
    }
}
