/**
 * Card layouts: one KPI per block (a Markdown table, a page, an Excel worksheet) of key–value rows
 * (担当部・課名 | 商工課, 指標名 | …, 単位 | 人) and a year grid (区分 | H27 | H28 | … over
 * 期待値 / 実績値 / 達成率 / 評価 rows). A new 指標名 inside a card starts the next KPI of that card.
 */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, Ordinal, Sheet, Value } from "../core/sheet.ts";
import { type Field, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import {
  readDirection,
  readEvaluation,
  readList,
  readOrdinal,
  readRate,
  readText,
  readUnitValue,
} from "./general-values.ts";
import type { ImportProfile } from "./import-profile.ts";
import { readLegend } from "./read-legend.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { type DroppedCell, type ImportIssue, NotASheet, type SourceTable } from "./types.ts";

const isEmpty = (t: string) => squash(t) === "";
const GRID_FIELDS = new Set<Field>(["target", "actual", "rate", "evaluation"]);

interface CardKpi {
  row: number;
  keys: Map<Field, string>;
  extras: { header: string; text: string }[];
  grid: Map<Field, Map<number, string>>;
  years: number[];
}

export interface CardsRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  profile: ImportProfile;
}

/** Whether a row is a year grid's header: two or more cells that are only years. */
function gridYears(cells: readonly string[]): (number | null)[] | null {
  const ys = cells.map((c) => {
    const m = recogniseHeader(c);
    return m.field === "year" && m.period ? m.period.year : null;
  });
  return ys.filter((y) => y !== null).length >= 2 ? ys : null;
}

export function readCards(
  table: SourceTable,
  options: { authored: boolean; scale?: EvaluationScale | null },
): CardsRead | null {
  const cards: { block: number; hierarchy: Map<Field, string>; departments: string; kpis: CardKpi[] }[] = [];
  const dropped: DroppedCell[] = [];
  const texts = table.outside.map((o) => o.text);
  let gridHeader: (number | null)[] | null = null;
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
    const years = gridYears(r.cells);
    if (years) {
      gridHeader = years;
      if (kpi) kpi.years = years.filter((y): y is number => y !== null);
      dropped.push({
        row: r.row,
        column: "1列目",
        text: r.cells.filter((c) => !isEmpty(c)).join(" | "),
        reason: "年度の見出し",
      });
      continue;
    }
    const filled = r.cells.filter((c) => !isEmpty(c));
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
        if (y != null) m.set(y, c);
      });
      kpi.grid.set(key.field, m);
      gridRows++;
      continue;
    }
    // Key–value pairs: key, value, key, value …
    for (let i = 0; i < r.cells.length; i += 2) {
      const k = r.cells[i] ?? "";
      const v = r.cells[i + 1] ?? "";
      if (isEmpty(k) && isEmpty(v)) continue;
      const f = recogniseHeader(k).field;
      if (f === "indicator") {
        kpi = { row: r.row, keys: new Map(), extras: [], grid: new Map(), years: [] };
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
  const issues: ImportIssue[] = [];
  const labels = new Set(all.flatMap(({ k }) => [...(k.grid.get("evaluation")?.values() ?? [])].map(squash)));
  const scale = options.scale ?? readLegend(texts, labels);
  const fiscal = (y: number): Period => ({ year: y, basis: "fiscal" });
  const NONE: Ordinal = { no: 0, title: "" };
  const kpis: Kpi[] = all.map(({ card, k }, i) => {
    const unit = readText(k.keys.get("unit") ?? "", false);
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
      indicator: readText(k.keys.get("indicator") ?? "", false) ?? "",
      target: val(grid("target", fy), fy),
      actual: val(grid("actual", fy), fy),
      finalTarget:
        finalKey !== undefined
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
    if (k.keys.has("unit")) out.unit = unit;
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
  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source: null, kpis };
  if (scale) sheet.scale = scale;
  return {
    sheet,
    issues,
    dropped,
    profile: { layout: "cards", fiscalYear: fy, headerRows: [], columns: [], scale },
  };
}
