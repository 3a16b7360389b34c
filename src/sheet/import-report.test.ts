import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatImportReport, importSheetFile } from "./index.ts";
import { fixturesDir } from "./test-paths.ts";

describe("formatImportReport", () => {
  it("prints counts, dropped cells by reason, and one line per repair or inference", async () => {
    const r = await importSheetFile(path.join(fixturesDir, "markdown/kawase-r6-odd-rows.md"));
    if (!r.ok) throw new Error(r.error.message);
    const text = formatImportReport(r.report);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("取込: kawase-r6-odd-rows.md (markdown) — 指標 6 件 / import: 6 KPIs");
    expect(lines[1]).toBe(
      `セル: 空でないセル ${r.report.cells.total}、うち出力 ${r.report.cells.used}、除外 ${r.report.cells.dropped.length}`,
    );
    expect(text).toContain("除外: 表の外の文 1 セル");
    for (const kind of ["row_realigned", "row_merged", "heading_row", "hierarchy_moved"])
      expect(lines.filter((l) => l.includes(` ${kind}: `)).length).toBeGreaterThan(0);
    expect(text).toMatch(/\[high\] 9行 主な取組〜担当課 row_realigned/);
  });
});
