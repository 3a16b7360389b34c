/**
 * A card that lists its indicators in a key table, each under a label, and prints their figures in a
 * year grid below by the same label (a 数値目標評価シート: 「KPI | 指標名 | 基準値(平成26年度) | 目標値(平成31年度) |
 * KPI所管課」 over 「重要業績評価指標 KPI(1) | 合計特殊出生率 | 0.90 | 1.40 | 市民課」, then 「年度 | 単位 | 策定時 | H27 … H31」
 * over 「重要業績評価指標 KPI(1) | | 0.90 | 0.93 | …」 with its 達成率 and 評価 rows under it).
 * Read as pairs, the key table's header named an indicator 「指標名」 and its rows' figures keys; read as
 * a grid, the labelled row was no 実績 row — no actual anywhere. Here the key table gives each indicator
 * its name, department, baseline and the plan's final target (at the years its header prints), and the
 * grid row with its label gives the actuals, the unit and the rows below it (達成率, 評価) their indicator.
 */
import type { CardKpi } from "./card-parts.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { yearOfHeader } from "./general-roles.ts";
import { contentKind } from "./role-content.ts";

export interface LabelledKeyTable {
  nameAt: number;
  /** Columns of the indicators' keys: a department, a unit, a baseline or final target with its year. */
  keys: { at: number; field: Field; year: number }[];
}

const FIGURE = new Set(["value", "percent"]);
const KEY_FIELDS = new Set<Field>(["departments", "unit"]);
const END_FIELDS = new Set<Field>(["baseline", "target", "finalTarget"]);

/**
 * The header of a key table: a label column (「KPI」, 「指標」, 「No.」) then the indicator's name (指標名),
 * then only a baseline or target with its year, a department and a unit — one end with a year at least.
 * Any other name (実績値, 評価, 年度) makes it some other table.
 */
export function labelledKeyTableHeader(cells: readonly string[], era: string): LabelledKeyTable | null {
  const label = recogniseHeader(cells[0] ?? "");
  const name = recogniseHeader(cells[1] ?? "");
  if (!["indicator", "no"].includes(label.field) || label.period) return null;
  if (name.field !== "indicator" || name.period) return null;
  const keys: LabelledKeyTable["keys"] = [];
  for (const [at, c] of cells.entries()) {
    if (at < 2 || isEmpty(c)) continue;
    const m = recogniseHeader(c);
    const year = yearOfHeader(m, era)?.year ?? 0;
    if (END_FIELDS.has(m.field) && year > 0) keys.push({ at, field: m.field, year });
    else if (KEY_FIELDS.has(m.field) && !m.period) keys.push({ at, field: m.field, year: 0 });
    else return null;
  }
  return keys.some((k) => k.year > 0) ? { nameAt: 1, keys } : null;
}

/** A row of the key table: a label, a name in words, a figure under one of its ends at least. */
export function labelledKeyRow(cells: readonly string[], t: LabelledKeyTable, row: number): CardKpi | null {
  const label = squash(cells[0] ?? "");
  const name = cells[t.nameAt] ?? "";
  if (label === "" || FIGURE.has(contentKind(cells[0] ?? "")) || isEmpty(name)) return null;
  if (FIGURE.has(contentKind(name))) return null;
  if (!t.keys.some((k) => k.year > 0 && FIGURE.has(contentKind(cells[k.at] ?? "")))) return null;
  const kpi: CardKpi = {
    row,
    keys: new Map([["indicator", name]]),
    extras: [],
    grid: new Map(),
    years: [],
    ends: new Map(),
    fromGrid: true,
    label,
  };
  for (const k of t.keys) {
    const text = cells[k.at] ?? "";
    if (isEmpty(text)) continue;
    if (k.field === "baseline") kpi.ends.set("baseline", { year: k.year, text });
    // The key table's target with a year is the plan's end (the grid below prints each year's actual).
    else if (k.year > 0) {
      kpi.ends.set("finalTarget", { year: k.year, text });
      kpi.keyedEnd = true;
    } else kpi.keys.set(k.field, text);
  }
  return kpi;
}

/**
 * A grid row by an indicator's label: its actuals under the years (the years it gives a figure — the
 * plan's later years, not measured yet, are none of its years), its unit under 単位, the baseline under
 * 策定時 when the key table gave none.
 */
export function readLabelledGridRow(
  kpis: readonly CardKpi[],
  cells: readonly string[],
  years: readonly (number | null)[],
  roles: readonly (Field | null)[],
): CardKpi | null {
  const label = squash(cells[0] ?? "");
  const kpi = label === "" ? undefined : kpis.find((k) => k.label === label);
  if (!kpi) return null;
  const actual = new Map<number, string>();
  cells.forEach((c, i) => {
    const y = years[i];
    if (y != null && roles[i] === null) actual.set(y, c);
    else if (roles[i] === "unit") kpi.keys.set("unit", c);
    else if (roles[i] === "baseline" && !isEmpty(c) && !kpi.ends.has("baseline"))
      kpi.ends.set("baseline", { year: 0, text: c });
  });
  kpi.grid.set("actual", actual);
  kpi.years = [...actual].filter(([, t]) => FIGURE.has(contentKind(t))).map(([y]) => y);
  return kpi;
}
