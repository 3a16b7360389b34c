import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Row } from "../../../src/core/api/index.ts";
import { DEFAULT_RULES, parseRules } from "../../../src/core/evaluation/rules.ts";
import type { Rules } from "../../../src/core/evaluation/types.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { KpiEvaluationView } from "./kpi-evaluation.tsx";

const n = (value: number, year: number): Value => ({
  kind: "number",
  value,
  unit: "人",
  period: { year, basis: "fiscal" },
});
const row = (actual: number): Row =>
  ({
    id: "2022-5",
    fiscalYear: 2022,
    row: 5,
    department: "企画課",
    state: "published",
    version: 3,
    updatedAt: "",
    computed: "delayed",
    disagreement: true,
    kpi: {
      row: 5,
      goal: { no: 1, title: "g" },
      subgoal: { no: 1, title: "s" },
      measure: { no: 1, title: "m" },
      initiatives: [],
      status: null,
      indicator: "転入者数",
      target: n(18000, 2022),
      actual: n(actual, 2022),
      finalTarget: n(20000, 2024),
      evaluation: { category: "on_track", covid: false },
      reason: null,
      challenge: null,
      nextSteps: null,
      departments: ["企画課"],
    },
  }) as Row;

const text = (r: Row, rules: Rules = DEFAULT_RULES) =>
  renderToStaticMarkup(<KpiEvaluationView row={r} rules={rules} />).replace(/<[^>]+>/g, " ");

describe("the KPI page's evaluation section", () => {
  it("gives the rate, the rule, and why the stated 順調 disagrees with the computed 遅れ", () => {
    const t = text(row(12000));
    expect(t).toContain("66.7%");
    expect(t).toContain("達成率＝実績値÷目標値");
    expect(t).toContain("記載と計算が食い違う理由");
    expect(t).toContain("達成率66.7%で基準上は進捗の遅れだが、順調に進捗と記載");
  });
  it("says why a stated evaluation cannot be checked, in plain Japanese (目標値が空欄のため)", () => {
    const r = row(68);
    const t = text({ ...r, kpi: { ...r.kpi, target: { kind: "missing" } } });
    expect(t).toContain("記載の評価を照合できない理由");
    expect(t).toContain("目標値が空欄のため達成率を算出できず照合不可、記載は順調に進捗");
  });
  it("evaluates with the rules it is given (the server's), not a table of its own", () => {
    const lenient = parseRules({ onTrack: 1, mostlyOnTrack: 0.6 });
    const t = text(row(12000), lenient);
    expect(t).toContain("60.0%以上：概ね順調に進捗");
    expect(t).toContain("概ね順調に進捗");
    expect(t).not.toContain("80.0%以上");
    expect(text(row(12000))).toContain("80.0%以上");
  });
  it("says nothing about a disagreement where there is none", () => {
    expect(text(row(18225))).not.toContain("食い違う理由");
  });
});
