import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../src/core/evaluation/rules.ts";
import type { Kpi, Value } from "../../src/core/sheet.ts";
import type { EntryDraft } from "./drafts.ts";
import { formChecks, fromRow, readTyped, typeActual } from "./entry-form.ts";

const n = (value: number, unit: string | null, year = 2023): Value => ({
  kind: "number",
  value,
  unit,
  period: { year, basis: "fiscal" },
});
const kpi = (over: Partial<Kpi>): Kpi => ({
  row: 1,
  goal: { no: 1, title: "g" },
  subgoal: { no: 1, title: "s" },
  measure: { no: 1, title: "m" },
  initiatives: [],
  status: null,
  indicator: "新規創業件数",
  target: n(40, "件"),
  actual: { kind: "missing" },
  finalTarget: n(50, "件", 2024),
  evaluation: { category: "not_evaluable", covid: false },
  reason: null,
  challenge: null,
  nextSteps: null,
  departments: ["商工振興課"],
  ...over,
});
const row = (k: Kpi, previous: Value | null = null) => ({
  fiscalYear: 2023,
  kpi: k,
  previous: previous
    ? {
        fiscalYear: 2022,
        actual: previous,
        evaluation: { category: "on_track" as const, covid: false },
        computed: "on_track" as const,
        status: null,
        reason: null,
        challenge: null,
        nextSteps: null,
      }
    : null,
});

describe("the computed evaluation follows the value as typed", () => {
  it("8件 then 30: the select never keeps 進捗の遅れ while the hint says otherwise", () => {
    const r = row(kpi({}));
    let d: EntryDraft = { ...fromRow(r), auto: true };
    d = typeActual(r, d, "8件", DEFAULT_RULES);
    expect(d.category).toBe("delayed");
    d = typeActual(r, d, "30", DEFAULT_RULES);
    const typed = readTyped(r, "30", DEFAULT_RULES);
    expect(typed.unitFilled).toBe("件");
    expect(typed.evaluation?.computed).not.toBe("not_evaluable");
    expect(d.category).toBe(typed.evaluation?.computed);
  });

  it("a category the person chose stays chosen", () => {
    const r = row(kpi({}));
    const d = typeActual(r, { ...fromRow(r), category: "on_track", auto: false }, "8件", DEFAULT_RULES);
    expect(d.category).toBe("on_track");
  });
});

describe("the checks on the values as typed", () => {
  it("18,225人 against a target of 175 is flagged; an empty KPI cannot be submitted", () => {
    const r = row(kpi({ indicator: "転入者数", target: n(175, "人"), finalTarget: n(200, "人", 2024) }));
    const d = { ...fromRow(r), category: "on_track" as const };
    expect(formChecks(r, d, readTyped(r, "18,225人", DEFAULT_RULES)).warnings.map((w) => w.code)).toEqual([
      "far_from_target",
    ]);
    expect(formChecks(r, fromRow(r), readTyped(r, "", DEFAULT_RULES)).problems.length).toBeGreaterThan(0);
  });
  it("a sign change from last year is flagged", () => {
    const r = row(kpi({ target: n(5, "%"), finalTarget: n(5, "%", 2024) }), n(3, "%", 2022));
    const d = { ...fromRow(r), category: "delayed" as const, reason: "景気" };
    expect(formChecks(r, d, readTyped(r, "▲2%", DEFAULT_RULES)).warnings.map((w) => w.code)).toContain(
      "sign_change",
    );
  });
});
