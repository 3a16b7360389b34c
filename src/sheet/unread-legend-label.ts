/**
 * A rating label the KPIs carry that the scale read lacks, while the legend line the scale was read from
 * prints it as a label with its words after it (鹿児島市: 「KPIの評価 A 十分に達成されている … C あまり達成
 * されていない - 次年度以降の取組」 read as three bands, the dash's band left out and its KPI rated by a
 * default): the legend was read only in part, and the scale written would say the city's scale has no such
 * band. Refused by the last look (reading-plausibility.ts), naming the label and the line.
 * A longer label counts too when the line prints it followed by a colon (津山市: 「取組強化・改善が必要:策定時の
 * 値を下回っている」 read only from its 「・」 on, as 「改善が必要」, and the printed label left unknown).
 */
import type { Sheet } from "../core/sheet.ts";
import { escapeRegExp, squash } from "./columns.ts";
import type { SourceTable } from "./types.ts";

/** The label and the legend line that prints it, or null. */
export function unreadLegendLabel(
  sheet: Sheet,
  table: SourceTable,
): { label: string; line: string; row: number } | null {
  const bands = sheet.scale?.bands ?? [];
  if (bands.length === 0) return null;
  const texts = [
    // (The legend as the scale was read from it, then every line outside the table or alone on a row.)
    sheet.scale?.source ?? "",
    ...table.outside.map((o) => o.text),
    ...table.rows.flatMap((r) => {
      const filled = r.cells.filter((c) => squash(c) !== "");
      return filled.length === 1 ? filled : [];
    }),
  ].map((t) => t.replace(/<br\s*\/?>/gi, " "));
  // The line the scale was read from: it prints every band's meaning.
  const line = texts.find((t) =>
    bands.every((b) => b.meaning === "" || squash(t).includes(squash(b.meaning))),
  );
  if (!line) return null;
  const known = new Set(bands.map((b) => squash(b.label)));
  for (const k of [...sheet.kpis, ...(sheet.numericGoals ?? [])]) {
    const e = k.evaluation;
    const label = e?.printed === false ? "" : (e?.label ?? "").trim();
    if (label === "" || known.has(squash(label))) continue;
    // (A short label may stand before its words with a space; a longer one only before a colon.)
    const after = label.length > 2 ? "[:：]" : "[:：\\s]";
    if (new RegExp(String.raw`(?:^|\s)${escapeRegExp(label)}\s*${after}\s*[^\s:：]`, "u").test(line))
      return { label, line, row: "row" in k && typeof k.row === "number" ? k.row : 0 };
  }
  return null;
}
