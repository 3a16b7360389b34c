/**
 * One small table per indicator (松戸市's 「数値目標・重要業績評価指標の現状値」): the indicator named
 * in the line above (「数値目標① 婚姻率」, 「KPI① 保育所待機児童数」), a header of years marked with
 * their role — 平成25年(基準値) | 平成27年 | 平成28年(現状値) | 平成31年(目標値) — and one row of values.
 * The 現状値 is the actual, with its own year (the evaluated year is the latest of them); no
 * evaluation is printed.
 */
import type { Period } from "../core/period.ts";
import type { Kpi, NumericGoal, Ordinal, Sheet, Value } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import { headingLevel, readUnitValue } from "./general-values.ts";
import { findYear } from "./header-years.ts";
import type { ImportProfile } from "./import-profile.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { type DroppedCell, type ImportIssue, type SourceTable, unreadableYearValue } from "./types.ts";

type Role = "baseline" | "actual" | "finalTarget" | "year";
const ROLE: [RegExp, Role][] = [
  [/基準値|策定時|当初値/, "baseline"],
  [/現状値|現在値|実績値|直近値/, "actual"],
  [/目標値|目標/, "finalTarget"],
];
const NAME = /^(数値目標|KPI|重要業績評価指標|指標)\s*([①-⑳]|[0-9０-９]+)?\s*[:：.．]?\s*(.+)$/i;

/** A header cell that is a year, with its role in brackets: 「平成28年(現状値)」. */
function yearCell(text: string): { period: Period; role: Role } | null {
  const t = squash(text);
  let period: Period | null;
  try {
    period = findYear(t);
  } catch {
    return null;
  }
  if (!period) return null;
  const rest = t
    .replace(/(令和|平成|[RH])(元|\d{1,2})年?度?|(19|20)\d{2}年?度?/, "")
    .replace(/[()（）\s]/g, "");
  if (rest === "") return { period, role: "year" };
  const role = ROLE.find(([re]) => re.test(rest));
  return role && rest.replace(role[0], "") === "" ? { period, role: role[1] } : null;
}

export interface YearTablesRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  profile: ImportProfile;
}

/** Reads per-indicator year tables; null when the table has none. */
export function readYearTables(table: SourceTable): YearTablesRead | null {
  // Lines outside the tables (Markdown) take their place by line number; a workbook's rows stay in
  // their worksheets' order (row numbers start again on each worksheet: sorted, a list sheet's
  // rows were read into the first sheet's year tables).
  const rowLines = table.rows.map((r) => ({ row: r.row, text: "", cells: r.cells, sheet: r.sheet }));
  const lines =
    table.outside.length === 0
      ? rowLines
      : [
          ...table.outside.map((o) => ({
            row: o.row,
            text: o.text,
            cells: null as string[] | null,
            sheet: undefined,
          })),
          ...rowLines,
        ].sort((a, b) => a.row - b.row);
  const issues: ImportIssue[] = [];
  const dropped: DroppedCell[] = [];
  let goal: Ordinal = { no: 0, title: "" };
  let name: string | null = null;
  let header: ({ period: Period; role: Role } | null)[] | null = null;
  const found: { goal: Ordinal; name: string; row: number; cells: (readonly [Period, Role, string])[] }[] =
    [];
  let sheetName: string | undefined;
  for (const line of lines) {
    // A year table does not run on into the next worksheet.
    if (line.sheet !== sheetName) {
      sheetName = line.sheet;
      header = null;
      name = null;
    }
    const cells = line.cells ? [...new Set(line.cells.filter((c) => !isEmpty(c)))] : [line.text];
    if (line.cells && isSeparatorRow(line.cells)) continue;
    if (cells.length === 0) continue;
    const ys = line.cells ? line.cells.map((c) => (isEmpty(c) ? null : yearCell(c))) : null;
    if (line.cells && ys && ys.filter(Boolean).length >= 2 && ys.filter(Boolean).length === cells.length) {
      header = ys;
      dropped.push({ row: line.row, column: "1列目", text: cells.join(" | "), reason: "年度の見出し" });
      continue;
    }
    if (header && name && line.cells) {
      const values = line.cells.flatMap((c, i) => {
        const h = header![i];
        return h ? [[h.period, h.role, c] as const] : [];
      });
      found.push({ goal, name, row: line.row, cells: values });
      header = null;
      name = null;
      continue;
    }
    const text = cells.join(" ");
    header = null;
    if (cells.length === 1 && NAME.test(squash(text))) {
      name = text.trim();
      dropped.push({ row: line.row, column: "1列目", text, reason: "指標名(表の上の行)" });
    } else if (cells.length === 1 && headingLevel(text) === "goal") {
      goal = readOrdinal(text);
      dropped.push({ row: line.row, column: "1列目", text, reason: "基本目標の見出し" });
    }
  }
  if (found.length === 0) return null;
  const actualYears = found.flatMap((f) =>
    f.cells.filter(([, role, t]) => role === "actual" && !isEmpty(t)).map(([p]) => p.year),
  );
  if (actualYears.length === 0) return null;
  const fy = Math.max(...actualYears);
  const kpis: Kpi[] = [];
  const numericGoals: NumericGoal[] = [];
  for (const f of found) {
    const m = NAME.exec(squash(f.name))!;
    const indicator = f.name
      .trim()
      .replace(/^\S*?(数値目標|KPI|重要業績評価指標|指標)\s*([①-⑳]|[0-9０-９]+)?\s*[:：.．]?\s*/i, "");
    const issue = (message: string) => issues.push(unreadableYearValue(f.row, message));
    const val = (p: Period, t: string): Value => readUnitValue(t, null, p, issue);
    const of = (role: Role) => f.cells.find(([, r]) => r === role);
    const b = of("baseline");
    const a = of("actual");
    const t = of("finalTarget");
    const years = f.cells
      .filter(([, r]) => r === "year" || r === "actual")
      .map(([p, , text]) => ({ year: p.year, target: { kind: "missing" } as Value, actual: val(p, text) }));
    const actual = a ? val(a[0], a[2]) : { kind: "missing" as const };
    const finalTarget = t ? val(t[0], t[2]) : { kind: "missing" as const };
    if (m[1] === "数値目標") {
      const g: NumericGoal = { goal: f.goal, indicator, target: { kind: "missing" }, actual, finalTarget };
      if (b) g.baseline = val(b[0], b[2]);
      if (years.length > 0) g.years = years;
      g.evaluation = { category: "not_evaluable", covid: false, printed: false };
      numericGoals.push(g);
      continue;
    }
    const k: Kpi = {
      row: kpis.length + 1,
      goal: f.goal,
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
      initiatives: [],
      status: null,
      indicator,
      target: { kind: "missing" },
      actual,
      finalTarget,
      evaluation: { category: "not_evaluable", covid: false, printed: false },
      reason: null,
      challenge: null,
      nextSteps: null,
      departments: [],
    };
    if (b) k.baseline = val(b[0], b[2]);
    if (years.length > 0) k.years = years;
    kpis.push(k);
  }
  if (kpis.length === 0 && numericGoals.length === 0) return null;
  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source: null, kpis };
  if (numericGoals.length > 0) sheet.numericGoals = numericGoals;
  issues.push({
    row: null,
    column: "現状値",
    kind: "fiscal_year_from_latest_actual",
    before: null,
    after: String(fy),
    confidence: "medium",
    message: `指標ごとの表: 現状値の年度は指標ごとに異なる(統計の公表時期)。評価年度は最新の現状値の年度 ${fy}年度とし、各指標の実績はその現状値の年度で読んだ`,
  });
  return {
    sheet,
    issues,
    dropped,
    profile: { layout: "yearTables", fiscalYear: fy, headerRows: [], columns: [], scale: null },
  };
}
