/**
 * The public static site: index (dashboard), one sheet page per year, one page per KPI, and the
 * open-data downloads. Pure: returns the files; the CLI writes them. Pages use relative links,
 * inline CSS and inline SVG only — no script, no fetch, no external request — so they work from
 * any static server and from file://.
 */
import { fiscalYear, formatFiscalYearJa } from "../core/period.ts";
import { earlierPrintedYears } from "../core/printed-years.ts";
import { CATEGORY_LABELS_JA, type Kpi, type Sheet, type Value } from "../core/sheet.ts";
import { formatQuantityJa, formatRate, LINE_SEGMENTS, printedValueInColumn } from "../core/value/format.ts";
import { type EvaluatedSheet, evaluationOf } from "./evaluation-view.ts";
import { esc, escLines } from "./html.ts";
import { toOpenDataCsv, toOpenDataJson } from "./open-data.ts";
import { numericGoalsHtml, scaleLegendHtml } from "./sheet-extras-html.ts";
import { circled, columnHeads, sheetTableHtml, statedLabel } from "./sheet-table.ts";
import { behindSchedule, summarise } from "./summary.ts";
import { summaryBlockHtml } from "./summary-html.ts";
import { lineChartSvg, type Series } from "./svg-chart.ts";

export interface SiteFile {
  /** Relative, "/"-separated: "index.html", "kpi/k1a2b3c4d.html", "data/sosei-all.csv". */
  path: string;
  content: string;
}

export interface SiteOptions {
  /** Link each year's PDF and XLSX (sheetBinaryPaths), which the caller writes beside the site. */
  sheetFiles?: boolean;
  /** Overrides the site title (default: 「{municipality} まち・ひと・しごと創生総合戦略 KPI評価」). */
  title?: string;
}

/** FNV-1a, 32 bit, hex: short stable file names from Japanese indicator names. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const normalise = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * The KPI page's key: the indicator name (so a KPI's years share one page); an indicator that
 * occurs twice in one sheet is told apart by its place in the tree.
 */
export function kpiKeys(sheet: Sheet): Map<Kpi, string> {
  const count = new Map<string, number>();
  for (const k of sheet.kpis) count.set(normalise(k.indicator), (count.get(normalise(k.indicator)) ?? 0) + 1);
  const out = new Map<Kpi, string>();
  for (const k of sheet.kpis) {
    const n = normalise(k.indicator);
    const base = `k${shortHash(n)}`;
    out.set(
      k,
      (count.get(n) ?? 0) > 1 ? `${base}-${k.goal.no}-${k.subgoal.no}-${k.measure.no}-${k.row}` : base,
    );
  }
  return out;
}

const SITE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; color: #1f2328; background: #fff;
  line-height: 1.7; font-size: 16px; -webkit-text-size-adjust: 100%; }
a { color: #0550ae; }
a:focus-visible, .table-scroll:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
header.site { background: #0b3d66; color: #fff; padding: 12px 16px; }
header.site a { color: #fff; text-decoration: none; font-weight: bold; }
header.site nav ul { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
header.site nav a { font-weight: normal; text-decoration: underline; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
main.wide { max-width: none; }
h1 { font-size: 1.5rem; line-height: 1.4; margin: 8px 0 16px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 2px solid #0b3d66; padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 0.875rem; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #8c959f; padding: 4px 8px; vertical-align: top; }
thead th { background: #e7eef6; }
tbody th { text-align: left; font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
tr.total { font-weight: bold; background: #f6f8fa; }
table.sheet { min-width: 1500px; font-size: 0.8rem; line-height: 1.5; }
table.sheet td.grp { background: #f6f8fa; }
table.sheet .c-status, table.sheet .c-reason, table.sheet .c-challenge, table.sheet .c-next { min-width: 12em; }
table.sheet .c-ind { min-width: 9em; }
table.sheet td.num { white-space: normal; min-width: 7.5em; }
table.sheet .c-init { min-width: 10em; }
table.sheet .c-goal, table.sheet .c-subgoal, table.sheet .c-measure { min-width: 6.5em; }
table.sheet .c-eval, table.sheet .c-computed { min-width: 6em; }
.table-scroll th, .table-scroll td { min-width: 4.5em; }
.table-scroll tbody th { min-width: 9em; }
table.summary th, table.summary td { min-width: 2.6em; }
.table-scroll table:not(.sheet) thead th { white-space: nowrap; }
table.summary thead th { white-space: nowrap; }
.chart-figure { margin: 8px 0 16px; }
.chart-figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.875rem; color: #57606a; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
.downloads li { margin: 4px 0; }
footer.site { border-top: 1px solid #d0d7de; margin-top: 32px; padding: 12px 16px; font-size: 0.875rem; color: #57606a; }
.note { color: #57606a; font-size: 0.875rem; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  main { padding: 12px; }
  h1 { font-size: 1.25rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 6px; }
}
`;

interface PageArgs {
  title: string;
  siteTitle: string;
  /** "" for top-level pages, "../" for kpi/. */
  root: string;
  body: string;
  years: number[];
  wide?: boolean;
}

function page(a: PageArgs): string {
  const nav = [
    `<li><a href="${a.root}index.html">トップ</a></li>`,
    ...a.years.map(
      (y) =>
        `<li><a href="${a.root}sheet-${y}.html">${esc(formatFiscalYearJa(fiscalYear(y)))}の評価シート</a></li>`,
    ),
    `<li><a href="${a.root}index.html#downloads">オープンデータ</a></li>`,
  ].join("");
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(a.title === a.siteTitle ? a.title : `${a.title} | ${a.siteTitle}`)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="site"><a href="${a.root}index.html">${esc(a.siteTitle)}</a>
<nav aria-label="サイト内"><ul>${nav}</ul></nav></header>
<main id="main"${a.wide ? ' class="wide"' : ""}>
${a.body}
</main>
<footer class="site">このサイトは Sosei（創生）で作成した静的なページです。数値は各年度の評価シートのとおりです。</footer>
</body>
</html>
`;
}

const tableWrap = (label: string, table: string) =>
  `<div class="table-scroll" role="region" aria-label="${esc(label)}" tabindex="0">${table}</div>`;

interface KpiYear {
  entry: EvaluatedSheet;
  kpi: Kpi;
}

const SERIES_COLORS = ["#0550ae", "#8250df", "#bc4c00", "#116329", "#cf222e", "#4d2d00"];

/** Chart series for a KPI over the years: actuals, targets, final targets (numbers and segments). */
export function kpiSeries(years: readonly KpiYear[]): { series: Series[]; unit: string | null } {
  const units = new Set<string>();
  const acc = new Map<string, Series>();
  const add = (
    key: string,
    name: string,
    style: Series["style"],
    color: string,
    x: number,
    y: number,
    label: string,
  ) => {
    let s = acc.get(key);
    if (!s) {
      s = { name, style, color, points: [] };
      acc.set(key, s);
    }
    if (!s.points.some((p) => p.x === x && p.y === y)) s.points.push({ x, y, label });
  };
  const labels: string[] = [];
  const take = (v: Value, style: Series["style"]) => {
    const base = style === "actual" ? "実績値" : style === "target" ? "目標値" : "最終目標値";
    if (v.kind === "number") {
      if (v.unit) units.add(v.unit);
      const color = style === "final" ? "#cf222e" : style === "target" ? "#8250df" : "#0550ae";
      add(
        `${style}`,
        base,
        style,
        color,
        v.period.year,
        v.value,
        printedValueInColumn(v, null, LINE_SEGMENTS),
      );
    } else if (v.kind === "segmented") {
      for (const seg of v.segments) {
        if (seg.unit) units.add(seg.unit);
        if (!labels.includes(seg.label)) labels.push(seg.label);
        const color = SERIES_COLORS[labels.indexOf(seg.label) % SERIES_COLORS.length] ?? "#0550ae";
        add(
          `${style}/${seg.label}`,
          `${base}（${seg.label}）`,
          style,
          color,
          v.period.year,
          seg.value,
          `${seg.label} ${formatQuantityJa(seg)}`,
        );
      }
    }
  };
  for (const { kpi } of years) {
    take(kpi.actual, "actual");
    take(kpi.target, "target");
    take(kpi.finalTarget, "final");
  }
  // Earlier years a sheet printed in its year columns, never imported as years of their own.
  const stored = years.map((y) => ({ fiscalYear: y.entry.sheet.fiscalYear, kpi: y.kpi }));
  for (const p of earlierPrintedYears(stored)) take(p.actual, "actual");
  const order: Series["style"][] = ["actual", "target", "final"];
  const series = [...acc.values()].sort((a, b) => order.indexOf(a.style) - order.indexOf(b.style));
  return { series, unit: units.size === 1 ? ([...units][0] ?? null) : null };
}

function kpiPage(key: string, years: KpiYear[], siteTitle: string, allYears: number[]): SiteFile {
  const sorted = [...years].sort((a, b) => b.entry.sheet.fiscalYear - a.entry.sheet.fiscalYear);
  const latest = sorted[0]!;
  const k = latest.kpi;
  const { series, unit } = kpiSeries(sorted);
  const chart = lineChartSvg(series, { title: `${k.indicator} の推移`, unit, width: 560 });
  const rows = sorted
    .map(({ entry, kpi }) => {
      const e = evaluationOf(entry.evaluation, kpi);
      const fy = entry.sheet.fiscalYear;
      const col = { year: fy, basis: "fiscal" as const };
      return `<tr><th scope="row"><a href="../sheet-${fy}.html">${esc(formatFiscalYearJa(fiscalYear(fy)))}</a></th><td class="num">${escLines(printedValueInColumn(kpi.target, col, LINE_SEGMENTS))}</td><td class="num">${escLines(printedValueInColumn(kpi.actual, col, LINE_SEGMENTS))}</td><td class="num">${escLines(printedValueInColumn(kpi.finalTarget, null, LINE_SEGMENTS))}</td><td>${esc(statedLabel(kpi))}</td><td>${e ? esc(CATEGORY_LABELS_JA[e.computed ?? "not_evaluable"]) : "－"}</td><td class="num">${e?.achievementRate != null ? esc(formatRate(e.achievementRate)) : "－"}</td></tr>`;
    })
    .join("");
  const table = `<table><caption>年度ごとの値と評価</caption><thead><tr><th scope="col">年度</th><th scope="col">目標値</th><th scope="col">実績値</th><th scope="col">最終目標値</th><th scope="col">進捗評価（記載）</th><th scope="col">算定評価</th><th scope="col">達成率</th></tr></thead><tbody>${rows}</tbody></table>`;
  const narrative = sorted
    .map(
      ({ entry, kpi }) => `<h3>${esc(formatFiscalYearJa(fiscalYear(entry.sheet.fiscalYear)))}</h3>
<dl class="facts"><dt>主な取組</dt><dd>${kpi.initiatives.map((t) => escLines(t)).join("<br>") || "－"}</dd>
<dt>実施状況</dt><dd>${escLines(kpi.status ?? "－")}</dd>
<dt>進捗が遅れている理由</dt><dd>${escLines(kpi.reason ?? "－")}</dd>
<dt>課題</dt><dd>${escLines(kpi.challenge ?? "－")}</dd>
<dt>今後の方策等</dt><dd>${escLines(kpi.nextSteps ?? "－")}</dd></dl>`,
    )
    .join("\n");
  const body = `<p class="note"><a href="../index.html">トップ</a> ＞ 指標</p>
<h1>${escLines(k.indicator)}</h1>
<dl class="facts">
<dt>大基本目標</dt><dd>${k.goal.no} ${esc(k.goal.title)}</dd>
<dt>小基本目標</dt><dd>${k.subgoal.no} ${esc(k.subgoal.title)}</dd>
<dt>具体的な施策</dt><dd>${circled(k.measure.no)} ${esc(k.measure.title)}</dd>
<dt>担当課</dt><dd>${k.departments.map((d) => esc(d)).join("・") || "－"}</dd>
</dl>
<h2>推移</h2>
<figure class="chart-figure">${chart}<figcaption>実績値（●）、各年度の目標値（□、破線）、最終目標値（▲）。横軸は値の年（年度）。</figcaption></figure>
${tableWrap("年度ごとの値と評価", table)}
<h2>取組と今後の方策</h2>
${narrative}`;
  return {
    path: `kpi/${key}.html`,
    content: page({ title: k.indicator, siteTitle, root: "../", body, years: allYears }),
  };
}

/** Builds every file of the site. `entries` may come in any order; each fiscal year once. */
/**
 * The files of a year: the official sheet (PDF, Excel) and the open data (CSV, JSON). The PDF and
 * XLSX are binary and written beside the site by the caller (`sosei publish`): sheetBinaryPaths.
 */
const yearLinks = (fy: number, sheetFiles: boolean): string =>
  `${sheetFiles ? `<a href="data/sheet-${fy}.pdf">評価シート PDF</a> ／ <a href="data/sheet-${fy}.xlsx">Excel</a> ／ ` : ""}<a href="data/sheet-${fy}.csv">CSV</a> ／ <a href="data/sheet-${fy}.json">JSON</a>`;

/** Where the site links a year's printed sheet (PDF) and workbook (XLSX). */
export const sheetBinaryPaths = (fy: number) => ({
  pdf: `data/sheet-${fy}.pdf`,
  xlsx: `data/sheet-${fy}.xlsx`,
});

export function buildSite(entries: readonly EvaluatedSheet[], opts: SiteOptions = {}): SiteFile[] {
  const yearDownloads = (fy: number) => yearLinks(fy, opts.sheetFiles === true);
  const sorted = [...entries].sort((a, b) => b.sheet.fiscalYear - a.sheet.fiscalYear);
  const years = sorted.map((e) => e.sheet.fiscalYear);
  const municipality = sorted.find((e) => e.sheet.municipality)?.sheet.municipality ?? null;
  const siteTitle =
    opts.title ?? `${municipality ? `${municipality} ` : ""}まち・ひと・しごと創生総合戦略 KPI評価`;
  const files: SiteFile[] = [];

  const byKey = new Map<string, KpiYear[]>();
  const keyOf = new Map<Kpi, string>();
  for (const entry of sorted) {
    for (const [kpi, key] of kpiKeys(entry.sheet)) {
      keyOf.set(kpi, key);
      const list = byKey.get(key) ?? [];
      list.push({ entry, kpi });
      byKey.set(key, list);
    }
  }

  // Sheet pages.
  for (const entry of sorted) {
    const fy = entry.sheet.fiscalYear;
    const title = `${formatFiscalYearJa(fiscalYear(fy))} KPI評価シート`;
    const table = sheetTableHtml(entry.sheet, entry.evaluation, {
      withComputed: true,
      kpiHref: (k) => `kpi/${keyOf.get(k)}.html`,
      caption: title,
    });
    const heads = columnHeads(entry.sheet);
    const body = `<h1>${esc(title)}</h1>
<p>指標 ${entry.sheet.kpis.length}件。表は横にスクロールできます。「${esc(heads.finalTarget)}」は計画の最終目標です。算定評価・達成率は目標値と実績値から Sosei が算定したものです。</p>
<p>ダウンロード: ${yearDownloads(fy)}</p>
${tableWrap(title, table)}${scaleLegendHtml(entry.sheet)}${numericGoalsHtml(entry.sheet)}`;
    files.push({
      path: `sheet-${fy}.html`,
      content: page({ title, siteTitle, root: "", body, years, wide: true }),
    });
    files.push({
      path: `data/sheet-${fy}.csv`,
      content: toOpenDataCsv([entry.sheet], [entry.evaluation], [entry.identity]),
    });
    files.push({ path: `data/sheet-${fy}.json`, content: toOpenDataJson([entry.sheet], [entry.evaluation]) });
  }
  files.push({
    path: "data/sosei-all.csv",
    content: toOpenDataCsv(
      sorted.map((e) => e.sheet),
      sorted.map((e) => e.evaluation),
      sorted.map((e) => e.identity),
    ),
  });
  files.push({
    path: "data/sosei-all.json",
    content: toOpenDataJson(
      sorted.map((e) => e.sheet),
      sorted.map((e) => e.evaluation),
    ),
  });

  // KPI pages.
  for (const [key, list] of byKey) files.push(kpiPage(key, list, siteTitle, years));

  // Index.
  const sections = sorted.map((entry) => {
    const fy = entry.sheet.fiscalYear;
    const { goals, total } = summarise(entry.sheet, entry.evaluation);
    const behind = behindSchedule(entry.sheet, entry.evaluation);
    const behindRows = behind
      .map((k) => {
        const e = evaluationOf(entry.evaluation, k);
        return `<tr><th scope="row"><a href="kpi/${keyOf.get(k)}.html">${escLines(k.indicator)}</a></th><td>${k.goal.no} ${esc(k.goal.title)}</td><td>${esc(statedLabel(k))}</td><td>${e ? esc(CATEGORY_LABELS_JA[e.computed ?? "not_evaluable"]) : "－"}</td><td>${k.departments.map((d) => esc(d)).join("・")}</td></tr>`;
      })
      .join("");
    const behindTable =
      behind.length === 0
        ? "<p>進捗が遅れている指標はありません。</p>"
        : tableWrap(
            "進捗が遅れている指標",
            `<table><caption>${esc(formatFiscalYearJa(fiscalYear(fy)))} 進捗が遅れている指標（記載または算定が「進捗の遅れ」）</caption><thead><tr><th scope="col">指標名</th><th scope="col">大基本目標</th><th scope="col">進捗評価（記載）</th><th scope="col">算定評価</th><th scope="col">担当課</th></tr></thead><tbody>${behindRows}</tbody></table>`,
          );
    return `<section aria-labelledby="y${fy}"><h2 id="y${fy}">${esc(formatFiscalYearJa(fiscalYear(fy)))}</h2>
<p><a href="sheet-${fy}.html">評価シート（全 ${entry.sheet.kpis.length} 指標）を見る</a></p>
${summaryBlockHtml(goals, total, `${formatFiscalYearJa(fiscalYear(fy))} 大基本目標別 進捗評価の件数`, (t) => tableWrap("大基本目標別の件数", t))}
<h3>進捗が遅れている指標</h3>
${behindTable}
</section>`;
  });
  const downloads = [
    `<li><a href="data/sosei-all.csv">全年度 CSV</a>（UTF-8・BOM付き、1行＝1指標×1年度）</li>`,
    `<li><a href="data/sosei-all.json">全年度 JSON</a>（sheet/1 と算定評価）</li>`,
    ...years.map((y) => `<li>${esc(formatFiscalYearJa(fiscalYear(y)))}: ${yearDownloads(y)}</li>`),
  ].join("");
  const indexBody = `<h1>${esc(siteTitle)}</h1>
<p>総合戦略の重要業績評価指標（KPI）の達成状況です。各課が記載した進捗評価（記載）と、目標値・実績値から算定した評価（算定）を大基本目標ごとに示します。</p>
${sections.join("\n")}
<h2 id="downloads">オープンデータ</h2>
<ul class="downloads">${downloads}</ul>
<p class="note">列の説明は Sosei の docs/open-data.md にあります。</p>`;
  files.push({
    path: "index.html",
    content: page({ title: siteTitle, siteTitle, root: "", body: indexBody, years }),
  });
  return files;
}
