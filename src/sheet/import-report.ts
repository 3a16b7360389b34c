/** The import report as text for a person (Japanese first, concise): counts, then each repair or inference. */
import { CATEGORY_LABELS_JA } from "../core/sheet.ts";
import { FIELD_JA } from "./column-fields.ts";
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
  lines.push(...formatProfile(report));
  return `${lines.join("\n")}\n`;
}

const LAYOUT_JA = {
  seed: "14列の評価シート",
  table: "表(1行1指標)",
  cards: "カード(1ブロック1施策)",
  yearTables: "指標ごとの年度表(表の上に指標名)",
} as const;

/** What the reader recognised: layout, evaluated year, each column's meaning, the scale. */
function formatProfile(report: ImportReport): string[] {
  const p = report.profile;
  if (!p || p.layout === "seed") return [];
  const lines = [`読み取った様式: ${LAYOUT_JA[p.layout ?? "table"]}、評価年度 ${p.fiscalYear ?? "?"}年度`];
  for (const c of p.columns ?? [])
    lines.push(
      `  表${c.table ?? 1} ${c.col}列目「${c.header ?? ""}」→ ${FIELD_JA[c.field]}${c.year ? ` (${c.year}年度)` : ""}`,
    );
  if (p.scale)
    lines.push(
      `  評価尺度: ${p.scale.bands.map((b) => `${b.label}=${CATEGORY_LABELS_JA[b.category]}${b.min !== null ? `(${Math.round(b.min * 100)}%以上)` : ""}`).join(" ")}`,
    );
  lines.push("  (列の意味が違うときは --profile FILE で直せます: --report の profile を書き換えて渡す)");
  return lines;
}

const short = (s: string | null) => {
  if (s === null) return "";
  const one = s.replace(/\n/g, "⏎");
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
};
