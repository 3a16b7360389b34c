/**
 * A deterministic generator of realistic evaluation sheets: sheet/1 data, and the same sheet
 * printed in the PDF-extracted Markdown layout with the kinds of damage real sheets have
 * (repeated page headers, rows shifted one column left, pages wrapped at a fixed width with
 * <br>, hierarchy printed only where it changes, periods written in cells, 万/億/千 units,
 * segmented and qualitative values, `-` for no data).
 *
 * Used by the benchmarks (national scale) and by importer tests on sheets nobody hand-tuned for.
 */
import type { Category, Kpi, Sheet, Value } from "../src/core/sheet.ts";
import { createRandom, type Random } from "./random.ts";
import {
  CHALLENGES,
  DEPARTMENTS,
  GOALS,
  INDICATORS,
  INITIATIVES,
  type IndicatorTemplate,
  MEASURES,
  NEXT_STEPS,
  REASONS,
  STATUS_SENTENCES,
  SUBGOALS,
} from "./vocab.ts";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const LABELS: Record<Category, string> = {
  on_track: "順調に進捗",
  mostly_on_track: "概ね順調に進捗",
  delayed: "進捗の遅れ",
  not_evaluable: "評価不可",
};

export interface GenerateOptions {
  municipality: string;
  fiscalYear: number;
  finalYear: number;
  kpiCount: number;
  /**
   * When given, the figures (target, actual, stated evaluation) are drawn from this seed while the
   * strategy tree and indicators still come from `seed`: one city's sheets of successive years.
   */
  valueSeed?: number;
}

const reiwa = (year: number) => (year === 2019 ? "元" : String(year - 2018));
/** `12345.6` → `12,345.6` (what toLocaleString("en-US") prints, without its cost at national scale). */
export function grouped(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ",";
    out += int[i];
  }
  return (n < 0 ? "-" : "") + out + (dot < 0 ? "" : fixed.slice(dot));
}

/** One printed number and its sheet/1 reading. */
function makeNumber(t: IndicatorTemplate, x: number, year: number, withPeriod: boolean): Value {
  const basis = t.calendar ? "calendar" : "fiscal";
  const periodText = withPeriod ? `(令和${reiwa(year)}年${basis === "fiscal" ? "度" : ""})` : "";
  let raw: string;
  let value: number;
  if (t.man) {
    const v = Math.round(x * 10) / 10;
    raw = `${grouped(v, 1)}万${t.unit}`;
    value = Math.round(v * 10) * 1000;
  } else if (t.sen) {
    const v = Math.round(x);
    raw = `${grouped(v, 0)}千${t.unit}`;
    value = v * 1000;
  } else if (t.unit === "円") {
    const v = Math.round(x);
    raw = `${grouped(v, 0)}億${t.unit}`;
    value = v * 100_000_000;
  } else {
    const factor = 10 ** t.decimals;
    const v = Math.round(x * factor) / factor;
    raw = `${grouped(v, t.decimals)}${t.unit}`;
    value = v;
  }
  return {
    kind: "number",
    value,
    unit: t.unit === "" ? null : t.unit,
    period: { year, basis },
    raw: raw + periodText,
  };
}

function categoryOf(rate: number): Category {
  if (rate >= 1) return "on_track";
  if (rate >= 0.8) return "mostly_on_track";
  return "delayed";
}

function makeKpi(
  rng: Random,
  vrng: Random,
  row: number,
  path: Pick<Kpi, "goal" | "subgoal" | "measure">,
  o: GenerateOptions,
): Kpi {
  const t = rng.pick(INDICATORS);
  const lag = t.calendar && rng.chance(0.5) ? 1 : 0;
  const year = o.fiscalYear - lag;
  const withPeriod = t.calendar === true || lag > 0;
  const targetX = t.base * (0.8 + vrng.next() * 0.4);
  const ratio = 0.55 + vrng.next() * 0.65;
  const actualX = t.decrease ? targetX / ratio : targetX * ratio;
  // The final target belongs to the plan, not the year: the same in every year of a city.
  const finalX = t.decrease ? t.base * 0.7 : t.base * 1.3;
  const target = makeNumber(t, targetX, year, withPeriod);
  const missingActual = vrng.chance(0.04);
  const actual: Value = missingActual
    ? { kind: "missing", raw: "-" }
    : makeNumber(t, actualX, year, withPeriod);
  const finalTarget = makeNumber(t, finalX, o.finalYear, withPeriod);
  let category: Category = missingActual ? "not_evaluable" : categoryOf(ratio);
  // About one KPI in twelve is stated one band off, as happens in real sheets.
  if (!missingActual && vrng.chance(0.08)) category = category === "delayed" ? "mostly_on_track" : "delayed";
  const covid = category === "delayed" && vrng.chance(0.3);
  const label = `${LABELS[category]}${covid ? "(コロナ)" : ""}`;
  const initiatives = Array.from({ length: rng.int(1, 3) }, () => rng.pick(INITIATIVES)).filter(
    (v, i, a) => a.indexOf(v) === i,
  );
  const departments = rng.chance(0.1)
    ? [rng.pick(DEPARTMENTS), rng.pick(DEPARTMENTS)].filter((v, i, a) => a.indexOf(v) === i)
    : [rng.pick(DEPARTMENTS)];
  return {
    row,
    ...path,
    initiatives,
    status: vrng.pick(STATUS_SENTENCES),
    indicator: t.name,
    target,
    actual,
    finalTarget,
    evaluation: { category, covid, label },
    reason: category === "delayed" ? vrng.pick(REASONS) : null,
    challenge: vrng.pick(CHALLENGES),
    nextSteps: vrng.pick(NEXT_STEPS),
    departments,
  };
}

/** A sheet of `kpiCount` KPIs under 2–4 大基本目標, deterministic for a seed. */
export function generateSheet(seed: number, o: GenerateOptions): Sheet {
  const rng = createRandom(seed);
  const vrng = o.valueSeed === undefined ? rng : createRandom(o.valueSeed);
  const kpis: Kpi[] = [];
  const goalCount = Math.min(GOALS.length, Math.max(2, Math.ceil(o.kpiCount / 15)));
  const perGoal = Math.ceil(o.kpiCount / goalCount);
  for (let g = 0; g < goalCount && kpis.length < o.kpiCount; g++) {
    let subNo = 0;
    let inGoal = 0;
    while (inGoal < perGoal && kpis.length < o.kpiCount) {
      subNo++;
      const subgoal = { no: subNo, title: rng.pick(SUBGOALS) };
      const measures = rng.int(1, 3);
      for (let m = 1; m <= measures && inGoal < perGoal && kpis.length < o.kpiCount; m++) {
        const measure = { no: m, title: rng.pick(MEASURES) };
        const count = rng.int(1, 3);
        for (let k = 0; k < count && inGoal < perGoal && kpis.length < o.kpiCount; k++) {
          const path = { goal: { no: g + 1, title: GOALS[g] as string }, subgoal, measure };
          kpis.push(makeKpi(rng, vrng, kpis.length + 1, path, o));
          inGoal++;
        }
      }
    }
  }
  return { format: "sheet/1", municipality: o.municipality, fiscalYear: o.fiscalYear, source: null, kpis };
}

function wrap(text: string, width: number): string {
  if (text.length <= width) return text;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += width) parts.push(text.slice(i, i + width));
  return parts.join("<br>");
}

function printValue(v: Value): string {
  return v.kind === "missing" ? "-" : (v.raw ?? "");
}

/**
 * The sheet as a PDF table extractor leaves it: pages of 6–9 KPIs, each with the group header and
 * the column header, hierarchy printed where it changes; some pages wrapped at a fixed width;
 * some rows with empty leading cells shifted one column to the left.
 */
export function renderMarkdownSheet(sheet: Sheet, seed: number, finalYear: number): string {
  const rng = createRandom(seed ^ 0x5eed);
  const fy = reiwa(sheet.fiscalYear);
  const header = [
    "大基本目標",
    "小基本目標",
    "具体的な施策",
    "主な取組",
    "主な取組及び関連事業の実施状況",
    "指標名",
    `令和${fy}年度目標値`,
    `令和${fy}年度実績値`,
    `目標値(令和${reiwa(finalYear)}年度)`,
    "進捗評価",
    "進捗が遅れている理由",
    "課題",
    "今後の方策等",
    "担当課",
  ];
  const group = [
    "基本情報",
    "",
    "取組内容",
    "",
    "",
    "KPIの達成状況",
    "",
    "",
    "",
    "",
    "方向性",
    "",
    "",
    "担当課",
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out: string[] = [];
  let i = 0;
  let prev: Kpi | null = null;
  while (i < sheet.kpis.length) {
    const pageSize = rng.int(6, 9);
    const wrapped = rng.chance(0.4);
    const widths = [6, 6, 6, 14, 18, 7, 7, 7, 7, 6, 16, 18, 18, 6];
    const cell = (text: string, col: number) => (wrapped ? wrap(text, widths[col] ?? 10) : text);
    out.push("", line(group), line(group.map(() => "---")), line(header.map((h, c) => cell(h, c))));
    for (const k of sheet.kpis.slice(i, i + pageSize)) {
      const newGoal = prev?.goal.no !== k.goal.no;
      const newSub = newGoal || prev?.subgoal.no !== k.subgoal.no;
      const newMeasure = newSub || prev?.measure.no !== k.measure.no;
      const cells = [
        newGoal ? `${k.goal.no} ${k.goal.title}` : "",
        newSub ? `${k.subgoal.no} ${k.subgoal.title}` : "",
        newMeasure ? `${CIRCLED[k.measure.no - 1]} ${k.measure.title}` : "",
        k.initiatives.join("\n"),
        k.status ?? "-",
        k.indicator,
        printValue(k.target),
        printValue(k.actual),
        printValue(k.finalTarget),
        k.evaluation.label ?? LABELS[k.evaluation.category],
        k.reason ?? "-",
        k.challenge ?? "-",
        k.nextSteps ?? "-",
        k.departments.join("\n"),
      ].map((text, c) =>
        text
          .split("\n")
          .map((part) => cell(part, c))
          .join("<br>"),
      );
      if (cells[0] === "" && rng.chance(0.25)) {
        cells.shift();
        cells.push("");
      }
      out.push(line(cells));
      prev = k;
    }
    i += pageSize;
  }
  return `${out.join("\n")}\n`;
}
