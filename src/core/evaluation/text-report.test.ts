import { describe, expect, it } from "vitest";
import { evaluateSheet } from "./evaluate.ts";
import { parseRules } from "./rules.ts";
import { makeKpi, num, SEED_CASES } from "./test-kpis.ts";
import { formatEvaluationText } from "./text-report.ts";

const sheet = {
  format: "sheet/1" as const,
  fiscalYear: 2022,
  kpis: [
    ...Object.values(SEED_CASES),
    makeKpi({
      row: 5,
      indicator: "創業相談件数",
      target: num(12, "件"),
      actual: num(28, "件"),
      stated: "on_track",
    }),
  ],
};

describe("formatEvaluationText", () => {
  it("prints the year, one line per KPI with rate and ✔/✖, the disagreements and the summary", () => {
    const t = formatEvaluationText(evaluateSheet(sheet));
    expect(t).toContain("令和4年度（2022年度）");
    const line = (row: number) => t.split("\n").find((l) => new RegExp(`^\\s*${row} `).test(l)) ?? "";
    expect(line(1)).toMatch(/106\.7%.*順調に進捗.*✔.*交通事故発生件数/);
    expect(line(2)).toMatch(/90\.1%.*概ね順調に進捗.*進捗の遅れ.*✖/);
    expect(line(4)).toMatch(/—.*評価不可.*－/);
    expect(line(5)).toContain("233.3%");
    expect(t).toContain("不一致・照合不可（3件）");
    expect(t).toContain(
      "行2 英語の学習が楽しいと感じている児童・生徒の割合: 最も低い区分（中学校）の達成率90.1%",
    );
    expect(t).toMatch(/全体 5件/);
    expect(t).toContain("大基本目標別");
    expect(t).toContain("担当課別");
  });

  it("uses the rules' labels", () => {
    const rules = parseRules({
      name: "ABCD",
      bands: [
        { min: 1, category: "on_track", label: "A" },
        { min: 0.8, category: "mostly_on_track", label: "B" },
        { category: "delayed", label: "C" },
      ],
      notEvaluable: { label: "D" },
    });
    const t = formatEvaluationText(evaluateSheet(sheet, rules));
    expect(t).toContain("A（順調に進捗） 100.0%以上");
    expect(t).toContain("基準上はB（概ね順調に進捗）だが、進捗の遅れと記載");
  });
});
