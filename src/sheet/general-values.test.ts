// The layout-general reader's cell readers: what a value cell, an indicator cell and an ordinal say
// besides their value (cases from fixtures/layouts: nagano-shinshu, ibaraki-pref, matsudo-city, shizuoka-pref).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runningTotal } from "./general-rows.ts";
import {
  cleanValueText,
  departmentBelowName,
  readList,
  readUnitValue,
  splitIndicator,
} from "./general-values.ts";
import { importSheetFile } from "./index.ts";
import { readGeneral } from "./read-general.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { fixturesDir } from "./test-paths.ts";

describe("cleanValueText", () => {
  it("takes a bracketed year line as the value's period and notes apart", () => {
    expect(cleanValueText("1.62<br>(H29年)")).toEqual({
      text: "1.62",
      period: { year: 2017, basis: "calendar" },
      notes: [],
    });
    expect(cleanValueText("(2020年度)<br>38.5%")).toEqual({
      text: "38.5%",
      period: { year: 2020, basis: "fiscal" },
      notes: [],
    });
    expect(cleanValueText("1.56<br>(全国16位)")).toEqual({
      text: "1.56",
      period: null,
      notes: ["(全国16位)"],
    });
  });

  it("drops trend arrows and unwraps values printed in brackets for reference", () => {
    expect(cleanValueText("5.4‰ ↓").text).toBe("5.4‰");
    expect(cleanValueText("(男性80.45)<br>(女性84.82)<br>(H28年※2)")).toEqual({
      text: "男性80.45\n女性84.82",
      period: { year: 2016, basis: "calendar" },
      notes: [],
    });
  });
});

describe("splitIndicator", () => {
  it.each([
    ["指標① 本助成制度を通じた市内人材の雇用件数", "本助成制度を通じた市内人材の雇用件数"],
    ["指標②本制度を通じた新規学卒者の雇用件数", "本制度を通じた新規学卒者の雇用件数"],
    ["KPIその2:市内の企業数", "市内の企業数"],
    ["指標 1 観光客数", "観光客数"],
    ["指標数値の達成率", "指標数値の達成率"],
    ["(1) 創業支援件数", "創業支援件数"],
    ["（３）2020年に輸出額を1兆円とする", "2020年に輸出額を1兆円とする"],
    ["② 転入者数", "転入者数"],
    ["1. 観光客数", "観光客数"],
    ["1.5次産業の事業者数", "1.5次産業の事業者数"],
    ["(仮称)交流センター利用者数", "(仮称)交流センター利用者数"],
  ])("leaves the indicator's number out of its name: 「%s」", (text, name) => {
    expect(splitIndicator(text).name).toBe(name);
  });

  it("reads the baseline → final target printed after the name, each with its year", () => {
    expect(splitIndicator("合計特殊出生率<br>H26年1.54→H31年1.68")).toEqual({
      name: "合計特殊出生率",
      tag: null,
      baseline: { text: "1.54", period: { year: 2014, basis: "calendar" } },
      final: { text: "1.68", period: { year: 2019, basis: "calendar" } },
    });
    const tagged = splitIndicator("[KPI] 農業産出額 (H25)4,356億円 → (H31)4,380億円");
    expect([tagged.name, tagged.tag, tagged.baseline?.text, tagged.final?.period.year]).toEqual([
      "農業産出額",
      "KPI",
      "4,356億円",
      2019,
    ]);
  });

  it("leaves a name without an arrow whole (a year in the name is part of it)", () => {
    expect(splitIndicator("三國湊町散策観光客数(H27年度)")).toEqual({
      name: "三國湊町散策観光客数(H27年度)",
      tag: null,
      baseline: null,
      final: null,
    });
  });
});

describe("readOrdinal", () => {
  it("counts katakana and Roman numerals as Japanese documents do", () => {
    expect(readOrdinal("(エ) 農林水産業の成長産業化")).toEqual({ no: 4, title: "農林水産業の成長産業化" });
    expect(readOrdinal("基本目標Ⅱ 良好な住環境の形成")).toEqual({ no: 2, title: "良好な住環境の形成" });
  });
  it("counts kanji numerals after a level's word (「基本目標一」, 「第十二章」), not in a title", () => {
    expect(readOrdinal("基本目標一 安定した雇用を創出する")).toEqual({
      no: 1,
      title: "安定した雇用を創出する",
    });
    expect(readOrdinal("第十二章 地域福祉")).toEqual({ no: 12, title: "地域福祉" });
    expect(readOrdinal("施策二十 交通安全")).toEqual({ no: 20, title: "交通安全" });
    expect(readOrdinal("一人ひとりが輝くまち")).toEqual({ no: 0, title: "一人ひとりが輝くまち" });
    expect(readOrdinal("施策一覧")).toEqual({ no: 0, title: "施策一覧" });
  });
});

describe("segmented values keep their qualifiers (issue 14 point 8)", () => {
  it("男性79.83以上 / 女性84.35以上 under a name in 歳: two segments in 歳, each 以上", () => {
    const v = readUnitValue(
      "男性79.83以上<br>女性84.35以上<br>(H29年)",
      "歳",
      { year: 2017, basis: "fiscal" },
      () => {},
    );
    expect(v).toMatchObject({
      kind: "segmented",
      period: { year: 2017 },
      segments: [
        { label: "男性", value: 79.83, unit: "歳", qualifiers: ["以上"] },
        { label: "女性", value: 84.35, unit: "歳", qualifiers: ["以上"] },
      ],
    });
  });

  it("read from the nagano-shinshu layout, as Markdown and as XLSX", async () => {
    for (const file of ["sheet.md", "sheet.xlsx"]) {
      const r = await importSheetFile(path.join(fixturesDir, "layouts", "nagano-shinshu", file));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const health = r.sheet.numericGoals?.find((g) => g.indicator.startsWith("健康寿命"));
      expect(health?.target).toMatchObject({
        kind: "segmented",
        segments: [{ qualifiers: ["以上"] }, { qualifiers: ["以上"] }],
      });
    }
  });
});

describe("departmentBelowName", () => {
  // 米子市's project names end with their department in brackets; a print whose rows are barely
  // taller than a line can leave that line as a row of its own (yonago-senkou printed without borders).
  const header = { columns: [{ field: "extra" }, { field: "initiatives" }, { field: "indicator" }] };
  const row = (n: number, ...cells: string[]) => ({ row: n, cells });

  it("joins 【…課】 alone under a project named without one to its name, and says so", () => {
    const above = row(9, "3", "「先端医療創造都市よなご」情報\n発信事業", "指標① セミナー参加者数");
    const issue = departmentBelowName(header, above, row(10, "", "【地域政策課】", ""));
    expect(above.cells[1]).toBe("「先端医療創造都市よなご」情報\n発信事業\n【地域政策課】");
    expect(issue).toMatchObject({ row: 10, column: "2列目", kind: "department_from_row_below" });
  });

  it("leaves it a note anywhere else: another column, a name with its department, not a department", () => {
    const above = () => row(9, "3", "情報発信事業", "指標① セミナー参加者数");
    expect(departmentBelowName(header, above(), row(10, "", "", "【地域政策課】"))).toBeNull();
    expect(
      departmentBelowName(
        header,
        row(9, "3", "情報発信事業\n【商工課】", "x"),
        row(10, "", "【地域政策課】", ""),
      ),
    ).toBeNull();
    expect(departmentBelowName(header, above(), row(10, "", "【参考】", ""))).toBeNull();
    expect(departmentBelowName(header, undefined, row(10, "", "【地域政策課】", ""))).toBeNull();
  });
});

describe("readList (担当課)", () => {
  it("joins a department wrapped at the cell's edge, keeps one per line otherwise", () => {
    // A Word table's narrow 担当課 column: 「子育て支援」 over 「課」, 「ほけん福」 over 「祉課」.
    expect(readList("子育て支援\n課")).toEqual(["子育て支援課"]);
    expect(readList("ほけん福\n祉課")).toEqual(["ほけん福祉課"]);
    // Over three lines in a column three characters wide (read 「防災危」, 「機管理課」 before).
    expect(readList("防災危\n機管理\n課")).toEqual(["防災危機管理課"]);
    expect(readList("農林\n水産課\n企画課")).toEqual(["農林水産課", "企画課"]);
    expect(readList("企画課\n財政課")).toEqual(["企画課", "財政課"]);
    expect(readList("企画課、財政課")).toEqual(["企画課", "財政課"]);
    // The author's break for certain (a line ended short of a ruled cell's edge) stays.
    expect(readList("子育て支援\u2028課")).toEqual(["子育て支援", "課"]);
  });

  it("joins a department wrapped over three lines or more (a portrait page's narrower column)", () => {
    // kitsuki-city, nagano-pref and fuji-shisaku printed through Writer on a portrait page: the first
    // two lines together are no department either, so the last two were joined and the first left
    // alone (["農林", "水産課"] with exit 0).
    expect(readList("農林\n水産\n課")).toEqual(["農林水産課"]);
    expect(readList("楽園信州\n・移住推\n進室")).toEqual(["楽園信州・移住推進室"]);
    expect(readList("防災危\n機管理\n課\n企画課")).toEqual(["防災危機管理課", "企画課"]);
    // Not across the author's break for certain.
    expect(readList("農林\n水産\u2028課")).toEqual(["農林", "水産", "課"]);
  });
});

describe("a bracketed figure wrapped in its cell", () => {
  it("「(1,100,000」 over 「人)」 is the figure 1,100,000 人, as 「(1,100,000人)」 on one line", () => {
    const v = readUnitValue("(1,100,000<br>人)", null, { year: 2015, basis: "fiscal" }, () => {});
    expect(v).toMatchObject({ kind: "number", value: 1100000, unit: "人" });
  });
});

describe("a running total under a header wrapped in its cell", () => {
  it("「H30実\\n績値(累\\n計)」 over 「2人(3人)」 is the total 3人, as under 「H30実績値(累計)」", () => {
    expect(runningTotal("H30実\n績値(累\n計)", "2人(3人)")).toBe("3人");
    expect(runningTotal("H30実績値(累計)", "2人<br>(3人)")).toBe("3人");
  });
});

describe("a table printed by a word processor with narrow columns (cao-growth's Word print)", () => {
  // Its cells wrapped where the XLSX has one line: 「施策群:民間投資の活\n性化」, 「経済産\n業省」.
  const table = {
    rows: [
      ["整理No.", "KPI", "主担当\n省庁", "最新の数\n値", "KPIの\n進捗"],
      ["施策群:民間投資の活\n性化", "", "", "", ""],
      ["1", "今後3年の内に、設備投資を年間約70兆円に回復させる", "経済産\n業省", "69.4兆円", "A"],
      ["2", "開業率が廃業率を上回る状態にする", "経済産\n業省", "4.9%", "B"],
    ].map((cells, i) => ({ row: i + 2, cells })),
    outside: [{ row: 1, text: "成長戦略KPIの進捗状況(平成27年度)" }],
  };
  const read = () => readGeneral(table, { authored: false })!.sheet.kpis;

  it("reads a labelled heading wrapped in its cell as the heading of the rows below", () => {
    expect(read().map((k) => k.goal.title)).toEqual(["民間投資の活性化", "民間投資の活性化"]);
  });

  it("reads a ministry wrapped in its cell as one department (省, as 庁)", () => {
    expect(read().map((k) => k.departments)).toEqual([["経済産業省"], ["経済産業省"]]);
    expect(readList("国土交\n通省")).toEqual(["国土交通省"]);
  });
});

describe("a code glued to its title (a word processor's PDF keeps no typed space there)", () => {
  it("「01-02豊岡で働く…」 is numbered by the code's last part, as 「01-02 豊岡で働く…」", () => {
    // Writer sets Japanese and digits apart by itself, so the reader takes a narrow gap for no space:
    // toyooka-kenshou's Word print gave 「01-02豊岡で働く魅力が…」, numbered 1 with exit 0.
    expect(readOrdinal("01-02豊岡で働く魅力が若者に伝わっている")).toEqual({
      no: 2,
      title: "豊岡で働く魅力が若者に伝わっている",
    });
    expect(readOrdinal("01-03 若者が地元企業に就職している").no).toBe(3);
  });
});

describe("rows above the column names printed again inside the table", () => {
  it("are the print's rows repeated at each page's top, not KPIs", () => {
    // gyokuto-senkou printed through Writer on portrait pages: its first row (「都道府県名 | 熊本県 | …」,
    // above the column names) repeated at the top of page 2 was read as a KPI 「市町村コード」 of 43,364.
    const info = ["都道府県名", "熊本県", "市町村コード", "43,364", "", ""];
    const table = {
      rows: [
        info,
        ["No", "事業名", "指標", "目標値", "実績値", "評価"],
        ["1", "お試し暮らし住宅整備事業", "おためし暮らし利用件数", "2件", "3件", "A"],
        info,
        ["2", "子育て応援事業", "出生数", "3人", "11人", "A"],
      ].map((cells, i) => ({ row: i + 2, cells })),
      outside: [{ row: 1, text: "事業実施結果報告(平成27年度)" }],
    };
    const read = readGeneral(table, { authored: false })!;
    expect(read.sheet.kpis.map((k) => k.indicator)).toEqual(["おためし暮らし利用件数", "出生数"]);
    expect(read.dropped.filter((d) => d.row === 5).map((d) => d.reason)).toContain(
      "列見出しより前の行の繰り返し(改ページ)",
    );
  });
});
