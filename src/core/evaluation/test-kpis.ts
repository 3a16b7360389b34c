/**
 * Test helpers: literal sheet/1 values and KPIs (numbers may come from the seed's FY2022 sheet,
 * narrative text does not). Used by the tests of this folder and of `sosei evaluate`.
 */
import type { Basis } from "../period.ts";
import type { Category, Kpi, NumberValue, Segment, SegmentedValue, TextValue, Value } from "../sheet.ts";

export const num = (
  value: number,
  unit: string | null,
  year = 2022,
  basis: Basis = "fiscal",
): NumberValue => ({
  kind: "number",
  value,
  unit,
  period: { year, basis },
});

export const seg = (
  segments: Array<[string, number]>,
  unit: string | null = "%",
  year = 2022,
): SegmentedValue => ({
  kind: "segmented",
  segments: segments.map(([label, value]): Segment => ({ label, value, unit })),
  period: { year, basis: "fiscal" },
});

export const text = (t: string): TextValue => ({ kind: "text", text: t, raw: t });

export interface KpiInit {
  row?: number;
  indicator: string;
  target: Value;
  actual: Value;
  finalTarget?: Value;
  stated: Category;
  goal?: number;
  departments?: string[];
}

export function makeKpi(k: KpiInit): Kpi {
  return {
    row: k.row ?? 1,
    goal: { no: k.goal ?? 1, title: `目標${k.goal ?? 1}` },
    subgoal: { no: 1, title: "小目標" },
    measure: { no: 1, title: "施策" },
    initiatives: [],
    status: null,
    indicator: k.indicator,
    target: k.target,
    actual: k.actual,
    finalTarget: k.finalTarget ?? { kind: "missing" },
    evaluation: { category: k.stated, covid: false },
    reason: null,
    challenge: null,
    nextSteps: null,
    departments: k.departments ?? ["企画課"],
  };
}

/** The four cases of the seed named in issue #4, as literal KPIs (row numbers are ours). */
export const SEED_CASES = {
  trafficAccidents: makeKpi({
    row: 1,
    indicator: "交通事故発生件数",
    target: num(1220, "件", 2022, "calendar"),
    actual: num(1143, "件", 2022, "calendar"),
    finalTarget: num(1160, "件", 2024, "calendar"),
    stated: "on_track",
    goal: 4,
    departments: ["道路維持課", "交通政策課"],
  }),
  englishEnjoyment: makeKpi({
    row: 2,
    indicator: "英語の学習が楽しいと感じている児童・生徒の割合",
    target: seg([
      ["小学校", 93.5],
      ["中学校", 85.0],
    ]),
    actual: seg([
      ["小学校", 86.1],
      ["中学校", 76.6],
    ]),
    finalTarget: seg(
      [
        ["小学校", 95.0],
        ["中学校", 85.0],
      ],
      "%",
      2024,
    ),
    stated: "delayed",
    goal: 3,
    departments: ["学校教育課"],
  }),
  healthCheckups: makeKpi({
    row: 3,
    indicator: "特定健康診査実施率",
    target: num(53.0, "%", 2022),
    actual: num(43.2, "%", 2021),
    finalTarget: num(60.0, "%", 2024),
    stated: "delayed",
    goal: 3,
    departments: ["国民健康保険課"],
  }),
  waitingChildren: makeKpi({
    row: 4,
    indicator: "保育施設待機児童数",
    target: text("待機児童なし"),
    actual: text("待機児童なし"),
    finalTarget: text("待機児童なし"),
    stated: "on_track",
    goal: 2,
    departments: ["保育課"],
  }),
};
