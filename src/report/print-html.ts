/**
 * The printable evaluation sheet (HTML for Chromium's PDF printer): a summary first page, then the
 * 14-column table, A4 landscape, header repeated on every page.
 */
import { fiscalYear, formatFiscalYearJa } from "../core/period.ts";
import type { Sheet } from "../core/sheet.ts";
import { BUNDLED_FONT_FAMILY, bundledFontCss } from "./bundled-font.ts";
import type { SheetEvaluationView } from "./evaluation-view.ts";
import { esc } from "./html.ts";
import { PAGINATE_SCRIPT } from "./paginate-script.ts";
import { numericGoalsHtml, scaleLegendHtml } from "./sheet-extras-html.ts";
import { hasBaselines, sheetTableHtml } from "./sheet-table.ts";
import { summarise } from "./summary.ts";
import { summaryBlockHtml } from "./summary-html.ts";

export const FONT_STACK = `"${BUNDLED_FONT_FAMILY}", "Noto Sans CJK JP", "Noto Sans JP", sans-serif`;

export interface PrintOptions {
  /** A year not yet published: every page is marked 案 (draft). */
  draft?: boolean;
}

/** The sheet's title: 「令和4年度（2022年度）伊勢崎市 … 評価シート」. */
export const sheetTitle = (sheet: Sheet): string =>
  `${formatFiscalYearJa(fiscalYear(sheet.fiscalYear))} ${sheet.municipality ? `${sheet.municipality} ` : ""}まち・ひと・しごと創生総合戦略 KPI評価シート`;

const PRINT_CSS = `
@page { size: A4 landscape; margin: 10mm 8mm 12mm 8mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 6.8pt; line-height: 1.35; color: #000; }
h1 { font-size: 14pt; margin: 0 0 4mm; }
h2 { font-size: 11pt; margin: 4mm 0 2mm; }
.summary-page { break-after: page; }
.summary-page p { font-size: 9pt; margin: 0 0 3mm; }
table { border-collapse: collapse; }
table.summary { font-size: 9pt; margin-bottom: 5mm; }
table.summary caption { text-align: left; font-weight: bold; font-size: 10pt; padding-bottom: 2mm; }
table.summary th, table.summary td { border: 0.6pt solid #555; padding: 1mm 2mm; }
table.summary thead th { background: #e8edf3; }
table.summary tbody th { text-align: left; font-weight: normal; }
table.summary tr.total { font-weight: bold; background: #f4f6f8; }
.num { text-align: right; }
.chart-figure { margin: 0; }
/* The charts name host fonts in attributes; CSS wins over presentation attributes. */
svg.chart, svg.chart text { font-family: ${FONT_STACK}; }
.chart-figure figcaption { font-size: 8pt; color: #333; }
table.sheet { width: 100%; table-layout: fixed; }
table.sheet thead { display: table-header-group; }
table.sheet th, table.sheet td { border: 0.5pt solid #444; padding: 0.7mm 0.9mm; vertical-align: top;
  overflow-wrap: anywhere; word-break: normal; line-break: strict; }
table.sheet thead th { background: #dfe6ee; font-weight: bold; text-align: center; vertical-align: middle; }
/* Column names stand clear of the first row: a reader (or a tool) that takes the header line's band
   to find a column's edges must not catch the first row's wrapped words in it. */
table.sheet thead tr:last-child th { padding-bottom: 5mm; }
/* paginate-script.ts cuts the table into pages of whole rows; a row taller than a page still breaks. */
table.sheet tbody tr { break-inside: avoid; }
.sheet-page { width: 281mm; }
.numbered { position: relative; }
.page-foot { position: absolute; bottom: 0; left: 0; right: 0; text-align: center; font-size: 6pt; color: #333; }
.sheet-page + .sheet-page { break-before: page; }
.page-head { display: flex; justify-content: space-between; align-items: baseline; }
.draft-mark { border: 1.2pt solid #b00; color: #b00; font-weight: bold; font-size: 12pt; padding: 0 2mm; }
table.sheet tbody th { font-weight: normal; text-align: left; }
table.sheet td.num { text-align: right; }
.c-goal { width: 4.5%; } .c-subgoal { width: 5%; } .c-measure { width: 6.5%; } .c-init { width: 8%; }
.c-status { width: 12.5%; } .c-ind { width: 7.5%; } .c-target, .c-actual, .c-final { width: 6%; }
.c-eval { width: 5.2%; } .c-reason { width: 8.3%; } .c-challenge { width: 10%; } .c-next { width: 10.5%; }
.c-dept { width: 4%; }
`;

/** Only for a sheet that prints them, so that the seed's page stays byte for byte what it was. */
const EXTRAS_CSS = `
/* Another city's layout with a 基準値 column: the narrative columns give it room. */
.with-baseline .c-base { width: 6%; } .with-baseline .c-status { width: 9.5%; }
.with-baseline .c-challenge { width: 8.5%; } .with-baseline .c-next { width: 9%; }
table.numeric-goals { font-size: 8pt; margin-bottom: 4mm; }
table.numeric-goals th, table.numeric-goals td { border: 0.6pt solid #555; padding: 0.8mm 1.5mm; vertical-align: top; }
table.numeric-goals thead th { background: #e8edf3; }
table.numeric-goals tbody th { text-align: left; font-weight: normal; }
.scale-legend { font-size: 7pt; margin: 1.5mm 0 0; }
`;

const hasExtras = (sheet: Sheet): boolean =>
  hasBaselines(sheet) || (sheet.numericGoals?.length ?? 0) > 0 || (sheet.scale?.bands.length ?? 0) > 0;

export function sheetPrintHtml(
  sheet: Sheet,
  evaluation?: SheetEvaluationView | null,
  opts: PrintOptions = {},
): string {
  const title = `${sheetTitle(sheet)}${opts.draft ? "（案）" : ""}`;
  const mark = opts.draft ? `<span class="draft-mark" aria-label="案（未公表）">案</span>` : "";
  const heading = (tag: string) => `<div class="page-head"><${tag}>${esc(title)}</${tag}>${mark}</div>`;
  const { goals, total } = summarise(sheet, evaluation);
  const note = evaluation ? "" : "<p>算定評価は未実施です（評価エンジンの結果が渡されていません）。</p>";
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${bundledFontCss()}\n${PRINT_CSS}${hasExtras(sheet) ? EXTRAS_CSS : ""}</style></head>
<body>
<section class="summary-page">
${heading("h1")}
<p>指標数 ${total.total}件。大基本目標ごとの進捗評価の件数（各課の記載と、数値からの算定）。</p>${note}
${summaryBlockHtml(goals, total, "大基本目標別 進捗評価の件数")}${numericGoalsHtml(sheet)}
</section>
<section class="sheet-pages">
<div class="sheet-page">
${heading("h2")}
${sheetTableHtml(sheet, evaluation, { hierarchyOnEveryRow: true })}${scaleLegendHtml(sheet)}
</div>
</section>
<script>${PAGINATE_SCRIPT}</script>
</body></html>`;
}
