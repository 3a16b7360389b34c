/** The import report as text for a person (Japanese first, concise): counts, then each repair or inference. */
import type { ImportReport } from "./types.ts";

const ROUTINE = new Set(["hierarchy_filled_down", "line_breaks"]);

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const { cells } = report;
  lines.push(
    `取込: ${report.source} (${report.format}) — 指標 ${report.kpiCount} 件 / import: ${report.kpiCount} KPIs`,
    `セル: 空でないセル ${cells.total}、うち出力 ${cells.used}、除外 ${cells.dropped.length}`,
  );
  const reasons = new Map<string, number>();
  for (const d of cells.dropped) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) lines.push(`  除外: ${reason} ${n} セル`);
  const certain = new Map<string, number>();
  // Routine certain inferences (filling the hierarchy down, joining titles' wraps) are counted;
  // every other repair or inference gets its own line.
  const shown = report.issues.filter((i) => {
    if (i.confidence !== "certain" || !ROUTINE.has(i.kind)) return true;
    certain.set(i.kind, (certain.get(i.kind) ?? 0) + 1);
    return false;
  });
  for (const [kind, n] of certain) lines.push(`  定型の処理(確実): ${kind} ${n} 件`);
  if (shown.length > 0) lines.push(`修復・推定 ${shown.length} 件:`);
  // PDF: rows are numbered through the document; each is also given with its page.
  const pageOf = new Map((report.locations ?? []).map((l) => [l.row, l.page]));
  if (report.locations)
    lines.push(`  PDF: ${new Set(pageOf.values()).size} ページ (行番号は文書全体の通し番号、ページを併記)`);
  for (const i of shown) {
    const page = i.row !== null ? pageOf.get(i.row) : undefined;
    const where = [
      i.row !== null ? `${i.row}行` : null,
      page !== undefined ? `(${page}ページ)` : null,
      i.column,
    ]
      .filter(Boolean)
      .join(" ");
    const change =
      i.before !== null || i.after !== null ? ` 「${short(i.before)}」→「${short(i.after)}」` : "";
    lines.push(`  [${i.confidence}] ${where} ${i.kind}: ${i.message}${change}`);
  }
  return `${lines.join("\n")}\n`;
}

const short = (s: string | null) => {
  if (s === null) return "";
  const one = s.replace(/\n/g, "⏎");
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
};
