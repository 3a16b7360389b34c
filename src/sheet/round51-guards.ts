/**
 * Guards of round 51: shapes suzu-suishin's first reading (a 地方創生推進交付金事業 効果検証結果) left wrong with exit
 * 0, refused now whatever reader path leaves them so (exit 2, `implausible_reading`, the cell or the band named).
 * - 「目標値(R2.3)」: a target dated by the 交付金 forms' year-month 「R2.3」 (the end of 令和元年度 = 平成31年度), unread as a
 *   date, taken for the plan's final target — the year's target left missing on every KPI.
 * - A legend band no row uses (「地方創生に効果があった:…」) left inside the meaning of the band before it: a band's
 *   meaning holding another label of the same opening words and a colon.
 * - A worksheet's line under the table naming a column and its choices (「今後の方針 事業の発展/事業の継続/…」) joined
 *   to the last row as its continuation (the project's name).
 * And one of shimanto-totatsu's, refused on its first reading (「H27到達点」 unknown) but read wrong with exit 0 once
 * 到達点 was read and the year-colon rule taken out (round51-year-colon.ts): 「H26:0.9ha」 kept as a text baseline.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import { valuesJa } from "./field.ts";
import { isColumnChoiceLine } from "./round51-choice-lines.ts";
import { bracketedYearMonth } from "./round51-year-colon.ts";
import type { SourceTable } from "./types.ts";

const TARGET_YEAR_MONTH = /目標値?\s*[(（]\s*(?:令和|平成|[RH])(?:元|\d{1,2})[.．]\d{1,2}月?末?\s*[)）]/;

const cellsOf = (table: SourceTable) =>
  [...table.rows.flatMap((r) => r.cells.map((text) => ({ row: r.row, text }))), ...table.outside].map(
    (c) => ({
      row: c.row,
      text: c.text.replace(/<br\s*\/?>/gi, "").trim(),
    }),
  );

function yearMonthTargetAsFinal(sheet: Sheet, table: SourceTable): string | null {
  if (sheet.kpis.length === 0 || sheet.kpis.some((k) => k.target?.kind === "number")) return null;
  for (const c of cellsOf(table)) {
    const m = TARGET_YEAR_MONTH.exec(c.text);
    const fy = m ? bracketedYearMonth(m[0])?.year : undefined;
    if (
      fy !== undefined &&
      sheet.kpis.some((k) => k.finalTarget?.kind === "number" && k.finalTarget.period.year === fy)
    )
      return `${c.row}行目「${c.text.slice(0, 24)}」は${fy}年度末(年月で示す)の目標値ですが、どの指標の目標値にもならず計画の最終目標として読みました。年度を読み違えたおそれがあります`;
  }
  return null;
}

function bandSwallowed(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  if (bands.length < 2) return null;
  let prefix = bands[0]!.label;
  for (const b of bands) while (!b.label.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if ([...prefix].length < 3) return null;
  const esc = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const inner = new RegExp(`(?:^|\\s)(${esc}[^\\s:：。、]{1,20})\\s*[:：]`);
  for (const b of bands) {
    const m = inner.exec(b.meaning ?? "");
    if (m)
      return `凡例「${b.label}」の説明の中に別の段階「${m[1]}:」があります。凡例の段階を読み落としたおそれがあります`;
  }
  return null;
}

function choiceLineJoined(sheet: Sheet, table: SourceTable): string | null {
  // (The column names: short cells of the rows with three filled cells or more.)
  const names = table.rows.flatMap((r) =>
    r.cells.filter((c) => !isEmpty(c)).length >= 3
      ? r.cells.filter((c) => !isEmpty(c) && [...squash(c)].length <= 12).map((header) => ({ header }))
      : [],
  );
  const texts = sheet.kpis.flatMap((k) =>
    [
      ...(k.initiatives ?? []),
      k.indicator,
      k.comments ?? "",
      k.goal.title,
      k.subgoal.title,
      k.measure.title,
    ].map(squash),
  );
  for (const r of table.rows) {
    const filled = r.cells.filter((c) => !isEmpty(c));
    if (filled.length !== 1 || !isColumnChoiceLine(filled[0]!, names)) continue;
    const line = squash(filled[0]!);
    if (texts.some((t) => t !== line && t.includes(line)))
      return `${r.row}行目「${filled[0]!.slice(0, 24)}」は列の選択肢の一覧(凡例)ですが、上の行の続きとして読みました`;
  }
  return null;
}

const YEAR_COLON_TEXT =
  /^(?:(?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?|(?:19|20)\d{2}年度?)\s*[:：]\s*[▲△+\-−]?\d/;

function yearColonAsText(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [field, v] of valuesJa(k))
      if (v?.kind === "text" && YEAR_COLON_TEXT.test(v.text.normalize("NFKC").trim()))
        return `${name(k)}の${field}「${v.text.slice(0, 20)}」は年度とコロンの後に数値があるのに、数値として読めていません`;
  return null;
}

/**
 * A rating a KPI prints that the lines outside the table explain (「地方創生に効果がなかった:…」) but the scale read lacks:
 * the legend's line was not read whole (a print that wrapped or cut it: suzu-suishin's wide PDF).
 */
function ratedLabelUnread(sheet: Sheet, table: SourceTable): string | null {
  const bands = sheet.scale?.bands ?? [];
  if (bands.length < 2) return null;
  const known = new Set(bands.map((b) => squash(b.label)));
  const lines = [
    ...table.outside,
    ...table.rows.flatMap((r) => {
      const filled = r.cells.filter((c) => !isEmpty(c));
      return filled.length === 1 ? [{ row: r.row, text: filled[0]! }] : [];
    }),
  ].map((o) => ({ row: o.row, text: squash(o.text) }));
  for (const k of sheet.kpis) {
    const label = squash(k.evaluation.label ?? "");
    if ([...label].length < 2 || known.has(label)) continue;
    const explained = lines.find((o) => o.text.includes(`${label}:`) || o.text.includes(`${label}：`));
    if (explained)
      return `評価「${k.evaluation.label}」は表の外の${explained.row}行目に説明がありますが、評価尺度(凡例)として読めていません。凡例を読み落としたおそれがあります`;
  }
  return null;
}

/**
 * An indicator's name that is a bare figure (「120」): a row's cells placed a column too far left (a Markdown row that lost
 * an empty cell inside and its empty cells at the end, suzu-suishin's trimmed variant before `realign-general-row.ts`
 * placed it) — the name then stands under another column, a figure under the name.
 */
function figureAsIndicator(sheet: Sheet, name: (k: Kpi) => string): string | null {
  const k = sheet.kpis.find((x) => /^[▲△+\-−]?[\d,，.．]+\s*[%％]?$/.test(squash(x.indicator)));
  return k
    ? `${name(k)}は数値だけで、指標名になっていません。行のセルを列に当てはめ違えたおそれがあります`
    : null;
}

export const round51Refusal = (sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null =>
  yearMonthTargetAsFinal(sheet, table) ??
  bandSwallowed(sheet) ??
  choiceLineJoined(sheet, table) ??
  yearColonAsText(sheet, name) ??
  ratedLabelUnread(sheet, table) ??
  figureAsIndicator(sheet, name);
