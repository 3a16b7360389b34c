import { describe, expect, it } from "vitest";
import { attempt } from "./test-read-lines.ts";

const sheet = (word: string, rates: string[]) => [
  "○○市総合戦略 令和5年度 KPI進捗状況",
  "",
  `| 指標 | 基準値(R1) | 実績値(R5) | 目標値(R5) | ${word} | 評価 |`,
  "|---|---|---|---|---|---|",
  `| 誘致企業数 | 2社 | 9社 | 10社 | ${rates[0]} | B |`,
  `| 待機児童数 | 20人 | 4人 | 2人 | ${rates[1]} | C |`,
  `| 観光入込客数 | 310千人 | 420千人 | 400千人 | ${rates[2]} | A |`,
  "",
  "評価 A:目標を達成 B:概ね順調(80%以上) C:遅れている(80%未満)",
];

describe("a column of percentages under a name no rule knows, read as the rate its figures give", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads 90.0% / 50.0% (a KPI to lower: target ÷ actual) / 105.0% as the printed rate, reported (${form})`, async () => {
      const r = await attempt(sheet("進み", ["90.0%", "50.0%", "105.0%"]), form);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.sheet.kpis.map((k) => k.printedRate)).toEqual([0.9, 0.5, 1.05]);
      expect(r.sheet.kpis.every((k) => !k.extras?.some((e) => e.header === "進み"))).toBe(true);
      expect(r.report.issues.some((i) => i.kind === "column_read_by_content" && i.after === "達成率")).toBe(
        true,
      );
      expect(r.report.profile?.columns?.find((c) => c.header === "進み")?.field).toBe("rate");
    });

  it("keeps percentages the figures do not give (a share, a survey) as they are", async () => {
    const r = await attempt(sheet("市民満足度", ["62.0%", "48.5%", "71.0%"]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.every((k) => k.printedRate === undefined || k.printedRate === null)).toBe(true);
    expect(r.sheet.kpis[0]!.extras).toEqual([{ header: "市民満足度", text: "62.0%" }]);
  });

  it("keeps them when one KPI's disagrees", async () => {
    const r = await attempt(sheet("進み", ["90.0%", "50.0%", "98.0%"]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.every((k) => !k.printedRate)).toBe(true);
  });
});
