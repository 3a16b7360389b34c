// Rows with no indicator, value or rating under a KPI: a continuation of it, or records of their own.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { markdownTable } from "./test-markdown.ts";

const HEADER = ["指標名", "目標値(R5年度)", "実績値(R5年度)", "備考", "意見"];
const kpis = [
  ["転入者数", "100人", "90人", "", ""],
  ["創業件数", "10件", "12件", "", ""],
];

describe("rows without indicator, value or rating under a KPI", () => {
  it("one of them goes on with the row above (a wrapped row)", async () => {
    const r = await importSheet(
      markdownTable(["KPI 一覧"], [HEADER, ...kpis, ["", "", "", "統計の公表が遅れた", "次年度に確認"]]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis).toHaveLength(2);
    expect(r.report.issues.filter((i) => i.kind === "row_merged")).toHaveLength(1);
  });

  it("three or more, each of several cells, are refused: records of their own, not a continuation", async () => {
    // A print split over pages read back as rows: the later page's columns under the last KPI.
    const later = [
      ["", "", "", "事業の評価", "外部有識者からの意見"],
      ["", "", "", "有効であった", "ニーズに合った支援を続けられたい。"],
      ["", "", "", "有効とは言えない", "働きかけが不足している。"],
    ];
    const r = await importSheet(markdownTable(["KPI 一覧"], [HEADER, ...kpis, ...later]), "t.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("implausible_reading");
    expect(r.error.message).toMatch(/行目の下の.*行目に、指標名も数値も評価もないまま複数のセルがあります/);
  });
});
