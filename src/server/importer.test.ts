import { describe, expect, it } from "vitest";
import type { ImportIssue } from "../sheet/types.ts";
import { recognisedColumns } from "./importer.ts";

const issue = (column: string, confidence: ImportIssue["confidence"]): ImportIssue => ({
  row: 6,
  column,
  kind: "label_from_words",
  before: "目標以上",
  after: "on_track",
  confidence,
  message: "…",
});
const profile = {
  columns: [
    { col: 1, header: "指標名", field: "indicator" as const },
    { col: 2, header: "評価", field: "evaluation" as const },
    { col: 3, header: "備考", field: "extra" as const },
  ],
};
const confidences = (issues: ImportIssue[], given?: typeof profile) =>
  recognisedColumns(profile, issues, given).map((c) => c.confidence);

describe("recognisedColumns: how sure the preview says each column's meaning is", () => {
  it("a header it knows: high; a column it did not recognise: low (kept as an extra)", () => {
    expect(confidences([])).toEqual(["high", "high", "low"]);
  });

  it("a doubt about some cells of a recognised column asks for a look (medium), never 「不明」 (low)", () => {
    expect(confidences([issue("評価", "low")])).toEqual(["high", "medium", "low"]);
    expect(confidences([issue("評価", "medium"), issue("備考", "low")])).toEqual(["high", "medium", "low"]);
  });

  it("a column the user mapped is certain, whatever its cells", () => {
    expect(confidences([issue("評価", "low")], { columns: [profile.columns[1]!] })).toEqual([
      "high",
      "certain",
      "low",
    ]);
  });
});
