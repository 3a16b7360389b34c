// A value's year in a column of its own (基準値 | 基準年度 | 目標値 | 目標年度 | 実績値 | 実績年度), as many
// cities' Excel sheets keep it: each value takes the year beside it.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

const table = (header: string[], rows: string[][]) =>
  new TextEncoder().encode(
    [
      "令和5年度 総合戦略 KPI進捗状況",
      "",
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...rows.map((r) => `| ${r.join(" | ")} |`),
      "",
      "評価 A:目標達成 B:概ね順調 C:遅れ",
    ].join("\n"),
  );

describe("a value's year in the column beside it", () => {
  it("dates the baseline, the final target and the actual, and says so once per column", async () => {
    const r = await importSheet(
      table(
        ["指標名", "基準値", "基準年度", "目標値", "目標年度", "実績値", "実績年度", "評価"],
        [
          ["観光客数(人)", "1,000", "R1", "1,500", "R6", "1,400", "R5", "B"],
          ["移住者数(人)", "20", "2019", "50", "令和6年度", "55", "R5", "A"],
        ],
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[1]!;
    expect(r.sheet.fiscalYear).toBe(2023);
    expect(
      [k.baseline, k.finalTarget, k.actual].map((v) => (v && "period" in v ? v.period.year : null)),
    ).toEqual([2019, 2024, 2023]);
    expect(r.sheet.kpis[0]!.finalTarget).toMatchObject({ kind: "number", value: 1500 });
    expect(r.report.issues.filter((i) => i.kind === "value_year_column").map((i) => i.column)).toEqual([
      "基準年度",
      "目標年度",
      "実績年度",
    ]);
  });

  it("a year cell that is no year alone is left as printed, the value undated by it", async () => {
    const r = await importSheet(
      table(
        ["指標名", "基準値", "基準年度", "目標値(R6)", "実績値(R5)", "評価"],
        [
          ["観光客数(人)", "1,000", "調査中", "1,500", "1,400", "B"],
          ["移住者数(人)", "20", "R1", "50", "55", "A"],
        ],
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[1]!.baseline).toMatchObject({ value: 20, period: { year: 2019 } });
    expect(r.sheet.kpis[0]!.baseline).toMatchObject({ value: 1000 });
    expect(r.sheet.kpis[0]!.extras?.map((e) => e.text)).toContain("調査中");
  });
});

describe("headers (stop 30)", () => {
  it("a western year in brackets after a value's word dates the column (基準値(2019))", async () => {
    const r = await importSheet(
      table(
        ["指標名", "基準値(2019)", "目標値(2024)", "実績値(2023)", "評価"],
        [
          ["観光客数(人)", "1,000", "1,500", "1,400", "B"],
          ["移住者数(人)", "20", "50", "55", "A"],
        ],
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[0]!;
    expect(
      [k.baseline, k.finalTarget, k.actual].map((v) => (v && "period" in v ? v.period.year : null)),
    ).toEqual([2019, 2024, 2023]);
  });

  it("「達成」 over ○ / × is the rating, read by the legend", async () => {
    const r = await importSheet(
      new TextEncoder().encode(
        [
          "令和5年度 KPI",
          "",
          "| 指標 | 目標値(R5) | 実績値(R5) | 達成 |",
          "|---|---|---|---|",
          "| 観光客数(人) | 1,500 | 1,400 | × |",
          "| 移住者数(人) | 50 | 55 | ○ |",
          "",
          "○:達成 ×:未達成",
        ].join("\n"),
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual(["delayed", "on_track"]);
  });
});
