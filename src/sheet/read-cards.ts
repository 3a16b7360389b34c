/**
 * Card layouts: one KPI per block (a Markdown table, a page, an Excel worksheet) of key–value rows
 * (担当部・課名 | 商工課, 指標名 | …, 単位 | 人) and a year grid (区分 | H27 | H28 | … over
 * 期待値 / 実績値 / 達成率 / 評価 rows). A new 指標名 inside a card starts the next KPI of that card.
 */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, Ordinal, Sheet, Value } from "../core/sheet.ts";
import { FIELD_JA, type Field, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { toNumericGoal, unitInName } from "./general-rows.ts";
import {
  readDirection,
  readEvaluation,
  readList,
  readOrdinal,
  readRate,
  readText,
  readUnitValue,
  splitIndicator,
} from "./general-values.ts";
import type { ImportProfile } from "./import-profile.ts";
import { pointLabels, readLegend } from "./read-legend.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { CONTENT_JA, roleContradiction } from "./role-content.ts";
import { type DroppedCell, type ImportIssue, NotASheet, type SourceTable } from "./types.ts";

const isEmpty = (t: string) => squash(t) === "";
const GRID_FIELDS = new Set<Field>(["target", "actual", "rate", "evaluation"]);

interface CardKpi {
  row: number;
  keys: Map<Field, string>;
  extras: { header: string; text: string }[];
  grid: Map<Field, Map<number, string>>;
  years: number[];
  /** Values under the grid's 現状値 / 目標値 columns, with their years. */
  ends: Map<"baseline" | "finalTarget", { year: number; text: string }>;
}

export interface CardsRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  profile: ImportProfile;
}

/**
 * Whether a row is a year grid's header: two or more cells that are only years. A year with its role
 * (「現状値 H25」, 「目標値 H31」) is the baseline's or the final target's column of the grid.
 */
function gridYears(cells: readonly string[]): { years: (number | null)[]; roles: (Field | null)[] } | null {
  const roles: (Field | null)[] = [];
  const ys = cells.map((c) => {
    const m = recogniseHeader(c);
    const role =
      m.period && (m.field === "baseline" || m.field === "target" || m.field === "finalTarget")
        ? m.field
        : null;
    roles.push(role === "target" ? "finalTarget" : role);
    return (m.field === "year" || role) && m.period ? m.period.year : null;
  });
  return ys.filter((y, i) => y !== null && roles[i] === null).length >= 2 ? { years: ys, roles } : null;
}

/** 「[単位] 億円」 in the grid's corner: the unit of its values (「-」: none). */
function cornerUnit(cell: string): string | null | undefined {
  const m = /^[[［【]単位[\]］】]\s*(.*)$/.exec(squash(cell));
  if (!m) return undefined;
  return /^[-‐－―ー−]?$/.test(m[1]!) ? null : m[1]!;
}

/**
 * Each key and grid row against what it holds, over all cards (issue 14 point 6): years or words in
 * the 実績値 row, quantities under 評価, numbers beside 担当課 are another role's — refused, naming the key.
 */
function checkCardRoles(kpis: readonly CardKpi[], legendTexts: readonly string[]): void {
  const points = pointLabels(legendTexts);
  const byField = new Map<Field, string[]>();
  const add = (f: Field, t: string | undefined) => {
    if (t !== undefined && !(f === "evaluation" && points.has(squash(t))))
      byField.set(f, [...(byField.get(f) ?? []), t]);
  };
  for (const k of kpis) {
    for (const [f, t] of k.keys) add(f, t);
    for (const [f, m] of k.grid) for (const t of m.values()) add(f, t);
    for (const [f, e] of k.ends) add(f, e.text);
  }
  for (const [f, cells] of byField) {
    const bad = roleContradiction(f, cells);
    if (bad)
      throw new NotASheet(
        "column_contradiction",
        `カードの「${FIELD_JA[f]}」の欄の中身が${CONTENT_JA[bad.kind]}です(例:「${bad.sample.slice(0, 20)}」)。読み違いを避けるため取り込みません。` +
          `--profile で意味を指定するか、元の表を確かめてください`,
      );
  }
}

export function readCards(
  table: SourceTable,
  options: { authored: boolean; scale?: EvaluationScale | null },
): CardsRead | null {
  const cards: { block: number; hierarchy: Map<Field, string>; departments: string; kpis: CardKpi[] }[] = [];
  const dropped: DroppedCell[] = [];
  const texts = table.outside.map((o) => o.text);
  let gridHeader: (number | null)[] | null = null;
  let gridRoles: (Field | null)[] = [];
  let card: (typeof cards)[number] | null = null;
  let kpi: CardKpi | null = null;
  let gridRows = 0;
  for (const r of table.rows) {
    if (isSeparatorRow(r.cells) || r.cells.every(isEmpty)) continue;
    const block = r.block ?? 0;
    if (!card || card.block !== block) {
      card = { block, hierarchy: new Map(), departments: "", kpis: [] };
      cards.push(card);
      kpi = null;
      gridHeader = null;
    }
    const grid = gridYears(r.cells);
    if (grid) {
      gridHeader = grid.years;
      gridRoles = grid.roles;
      if (kpi) {
        kpi.years = grid.years.filter((y, i): y is number => y !== null && grid.roles[i] === null);
        const unit = cornerUnit(r.cells[0] ?? "");
        if (unit !== undefined) kpi.keys.set("unit", unit ?? "");
      }
      dropped.push({
        row: r.row,
        column: "1列目",
        text: r.cells.filter((c) => !isEmpty(c)).join(" | "),
        reason: "年度の見出し",
      });
      continue;
    }
    // A title merged across the card (Excel repeats it in every cell) is one text.
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    const key = recogniseHeader(r.cells[0] ?? "");
    if (filled.length === 1 && (key.field === "extra" || squash(filled[0]!).length > 20)) {
      texts.push(filled[0]!);
      dropped.push({ row: r.row, column: "1列目", text: filled[0]!, reason: "カードの見出し・注記" });
      continue;
    }
    const underYears = gridHeader ? r.cells.some((c, i) => gridHeader![i] != null && !isEmpty(c)) : false;
    if (
      gridHeader &&
      GRID_FIELDS.has(key.field) &&
      kpi &&
      squash(r.cells[0] ?? "").length <= 8 &&
      underYears
    ) {
      const m = new Map<number, string>();
      r.cells.forEach((c, i) => {
        const y = gridHeader![i];
        const role = gridRoles[i];
        if (y == null) return;
        if (role === "baseline" || role === "finalTarget") {
          if (!isEmpty(c) && !kpi!.ends.has(role)) kpi!.ends.set(role, { year: y, text: c });
        } else m.set(y, c);
      });
      kpi.grid.set(key.field, m);
      gridRows++;
      continue;
    }
    // Key–value pairs: key, value, key, value … A group label (位置付け) or an empty cell before a
    // known key (基本目標, 施策) is skipped: the pair is the key and the cell after it.
    for (let i = 0; i < r.cells.length; i += 2) {
      if (
        recogniseHeader(r.cells[i] ?? "").field === "extra" &&
        !isEmpty(r.cells[i + 2] ?? "") &&
        ["goal", "subgoal", "measure", "initiatives", "departments"].includes(
          recogniseHeader(r.cells[i + 1] ?? "").field,
        )
      )
        i++;
      const k = r.cells[i] ?? "";
      const v = r.cells[i + 1] ?? "";
      if (isEmpty(k) && isEmpty(v)) continue;
      const f = recogniseHeader(k).field;
      if (f === "indicator") {
        kpi = { row: r.row, keys: new Map(), extras: [], grid: new Map(), years: [], ends: new Map() };
        card.kpis.push(kpi);
        gridHeader = null;
      }
      if (f === "goal" || f === "subgoal" || f === "measure" || f === "initiatives") card.hierarchy.set(f, v);
      else if (f === "departments") {
        if (kpi) kpi.keys.set(f, v);
        else card.departments = v;
      } else if (kpi && f !== "extra" && f !== "year" && f !== "no") kpi.keys.set(f, v);
      else if (kpi) kpi.extras.push({ header: squash(k), text: readText(v, options.authored) ?? "" });
      else card.hierarchy.set("extra", `${k}:${v}`);
    }
  }
  const all = cards.flatMap((c) => c.kpis.map((k) => ({ card: c, k })));
  if (all.length === 0 || gridRows === 0) return null;

  // The evaluated year: the latest with an actual anywhere.
  let fy = 0;
  for (const { k } of all) for (const [y, t] of k.grid.get("actual") ?? []) if (!isEmpty(t) && y > fy) fy = y;
  if (fy === 0)
    throw new NotASheet("no_fiscal_year", "カードの年度欄に実績値が一つもなく、評価年度を読み取れません");
  checkCardRoles(
    all.map((x) => x.k),
    texts,
  );
  const issues: ImportIssue[] = [];
  const labels = new Set(all.flatMap(({ k }) => [...(k.grid.get("evaluation")?.values() ?? [])].map(squash)));
  const scale = options.scale ?? readLegend(texts, labels);
  const fiscal = (y: number): Period => ({ year: y, basis: "fiscal" });
  const NONE: Ordinal = { no: 0, title: "" };
  const goalFlags: boolean[] = [];
  const kpis: Kpi[] = all.map(({ card, k }, i) => {
    const named = splitIndicator(k.keys.get("indicator") ?? "");
    // 「[数値目標] 合計特殊出生率」: an outcome goal of a 基本目標, kept apart from the KPIs.
    goalFlags.push(named.tag === "数値目標" || named.tag === "成果指標");
    const unit = readText(k.keys.get("unit") ?? "", false) ?? unitInName(named.name);
    const issue = (kind: string) => (message: string) =>
      issues.push({ row: k.row, column: null, kind, before: null, after: null, confidence: "low", message });
    const val = (t: string | undefined, y: number): Value =>
      readUnitValue(t ?? "", unit, fiscal(y), issue("value_unreadable"));
    const grid = (f: Field, y: number) => k.grid.get(f)?.get(y);
    const targetYears = [...(k.grid.get("target")?.keys() ?? [])];
    const lastTarget = Math.max(...targetYears, 0);
    const finalKey = k.keys.get("finalTarget") ?? k.keys.get("target");
    const evalText = grid("evaluation", fy);
    const out: Kpi = {
      row: i + 1,
      goal: card.hierarchy.has("goal") ? readOrdinal(card.hierarchy.get("goal")!) : NONE,
      subgoal: card.hierarchy.has("subgoal") ? readOrdinal(card.hierarchy.get("subgoal")!) : NONE,
      measure: card.hierarchy.has("measure") ? readOrdinal(card.hierarchy.get("measure")!) : NONE,
      initiatives: card.hierarchy.has("initiatives")
        ? [readText(card.hierarchy.get("initiatives")!, options.authored) ?? ""].filter(Boolean)
        : [],
      status: readText(k.keys.get("status") ?? "", options.authored),
      indicator: readText(named.name, false) ?? "",
      target: val(grid("target", fy), fy),
      actual: val(grid("actual", fy), fy),
      finalTarget: k.ends.has("finalTarget")
        ? val(k.ends.get("finalTarget")!.text, k.ends.get("finalTarget")!.year)
        : finalKey !== undefined
          ? readUnitValue(finalKey, unit, fiscal(lastTarget || fy), issue("value_unreadable"))
          : lastTarget > fy
            ? val(grid("target", lastTarget), lastTarget)
            : { kind: "missing" },
      evaluation: k.grid.has("evaluation")
        ? readEvaluation(evalText ?? "", scale, issue("evaluation_label_unknown"))
        : { category: "not_evaluable", covid: false, printed: false },
      reason: readText(k.keys.get("reason") ?? "", options.authored),
      challenge: readText(k.keys.get("challenge") ?? "", options.authored),
      nextSteps: readText(k.keys.get("nextSteps") ?? "", options.authored),
      departments: readList(k.keys.get("departments") ?? card.departments),
    };
    if (k.keys.has("baseline"))
      out.baseline = readUnitValue(k.keys.get("baseline")!, unit, fiscal(fy), issue("value_unreadable"));
    else if (k.ends.has("baseline"))
      out.baseline = val(k.ends.get("baseline")!.text, k.ends.get("baseline")!.year);
    else if (named.baseline)
      out.baseline = readUnitValue(
        named.baseline.text,
        unit,
        named.baseline.period,
        issue("value_unreadable"),
      );
    if (out.finalTarget.kind === "missing" && named.final)
      out.finalTarget = readUnitValue(named.final.text, unit, named.final.period, issue("value_unreadable"));
    if (k.keys.has("unit") || unit) out.unit = unit;
    out.years = k.years.map((y) => ({
      year: y,
      target: val(grid("target", y), y),
      actual: val(grid("actual", y), y),
    }));
    if (k.grid.has("rate")) out.printedRate = readRate(grid("rate", fy) ?? "") ?? null;
    if (k.keys.has("direction")) out.direction = readDirection(k.keys.get("direction")!) ?? null;
    if (k.keys.has("comments")) out.comments = readText(k.keys.get("comments")!, options.authored);
    if (k.extras.length > 0) out.extras = k.extras;
    return out;
  });
  const numericGoals = kpis.filter((_, i) => goalFlags[i]).map(toNumericGoal);
  const onlyKpis = kpis.filter((_, i) => !goalFlags[i]);
  onlyKpis.forEach((k, i) => {
    k.row = i + 1;
  });
  const sheet: Sheet = {
    format: "sheet/1",
    municipality: null,
    fiscalYear: fy,
    source: null,
    kpis: onlyKpis,
  };
  if (numericGoals.length > 0) sheet.numericGoals = numericGoals;
  if (scale) sheet.scale = scale;
  return {
    sheet,
    issues,
    dropped,
    profile: { layout: "cards", fiscalYear: fy, headerRows: [], columns: [], scale },
  };
}
