import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { namesAboveHeader } from "./upper-header-lost.ts";

describe("a header's upper row passed over", () => {
  it("names the columns the one-row header leaves empty", () => {
    expect(
      namesAboveHeader(["No", "プロジェクト名", "取組名", "KPI", ""], ["", "", "", "指標内容", "基準値"]),
    ).toEqual(["No", "プロジェクト名", "取組名"]);
  });

  it("is no such row when it holds figures, names too few columns or only the header's own", () => {
    expect(
      namesAboveHeader(["1", "子育て", "保育の充実", "", ""], ["", "", "", "指標", "基準値"]),
    ).toBeNull();
    expect(
      namesAboveHeader(["令和5年度 総合戦略", "", "", "", ""], ["", "", "", "指標", "基準値"]),
    ).toBeNull();
    expect(namesAboveHeader(["施策", "指標", "", ""], ["施策", "指標", "基準値", "実績値"])).toBeNull();
  });

  it("refuses the table, naming the row, rather than read every named column without its name", async () => {
    // (An upper row naming no indicator is no header of its own: the lower row is taken alone.)
    const r = await importSheet(
      new TextEncoder().encode(
        [
          "H27年度 事業効果検証",
          "",
          "| No | プロジェクト名 | 取組名 | 成果 | | |",
          "| | | | 指標内容 | 基準値 | 実績値(H27) |",
          "|---|---|---|---|---|---|",
          "| 1 | 子育て | 保育の充実 | 保育所定員 | 300人 | 320人 |",
        ].join("\n"),
      ),
      "kpi.md",
    );
    expect(r.ok ? "read" : r.error.message).toMatch(
      /3行目の「No」「プロジェクト名」「取組名」は列見出しのようですが/,
    );
  });
});
