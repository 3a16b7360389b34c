/**
 * A table printed as a card (あきる野市's 進捗管理シート: 分野 | 2 健康・福祉, 施策 | 2-1 …, 所管課 | 健康課 above a
 * grid of 成果目標 | 単位 | 現状値 | 目標値 | 実績値 | 自己評価, then 取組における進捗状況 | … and 翌年度の取組 | …
 * below it): rows that are a key and its value, not KPIs. A level's key heads the rows below it; a
 * department printed above the grid is each of its rows'; a sentence printed below the grid (status,
 * next steps) is said of every indicator of that grid.
 */
import type { Kpi } from "../core/sheet.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";
import { readList, readText } from "./general-values.ts";

type KeyField = "departments" | "status" | "nextSteps" | "challenge" | "reason" | "comments";
const KEY_FIELDS: readonly Field[] = [
  "departments",
  "status",
  "nextSteps",
  "challenge",
  "reason",
  "comments",
];

export interface TableKey {
  field: "goal" | "subgoal" | "measure" | KeyField;
  value: string;
}

/**
 * A row that is one key and its value: the first cell a short name of a level, a department or a
 * sentence field (分野, 施策, 所管課, 取組における進捗状況, 翌年度の取組), the value right after it, nothing
 * else in the row (a cell merged across the row is read once).
 */
export function tableKeyRow(cells: readonly string[]): TableKey | null {
  const name = squash(cells[0] ?? "");
  if (name === "" || name.length > 12 || /\d/.test(name)) return null;
  if (squash(cells[1] ?? "") === "") return null;
  const rest = new Set(cells.slice(1).filter((c) => squash(c) !== ""));
  if (rest.size !== 1) return null;
  // A figure after a name is a row of values (「担当課の数 | 3」), not a key's value: keys hold words.
  if (/^[▲△-]?[\d,.]+[%％]?\S{0,3}$/.test(squash([...rest][0]!))) return null;
  const field = recogniseHeader(cells[0]!).field;
  if (!LEVEL_FIELDS.has(field) && !KEY_FIELDS.includes(field)) return null;
  return { field: field as TableKey["field"], value: cells[1]!.trim() };
}

/**
 * The keys of the card being read: those printed above its grid go with each row read after them,
 * those printed below it with the rows already read since the card began. A level's key after rows
 * begins the next card.
 */
export class TableKeys {
  private above = new Map<KeyField, string>();
  private rows: number[] = [];
  private readonly byRow = new Map<number, Map<KeyField, string>>();

  /** A key row: a level's key after rows begins a new card; another key goes above or below the grid. */
  key(k: TableKey): void {
    if (LEVEL_FIELDS.has(k.field)) {
      if (this.rows.length > 0) {
        this.above = new Map();
        this.rows = [];
      }
      return;
    }
    const f = k.field as KeyField;
    if (this.rows.length === 0) this.above.set(f, k.value);
    else for (const r of this.rows) if (!this.byRow.get(r)!.has(f)) this.byRow.get(r)!.set(f, k.value);
  }

  /** A row of the grid (a KPI's), read under the keys printed above it. */
  row(row: number): void {
    this.rows.push(row);
    this.byRow.set(row, new Map(this.above));
  }

  /** Fills what a KPI's own cells left empty from its card's keys. */
  apply(kpi: Kpi, authored: boolean): void {
    const keys = this.byRow.get(kpi.row ?? -1);
    if (!keys) return;
    for (const [f, v] of keys) {
      if (f === "departments") {
        if (kpi.departments.length === 0) kpi.departments = readList(v);
      } else if (f === "comments") {
        kpi.comments ??= readText(v, authored);
      } else if (kpi[f] === null || kpi[f] === undefined) kpi[f] = readText(v, authored);
    }
  }

  /** Whether any key was read (the sheet says so in its issues). */
  get used(): boolean {
    return this.byRow.size > 0 && [...this.byRow.values()].some((m) => m.size > 0);
  }
}
