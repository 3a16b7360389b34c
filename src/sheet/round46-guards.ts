/**
 * Guards of round 46: shapes ofunato-kensho's first reading left wrong with exit 0, refused now whatever reader path
 * leaves them so (exit 2, `implausible_reading`, the line or the band named).
 * - 「基本目標名 1 大船渡にしごとを…」 above a table (a 検証シート per goal): the level's word with 名 as a key, its number
 *   and title the value. Unread, the table's first level column (プロジェクト) was taken for the goal and the measure
 *   left empty: a numbered level line whose title no KPI carries at any level is a heading lost.
 * - A legend band judged on two criteria whose KPI criterion says the figure is at or above what was expected
 *   (「A 概ね計画内容どおり進捗している 当初見込み以上」) read below on track (its hedge 概ね taken for the band).
 * - A band whose delay is partial (「B 一部に進捗の遅れがみられる」) read delayed beside a band whose delay is general
 *   (「C 全体的に進捗の遅れが明らかである」), read delayed too: the legend grades them, the reading made them one.
 * And three shapes of imabari-kohyo's cards, refused on its first reading but read wrong with exit 0 when their rules are
 * taken out (card-placement.ts, card-indicator-table.ts):
 * - a labelled level line in a cell (「具体的施策:(イ)…」, 「取組:②…」, 「基本目標:1.…」) whose title no KPI carries;
 * - a header's 目標値 / 実績値 dated by a month from January to March (「(平成28年3月)」) while the KPIs' figures are dated in
 *   that calendar year: the month closes the fiscal year before;
 * - the projects' names each still opening with the cards' list numbers 1., 2., … in order.
 */
import type { Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { findYear } from "./header-years.ts";
import { lostLevelLine } from "./lost-level-lines.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { SourceTable } from "./types.ts";

const NAMED_LEVEL_LINE =
  /^[■□◆◇●]?\s*(?:大基本目標|基本目標|政策目標|基本戦略|基本施策|基本的方向|施策)名\s*[:：]?\s*(?:[0-9０-９]{1,2}[\s.．、]+|[①-⑳]\s*)(\S.{1,60})$/;
const EXPECTED_MET = /見込み?(値)?(以上|を(上回|超え))/;
const PARTIAL_DELAY = /一部(に|で|の)?(進捗|事業|取組|計画)?(の|に)?遅れ/;
const GENERAL_DELAY = /(全体的?に|全般的?に|大幅に|大きく)(進捗の|事業の)?遅れ|遅れが明らか/;

function namedLevelLost(sheet: Sheet, table: SourceTable): string | null {
  return lostLevelLine(sheet, table, NAMED_LEVEL_LINE);
}

function gradedBandsMisread(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  const said = (b: { label: string; meaning?: string }) => (b.meaning ?? "").normalize("NFKC");
  const met = bands.find((b) => EXPECTED_MET.test(said(b)) && b.category !== "on_track");
  if (met)
    return `凡例「${met.label}」は実績が見込み以上であることを示すのに、達成(順調)として読めていません。凡例の段階を取り違えたおそれがあります`;
  const partial = bands.find((b) => PARTIAL_DELAY.test(said(b)) && b.category === "delayed");
  const general = bands.find((b) => GENERAL_DELAY.test(said(b)) && b.category === "delayed");
  if (partial && general && partial !== general)
    return `凡例「${partial.label}」(一部の遅れ)と「${general.label}」(全体の遅れ)を同じ段階(遅れ)として読みました。凡例の段階を取り違えたおそれがあります`;
  return null;
}

const LABELLED_LEVEL_CELL = /^(?:基本目標|基本施策|具体的な?施策|施策|取組)\s*[:：]\s*([^。:：]{2,60})$/;
const MONTH_DATED = /(目標|実績)値?\s*[(（]\s*((?:平成|令和)(?:元|\d{1,2})年\s*([1-3])\s*月)\s*[)）]/;

function cardLinesMisread(sheet: Sheet, table: SourceTable): string | null {
  // (The table's cells and the lines a PDF's text left outside it: a card's first row merged across it is such a line.)
  const cells = [
    ...table.rows.flatMap((r) => r.cells.map((text) => ({ row: r.row, text }))),
    ...table.outside,
  ].map((c) => ({ row: c.row, text: squash(c.text.replace(/<br\s*\/?>/gi, "")) }));
  const carried = new Set(
    sheet.kpis.flatMap((k) => [k.goal.title, k.subgoal.title, k.measure.title].map(squash)),
  );
  for (const c of cells) {
    const m = LABELLED_LEVEL_CELL.exec(c.text);
    if (m && !carried.has(squash(readOrdinal(m[1]!).title)))
      return `${c.row}行目「${c.text.slice(0, 30)}」は計画の階層(番号と名前)ですが、どの指標の階層にもなっていません。カードの位置づけを読み違えたおそれがあります`;
  }
  for (const c of cells) {
    const m = MONTH_DATED.exec(c.text);
    const calendar = m ? findYear(m[2]!)?.year : undefined;
    if (calendar && sheet.kpis.some((k) => k.actual?.kind === "number" && k.actual.period.year === calendar))
      return `${c.row}行目「${c.text.slice(0, 24)}」の${m![2]}は${calendar - 1}年度の末ですが、値を${calendar}年度として読みました。年度を読み違えたおそれがあります`;
  }
  const projects = [...new Set(sheet.kpis.map((k) => k.initiatives?.[0] ?? ""))];
  const numbered = (n: string, i: number) => new RegExp(`^\\s*${i + 1}\\s*[.．]\\s*\\S`).test(n);
  if (projects.length >= 2 && projects.every(numbered))
    return `事業名「${projects[0]!.slice(0, 20)}」「${projects[1]!.slice(0, 20)}」…は一覧の番号(1. 2. …)から始まります。番号を名前の一部として読んだおそれがあります`;
  return null;
}

export const round46Refusal = (sheet: Sheet, table: SourceTable): string | null =>
  namedLevelLost(sheet, table) ?? gradedBandsMisread(sheet) ?? cardLinesMisread(sheet, table);
