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

// Cases from the layouts collected for issue 14 (fixtures/layouts): their words over other contents.
describe("other cities' words over other contents", () => {
  const plain = (header: string[], rows: string[][], below: string[] = []) =>
    new TextEncoder().encode(
      [
        "令和3年度 進捗状況",
        "",
        ...[header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`),
        "",
        ...below,
      ].join("\n"),
    );

  it("a 進捗区分 column holding percentages (yamagata/nagano words): refused, naming the column and --profile", async () => {
    const r = await importSheet(
      plain(
        ["指標名", "策定時", "直近値", "目標値(R6)", "進捗区分"],
        [
          ["観光消費額", "2,350億円(H30)", "1,349億円(R3)", "2,600億円", "57.4%"],
          ["交通事故死者数", "31人(R1)", "24人(R3)", "25人", "104.2%"],
        ],
      ),
      "yamagata-like.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("column_contradiction");
    expect(r.error.message).toContain("進捗区分");
    expect(r.error.message).toContain('"field":"rate"');
  });

  it("long labels that never repeat and no legend lists (narrative under 事業の評価): refused", async () => {
    const r = await importSheet(
      plain(
        ["交付対象事業の名称", "指標", "指標値", "単位", "実績値", "事業の評価"],
        [
          ["シティセールス事業", "認知度", "6", "%", "7.3", "首都圏での認知度が上がり番組誘致も進んだ"],
          ["子育て支援事業", "移住世帯数", "5", "世帯", "7", "移住した世帯が目標を上回り効果が大きかった"],
          ["就農支援事業", "新規就農者", "2", "件", "4", "空き家を活用した就農が二件増えた"],
        ],
      ),
      "sakai-like.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("column_contradiction");
    expect(r.error.message).toContain("事業の評価");
  });

  it("the same long labels, repeated and explained by a legend: read as the city's scale", async () => {
    const r = await importSheet(
      plain(
        ["交付対象事業の名称", "指標", "指標値", "単位", "実績値", "事業の評価"],
        [
          ["シティセールス事業", "認知度", "6", "%", "7.3", "地方創生に相当程度効果があった"],
          ["子育て支援事業", "移住世帯数", "5", "世帯", "7", "地方創生に非常に効果的であった"],
          ["就農支援事業", "新規就農者", "2", "件", "4", "地方創生に非常に効果的であった"],
        ],
        [
          "地方創生に非常に効果的であった:目標値を上回った 地方創生に相当程度効果があった:目標値の7割以上を達成した",
        ],
      ),
      "sakai-like.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.evaluation.category, k.unit, k.target])).toEqual([
      [
        "mostly_on_track",
        "%",
        { kind: "number", value: 6, unit: "%", period: { year: 2021, basis: "fiscal" }, raw: "6" },
      ],
      [
        "on_track",
        "世帯",
        { kind: "number", value: 5, unit: "世帯", period: { year: 2021, basis: "fiscal" }, raw: "5" },
      ],
      [
        "on_track",
        "件",
        { kind: "number", value: 2, unit: "件", period: { year: 2021, basis: "fiscal" }, raw: "2" },
      ],
    ]);
    expect(r.sheet.scale?.bands.map((b) => [b.label, b.category, b.min])).toEqual([
      ["地方創生に非常に効果的であった", "on_track", null],
      ["地方創生に相当程度効果があった", "mostly_on_track", 0.7],
    ]);
  });
});
