// Ratings given twice (a department's 一次評価 and a committee's review) and scores in 0.5 steps that rate
// no KPI (reviewed-ratings.ts), end to end on small tables, and the refusals where the reader cannot tell.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const LEGEND = "達成度(3段階評価) A:達成 B:概ね達成している C:達成が不十分";

function twoRatings(first: string, second: string, rows: string[]) {
  return bytes([
    "令和2年度 政策評価シート",
    "",
    `| 指標名 | 単位 | 計画策定時(H28年度) | R1年度実績 | 目標値(R2年度) | ${first} | ${second} |`,
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    LEGEND,
  ]);
}

const ROWS = [
  "| 子育てひろばの利用者数 | 人 | 100 | 120 | 130 | A | A |",
  "| 創業件数 | 件 | 10 | 12 | 15 | A | B |",
  "| 来場者数 | 人 | 300 | 280 | 350 | B | C |",
];

describe("two rating columns", () => {
  it("reads the committee's review as the evaluation, the department's first rating kept apart", async () => {
    const r = await importSheet(twoRatings("達成度(一次評価)", "達成度(行政評価委員会)", ROWS), "t.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "B", "C"]);
    expect(r.sheet.kpis.map((k) => k.evaluation?.category)).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
    expect(r.sheet.kpis[1]!.extras?.map((e) => e.text)).toContain("A");
  });

  it("does so whichever comes first (外部評価 before 内部評価)", async () => {
    const r = await importSheet(twoRatings("外部評価", "内部評価", ROWS), "t.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "A", "B"]);
  });

  it("refuses two rating columns whose headers do not say which is the review", async () => {
    const r = await importSheet(twoRatings("達成度", "評価", ROWS), "t.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/6列目「達成度」、7列目「評価」がどれも評価の記号/);
  });

  // Before this rule the first of the two was taken whatever year the table evaluates: beside a 令和2年度 actual,
  // 「令和元年度評価 | 令和2年度評価」 read 令和元年度's ratings with exit 0 (checked by hand). Now refused.
  it("refuses two ratings told apart only by their years (the first was read, wrong with exit 0)", async () => {
    const r = await importSheet(twoRatings("令和元年度評価", "令和2年度評価", ROWS), "t.md");
    expect(r.ok).toBe(false);
  });

  it("keeps reading one rating beside last year's (前年度評価 is an extra by its name)", async () => {
    const r = await importSheet(twoRatings("評価", "前年度評価", ROWS), "t.md");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "A", "B"]);
  });

  it("refuses two reviews (委員会 and 二次評価) just the same", async () => {
    const r = await importSheet(twoRatings("委員会評価", "二次評価", ROWS), "t.md");
    expect(r.ok).toBe(false);
  });
});

describe("scores in 0.5 steps under several 評価 headers", () => {
  const table = (heads: string[], cells: string[][], legend = "評価は5段階(0.5刻み)。") =>
    bytes([
      "令和7年度 区民評価委員会 評価結果(令和6年度事業実施分)",
      "",
      `| 事業名 | 成果指標 | 単位 | 令和6年度目標 | 令和6年度実績 | ${heads.join(" | ")} |`,
      `|---|---|---|---|---|${heads.map(() => "---|").join("")}`,
      ...cells.map(
        (c, i) =>
          `| 事業${i + 1} | 講座の参加者数${"ABCD"[i]} | 人 | 100 | ${90 + i * 10} | ${c.join(" | ")} |`,
      ),
      "",
      legend,
    ]);

  it("are kept as extras: no KPI rating, no rate", async () => {
    const r = await importSheet(
      table(
        ["目標・成果の達成状況への評価", "全体評価"],
        [
          ["4.5", "4.0"],
          ["3.0", "3.5"],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation?.printed ?? false)).toEqual([false, false]);
    expect(r.sheet.kpis.map((k) => k.actual.kind === "number" && k.actual.value)).toEqual([90, 100]);
    expect(r.report.issues.some((i) => /0.5刻みの評価点/.test(i.message))).toBe(true);
  });

  it("a single score column with no legend is still refused (it could be the KPI's rating)", async () => {
    const r = await importSheet(table(["全体評価"], [["4.5"], ["3.0"]]), "t.md");
    expect(r.ok).toBe(false);
  });

  it("a legend that explains the scores leaves them to the rest of the reader (here refused, not read as extras)", async () => {
    const r = await importSheet(
      table(
        ["達成状況への評価", "全体評価"],
        [
          ["4.5", "4.0"],
          ["3.0", "3.5"],
        ],
        "5:非常によい 4.5:よい 4.0:ややよい 3.5:ふつう 3.0:やや不十分",
      ),
      "t.md",
    );
    expect(r.ok).toBe(false);
  });
});

describe("提言", () => {
  it("a committee's 提言 is its comment", () => {
    expect(recogniseHeader("区民評価委員会の提言").field).toBe("comments");
  });
});
