/**
 * A table of indicators inside a card (a 施策評価シート's 「3 政策(施策)指標の状況」: 指標名 | 単位 | H29実績 |
 * H30目標 | H30実績 | 達成率 over one row per indicator). Its header is no row of key–value pairs (read as
 * pairs, 「指標名 | 単位」 named an indicator 「単位」) and it is no year grid (its years are printed with their
 * roles, one column each): each row below it is an indicator of the card, its figures under the
 * header's years. Keys after the table (施策評価 | 計画通り) are the card's, as after a card's year grid.
 */

import type { Period } from "../core/period.ts";
import { type LabelledKeyTable, labelledKeyRow, labelledKeyTableHeader } from "./card-labelled-kpis.ts";
import type { CardKpi } from "./card-parts.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { yearOfHeader } from "./general-roles.ts";
import { contentKind } from "./role-content.ts";

export interface IndicatorTable {
  /** The columns of figures: their role and the year their header prints. */
  values: { at: number; field: "target" | "actual"; year: number }[];
  /** The column of the names: 0, or 1 under a section key merged down the first (「重要業績評価指標(KPI) | 指標 | …」). */
  nameAt: number;
  unitAt: number;
  rateAt: number;
}

/**
 * The header of an indicator table: 指標名 (no year) in its first cell, then only a 単位, a 達成率 and
 * columns naming a target or an actual with a year — two at least, one of them an actual. Any other
 * name (基準値, 評価, 担当課) makes it a table of its own, not a card's list of indicators.
 */
export function indicatorTableHeader(cells: readonly string[], era: string): IndicatorTable | null {
  const first = recogniseHeader(cells[0] ?? "");
  if (first.field !== "indicator" || first.period) return null;
  // 「重要業績評価指標(KPI) | 指標 | 目標値(平成28年3月) | …」: the card's section key, merged down over the rows of the
  // table, before the table's own 指標 — the names are under the second.
  const second = recogniseHeader(cells[1] ?? "");
  const nameAt = second.field === "indicator" && !second.period ? 1 : 0;
  const out: IndicatorTable = { values: [], nameAt, unitAt: -1, rateAt: -1 };
  for (const [at, c] of cells.entries()) {
    if (at <= nameAt || squash(c) === "") continue;
    const m = recogniseHeader(c);
    const year = fiscalOfMonth(c, yearOfHeader(m, era));
    if (m.field === "unit" && out.unitAt < 0 && !year) out.unitAt = at;
    else if (m.field === "rate" && out.rateAt < 0 && !year) out.rateAt = at;
    else if ((m.field === "target" || m.field === "actual") && year)
      out.values.push({ at, field: m.field, year });
    else return null;
  }
  return out.values.length >= 2 && out.values.some((v) => v.field === "actual") ? out : null;
}

/**
 * 「目標値(平成28年3月)」 (a 先行型 交付金's 目標年月 printed in the header): a month names the fiscal year it falls in —
 * January to March close the year before (as core/period.ts reads 「令和4年3月末」); a year alone is read as printed.
 */
function fiscalOfMonth(header: string, period: Period | null): number | null {
  if (!period) return null;
  const month = /年\s*([0-9０-９]{1,2})\s*月/.exec(header.normalize("NFKC"));
  return period.basis === "calendar" && month && Number(month[1]) <= 3 ? period.year - 1 : period.year;
}

const FIGURE = new Set(["value", "percent"]);

/** A row of the table: a name in the first cell, a figure under one of the header's years at least. */
export function isIndicatorTableRow(cells: readonly string[], t: IndicatorTable): boolean {
  const name = cells[t.nameAt] ?? "";
  if (squash(name) === "" || FIGURE.has(contentKind(name))) return false;
  // (Under a section key merged down, the key's column is empty on the table's rows.)
  if (cells.slice(0, t.nameAt).some((c) => squash(c) !== "")) return false;
  return t.values.some((v) => FIGURE.has(contentKind(cells[v.at] ?? "")));
}

/** The row's indicator: its name and unit as keys, its figures by role and year; the rate at the latest actual's year. */
export function indicatorTableKpi(cells: readonly string[], t: IndicatorTable, row: number): CardKpi {
  const grid = new Map<Field, Map<number, string>>();
  for (const v of t.values) {
    const m = grid.get(v.field) ?? new Map<number, string>();
    m.set(v.year, cells[v.at] ?? "");
    grid.set(v.field, m);
  }
  const years = [...new Set(t.values.map((v) => v.year))].sort((a, b) => a - b);
  const latest = Math.max(...t.values.filter((v) => v.field === "actual").map((v) => v.year));
  if (t.rateAt >= 0) grid.set("rate", new Map([[latest, cells[t.rateAt] ?? ""]]));
  const keys = new Map<Field, string>([["indicator", cells[t.nameAt] ?? ""]]);
  if (t.unitAt >= 0) keys.set("unit", cells[t.unitAt] ?? "");
  return { row, keys, extras: [], grid, years, ends: new Map(), fromGrid: true };
}

type CardTable = IndicatorTable | LabelledKeyTable;

/**
 * One row of a card against its indicator table (or its key table of labelled indicators,
 * card-labelled-kpis.ts): a header starts a table (only in a card whose levels or department were
 * read — a table's own header row is no card's), a row under it is an indicator, anything else ends it.
 */
export function indicatorTableStep(
  cells: readonly string[],
  current: CardTable | null,
  inCard: boolean,
  era: string,
  row: number,
): { table: CardTable | null; header?: true; kpi?: CardKpi } {
  const header = inCard ? (indicatorTableHeader(cells, era) ?? labelledKeyTableHeader(cells, era)) : null;
  if (header) return { table: header, header: true };
  if (current && "keys" in current) {
    const kpi = labelledKeyRow(cells, current, row);
    return kpi ? { table: current, kpi } : { table: null };
  }
  if (current && isIndicatorTableRow(cells, current))
    return { table: current, kpi: indicatorTableKpi(cells, current, row) };
  return { table: null };
}
