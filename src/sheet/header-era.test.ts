// A role's bare bracketed year (「実績値(24年度)」) in the era the header's own year columns print or fall in
// (round 22: tokushima-shuyo, whose title names no year: the 工程 columns H23 | H24 | H25 give 平成).
import { describe, expect, it } from "vitest";
import { eraOfHeader } from "./general-roles.ts";

describe("the era of the header's year columns", () => {
  const col = (header: string, year?: number) => ({ header, period: year ? { year } : undefined });
  it("is the one era its read years print or fall in", () => {
    expect(eraOfHeader([col("工程 H23", 2011), col("H25", 2013), col("実績値(25年度)")])).toBe("平成");
    expect(eraOfHeader([col("令和4年度", 2022), col("R5", 2023)])).toBe("令和");
    expect(eraOfHeader([col("工程 2011年度", 2011), col("2013年度", 2013)])).toBe("平成");
  });
  it("is none when they print or fall in both eras, or print none", () => {
    expect(eraOfHeader([col("H30", 2018), col("R1", 2019)])).toBe("");
    expect(eraOfHeader([col("2018年度", 2018), col("2019年度", 2019)])).toBe("");
    expect(eraOfHeader([col("実績値(25年度)")])).toBe("");
  });
});

describe("a bare bracketed year under a title dated in another era", () => {
  it("counts in the header's era, not the date's (「令和7年3月31日」 is when the sheet was issued)", async () => {
    const { importSheet } = await import("./import-sheet.ts");
    const md = [
      "主要事業等評価シート",
      "令和7年3月31日 企画調整課",
      "",
      "| 番号 | 数値目標 | 工程 H24 | 工程 H25 | 実績値(24年度) | 実績値(25年度) | 評価 |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | 企業立地件数(件) | 1件 | 2件 | 1件 | 2件 | A |",
      "",
      "評価 A:順調 B:おおむね順調 C:要見直し",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "sheet.md");
    expect(r.ok ? r.sheet.fiscalYear : r.error.message).toBe(2013);
  });
});
