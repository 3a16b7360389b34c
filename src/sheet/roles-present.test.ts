// Never written wrong with exit 0 (issue 14 point 6): a table whose actuals, evaluation or indicator
// sit under names the reader does not know is refused naming the column — as the first readings of
// rounds 5 and 6 (fixtures/layouts/README.md) wrote 「実績なし」/「評価なし」 instead.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

const md = (lines: string[], header: string[], rows: string[][]) =>
  new TextEncoder().encode(
    [...lines, "", ...[header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`)].join(
      "\n",
    ),
  );

describe("a table that lost a whole role is refused, naming the column", () => {
  it("actuals under a name it does not know (no 実績 column, no years): unrecognised_columns", async () => {
    const r = await importSheet(
      md(
        ["KPIの状況(令和4年度)"],
        ["指標名", "目標値", "足元の数字", "評価", "担当課"],
        [
          ["観光客数", "100人", "96人", "B", "観光課"],
          ["移住者数", "50人", "61人", "A", "企画課"],
        ],
      ),
      "kpi.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unrecognised_columns");
    expect(r.error.message).toContain("3列目「足元の数字」");
  });

  it("an evaluation under a name it does not know, its labels explained by the legend: refused", async () => {
    const r = await importSheet(
      md(
        ["KPIの状況(令和4年度)", "A:目標を達成 B:概ね順調 C:遅れている"],
        ["指標名", "R4目標値", "R4実績値", "進み具合", "担当課"],
        [
          ["観光客数", "100人", "96人", "B", "観光課"],
          ["移住者数", "50人", "61人", "A", "企画課"],
        ],
      ),
      "kpi.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unrecognised_columns");
    expect(r.error.message).toContain("4列目「進み具合」");
  });

  it("two columns of words under the indicator's name: refused, naming the second", async () => {
    const r = await importSheet(
      md(
        ["KPIの状況(令和4年度)"],
        ["指標名", "R4目標値", "R4実績値", "評価", "指標内容"],
        [
          ["観光客数", "100人", "96人", "B", "市内の観光施設の入込客数"],
          ["移住者数", "50人", "61人", "A", "相談窓口を通じた移住者の数"],
        ],
      ),
      "kpi.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("column_contradiction");
    expect(r.error.message).toContain("5列目「指標内容」");
  });

  it("the same table with its columns named reads (the guards refuse only a lost role)", async () => {
    const r = await importSheet(
      md(
        ["KPIの状況(令和4年度)", "A:目標を達成 B:概ね順調 C:遅れている"],
        ["指標名", "R4目標値", "R4実績値", "評価", "担当課"],
        [
          ["観光客数", "100人", "96人", "B", "観光課"],
          ["移住者数", "50人", "61人", "A", "企画課"],
        ],
      ),
      "kpi.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.indicator, k.evaluation.category])).toEqual([
      ["観光客数", "mostly_on_track"],
      ["移住者数", "on_track"],
    ]);
  });
});
