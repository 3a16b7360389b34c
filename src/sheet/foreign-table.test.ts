// Issue 14 point 6: a table in the seed's header words whose columns hold something else is read
// right or refused — never written wrong with exit 0.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

const SEED_WORDS = [
  "大基本目標",
  "小基本目標",
  "具体的な施策",
  "主な取組",
  "主な取組及び関連事業の実施状況",
  "指標名",
];
const TAIL = ["進捗評価", "進捗が遅れている理由", "課題", "今後の方策等", "担当課"];
const md = (header: string[], rows: string[][]) =>
  new TextEncoder().encode(
    [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n"),
  );

describe("a foreign table in the seed's words", () => {
  it("several 実績 years, numbers under 指標名 and percentages under 進捗評価: refused naming the column", async () => {
    const header = [...SEED_WORDS, "平成27年度実績", "平成28年度実績", "目標値(令和2年度)", ...TAIL];
    const rows = [
      [
        "1 しごと",
        "1 雇用",
        "① 産業",
        "支援",
        "実施した",
        "4",
        "120",
        "130",
        "200",
        "62.5%",
        "-",
        "-",
        "-",
        "商工課",
      ],
      ["", "", "", "支援", "実施した", "7", "80", "95", "150", "63.3%", "-", "-", "-", "商工課"],
    ];
    const r = await importSheet(md(header, rows), "foreign.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("column_contradiction");
    expect(r.error.message).toMatch(/指標名|進捗評価/);
    expect(r.error.message).toContain("--profile");
  });

  it("the seed's exact header over percentages in 進捗評価: refused, not read as labels", async () => {
    const header = [...SEED_WORDS, "令和4年度目標値", "令和4年度実績値", "目標値(令和6年度)", ...TAIL];
    const rows = [
      [
        "1 しごと",
        "1 雇用",
        "① 産業",
        "支援",
        "実施した",
        "事業所数",
        "120社",
        "130社",
        "200社",
        "62.5%",
        "-",
        "-",
        "-",
        "商工課",
      ],
      ["", "", "", "支援", "実施した", "従業者数", "80人", "95人", "150人", "63.3%", "-", "-", "-", "商工課"],
    ];
    const r = await importSheet(md(header, rows), "foreign.md");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("column_contradiction");
  });

  it("several 実績 years with the right content: read right, the evaluated year the latest with data", async () => {
    const header = [
      ...SEED_WORDS,
      "平成27年度実績",
      "平成28年度実績",
      "平成29年度実績",
      "目標値(令和2年度)",
      ...TAIL,
    ];
    const rows = [
      [
        "1 しごと",
        "1 雇用",
        "① 産業",
        "支援",
        "実施した",
        "事業所数",
        "120社",
        "130社",
        "",
        "200社",
        "順調",
        "-",
        "-",
        "-",
        "商工課",
      ],
    ];
    const r = await importSheet(md(header, rows), "foreign.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.fiscalYear).toBe(2016);
    const k = r.sheet.kpis[0]!;
    expect(k.indicator).toBe("事業所数");
    expect(k.actual).toMatchObject({ kind: "number", value: 130, unit: "社" });
    expect(k.finalTarget).toMatchObject({ kind: "number", value: 200, period: { year: 2020 } });
    expect(k.evaluation).toMatchObject({ category: "on_track", label: "順調" });
    expect(k.years?.map((y) => y.year)).toEqual([2015, 2016, 2017, 2020]);
    expect(r.report.profile?.columns?.find((c) => c.col === 6)?.field).toBe("indicator");
  });
});
