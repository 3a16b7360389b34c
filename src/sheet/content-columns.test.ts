import { describe, expect, it } from "vitest";
import { attempt, read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

/** A city's table with four headers swapped for `words` (unknown ones, or blank as a merged header leaves them). */
const sheet = (words: { goal: string; unit: string; rating: string; department: string }) => [
  "○○市総合戦略 令和5年度 KPI進捗状況",
  "",
  `| ${words.goal} | 施策 | 指標 | ${words.unit} | 基準値(R1) | 実績値(R5) | 目標値(R6) | ${words.rating} | ${words.department} |`,
  "|---|---|---|---|---|---|---|---|---|",
  "| 1 しごとをつくる | (1) 企業誘致の推進 | 誘致企業数(累計) | 社 | 2 | 9 | 10 | B | 商工観光課 |",
  "| | | 新規雇用者数 | 人 | 40 | 130 | 120 | A | 商工観光課 |",
  "| | (2) 農業の振興 | 新規就農者数 | 人 | 3 | 4 | 8 | C | 農林課 |",
  "| 2 ひとの流れをつくる | (1) 観光の振興 | 観光入込客数 | 千人 | 310 | 352 | 400 | B | 商工観光課 |",
  "| | (2) 移住の促進 | 移住相談件数 | 件 | 35 | 90 | 100 | B | 企画課 |",
  "",
  "評価 A:目標を達成 B:概ね順調(80%以上) C:遅れている(80%未満)",
];

describe("columns whose header no rule knows, read by what every cell holds", () => {
  // (Blank headers as Markdown only: the test workbook merges a blank header cell with the title above it.)
  for (const form of FORMS)
    for (const blank of form === "kpi.md" ? [false, true] : [false])
      it(`reads the goal, the unit, the rating and the department by their cells (${blank ? "blank headers" : "words of the city's own"}, ${form})`, async () => {
        const words = blank
          ? { goal: "", unit: "", rating: "", department: "" }
          : { goal: "まちの姿", unit: "計測", rating: "判断", department: "係" };
        const r = await attempt(sheet(words), form);
        if (!r.ok) throw new Error(r.error.message);
        const k = r.sheet.kpis;
        expect(k.map((x) => x.goal?.no)).toEqual([1, 1, 1, 2, 2]);
        expect(k[2]!.measure).toEqual({ no: 2, title: "農業の振興" });
        expect(k.map((x) => x.unit)).toEqual(["社", "人", "人", "千人", "件"]);
        // (千人 scales the figure, as a 単位 column does)
        expect(k[3]!.actual).toMatchObject({ value: 352000 });
        expect(k.map((x) => x.evaluation?.label)).toEqual(["B", "A", "C", "B", "B"]);
        expect(k.map((x) => x.departments)).toEqual([
          ["商工観光課"],
          ["商工観光課"],
          ["農林課"],
          ["商工観光課"],
          ["企画課"],
        ]);
        // (each said in the report, the user's to correct)
        const said = r.report.issues.filter((i) => i.kind === "column_read_by_content").map((i) => i.after);
        expect(said).toEqual(
          expect.arrayContaining(
            ["基本目標", "単位", "評価", "担当課"].map((w) => expect.stringContaining(w)),
          ),
        );
      });

  it("refuses a column of marks the legend does not explain every one of (D), naming it: no rating guessed", async () => {
    const lines = sheet({ goal: "基本目標", unit: "単位", rating: "判断", department: "担当課" }).map((l) =>
      l.replace("| C | 農林課 |", "| D | 農林課 |"),
    );
    expect(await refusal(lines)).toMatch(/8列目「判断」は評価の記号/);
  });

  it("reads no unit from a column of short words that are not units (増加 / 維持)", async () => {
    const lines = sheet({ goal: "基本目標", unit: "向き", rating: "評価", department: "担当課" }).map((l) =>
      l.replace(/\| (社|人|千人|件) \| (\d)/, (_, _u, d) => `| ${d === "3" ? "維持" : "増加"} | ${d}`),
    );
    const s = await read(lines);
    expect(s.kpis.every((k) => !k.unit)).toBe(true);
  });

  it("keeps two unknown columns of department names as they are (which one is the department's is no content's to say)", async () => {
    const lines = [
      "| 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) | 甲欄 | 乙欄 |",
      "|---|---|---|---|---|---|",
      "| 誘致企業数 | 2 | 9 | 10 | 商工観光課 | 企画課 |",
      "| 移住相談件数 | 35 | 90 | 100 | 企画課 | 商工観光課 |",
    ];
    const s = await read(lines);
    expect(s.kpis.every((k) => (k.departments ?? []).length === 0)).toBe(true);
    expect(s.kpis[0]!.extras?.map((e) => e.text)).toEqual(["商工観光課", "企画課"]);
  });

  it("reads no level from a lone column of numbered titles (the goal or the measure is its word's to say)", async () => {
    const lines = [
      "| まちの姿 | 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) |",
      "|---|---|---|---|---|",
      "| 1 しごとをつくる | 誘致企業数 | 2 | 9 | 10 |",
      "| | 移住相談件数 | 35 | 90 | 100 |",
      "| 2 ひとの流れをつくる | 観光入込客数 | 310 | 352 | 400 |",
    ];
    expect(await refusal(lines)).toMatch(/1列目「まちの姿」の「1 しごとをつくる」は番号付きの見出し/);
  });

  const noIndicatorName = (word: string, note = false) => [
    "○○町 総合戦略 KPI 令和5年度実績",
    "",
    `| 基本目標 | ${word} | 基準値(R1) | 実績値(R5) | 目標値(R6) | 評価 |${note ? " 補足 |" : ""}`,
    `|---|---|---|---|---|---|${note ? "---|" : ""}`,
    `| 1 しごとをつくる | 誘致企業数(累計) | 2社 | 9社 | 10社 | B |${note ? " 市外から2社 |" : ""}`,
    `| | 新規就農者数 | 3人 | 4人 | 8人 | C |${note ? " 研修中2人 |" : ""}`,
    `| 2 ひとの流れをつくる | 観光入込客数 | 310千人 | 352千人 | 400千人 | B |${note ? " 宿泊は減少 |" : ""}`,
    "",
    "評価 A:目標を達成 B:概ね順調 C:遅れている",
  ];
  for (const form of FORMS)
    it(`finds the header with no indicator's name, the KPIs' names by their cells (${form})`, async () => {
      const r = await attempt(noIndicatorName("成果の物差し"), form);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.sheet.kpis.map((k) => k.indicator)).toEqual([
        "誘致企業数(累計)",
        "新規就農者数",
        "観光入込客数",
      ]);
      expect(r.sheet.kpis.map((k) => k.goal?.no)).toEqual([1, 1, 2]);
      const said = r.report.issues.find((i) => i.kind === "column_read_by_content" && i.after === "指標名");
      expect(said?.message).toContain("2列目「成果の物差し」");
    });

  it("finds it under a blank header cell too (Markdown: the test workbook merges a blank header with the title)", async () => {
    const s = await read(noIndicatorName(""));
    expect(s.kpis.map((k) => k.actual)).toMatchObject([{ value: 9 }, { value: 4 }, { value: 352000 }]);
  });

  it("finds no header where two unknown columns name a different thing on every row (which is the KPI's?)", async () => {
    const lines = [
      "| 呼び名 | 成果の物差し | 基準値(R1) | 実績値(R5) | 目標値(R6) |",
      "|---|---|---|---|---|",
      "| 企業誘致事業 | 誘致企業数(累計) | 2社 | 9社 | 10社 |",
      "| 就農支援事業 | 新規就農者数 | 3人 | 4人 | 8人 |",
      "| 観光振興事業 | 観光入込客数 | 310千人 | 352千人 | 400千人 |",
    ];
    expect(await refusal(lines)).toMatch(/列見出し|見つかりません/);
  });

  for (const form of FORMS)
    it(`reads a lone column of numbered titles under the goals' heading lines as the measure (${form})`, async () => {
      const lines = [
        "○○町 総合戦略 効果検証(令和5年度)",
        "基本目標1 しごとをつくる",
        "",
        "| まちの姿 | 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) |",
        "|---|---|---|---|---|",
        "| (1) 企業誘致の推進 | 誘致企業数 | 2社 | 9社 | 10社 |",
        "| | 新規雇用者数 | 40人 | 130人 | 120人 |",
        "| (2) 農業の振興 | 新規就農者数 | 3人 | 4人 | 8人 |",
        "",
        "基本目標2 ひとの流れをつくる",
        "",
        "| まちの姿 | 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) |",
        "|---|---|---|---|---|",
        "| (1) 観光の振興 | 観光入込客数 | 310千人 | 352千人 | 400千人 |",
        "| | 宿泊者数 | 11千人 | 12千人 | 20千人 |",
      ];
      const s = await read(lines, form);
      expect(s.kpis.map((k) => [k.goal?.no, k.measure?.no])).toEqual([
        [1, 1],
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 1],
      ]);
      expect(s.kpis[2]!.measure?.title).toBe("農業の振興");
    });

  const reached = (word: string, baseline = "基準値(H26)", extra = false) => [
    "○○市総合戦略 平成27年度 KPI到達状況",
    "",
    `| 指標 | ${baseline} | ${word} | 目標値(H31) |${extra ? " 改善幅 |" : ""}`,
    `|---|---|---|---|${extra ? "---|" : ""}`,
    `| 誘致企業数 | 2社 | 5社 | 10社 |${extra ? " 3社 |" : ""}`,
    `| 新規就農者数 | 3人 | 6人 | 8人 |${extra ? " 3人 |" : ""}`,
  ];
  for (const form of FORMS)
    it(`reads the one unknown column of figures beside a named baseline and target as the actual (${form})`, async () => {
      const r = await attempt(reached("平成27年度の足元"), form);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.sheet.fiscalYear).toBe(2015);
      expect(r.sheet.kpis.map((k) => k.actual)).toMatchObject([{ value: 5 }, { value: 6 }]);
      expect(r.report.issues.some((i) => i.kind === "column_read_by_content" && i.after === "実績値")).toBe(
        true,
      );
    });

  it("refuses it beside a second unknown column of figures, or under a baseline named 現状値 (either may be the actual)", async () => {
    expect(await refusal(reached("平成27年度の足元", "基準値(H26)", true))).toMatch(
      /実績値の列が見つかりません/,
    );
    expect(await refusal(reached("平成27年度の足元", "現状値(H26)"))).toMatch(/実績値の列が見つかりません/);
  });

  for (const form of FORMS)
    it(`reads an unknown column of projects' names (…事業, …プロジェクト) as the projects (${form})`, async () => {
      const lines = [
        "| 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) | 取り組んだこと |",
        "|---|---|---|---|---|",
        "| 新規就農者数 | 3人 | 4人 | 8人 | 新規就農者定着支援事業(拡充) |",
        "| 木の駅の参加者数 | 10人 | 25人 | 30人 | 木の駅プロジェクト |",
        "| 観光入込客数 | 310千人 | 352千人 | 400千人 | 観光誘客促進事業 |",
      ];
      const r = await attempt(lines, form);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.sheet.kpis.map((k) => k.initiatives.length)).toEqual([1, 1, 1]);
      expect(r.sheet.kpis[1]!.initiatives).toEqual(["木の駅プロジェクト"]);
    });

  it("keeps a column of sentences about the work as it is (no project's name)", async () => {
    const lines = [
      "| 指標 | 基準値(R1) | 実績値(R5) | 目標値(R6) | 取り組んだこと |",
      "|---|---|---|---|---|",
      "| 新規就農者数 | 3人 | 4人 | 8人 | 研修を2回開いた |",
      "| 観光入込客数 | 310千人 | 352千人 | 400千人 | 観光誘客促進事業 |",
    ];
    const s = await read(lines);
    expect(s.kpis.every((k) => k.initiatives.length === 0)).toBe(true);
  });

  const twoAxes = (word: string) => [
    "○○市 施策評価結果(令和6年度)",
    "",
    `| 指標 | 基準値(R4) | 実績値(R6) | 目標値(R10) | ${word} | 主要事業の貢献度 |`,
    "|---|---|---|---|---|---|",
    "| 待機児童数 | 18人 | 4人 | 0人 | B | 高 |",
    "| 観光入込客数 | 485万人 | 560万人 | 600万人 | B | 中 |",
    "| 新規就農者数 | 3人 | 11人 | 25人 | C | 低 |",
    "",
    "【指標の達成度】 A:目標値を達成 B:概ね順調 C:遅れている",
    "【主要事業の貢献度】 高:大きく貢献した 中:一定程度貢献した 低:十分に貢献できていない",
  ];
  it("reads the rating by its name beside another axis its own legend names (貢献度)", async () => {
    const s = await read(twoAxes("指標の達成度"));
    expect(s.kpis.map((k) => k.evaluation?.label)).toEqual(["B", "B", "C"]);
  });
  it("refuses when the rating's name is the city's own and another axis was taken for it, naming both", async () => {
    const message = await refusal(twoAxes("確認欄"));
    expect(message).toMatch(/5列目「確認欄」は凡例が意味を示す評価の記号/);
    expect(message).toMatch(/6列目「主要事業の貢献度」とどちらが/);
  });
  // (As a workbook the legend's rows are read before the columns settle: the unknown column is then the one the legend
  // under its caption explains, the 貢献度 its own axis — read right, where the Markdown above is refused.)
  it("never reads the other axis as the rating (XLSX: read right)", async () => {
    const s = await read(twoAxes("確認欄"), "kpi.xlsx");
    expect(s.kpis.map((k) => k.evaluation?.label)).toEqual(["B", "B", "C"]);
  });

  it("reads a table whose indicator, unit, rate, rating and department all bear words of the city's own", async () => {
    const r = await attempt([
      "○○町 総合戦略 KPI 令和5年度実績",
      "",
      "| 基本目標 | 成果の物差し | 計測 | 基準値(R1) | 実績値(R5) | 目標値(R6) | 進み | 判断 | 係 |",
      "|---|---|---|---|---|---|---|---|---|",
      "| 1 しごとをつくる | 誘致企業数(累計) | 社 | 2 | 9 | 10 | 90.0% | B | 商工観光課 |",
      "| | 新規就農者数 | 人 | 3 | 4 | 8 | 50.0% | C | 農林課 |",
      "| 2 ひとの流れをつくる | 観光入込客数 | 千人 | 310 | 352 | 400 | 88.0% | B | 商工観光課 |",
      "",
      "評価 A:目標を達成 B:概ね順調 C:遅れている",
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.profile?.columns?.map((c) => c.field)).toEqual([
      "goal",
      "indicator",
      "unit",
      "baseline",
      "actual",
      "target",
      "rate",
      "evaluation",
      "departments",
    ]);
    expect(r.sheet.kpis.map((k) => [k.indicator, k.unit, k.printedRate, k.evaluation?.label])).toEqual([
      ["誘致企業数(累計)", "社", 0.9, "B"],
      ["新規就農者数", "人", 0.5, "C"],
      ["観光入込客数", "千人", 0.88, "B"],
    ]);
  });
});
