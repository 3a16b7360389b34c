/**
 * A table of indicators inside a card (a 施策評価シート's 「3 政策(施策)指標の状況」: 指標名 | 単位 | H29実績 |
 * H30目標 | H30実績 | 達成率 over one row per indicator). Its header is no row of key–value pairs (read as
 * pairs, 「指標名 | 単位」 named an indicator 「単位」) and it is no year grid (its years are printed with their
 * roles, one column each): each row below it is an indicator of the card, its figures under the
 * header's years. Keys after the table (施策評価 | 計画通り) are the card's, as after a card's year grid.
 */
import { type LabelledKeyTable, labelledKeyRow, labelledKeyTableHeader } from "./card-labelled-kpis.ts";
import type { CardKpi } from "./card-parts.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { yearOfHeader } from "./general-roles.ts";
import { contentKind } from "./role-content.ts";

export interface IndicatorTable {
  /** The columns of figures: their role and the year their header prints. */
  values: { at: number; field: "target" | "actual"; year: number }[];
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
  const out: IndicatorTable = { values: [], unitAt: -1, rateAt: -1 };
  for (const [at, c] of cells.entries()) {
    if (at === 0 || squash(c) === "") continue;
    const m = recogniseHeader(c);
    const year = yearOfHeader(m, era)?.year ?? null;
    if (m.field === "unit" && out.unitAt < 0 && !year) out.unitAt = at;
    else if (m.field === "rate" && out.rateAt < 0 && !year) out.rateAt = at;
    else if ((m.field === "target" || m.field === "actual") && year)
      out.values.push({ at, field: m.field, year });
    else return null;
  }
  return out.values.length >= 2 && out.values.some((v) => v.field === "actual") ? out : null;
}

const FIGURE = new Set(["value", "percent"]);

/** A row of the table: a name in the first cell, a figure under one of the header's years at least. */
export function isIndicatorTableRow(cells: readonly string[], t: IndicatorTable): boolean {
  const name = cells[0] ?? "";
  if (squash(name) === "" || FIGURE.has(contentKind(name))) return false;
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
  const keys = new Map<Field, string>([["indicator", cells[0] ?? ""]]);
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
  if (current && "nameAt" in current) {
    const kpi = labelledKeyRow(cells, current, row);
    return kpi ? { table: current, kpi } : { table: null };
  }
  if (current && isIndicatorTableRow(cells, current))
    return { table: current, kpi: indicatorTableKpi(cells, current, row) };
  return { table: null };
}
