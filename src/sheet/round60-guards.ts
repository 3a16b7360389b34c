/**
 * Guard of round 60: a shape a first reading (here, a print read after the round's rules) left wrong with exit 0,
 * refused whatever reader path leaves it so (exit 2, `implausible_reading`, the line named).
 * - A scale read, but a word a KPI is rated with missing from it, where a line outside the table ends with that word
 *   cut short (「… 地方創生に効果がなかっ」, the rest 「た:…」 on the next line): the legend's last band lost with the line's
 *   wrap (round60-cut-legend.ts joins it back; with that rule out, refused here).
 * - The KPIs rated with words (the national form's 「地方創生に効果があった」 …, read by their own meaning), a line
 *   outside the table explaining two of those words or more with a colon (a legend), and no scale read from it: the
 *   legend went unread — its line cut or spliced with another (akaiwa-senkou's wide print: LibreOffice printed the
 *   legend's right part beside the note under it). The ratings may be right, but the sheet's scale (what each word
 *   means, its thresholds) is lost with exit 0: refused, naming the line.
 */
import type { Sheet } from "../core/sheet.ts";
import { escapeRegExp, squash } from "./columns.ts";
import type { SourceTable } from "./types.ts";

export function round60Refusal(sheet: Sheet, table: SourceTable): string | null {
  if ((sheet.scale?.bands.length ?? 0) > 0) return cutBand(sheet, table);
  const labels = [
    ...new Set(
      sheet.kpis
        .map((k) => (k.evaluation && k.evaluation.printed !== false ? squash(k.evaluation.label ?? "") : ""))
        .filter((l) => l.length >= 2),
    ),
  ];
  if (labels.length < 2) return null;
  const lines = [
    ...table.outside.map((o) => ({ row: o.row, text: o.text })),
    ...table.rows.flatMap((r) => {
      const texts = [...new Set(r.cells.map((c) => c.trim()).filter((c) => squash(c) !== ""))];
      return texts.length === 1 ? [{ row: r.row, text: texts[0]! }] : [];
    }),
  ];
  // (The legend's line may be cut: the words it explains counted over every line, the first such line named.)
  const explained = new Set<string>();
  let first: { row: number; text: string } | null = null;
  for (const line of lines) {
    const t = squash(line.text);
    for (const l of labels)
      if (new RegExp(`${escapeRegExp(l)}[:：]`, "u").test(t)) {
        explained.add(l);
        first ??= line;
      }
  }
  if (explained.size < 2 || !first) return null;
  return (
    `${first.row}行目「${first.text.trim().slice(0, 40)}…」は評価の語(「${[...explained].slice(0, 2).join("」「")}」など)の意味を示す凡例ですが、` +
    "凡例として読めていません(行が途中で切れたか、ほかの行と混ざったおそれ)。評価の基準が失われるため取り込みません。" +
    "凡例の行を確かめるか、--profile で評価の区分(scale)を指定してください"
  );
}

/** A rated word the scale lacks, a line outside the table ending with its first half or more (the line cut there). */
function cutBand(sheet: Sheet, table: SourceTable): string | null {
  const bands = new Set((sheet.scale?.bands ?? []).map((b) => squash(b.label)));
  for (const k of sheet.kpis) {
    const label = k.evaluation && k.evaluation.printed !== false ? squash(k.evaluation.label ?? "") : "";
    if (label.length < 4 || bands.has(label)) continue;
    for (const o of table.outside) {
      const tail = o.text.trimEnd().split(/\s+/).at(-1) ?? "";
      if (tail.length * 2 < label.length || tail.length >= label.length || !label.startsWith(tail)) continue;
      return (
        `${o.row}行目「…${tail}」は評価の語「${label}」の途中で切れた凡例の行です。その意味が評価の区分に読めていません。` +
        "読み違いを避けるため取り込みません。凡例の行を確かめるか、--profile で評価の区分(scale)を指定してください"
      );
    }
  }
  return null;
}
